// Routekaart: from worry to the right person, for burgers and professionals, from one route model.
import { test, expect } from '@playwright/test';
import { expectAccessible, trackRequests, appReady, NEUTRAL, stubNeutralSite, contentText, uiText, routeAnswer, routeNode, telUri, routeCalls, regionPack, regionContact, uiPattern, longDate, NATIONAL, ROUTES, typeLikeAPerson } from './helpers.mjs';

const h1 = (page) => page.locator('.mw-screen h1');
const tel = (number) => telUri(number.number);
// The example gemeente of voorbeeld.html, and its teams for the postcodes the journeys type.
const PACK = regionPack('voorbeeldstad');
const NORTH = regionContact(PACK, 'buurtteam-noord');
const SOUTH = regionContact(PACK, 'buurtteam-zuid');
const CENTRE = regionContact(PACK, 'buurtteam-centrum');
/** The item of a section of route node `id` that contains `words`, as the content has it now. */
const sectionItem = (id, words) => routeNode(id).sections.flatMap((s) => s.items).map((i) => i.nl).find((t) => t.includes(words)) ?? words;

async function storedNothing(page) {
  const stored = await page.evaluate(() => [...Object.keys(localStorage), ...Object.keys(sessionStorage)]);
  expect(stored).toEqual([]);
}

test('direct danger comes first and leads to 112', async ({ page }) => {
  await page.goto('/#/zorgen');
  await appReady(page);
  await expect(h1(page)).toHaveText(routeNode('start').title.nl);
  await expectAccessible(page, 'zorgen, start');
  await page.getByRole('link', { name: routeAnswer('start', 'gevaar').label.nl }).click();
  await expect(h1(page)).toHaveText(routeNode('gevaar').title.nl);
  await expect(h1(page)).toBeFocused();
  await expect(page.locator('.mw-route-call').first().getByRole('link')).toHaveAttribute('href', tel(routeCalls('gevaar')[0]));
  await expectAccessible(page, 'zorgen, gevaar');
});

const PATHS = [
  [routeAnswer('wie', 'kind').label.nl, routeNode('kind').title.nl, routeCalls('kind').map(tel)],
  [routeAnswer('wie', 'partner').label.nl, routeNode('partner').title.nl, routeCalls('partner').map(tel)],
  [routeAnswer('wie', 'oudere').label.nl, routeNode('oudere').title.nl, routeCalls('oudere').map(tel)],
  [routeAnswer('wie', 'zelf').label.nl, routeNode('zelf').title.nl, routeCalls('zelf').map(tel)],
  [routeAnswer('wie', 'jongere').label.nl, routeNode('jongere').title.nl, routeCalls('jongere').map(tel)],
];

