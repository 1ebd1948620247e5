// Routekaart: from worry to the right person, for burgers and professionals, from one route model.
import { test, expect } from '@playwright/test';
import { expectAccessible, trackRequests, appReady, NEUTRAL, stubNeutralSite } from './helpers.mjs';

const h1 = (page) => page.locator('.mw-screen h1');

async function storedNothing(page) {
  const stored = await page.evaluate(() => [...Object.keys(localStorage), ...Object.keys(sessionStorage)]);
  expect(stored).toEqual([]);
}

test('direct danger comes first and leads to 112', async ({ page }) => {
  await page.goto('/#/zorgen');
  await appReady(page);
  await expect(h1(page)).toHaveText('Is er nu direct gevaar?');
  await expectAccessible(page, 'zorgen, start');
  await page.getByRole('link', { name: 'Ja, er is nu gevaar' }).click();
  await expect(h1(page)).toHaveText('Bel nu 112');
  await expect(h1(page)).toBeFocused();
  await expect(page.locator('.mw-route-call').first().getByRole('link')).toHaveAttribute('href', 'tel:112');
  await expectAccessible(page, 'zorgen, gevaar');
});

const PATHS = [
  ['Een kind', 'Je maakt je zorgen over een kind', ['tel:08002000']],
  ['Mijn partner of ex-partner', 'Je maakt je zorgen over je partner of ex-partner', ['tel:08002000']],
  ['Een oudere', 'Je maakt je zorgen over een oudere', ['tel:08002000']],
  ['Mezelf: ik ben thuis niet veilig', 'Je bent thuis niet veilig', ['tel:112', 'tel:08002000']],
  ['Ik ben een kind of jongere en thuis niet veilig', 'Je bent een kind of jongere en thuis niet veilig', ['tel:08000432', 'tel:112', 'tel:08002000']],
];

