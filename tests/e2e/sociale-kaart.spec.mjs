// Sociale kaart: finding local help in the example region's HSDS data, in seconds.
import { test, expect } from '@playwright/test';
import fs from 'node:fs';
import { expectAccessible, trackRequests, appReady, typeLikeAPerson, watchProblems, uiText, contentText, telUri, nationalNumber } from './helpers.mjs';

test.use({ timezoneId: 'Europe/Amsterdam' });

// Monday 23 November 2026, local time.
const at = (time) => new Date(`2026-11-23T${time}:00+01:00`);

async function openMap(page, hash = '#/sociale-kaart', time = '10:00') {
  await page.clock.setFixedTime(at(time));
  await page.goto('about:blank'); // a fresh load, so the app reads the clock again
  await page.goto(`/voorbeeld.html${hash}`);
  await appReady(page);
}

const results = (page) => page.locator('.mw-results > li h3');

// A gemeente page at /host/<name>/ with the example region pack and `services` as its
// sociale kaart (HSDS JSON), served by the test itself.
async function hostWithMap(page, name, services) {
  const base = `http://127.0.0.1:4173/host/${name}`;
  const pack = JSON.parse(fs.readFileSync('../../public/regions/voorbeeldstad.json', 'utf8'));
  pack.social_map = { files: [{ format: 'hsds', path: 'kaart.json' }] };
  await page.route(`${base}/regio.json`, (route) => route.fulfill({ json: pack }));
  await page.route(`${base}/kaart.json`, (route) => route.fulfill({ json: services }));
  await page.route(`${base}/index.html`, (route) => route.fulfill({ contentType: 'text/html', body:
    `<!doctype html><html lang="nl"><title>${name}</title><main><div data-meldwijzer data-region="regio.json"></div></main>`
    + '<script type="module" src="/hulp/meldwijzer/embed.js"></script></html>' }));
  return `${base}/index.html`;
}

test('search as you type forgives typos and accents, ranks names first, and keeps the search in the URL', async ({ page }) => {
  const requests = trackRequests(page);
  await openMap(page);
  await expect(page.getByRole('heading', { level: 1, name: uiText('title.social_map') })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'diensten gevonden' })).toContainText('59 diensten gevonden.');
  await expectAccessible(page, 'sociale kaart, start');

  const search = page.getByLabel(uiText('social_map.search'));
  await search.fill('schuldhulp');
  await expect(results(page).first()).toHaveText('Schuldhulp Voorbeeldstad');
  await search.fill('SCHULDHLUP');
  await expect(results(page).first()).toHaveText('Schuldhulp Voorbeeldstad');
  await search.fill('clientondersteuning');
  await expect(results(page).first()).toHaveText('Onafhankelijke cliëntondersteuning');
  await search.fill('geweld huiselijk');
  await expect(results(page)).toContainText(['Steunpunt Huiselijk Geweld']);

  await search.fill('');
  await page.getByLabel(uiText('social_map.theme')).selectOption({ label: 'Wijkteam' });
  await page.getByLabel(uiText('social_map.area')).fill('3312 AB');
  await expect(results(page)).toHaveText(['Buurtteam Noord']);
  await page.getByLabel(uiText('social_map.area')).fill('Havenkwartier');
  await expect(results(page)).toHaveText(['Buurtteam Zuid']);
  expect(page.url()).toContain('#/sociale-kaart?thema=wijkteam&gebied=Havenkwartier');
  await expectAccessible(page, 'sociale kaart, filtered');

  await page.getByRole('button', { name: uiText('social_map.clear_filters') }).click();
  await expect(page.getByRole('status').filter({ hasText: 'gevonden' })).toContainText('59 diensten gevonden.');
  expect(requests.outside()).toEqual([]);
});