for (const [answer, title, numbers] of PATHS) {
  test(`burger path "${answer}": numbers, what happens next and the local team for a postcode`, async ({ page }) => {
    const requests = trackRequests(page);
    await page.goto('/voorbeeld.html#/zorgen');
    await appReady(page);
    await page.getByRole('link', { name: routeAnswer('start', 'wie').label.nl }).click();
    await expect(h1(page)).toHaveText(routeNode('wie').title.nl);
    await page.getByRole('link', { name: answer, exact: true }).click();
    await expect(h1(page)).toHaveText(title);
    const calls = page.locator('.mw-route-call a');
    await expect(calls).toHaveCount(numbers.length);
    for (const [i, href] of numbers.entries()) await expect(calls.nth(i)).toHaveAttribute('href', href);
    await expect(page.getByRole('navigation', { name: uiText('routes.path') })).toContainText(answer);
    // Help by theme from the sociale kaart: a search until the postcode is known, then the
    // service for that postcode with its number.
    const find = page.locator('.mw-route-find').first();
    await expect(find.getByRole('link', { name: uiPattern('routes.find.search') })).toHaveAttribute('href', /^#\/sociale-kaart\?thema=/);
    await page.getByLabel(uiText('routes.place')).fill('3319');
    await expect(page.getByRole('heading', { name: SOUTH.name })).toBeVisible();
    await expect(page.getByRole('link', { name: `${uiText('contact.call')} ${SOUTH.phone}` }).first()).toHaveAttribute('href', telUri(SOUTH.phone));
    await expect(find.getByRole('link').first()).toHaveAttribute('href', /^#\/sociale-kaart\/dienst\//);
    await expect(find.locator('a[href^="tel:"]')).toHaveCount(1);
    await page.getByText(uiText('routes.safe.title')).click();
    await expect(page.getByText(uiText('routes.safe.stored'))).toBeVisible();
    await expectAccessible(page, `zorgen, ${answer}`);
    await storedNothing(page);
    expect(requests.outside()).toEqual([]);
  });
}

test('a worry about a child points to the wijkteam for the postcode, in the sociale kaart', async ({ page }) => {
  await page.goto('/voorbeeld.html#/zorgen/kind');
  await appReady(page);
  const wijkteam = page.locator('.mw-route-find', { hasText: uiText('routes.find.title', 'nl', { theme: 'Wijkteam' }) });
  await page.getByLabel(uiText('routes.place')).fill('3312 AB');
  await expect(wijkteam.getByRole('link', { name: NORTH.name })).toHaveAttribute('href', '#/sociale-kaart/dienst/buurtteam-noord');
  // A wijk name instead of a postcode: the sociale kaart, searched by theme and wijk.
  await page.getByLabel(uiText('routes.place')).fill('Havenkwartier');
  await expect(wijkteam.getByRole('link')).toHaveAttribute('href', '#/sociale-kaart?thema=wijkteam&gebied=Havenkwartier');
  await page.getByLabel(uiText('routes.place')).fill('3312');
  await wijkteam.getByRole('link', { name: NORTH.name }).click();
  await expect(h1(page)).toHaveText(NORTH.name);
  await expectAccessible(page, 'sociale kaart, from the routekaart');
});

test('the sociale kaart is fetched once, however many postcodes are typed while it comes in', async ({ page }) => {
  const requests = trackRequests(page);
  let release;
  const released = new Promise((resolve) => { release = resolve; });
  await page.route('**/voorbeeldstad-sociale-kaart.json', async (route) => { await released; await route.continue(); });
  await page.goto('/voorbeeld.html#/zorgen/kind');
  await appReady(page);
  const wijkteam = page.locator('.mw-route-find', { hasText: uiText('routes.find.title', 'nl', { theme: 'Wijkteam' }) });
  const place = page.getByLabel(uiText('routes.place'));
  await typeLikeAPerson(page, place, '3312');
  // The team from the pack is there at once; the service waits for the sociale kaart.
  await expect(page.getByRole('heading', { name: NORTH.name })).toBeVisible();
  await expect(wijkteam.getByRole('link', { name: uiPattern('routes.find.search') })).toBeVisible();
  await expect.poll(() => requests.urls.filter((url) => url.endsWith('/voorbeeldstad-sociale-kaart.json')).length).toBe(1);
  await place.fill('');
  await typeLikeAPerson(page, place, '3319');
  release();
  await expect(wijkteam.getByRole('link', { name: SOUTH.name })).toBeVisible();
  await place.fill('');
  await typeLikeAPerson(page, place, '3312 AB');
  await expect(wijkteam.getByRole('link', { name: NORTH.name })).toBeVisible();
  expect(requests.urls.filter((url) => url.endsWith('/voorbeeldstad-sociale-kaart.json'))).toHaveLength(1);
  expect(requests.urls.filter((url) => url.endsWith('/sociale-kaart_bg.wasm'))).toHaveLength(1);
});

test('after the call: what Veilig Thuis does, and when', async ({ page }) => {
  await page.goto('/#/zorgen/kind');
  await appReady(page);
  const stages = page.locator('.mw-stages');
  await expect(stages).toContainText(contentText('routes', 'nodes/kind/stages/2/when/nl'));
  await expect(stages).toContainText(contentText('routes', 'nodes/kind/stages/4/what/nl'));
  // Without a region: national numbers only, and a plain word on local help.
  await expect(page.getByText(uiText('routes.local_none'))).toBeVisible();
  await expect(page.locator('.mw-route-find')).toHaveCount(0);
});

test('professionals: the route for onderwijs with the gemeente\'s own step, and the chain after a melding', async ({ page }) => {
  await page.goto('/voorbeeld.html#/routekaart');
  await appReady(page);
  await expect(h1(page)).toHaveText(routeNode('pro-start').title.nl);
  await expectAccessible(page, 'routekaart, start');
  await page.getByRole('link', { name: routeAnswer('pro-start', 'pro-onderwijs').label.nl, exact: true }).click();
  await expect(h1(page)).toHaveText(routeNode('pro-onderwijs').title.nl);
  await expect(page.getByRole('heading', { name: contentText('routes', 'nodes/pro-onderwijs/sections/0/heading/nl') })).toBeVisible();
  await expect(page.locator('.mw-screen')).toContainText(sectionItem('pro-onderwijs', 'Aandachtsfunctionaris van uw organisatie'));
  await expect(page.locator('.mw-screen')).toContainText(PACK.routes.local_steps.find((s) => s.node === 'pro-onderwijs').text.nl);
  await expectAccessible(page, 'routekaart, onderwijs');
  await page.getByRole('link', { name: uiText('routes.next', 'nl', { title: routeNode(routeNode('pro-onderwijs').next).title.nl }) }).click();
  await expect(h1(page)).toHaveText(routeNode('pro-na-melding').title.nl);
  await expect(page.locator('.mw-stages')).toContainText('na de veiligheidsbeoordeling en na een eventueel onderzoek');
  await expectAccessible(page, 'routekaart, na melding');
});

test('professionals in health care choose their setting: the GP post at night', async ({ page }) => {
  await page.goto('/#/routekaart');
  await appReady(page);
  await page.getByRole('link', { name: routeAnswer('pro-start', 'pro-zorg').label.nl }).click();
  await expect(h1(page)).toHaveText(routeNode('pro-zorg').title.nl);
  await page.getByRole('link', { name: routeAnswer('pro-zorg', 'pro-huisartsenpost').label.nl }).click();
  await expect(h1(page)).toHaveText(routeNode('pro-huisartsenpost').title.nl);
  await expect(page.locator('.mw-screen')).toContainText(sectionItem('pro-huisartsenpost', 'raadpleeg Veilig Thuis voordat u meldt'));
  await expect(page.getByRole('navigation', { name: uiText('routes.path') }).getByRole('link'))
    .toHaveText([routeAnswer('pro-start', 'pro-zorg').label.nl, routeAnswer('pro-zorg', 'pro-huisartsenpost').label.nl]);
  await expectAccessible(page, 'routekaart, huisartsenpost');
});

test('the route leads into the meldcode at its step, in a new dossier', async ({ page }) => {
  await page.goto('/#/routekaart/pro-jeugdhulp');
  await appReady(page);
  const intoMeldcode = uiText('routes.meldcode', 'nl', { step: routeNode('pro-jeugdhulp').meldcode_step });
  await page.getByRole('link', { name: intoMeldcode }).click();
  await expect(page.getByText(uiText('profile.first'))).toBeVisible();
  await page.evaluate(() => localStorage.setItem('meldwijzer:meldcode:profile', JSON.stringify({ sector: 'jeugdhulp' })));
  await page.goto('/#/routekaart/pro-jeugdhulp');
  await page.getByRole('link', { name: intoMeldcode }).click();
  const step = routeNode('pro-jeugdhulp').meldcode_step;
  await expect(page).toHaveURL(new RegExp(`#/meldcode/[^/]+/${step}$`));
  await expect(page.getByRole('heading', { name: new RegExp(`Stap ${step}`) }).first()).toBeVisible();
  await page.goBack();
  await expect(page).toHaveURL(/#\/routekaart\/pro-jeugdhulp$/);
});

test('the printed routekaart for a wijk: numbers, local team, steps, made and checked dates', async ({ page }) => {
  await page.goto('/voorbeeld.html#/zorgen/afdrukken');
  await appReady(page);
  await expect(h1(page)).toHaveText(uiText('routes.print.title'));
  await page.getByLabel(uiText('routes.place')).fill('Noord');
  const paper = page.locator('.mw-routekaart-print');
  await expect(paper.getByRole('heading', { level: 2 })).toHaveText(uiText('routes.print.for_place', 'nl', { region: PACK.region.name, place: 'Noord' }));
  await expect(paper).toContainText(NORTH.name);
  for (const number of PACK.numbers) await expect(paper).toContainText(`${number.number} ${number.name.nl}`);
  // Each answer to "who are you worried about" with the first number its route calls.
  for (const answer of routeNode('wie').answers) {
    const [first] = routeCalls(answer.next);
    if (first) await expect(paper).toContainText(`${answer.label.nl}: ${first.number}`);
  }
  // The paper is as current as its stalest fact: every number on it, and the teams for Noord.
  const noord = PACK.contacts.filter((c) => c.areas.some((a) => a.name === 'Noord'));
  const oldest = [...NATIONAL.numbers, ...PACK.numbers, ...noord].map((x) => x.checked).sort()[0];
  const made = uiPattern('routes.print.made').source.slice(1, -1).replace('.+?', '\\d+ \\w+ 20\\d\\d');
  const checked = uiText('routes.print.checked', 'nl', { date: longDate(oldest) }).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  await expect(paper).toContainText(new RegExp(`${made} ${checked}`));
  await expectAccessible(page, 'routekaart afdrukken');
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.mw-safety')).toBeHidden();
  await expect(page.locator('.mw-exit')).toBeHidden();
  await expect(page.getByRole('button', { name: uiText('routes.print.print') })).toBeHidden();
  await expect(paper).toBeVisible();
});

test('quick exit from deep inside a route leaves at once, by keyboard and by button', async ({ page }) => {
  await stubNeutralSite(page);
  await page.goto('/voorbeeld.html#/zorgen');
  await appReady(page);
  await page.getByRole('link', { name: routeAnswer('start', 'wie').label.nl }).click();
  await page.getByRole('link', { name: routeAnswer('wie', 'partner').label.nl }).click();
  await page.getByLabel(uiText('routes.place')).fill('3312');
  await page.keyboard.press('Shift');
  await page.keyboard.press('Shift');
  await page.keyboard.press('Shift');
  await expect(page).toHaveURL(NEUTRAL);
  await page.goto('/#/routekaart/pro-zorg');
  await appReady(page);
  await page.getByRole('button', { name: uiText('exit.button') }).click();
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
  await focusOn(routeAnswer('start', 'wie').label.nl);
  await page.keyboard.press('Enter');
  await expect(h1(page)).toBeFocused();
  await focusOn(routeAnswer('wie', 'kind').label.nl);
  await page.keyboard.press('Enter');
  await expect(h1(page)).toHaveText(routeNode('kind').title.nl);
  await page.getByLabel(uiText('routes.place')).focus();
  await page.keyboard.type('Centrum');
  await expect(page.getByRole('heading', { name: CENTRE.name })).toBeVisible();
});

test('the routekaart works in English', async ({ page }) => {
  await page.goto('/#/zorgen');
  await appReady(page);
  await page.getByRole('button', { name: uiText('lang.switch_to', 'en') }).click();
  await expect(h1(page)).toHaveText(routeNode('start').title.en);
  await page.getByRole('link', { name: routeAnswer('start', 'wie').label.en }).click();
  await expect(h1(page)).toHaveText(routeNode('wie').title.en);
});

// Every route in content/routes.json, walked on its screen from its start to each end: each
// answer leads to the screen of the node it names, and each end gives something to do (a number
// to call, a next step, the meldcode, what happens next). A failure names the node.
for (const [screen, start] of [['zorgen', ROUTES.citizen_start], ['routekaart', ROUTES.professional_start]]) {
  test(`every route of #/${screen} reaches an end, from "${start}"`, async ({ page }) => {
    test.setTimeout(120_000);
    await page.goto(`/#/${screen}`);
    await appReady(page);
    const show = async (id) => {
      await page.evaluate((hash) => { location.hash = hash; }, id === start ? `#/${screen}` : `#/${screen}/${id}`);
      await expect(h1(page), `node "${id}"`).toHaveText(routeNode(id).title.nl);
    };
    const seen = new Set();
    const queue = [start];
    while (queue.length) {
      const id = queue.shift();
      if (seen.has(id)) continue;
      seen.add(id);
      const node = routeNode(id);
      if (node.kind === 'question') {
        expect(node.answers?.length ?? 0, `question "${id}" has no answers: a dead end`).toBeGreaterThan(0);
        for (const answer of node.answers) {
          await show(id);
          await page.locator('.mw-answers').getByRole('link', { name: answer.label.nl, exact: true }).click();
          await expect(h1(page), `"${id}", answer "${answer.label.nl}", leads to "${answer.next}"`).toHaveText(routeNode(answer.next).title.nl);
          queue.push(answer.next);
        }
        continue;
      }
      await show(id);
      const screenOf = page.locator('.mw-screen');
      const calls = routeCalls(id);
      for (const number of calls) await expect(screenOf.locator(`.mw-route-call a[href="${telUri(number.number)}"]`), `"${id}" calls ${number.id}`).toHaveCount(1);
      const stages = node.stages ?? [];
      if (stages.length) await expect(screenOf.locator('.mw-stages li'), `"${id}": what happens next`).toHaveCount(stages.length);
      if (node.meldcode_step) await expect(screenOf.getByRole('link', { name: uiText('routes.meldcode', 'nl', { step: node.meldcode_step }) }), `"${id}" leads into the meldcode`).toBeVisible();
      expect(calls.length + stages.length + (node.next ? 1 : 0) + (node.meldcode_step ? 1 : 0),
        `"${id}" is an end with nothing to call, no next step and nothing that happens next: a dead end`).toBeGreaterThan(0);
      if (node.next) {
        await page.getByRole('link', { name: uiText('routes.next', 'nl', { title: routeNode(node.next).title.nl }) }).click();
        await expect(h1(page), `"${id}" goes on to "${node.next}"`).toHaveText(routeNode(node.next).title.nl);
        queue.push(node.next);
      }
    }
  });
}