for (const [answer, title, numbers] of PATHS) {
  test(`burger path "${answer}": numbers, what happens next and the local team for a postcode`, async ({ page }) => {
    const requests = trackRequests(page);
    await page.goto('/voorbeeld.html#/zorgen');
    await appReady(page);
    await page.getByRole('link', { name: 'Nee, maar ik maak me zorgen' }).click();
    await expect(h1(page)).toHaveText('Over wie maak je je zorgen?');
    await page.getByRole('link', { name: answer, exact: true }).click();
    await expect(h1(page)).toHaveText(title);
    const calls = page.locator('.mw-route-call a');
    await expect(calls).toHaveCount(numbers.length);
    for (const [i, href] of numbers.entries()) await expect(calls.nth(i)).toHaveAttribute('href', href);
    await expect(page.getByRole('navigation', { name: 'Je antwoorden tot nu toe' })).toContainText(answer);
    // Help by theme from the sociale kaart: a search until the postcode is known, then the
    // service for that postcode with its number.
    const find = page.locator('.mw-route-find').first();
    await expect(find.getByRole('link', { name: /^Zoek in de sociale kaart: / })).toHaveAttribute('href', /^#\/sociale-kaart\?thema=/);
    await page.getByLabel('Je postcode of wijk').fill('3319');
    await expect(page.getByRole('heading', { name: 'Buurtteam Zuid' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Bel 010-5550103' }).first()).toHaveAttribute('href', 'tel:0105550103');
    await expect(find.getByRole('link').first()).toHaveAttribute('href', /^#\/sociale-kaart\/dienst\//);
    await expect(find.locator('a[href^="tel:"]')).toHaveCount(1);
    await page.getByText('Veilig gebruik van deze pagina').click();
    await expect(page.getByText('Deze pagina bewaart niets van wat je invult.')).toBeVisible();
    await expectAccessible(page, `zorgen, ${answer}`);
    await storedNothing(page);
    expect(requests.outside()).toEqual([]);
  });
}

test('a worry about a child points to the wijkteam for the postcode, in the sociale kaart', async ({ page }) => {
  await page.goto('/voorbeeld.html#/zorgen/kind');
  await appReady(page);
  const wijkteam = page.locator('.mw-route-find', { hasText: 'Hulp in de buurt: Wijkteam' });
  await page.getByLabel('Je postcode of wijk').fill('3312 AB');
  await expect(wijkteam.getByRole('link', { name: 'Buurtteam Noord' })).toHaveAttribute('href', '#/sociale-kaart/dienst/buurtteam-noord');
  // A wijk name instead of a postcode: the sociale kaart, searched by theme and wijk.
  await page.getByLabel('Je postcode of wijk').fill('Havenkwartier');
  await expect(wijkteam.getByRole('link')).toHaveAttribute('href', '#/sociale-kaart?thema=wijkteam&gebied=Havenkwartier');
  await page.getByLabel('Je postcode of wijk').fill('3312');
  await wijkteam.getByRole('link', { name: 'Buurtteam Noord' }).click();
  await expect(h1(page)).toHaveText('Buurtteam Noord');
  await expectAccessible(page, 'sociale kaart, from the routekaart');
});

test('after the call: what Veilig Thuis does, and when', async ({ page }) => {
  await page.goto('/#/zorgen/kind');
  await appReady(page);
  const stages = page.locator('.mw-stages');
  await expect(stages).toContainText('binnen 5 werkdagen');
  await expect(stages).toContainText('Heb je een melding gedaan? Dan hoor je van Veilig Thuis wat er met je melding is gedaan.');
  // Without a region: national numbers only, and a plain word on local help.
  await expect(page.getByText('Voor deze website is geen gemeente ingesteld.')).toBeVisible();
  await expect(page.locator('.mw-route-find')).toHaveCount(0);
});

test('professionals: the route for onderwijs with the gemeente\'s own step, and the chain after a melding', async ({ page }) => {
  await page.goto('/voorbeeld.html#/routekaart');
  await appReady(page);
  await expect(h1(page)).toHaveText('In welke sector werkt u?');
  await expectAccessible(page, 'routekaart, start');
  await page.getByRole('link', { name: 'Onderwijs', exact: true }).click();
  await expect(h1(page)).toHaveText('Route in het onderwijs');
  await expect(page.getByRole('heading', { name: 'Wie doet wat?' })).toBeVisible();
  await expect(page.locator('.mw-screen')).toContainText('Aandachtsfunctionaris van uw organisatie');
  await expect(page.locator('.mw-screen')).toContainText('Scholen in Voorbeeldstad hebben een vaste contactpersoon bij het buurtteam.');
  await expectAccessible(page, 'routekaart, onderwijs');
  await page.getByRole('link', { name: /Verder: Na een melding/ }).click();
  await expect(h1(page)).toHaveText('Na een melding: wat gebeurt er en wie is verantwoordelijk?');
  await expect(page.locator('.mw-stages')).toContainText('na de veiligheidsbeoordeling en na een eventueel onderzoek');
  await expectAccessible(page, 'routekaart, na melding');
});

test('professionals in health care choose their setting: the GP post at night', async ({ page }) => {
  await page.goto('/#/routekaart');
  await appReady(page);
  await page.getByRole('link', { name: 'Gezondheidszorg' }).click();
  await expect(h1(page)).toHaveText('Waar werkt u?');
  await page.getByRole('link', { name: "Huisartsenpost, 's avonds en in het weekend" }).click();
  await expect(h1(page)).toHaveText("Route voor de huisartsenpost, 's avonds en in het weekend");
  await expect(page.locator('.mw-screen')).toContainText('Arts of tandarts: raadpleeg Veilig Thuis voordat u meldt.');
  await expect(page.getByRole('navigation', { name: 'Je antwoorden tot nu toe' }).getByRole('link'))
    .toHaveText(['Gezondheidszorg', "Huisartsenpost, 's avonds en in het weekend"]);
  await expectAccessible(page, 'routekaart, huisartsenpost');
});

test('the route leads into the meldcode at its step, in a new dossier', async ({ page }) => {
  await page.goto('/#/routekaart/pro-jeugdhulp');
  await appReady(page);
  await page.getByRole('link', { name: 'Open de meldcode bij stap 1 (een nieuw dossier)' }).click();
  await expect(page.getByText('Vul eerst één keer uw profiel in')).toBeVisible();
  await page.evaluate(() => localStorage.setItem('meldwijzer:meldcode:profile', JSON.stringify({ sector: 'jeugdhulp' })));
  await page.goto('/#/routekaart/pro-jeugdhulp');
  await page.getByRole('link', { name: 'Open de meldcode bij stap 1 (een nieuw dossier)' }).click();
  await expect(page).toHaveURL(/#\/meldcode\/[^/]+\/1$/);
  await expect(page.getByRole('heading', { name: /Stap 1/ }).first()).toBeVisible();
  await page.goBack();
  await expect(page).toHaveURL(/#\/routekaart\/pro-jeugdhulp$/);
});

test('the printed routekaart for a wijk: numbers, local team, steps, made and checked dates', async ({ page }) => {
  await page.goto('/voorbeeld.html#/zorgen/afdrukken');
  await appReady(page);
  await expect(h1(page)).toHaveText('Wie kan ik bellen?');
  await page.getByLabel('Je postcode of wijk').fill('Noord');
  const paper = page.locator('.mw-routekaart-print');
  await expect(paper.getByRole('heading', { level: 2 })).toHaveText('Gemeente Voorbeeldstad, Noord');
  await expect(paper).toContainText('Buurtteam Noord');
  await expect(paper).toContainText('0900-1234567 Huisartsenpost Voorbeeldstad');
  await expect(paper).toContainText('Ik ben een kind of jongere en thuis niet veilig: 0800-0432');
  await expect(paper).toContainText(/Gemaakt op \d+ \w+ 20\d\d met Meldwijzer\. Gegevens het laatst gecontroleerd op 1 november 2026\./);
  await expectAccessible(page, 'routekaart afdrukken');
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.mw-safety')).toBeHidden();
  await expect(page.locator('.mw-exit')).toBeHidden();
  await expect(page.getByRole('button', { name: 'Afdrukken of opslaan als pdf' })).toBeHidden();
  await expect(paper).toBeVisible();
});

test('quick exit from deep inside a route leaves at once, by keyboard and by button', async ({ page }) => {
  await stubNeutralSite(page);
  await page.goto('/voorbeeld.html#/zorgen');
  await appReady(page);
  await page.getByRole('link', { name: 'Nee, maar ik maak me zorgen' }).click();
  await page.getByRole('link', { name: 'Mijn partner of ex-partner' }).click();
  await page.getByLabel('Je postcode of wijk').fill('3312');
  await page.keyboard.press('Shift');
  await page.keyboard.press('Shift');
  await page.keyboard.press('Shift');
  await expect(page).toHaveURL(NEUTRAL);
  await page.goto('/#/routekaart/pro-zorg');
  await appReady(page);
  await page.getByRole('button', { name: 'Snel weg' }).click();
  await expect(page).toHaveURL(NEUTRAL);
});

test('the whole burger route works with the keyboard alone', async ({ page }) => {
  await page.goto('/voorbeeld.html#/zorgen');
  await appReady(page);
  const focusOn = async (name) => {
    for (let i = 0; i < 40; i++) {
      if (await page.evaluate((n) => document.activeElement?.textContent?.trim() === n, name)) return;
      await page.keyboard.press('Tab');
    }
    throw new Error(`never reached ${name}`);
  };
  await focusOn('Nee, maar ik maak me zorgen');
  await page.keyboard.press('Enter');
  await expect(h1(page)).toBeFocused();
  await focusOn('Een kind');
  await page.keyboard.press('Enter');
  await expect(h1(page)).toHaveText('Je maakt je zorgen over een kind');
  await page.getByLabel('Je postcode of wijk').focus();
  await page.keyboard.type('Centrum');
  await expect(page.getByRole('heading', { name: 'Buurtteam Centrum' })).toBeVisible();
});

test('the routekaart works in English', async ({ page }) => {
  await page.goto('/#/zorgen');
  await appReady(page);
  await page.getByRole('button', { name: 'English' }).click();
  await expect(h1(page)).toHaveText('Is there immediate danger now?');
  await page.getByRole('link', { name: 'No, but I am worried' }).click();
  await expect(h1(page)).toHaveText('Who are you worried about?');
});