test('a bookmarked or sent search opens with its words and filters', async ({ page }) => {
  await openMap(page, '#/sociale-kaart?q=opvoed&doelgroep=ouders&taal=ar&gratis=ja');
  await expect(page.getByLabel(uiText('social_map.search'))).toHaveValue('opvoed');
  await expect(page.getByLabel(uiText('social_map.for_whom'))).toHaveValue('ouders');
  await expect(page.getByLabel(uiText('social_map.language'))).toHaveValue('ar');
  await expect(page.getByLabel(uiText('social_map.free'))).toBeChecked();
  await expect(results(page)).toContainText(['Ouder-kindgroep De Kade']);
  for (const name of await results(page).allTextContents()) {
    expect(['Consultatiebureau Noord', 'Opvoedcursus Samen Sterk']).not.toContain(name);
  }
});

test('nu open follows the clock: day and night, open until, and when it opens again', async ({ page }) => {
  await openMap(page, '#/sociale-kaart?q=buurtteam+noord', '20:00');
  const noord = page.locator('.mw-result', { hasText: 'Buurtteam Noord' });
  await expect(noord.locator('.mw-open')).toHaveText('Gesloten, opent morgen om 09:00');

  await page.clock.setFixedTime(at('10:00'));
  await page.reload();
  await expect(noord.locator('.mw-open')).toHaveText('Nu open tot 17:00');

  await openMap(page, '#/sociale-kaart', '23:00');
  await page.getByLabel(uiText('social_map.open_now')).check();
  expect(page.url()).toContain('open=ja');
  const open = await results(page).allTextContents();
  expect(open).toContain('Veilig Thuis Voorbeeldregio');
  expect(open).toContain('Huisartsenpost Voorbeeldstad');
  expect(open).not.toContain('Buurtteam Noord');
  await expect(page.locator('.mw-result', { hasText: 'Veilig Thuis Voorbeeldregio' }).locator('.mw-open'))
    .toHaveText(uiText('social_map.open.day_and_night'));
});

test('a service shows everything, with safe links, and Back returns to the same search', async ({ page }) => {
  await openMap(page, '#/sociale-kaart?q=noord&thema=wijkteam');
  await page.getByRole('link', { name: 'Buurtteam Noord' }).click();
  const heading = page.getByRole('heading', { level: 1, name: 'Buurtteam Noord' });
  await expect(heading).toBeFocused();
  await expect(page.getByRole('link', { name: '010-555 0101' })).toHaveAttribute('href', 'tel:0105550101');
  await expect(page.getByRole('link', { name: 'noord@buurtteam.voorbeeldstad.nl' }))
    .toHaveAttribute('href', 'mailto:noord@buurtteam.voorbeeldstad.nl');
  await expect(page.getByRole('link', { name: 'https://www.voorbeeldstad.nl/buurtteam-noord' })).toBeVisible();
  await expect(page.locator('.mw-screen')).toContainText('Lindelaan 12, 3312 AB, Voorbeeldstad');
  await expect(page.getByRole('row', { name: uiText('weekday.4') })).toContainText('09:00–17:00, 19:00–21:00');
  await expect(page.getByRole('row', { name: uiText('weekday.7') })).toContainText(uiText('social_map.hours.closed'));
  await expect(page.locator('.mw-facts')).toContainText('Nederlands, Engels, Arabisch, Turks');
  await expect(page.locator('.mw-screen')).toContainText('Laatst gecontroleerd op 18 september 2026.');
  await expect(page.locator('.mw-screen a[href^="javascript:"]')).toHaveCount(0);
  await expectAccessible(page, 'sociale kaart, dienst');

  await page.goBack();
  await expect(page.getByLabel(uiText('social_map.search'))).toHaveValue('noord');
  await expect(page.getByLabel(uiText('social_map.theme'))).toHaveValue('wijkteam');
  await page.getByRole('link', { name: 'Buurtteam Noord' }).click();
  await page.getByRole('link', { name: uiText('social_map.back_to_search') }).click();
  await expect(page.getByLabel(uiText('social_map.search'))).toHaveValue('noord');
});

test('mijn lijstje prints as A4 and is stored only when the user keeps it', async ({ page }) => {
  await openMap(page, '#/sociale-kaart?q=schuld');
  await page.getByRole('button', { name: 'Zet op mijn lijstje Schuldhulp Voorbeeldstad' }).click();
  await expect(page.getByRole('button', { name: 'Haal van mijn lijstje Schuldhulp Voorbeeldstad' })).toHaveAttribute('aria-pressed', 'true');
  await page.getByLabel(uiText('social_map.search')).fill('geldloket');
  await page.getByRole('button', { name: 'Zet op mijn lijstje Geldloket Noord' }).click();
  await page.getByRole('link', { name: 'Mijn lijstje (2)' }).click();
  await expect(page.getByRole('heading', { level: 1, name: uiText('social_map.list.title') })).toBeVisible();
  await expect(page.getByText('Je lijstje wordt niet bewaard.')).toBeVisible();
  expect(await page.evaluate(() => Object.keys(localStorage))).toEqual([]);
  await expectAccessible(page, 'mijn lijstje');

  await page.emulateMedia({ media: 'print' });
  const printed = page.locator('.mw-print');
  await expect(printed).toContainText('Gemaakt op 23 november 2026 met Meldwijzer');
  await expect(printed.getByRole('heading', { level: 2 })).toHaveText(['Schuldhulp Voorbeeldstad', 'Geldloket Noord']);
  await expect(printed).toContainText('dinsdag 13:00–16:00');
  await expect(page.locator('.mw-safety')).toBeHidden();
  await expect(page.locator('.mw-exit')).toBeHidden();
  await expect(page.getByRole('button', { name: uiText('social_map.list.print') })).toBeHidden();
  await page.emulateMedia({ media: 'screen' });

  await page.getByRole('button', { name: uiText('social_map.list.keep') }).click();
  await expect(page.getByText('Je lijstje staat op dit apparaat.')).toBeVisible();
  await page.reload();
  await expect(page.locator('.mw-print h2')).toHaveText(['Schuldhulp Voorbeeldstad', 'Geldloket Noord']);
  await page.getByRole('button', { name: uiText('social_map.list.forget') }).click();
  expect(await page.evaluate(() => Object.keys(localStorage))).toEqual([]);
});

test('hostile sociale kaart data shows as text, drops bad links, and one bad record hides nothing else', async ({ page }) => {
  let dialogs = 0;
  page.on('dialog', (dialog) => { dialogs++; dialog.dismiss(); });
  await page.clock.setFixedTime(at('10:00'));
  await page.goto('/host/hostile-map.html');
  await appReady(page);
  const notice = page.locator('.mw-notice--warning', { hasText: 'Niet alle gegevens' });
  await notice.getByText('Wat er is weggelaten').click();
  await expect(notice).toContainText('bestaat-niet.csv: het bestand kon niet worden opgehaald');
  // The editor's report: a summary, then the problems grouped with counts and examples.
  await expect(notice).toContainText('4 diensten gelezen, 1 niet, 5 velden weggelaten');
  await expect(notice.locator('.mw-report li', { hasText: 'veld name: dit veld heeft niet de vorm' })).toContainText('1 keer in hostile-map.json, veld name');
  await expect(notice.locator('.mw-report li', { hasText: 'veld name: dit veld heeft niet de vorm' })).toContainText('Bijvoorbeeld: dienst 4 (fout-type).');
  const download = page.waitForEvent('download');
  await notice.getByRole('button', { name: uiText('social_map.report.download') }).click();
  const report = fs.readFileSync(await (await download).path(), 'utf8');
  expect(report).toContain('hostile-map.json, dienst 4 (fout-type), veld name');
  expect(report).toContain('hostile-map.json, dienst 2 (vals-loket), veld url');
  await expect(results(page)).toHaveText(['<img src=x onerror=alert(1)>Vals loket', 'Oud loket', 'Te lange tekst', 'Wijkteam Kapotstad']);
  await expect(page.locator('.meldwijzer img')).toHaveCount(0);
  await page.getByRole('link', { name: /Vals loket/ }).click();
  await expect(page.locator('.mw-screen')).toContainText('<script>window.__pwned=1</script>Klik hier.');
  await expect(page.locator('.meldwijzer a[href^="javascript:"]')).toHaveCount(0);
  await expect(page.getByRole('link', { name: '010-555 0301' })).toHaveAttribute('href', 'tel:0105550301');
  expect(await page.evaluate(() => window.__pwned)).toBeUndefined();
  await expectAccessible(page, 'vijandige dienst');

  await page.goBack();
  await page.getByRole('link', { name: 'Oud loket' }).click();
  await expect(page.locator('.mw-notice--warning')).toContainText('Laatst gecontroleerd op 15 januari 2023. Deze gegevens zijn meer dan een jaar niet gecontroleerd.');
  expect(dialogs).toBe(0);
});

test('thousands of matches are shown a page at a time; the keyboard continues at the first new result', async ({ page }) => {
  await openMap(page);
  await expect(results(page)).toHaveCount(20);
  await page.getByRole('button', { name: 'Toon meer (20 van 59)' }).click();
  await expect(results(page)).toHaveCount(40);
  await expect(page.locator('.mw-results > li:nth-child(21) h3 a')).toBeFocused();
});

test('the sociale kaart works with the keyboard alone', async ({ page }) => {
  await openMap(page);
  const search = page.getByLabel(uiText('social_map.search'));
  await search.focus();
  await page.keyboard.type('vrouwenopvang');
  await page.keyboard.press('Tab'); // theme
  await page.keyboard.press('Tab'); // target group
  await page.keyboard.press('Tab'); // age
  await page.keyboard.type('30');
  await expect(results(page).first()).toHaveText('Vrouwenopvang De Vuurtoren');
  // From the age field on to the first result link.
  for (let i = 0; i < 12; i++) {
    if (await page.evaluate(() => document.activeElement?.closest('.mw-results h3') !== null)) break;
    await page.keyboard.press('Tab');
  }
  await expect(page.getByRole('link', { name: 'Vrouwenopvang De Vuurtoren' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Vrouwenopvang De Vuurtoren' })).toBeFocused();
});

test('without a region the sociale kaart says so and points to who to call', async ({ page }) => {
  await page.goto('/#/sociale-kaart');
  await appReady(page);
  await expect(page.getByText('Voor deze website is nog geen sociale kaart van een gemeente ingesteld.')).toBeVisible();
  await expect(page.getByRole('link', { name: uiText('social_map.no_map_routes') })).toHaveAttribute('href', '#/zorgen');
  await expectAccessible(page, 'sociale kaart zonder regio');
});

test('English users get the sociale kaart in English', async ({ page }) => {
  await openMap(page, '#/sociale-kaart?q=buurtteam+noord');
  await page.getByRole('button', { name: uiText('lang.switch_to', 'en') }).click();
  await expect(page.getByLabel(uiText('social_map.search', 'en'))).toHaveValue('buurtteam noord');
  await expect(page.locator('.mw-result', { hasText: 'Buurtteam Noord' }).locator('.mw-open')).toHaveText('Open now until 17:00');
});

test('leaving the sociale kaart and coming back does not fetch and index it again', async ({ page }) => {
  const requests = trackRequests(page);
  await openMap(page);
  await expect(results(page)).toHaveCount(20);
  await page.getByRole('link', { name: 'Meldwijzer' }).click();
  await page.getByRole('link', { name: new RegExp(uiText('home.social_map')) }).click();
  await expect(results(page)).toHaveCount(20);
  expect(requests.urls.filter((url) => url.endsWith('voorbeeldstad-sociale-kaart.json'))).toHaveLength(1);
});

test('a service the data says little about: the app says no more than the data', async ({ page }) => {
  // Valid HSDS with a name, a phone and a location without an address: nothing else.
  const services = [{ id: 'stille-dienst', name: 'Stille dienst', phones: [{ number: '010-5550199' }],
    service_at_locations: [{ location: { id: 'loc-1', name: 'Inloop' } }] }];
  const host = await hostWithMap(page, 'stil', services);
  await page.goto(`${host}#/sociale-kaart/dienst/stille-dienst`);
  await expect(page.getByRole('heading', { level: 1, name: 'Stille dienst' })).toBeVisible();
  const screen = page.locator('.mw-screen');
  for (const invented of ['Voor iedereen', uiText('social_map.languages'), uiText('social_map.language.nl'), uiText('social_map.free'), 'kosten', 'Geen verwijzing nodig',
    'Bel voor een afspraak', 'meer dan een jaar']) {
    await expect(screen, invented).not.toContainText(invented);
  }
  await expect(page.locator('.mw-facts')).toContainText('VerwijzingNiet bekend. Vraag het na voordat je gaat.');
  await expect(screen).toContainText(uiText('social_map.checked_unknown'));
  await expect(page.getByRole('link', { name: '010-5550199' })).toHaveAttribute('href', 'tel:0105550199');
  await expectAccessible(page, 'a service with little data');
});

test('real data: a theme of the gemeente\'s own is found, and a service by the postcode of its own address', async ({ page }) => {
  // As directory data is often published: a named area without postcodes, a theme outside
  // the default list, the address only on the location.
  const services = [
    { id: 'mantelzorg-west', name: 'Steunpunt Mantelzorg West', service_areas: [{ name: 'Wijk West' }],
      attributes: [{ taxonomy_term: { code: 'mantelzorg', name: 'Mantelzorg', taxonomy: 'thema' } }],
      service_at_locations: [{ location: { id: 'l1', addresses: [{ address_1: 'Westsingel 1', postal_code: '3316 KL', city: 'Voorbeeldstad' }] } }] },
    { id: 'elders', name: 'Steunpunt Elders', service_areas: [{ name: 'Elders' }],
      attributes: [{ taxonomy_term: { code: 'mantelzorg', taxonomy: 'thema' } }] },
    // A wijk the region pack defines once, with its postcodes.
    { id: 'mantelzorg-noord', name: 'Steunpunt Mantelzorg Noord', service_areas: [{ name: 'Noord' }],
      attributes: [{ taxonomy_term: { code: 'mantelzorg', taxonomy: 'thema' } }] },
  ];
  const host = await hostWithMap(page, 'eigen', services);
  await page.goto(`${host}#/sociale-kaart`);
  await expect(page.getByRole('heading', { level: 1, name: uiText('title.social_map') })).toBeVisible();
  await page.getByLabel(uiText('social_map.search')).fill('mantelzorg');
  await expect(page.locator('.mw-results__count')).toContainText('3 diensten gevonden');
  await page.getByLabel(uiText('social_map.search')).fill('');
  await page.getByLabel(uiText('social_map.theme')).selectOption({ label: 'Mantelzorg' });
  await expect(page.locator('.mw-results__count')).toContainText('3 diensten gevonden');
  await page.getByLabel(uiText('social_map.area')).fill('3316 KL');
  await expect(page.locator('.mw-results__count')).toContainText('1 dienst gevonden');
  await expect(page.getByRole('link', { name: 'Steunpunt Mantelzorg West' })).toBeVisible();
  await page.getByLabel(uiText('social_map.area')).fill('3312');
  await expect(page.locator('.mw-results__count')).toContainText('1 dienst gevonden');
  await expect(page.getByRole('link', { name: 'Steunpunt Mantelzorg Noord' })).toBeVisible();
  await expectAccessible(page, 'sociale kaart with a theme of its own');
});

test('people find help with the words they use, and nothing found still gives a way on', async ({ page }) => {
  await openMap(page);
  const search = page.getByLabel(uiText('social_map.search'));
  for (const [typed, expected] of [
    ['Ik word geslagen', 'Steunpunt Huiselijk Geweld'],
    ['Blijf van mijn lijf', 'Vrouwenopvang De Vuurtoren'],
    ['Opvoedsteun', 'Opvoedpunt'],
  ]) {
    await search.fill('');
    await typeLikeAPerson(page, search, typed);
    await expect(results(page), typed).toContainText([expected]);
  }
  await search.fill('');
  await typeLikeAPerson(page, search, 'Ruimtevaart');
  await expect(page.getByRole('status').filter({ hasText: 'Geen diensten gevonden' })).toBeVisible();
  await expect(page.getByRole('heading', { name: uiText('social_map.none.themes') })).toBeVisible();
  await expect(page.locator('.mw-none-themes').getByRole('link', { name: 'Wijkteam' })).toHaveAttribute('href', /thema=wijkteam/);
  await expect(page.locator(`.mw-notice a[href="${telUri(nationalNumber('veilig-thuis').number)}"]`)).toBeVisible();
  await expectAccessible(page, 'sociale kaart, nothing found');
  await page.locator('.mw-none-themes').getByRole('link', { name: 'Wijkteam' }).click();
  await expect(results(page).first()).toBeVisible();
});

test('a service with two places shows each place with its own hours, never one merged "Nu open"', async ({ page }) => {
  await page.clock.setFixedTime(at('10:00'));
  const place = (id, street, postcode, byday, opens, closes) => ({ id, location: { id: `loc-${id}`, name: street,
    addresses: [{ address_1: street, postal_code: postcode, city: 'Voorbeeldstad' }] },
    schedules: [{ freq: 'WEEKLY', byday, opens_at: opens, closes_at: closes }] });
  const services = [{ id: 'inloop', name: 'Inloopspreekuur', service_at_locations: [
    place('a', 'Marktplein 1', '3311 AA', 'MO', '09:00', '12:00'), place('b', 'Havenweg 2', '3315 BB', 'TU', '13:00', '17:00')] }];
  const host = await hostWithMap(page, 'twee', services);
  await page.goto(`${host}#/sociale-kaart/dienst/inloop`);
  await expect(page.getByRole('heading', { level: 1, name: 'Inloopspreekuur' })).toBeVisible();
  const cards = page.locator('.mw-list > li.mw-card');
  await expect(cards.nth(0)).toContainText('Marktplein 1');
  await expect(cards.nth(0).locator('.mw-open')).toHaveText('Nu open tot 12:00');
  await expect(cards.nth(1)).toContainText('Havenweg 2');
  await expect(cards.nth(1).locator('.mw-open')).toContainText(uiText('social_map.open.closed'));
  await expect(cards.nth(1).getByRole('row', { name: uiText('weekday.2') })).toContainText('13:00–17:00');
  await expect(page.locator('.mw-screen > .mw-open')).toHaveCount(0);
  await expectAccessible(page, 'a service with two places');
});

test('hours by their rule: every second Tuesday of the month, and what no rule says as its text', async ({ page }) => {
  const services = [{ id: 'spreekuur', name: 'Spreekuur Opvoeden', schedules: [
    { freq: 'WEEKLY', byday: 'MO,TU,WE,TH', opens_at: '09:00', closes_at: '16:00' },
    { freq: 'MONTHLY', byday: '2TU', opens_at: '19:00', closes_at: '21:00' },
    { freq: 'WEEKLY', interval: 2, byday: 'FR', opens_at: '09:00', closes_at: '12:00', description: 'Om de week op vrijdag, bel voor de data.' }] }];
  const host = await hostWithMap(page, 'maand', services);
  // Tuesday 8 December 2026 is the second Tuesday of the month.
  await page.clock.setFixedTime(new Date('2026-12-08T20:00:00+01:00'));
  await page.goto(`${host}#/sociale-kaart/dienst/spreekuur`);
  await expect(page.getByRole('heading', { level: 1, name: 'Spreekuur Opvoeden' })).toBeVisible();
  await expect(page.locator('.mw-open')).toHaveText('Nu open tot 21:00');
  await expect(page.getByRole('row', { name: uiText('weekday.2') })).toContainText('09:00–16:00');
  await expect(page.getByRole('row', { name: uiText('weekday.5') })).toContainText(uiText('social_map.hours.closed'));
  await expect(page.locator('.mw-hours__note')).toHaveText(['Elke 2e dinsdag van de maand, 19:00–21:00', 'Om de week op vrijdag, bel voor de data.']);
  await expectAccessible(page, 'a service with monthly hours');
  // A week later, the third Tuesday: the evening is not today, and the next one is named by date.
  await page.clock.setFixedTime(new Date('2026-12-15T20:00:00+01:00'));
  await page.goto('about:blank');
  await page.goto(`${host}#/sociale-kaart/dienst/spreekuur`);
  await expect(page.locator('.mw-open')).toHaveText('Gesloten, opent morgen om 09:00');
});

test('a gemeente publishing HSDS as tables (datapackage.json and CSV files): a service is found by its theme and shows its two places with their own hours', async ({ page }) => {
  const problems = await watchProblems(page);
  const requests = trackRequests(page);
  await page.clock.setFixedTime(at('10:00'));
  // The host's pack names tabular-kaart/datapackage.json; its tables are the native tests'
  // fixture. A table the package lists but does not have answers 404, as a server would.
  const fixture = new URL('../fixtures/sociale-kaart/tabular/', import.meta.url);
  const missing = [];
  await page.route('**/host/tabular-kaart/*', (route) => {
    const name = new URL(route.request().url()).pathname.split('/').pop();
    const file = new URL(name, fixture);
    if (!fs.existsSync(file)) {
      missing.push(name);
      return route.fulfill({ status: 404, contentType: 'text/plain', body: 'niet gevonden' });
    }
    return route.fulfill({ contentType: name.endsWith('.json') ? 'application/json' : 'text/csv', body: fs.readFileSync(file) });
  });
  await page.goto('/host/tabular.html');
  await appReady(page);
  await expect(page.getByRole('status').filter({ hasText: 'gevonden' })).toContainText('4 diensten gevonden.');

  await page.getByLabel(uiText('social_map.theme')).selectOption({ label: 'Opvoeden' });
  await expect(results(page)).toHaveText(['Opvoedsteun Voorbeeldstad']);
  await page.getByRole('button', { name: uiText('social_map.clear_filters') }).click();
  await typeLikeAPerson(page, page.getByLabel(uiText('social_map.search')), 'Mantelzorg');
  await expect(results(page).first()).toHaveText('Maatjesproject Mantelzorg');
  // The editor's report names the file, row and column of the one bad cell.
  const notice = page.locator('.mw-notice--warning', { hasText: 'Niet alle gegevens' });
  await notice.getByText('Wat er is weggelaten').click();
  await expect(notice).toContainText('4 diensten gelezen, 0 niet, 1 velden weggelaten, 0 waarschuwingen.');
  await expect(notice.locator('.mw-report li', { hasText: 'veld postal_code' })).toContainText('1 keer in addresses.csv, veld postal_code');
  await expect(notice.locator('.mw-report li', { hasText: 'veld postal_code' })).toContainText('Bijvoorbeeld: rij 4 (jgz).');
  await expectAccessible(page, 'sociale kaart from HSDS tables');

  await page.getByLabel(uiText('social_map.search')).fill('');
  await page.getByLabel(uiText('social_map.theme')).selectOption({ label: 'Opvoeden' });
  await page.getByRole('link', { name: 'Opvoedsteun Voorbeeldstad' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Opvoedsteun Voorbeeldstad' })).toBeVisible();
  const cards = page.locator('.mw-list > li.mw-card');
  await expect(cards).toHaveCount(2);
  await expect(cards.nth(0)).toContainText('Wijkcentrum Noord');
  await expect(cards.nth(0)).toContainText('Marktplein 1');
  await expect(cards.nth(0).locator('.mw-open')).toHaveText('Nu open tot 12:00');
  await expect(cards.nth(0).getByRole('row', { name: uiText('weekday.3') })).toContainText('09:00–12:00');
  await expect(cards.nth(1)).toContainText('Buurthuis Zuid');
  await expect(cards.nth(1).locator('.mw-open')).toContainText(uiText('social_map.open.closed'));
  await expect(cards.nth(1).getByRole('row', { name: uiText('weekday.2') })).toContainText('13:00–16:00');
  await expect(cards.nth(1).getByRole('row', { name: uiText('weekday.4') })).toContainText('13:00–16:00');
  await expect(page.locator('.mw-screen > .mw-open')).toHaveCount(0);
  await expectAccessible(page, 'a service from HSDS tables with two places');

  expect(missing).toEqual(['required_documents.csv']);
  // Only the 404 of that optional table.
  expect(problems.filter((problem) => !problem.includes('404'))).toEqual([]);
  expect(requests.outside()).toEqual([]);
});

test('the search and area fields are described by their hints (the shared form field wires them)', async ({ page }) => {
  await openMap(page);
  await expect(page.getByLabel(uiText('social_map.search'))).toHaveAccessibleDescription(uiText('social_map.search_hint'));
  await expect(page.getByLabel(uiText('social_map.area'))).toHaveAccessibleDescription(uiText('social_map.area_hint'));
});
