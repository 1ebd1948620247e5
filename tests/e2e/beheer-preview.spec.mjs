// Beheer: the opened pack previewed as a citizen sees it (the app's own routekaart and sociale
// kaart with the pack's files, in the gemeente's theme), and every wijk's routekaart printed
// in one job. Expected names, numbers and dates come from the example pack and content files.
import { readFileSync } from 'node:fs';
import { test, expect } from '@playwright/test';
import { expectAccessible, appReady, uiText, uiCount, longDate, regionPack, typeLikeAPerson, pressLikeAPerson, trackRequests, watchProblems, NATIONAL, ROUTES } from './helpers.mjs';

const PACK = regionPack('voorbeeldstad');
const SERVICES = JSON.parse(readFileSync(new URL('../../public/regions/voorbeeldstad-sociale-kaart.json', import.meta.url), 'utf8'));
// The preview and the print each have their own address (src/beheer/mod.rs); both addresses
// are Beheer's, and the preview must never leave them.
const PREVIEW = '/#/beheer/bekijken';
const PRINT = '/#/beheer/afdrukken';

const preview = (page) => page.locator('.mw-admin-preview');
const app = (page) => page.locator('.mw-preview-app');
const printAll = (page) => page.locator('.mw-print-all');

/** The postcodes "3311-3313" of an area as numbers. */
function covers(area, postcode) {
  return (area.postcodes ?? []).some((range) => {
    const [from, to = from] = range.split('-').map(Number);
    return postcode >= from && postcode <= to;
  });
}

/** The pack's contacts serving a postcode (as routekaart::local::contacts_for), any order. */
const teamsForPostcode = (postcode) => PACK.contacts.filter((c) => c.areas?.some((a) => covers(a, postcode)));
/** The contacts naming a wijk (case as written). */
const teamsForWijk = (wijk) => PACK.contacts.filter((c) => c.areas?.some((a) => a.name.toLowerCase() === wijk.toLowerCase()));
/** Every wijk the contacts name, sorted as routekaart::local::wijken sorts them. */
const WIJKEN = [...new Set(PACK.contacts.flatMap((c) => (c.areas ?? []).map((a) => a.name)))].sort();

async function startWithExample(page, address, section) {
  await page.goto(address);
  await appReady(page);
  await section(page).getByRole('button', { name: uiText('beheer.preview.example') }).click();
}

function today() {
  const now = new Date();
  const two = (n) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${two(now.getMonth() + 1)}-${two(now.getDate())}`;
}

test('the routekaart preview shows the local team and services a postcode or wijk finds, and stays in Beheer', async ({ page }) => {
  const requests = trackRequests(page);
  const problems = await watchProblems(page);
  await startWithExample(page, PREVIEW, preview);
  const h1 = app(page).locator('h1');
  await expect(h1).toBeVisible();
  await expect(preview(page).getByRole('button', { name: uiText('beheer.preview.tab.routes') })).toHaveAttribute('aria-pressed', 'true');

  // A postcode: the team for it, as the routekaart's own local-team step shows it.
  await typeLikeAPerson(page, preview(page).getByLabel(uiText('beheer.preview.postcode'), { exact: true }), '3312 AB');
  const north = teamsForPostcode(3312);
  expect(north.length).toBeGreaterThan(0);
  for (const team of north) await expect(app(page).getByRole('heading', { name: team.name, exact: true }).first()).toBeVisible();
  // The routekaart's own place field shows the same place.
  await expect(app(page).getByLabel(uiText('routes.place'))).toHaveValue('3312 AB');
  // The sociale kaart files were read from memory: the route finds a service for the postcode.
  await expect(app(page).locator('.mw-route-find a[href^="#/sociale-kaart/dienst/"]').first()).toBeVisible();

  // A wijk from the select.
  const wijk = WIJKEN.find((w) => teamsForWijk(w).length > 0 && !teamsForWijk(w).some((t) => north.includes(t)));
  await preview(page).getByLabel(uiText('beheer.preview.wijk'), { exact: true }).selectOption(wijk);
  for (const team of teamsForWijk(wijk)) await expect(app(page).getByRole('heading', { name: team.name, exact: true }).first()).toBeVisible();

  // A link inside the preview moves the preview, not the page.
  await app(page).getByRole('link', { name: uiText('routes.start_again') }).click();
  await expect(page).toHaveURL(/#\/beheer\/bekijken$/);
  await expect(h1).toBeFocused();
  await expect(h1).toHaveText(ROUTES.nodes.find((n) => n.id === ROUTES.citizen_start).title.nl);
  await expect(page.locator('.mw-admin-preview')).toBeVisible();
  expect(requests.urls.filter((url) => url.includes('voorbeeldstad-sociale-kaart') || url.startsWith('meldwijzer-beheer:'))).toEqual([]);
  await expectAccessible(page, 'Beheer, preview of the routekaart');
  expect(problems, 'no console error or CSP violation (the theme and files go through script, not inline)').toEqual([]);
});

test('the sociale kaart preview searches the pack\'s own data, also from a route\'s link to a search', async ({ page }) => {
  await startWithExample(page, PREVIEW, preview);
  // A wijk name as the place: the route's "find" block links to a search by theme and wijk,
  // which opens the preview's sociale kaart with that search.
  const wijk = WIJKEN.find((w) => PACK.wijken?.some((a) => a.name === w) && teamsForWijk(w).length > 0);
  await preview(page).getByLabel(uiText('beheer.preview.wijk'), { exact: true }).selectOption(wijk);
  await app(page).locator('.mw-route-find a[href^="#/sociale-kaart?thema="]').first().click();
  await expect(preview(page).getByRole('button', { name: uiText('beheer.preview.tab.social_map') })).toHaveAttribute('aria-pressed', 'true');
  await expect(app(page).locator('#mw-sk-theme')).toHaveValue('wijkteam');
  await expect(app(page).locator('#mw-sk-area')).toHaveValue(wijk);
  await expect(app(page).getByText(teamsForWijk(wijk)[0].name, { exact: true }).first()).toBeVisible();
  await expect(page).toHaveURL(/#\/beheer\/bekijken$/);
  // The tab starts a search afresh.
  await preview(page).getByRole('button', { name: uiText('beheer.preview.tab.routes') }).click();
  await preview(page).getByRole('button', { name: uiText('beheer.preview.tab.social_map') }).click();
  await expect(app(page).locator('#mw-sk-theme')).toHaveValue('');
  await expect(app(page).locator('#mw-sk-area')).toHaveValue('');
  const service = SERVICES.find((s) => !PACK.contacts.some((c) => c.name === s.name));
  const search = app(page).getByLabel(uiText('social_map.search'));
  await typeLikeAPerson(page, search, service.name);
  await expect(app(page).getByText(service.name, { exact: true }).first()).toBeVisible();
  await expect(page).toHaveURL(/#\/beheer\/bekijken$/);
  await expectAccessible(page, 'Beheer, preview of the sociale kaart');

  await preview(page).getByRole('button', { name: uiText('beheer.preview.tab.meldcode') }).click();
  // The app's own meldcode, under what the organisation presets in it.
  await expect(app(page).getByRole('heading', { level: 3, name: uiText('beheer.preview.meldcode.title') })).toBeVisible();
  await expect(app(page).getByRole('heading', { level: 1, name: uiText('title.meldcode') })).toBeVisible();
  await expect(app(page)).toContainText(PACK.meldcode_profile ? uiText('beheer.preview.meldcode.lead') : uiText('beheer.preview.meldcode.none'));
  await expectAccessible(page, 'Beheer, preview of the meldcode preset');
});

test('a theme value changes the preview\'s colours, and what is not a safe value is said by line', async ({ page }) => {
  await startWithExample(page, PREVIEW, preview);
  const link = app(page).getByRole('link', { name: uiText('routes.start_again') });
  const before = await link.evaluate((a) => getComputedStyle(a).color);
  const outside = page.locator('.mw-footer a');
  const outsideBefore = await outside.evaluate((a) => getComputedStyle(a).color);
  const theme = preview(page).getByLabel(uiText('beheer.preview.theme.label'));
  await theme.fill('--mw-color-link: #8a1538;\n--mw-bg: url(https://example.org/a.png)');
  await expect.poll(() => link.evaluate((a) => getComputedStyle(a).color)).toBe('rgb(138, 21, 56)');
  expect(before).not.toBe('rgb(138, 21, 56)');
  // Outside the preview Beheer keeps the app's own colours.
  expect(await outside.evaluate((a) => getComputedStyle(a).color)).toBe(outsideBefore);
  const problem = uiText('beheer.preview.theme.line', 'nl', { line: 2, problem: uiText('beheer.preview.theme.bad_value') });
  await expect(preview(page).getByText(problem)).toBeVisible();
  // An NL Design System token is used where no --mw-* value is set.
  const problems = await watchProblems(page);
  await theme.fill('--utrecht-link-color: rgb(0, 104, 158)');
  await expect.poll(() => link.evaluate((a) => getComputedStyle(a).color)).toBe('rgb(0, 104, 158)');
  expect(problems, 'custom properties set through the style object pass the CSP').toEqual([]);
});

test('print every wijk: one page per wijk with its name, team, the numbers and both dates', async ({ page }) => {
  await startWithExample(page, PRINT, printAll);
  await expect(printAll(page).getByRole('status')).toHaveText(uiCount('beheer.print.count', WIJKEN.length));
  await expectAccessible(page, 'Beheer, print every wijk');
  await page.emulateMedia({ media: 'print' });
  const pages = page.locator('.mw-print-all__page');
  await expect(pages).toHaveCount(WIJKEN.length);
  const numbers = [...NATIONAL.numbers, ...(PACK.numbers ?? [])];
  for (const [i, wijk] of WIJKEN.entries()) {
    const sheet = pages.nth(i);
    await expect(sheet).toBeVisible();
    await expect(sheet.getByRole('heading', { level: 2 })).toHaveText(uiText('routes.print.for_place', 'nl', { region: PACK.region.name, place: wijk }));
    const teams = teamsForWijk(wijk);
    for (const team of teams) await expect(sheet).toContainText(team.name);
    for (const number of NATIONAL.numbers) await expect(sheet).toContainText(number.number);
    const checked = [...numbers, ...teams].map((x) => x.checked).sort()[0];
    await expect(sheet).toContainText(uiText('routes.print.checked', 'nl', { date: longDate(checked) }));
    await expect(sheet).toContainText(uiText('routes.print.made', 'nl', { date: longDate(today()) }));
    const breakAfter = await sheet.evaluate((e) => getComputedStyle(e).breakAfter);
    expect(breakAfter).toBe(i < WIJKEN.length - 1 ? 'page' : 'auto');
  }
  // Nothing else of the page goes on paper.
  await expect(printAll(page).getByRole('button', { name: uiText('beheer.print.print') })).toBeHidden();
  await expect(page.locator('.mw-exit')).toBeHidden();
  await expect(page.locator('[data-meldwijzer-capability="beheer"] h1').first()).toBeHidden();
  await expect(page.locator('.mw-admin-preview')).toBeHidden();
});

test('the preview works with the keyboard alone', async ({ page }) => {
  await page.goto(PREVIEW);
  await appReady(page);
  const focusOn = async (locator) => {
    for (let i = 0; i < 80 && !(await locator.evaluate((e) => e === document.activeElement)); i++) await page.keyboard.press('Tab');
    await expect(locator).toBeFocused();
  };
  await focusOn(preview(page).getByRole('button', { name: uiText('beheer.preview.example') }));
  await page.keyboard.press('Enter');
  // The route select changes the preview's step one arrow press at a time, keeping the focus.
  const stepSelect = preview(page).getByLabel(uiText('beheer.preview.step'), { exact: true });
  await focusOn(stepSelect);
  const firstStep = await stepSelect.inputValue();
  await page.keyboard.press('ArrowDown');
  await expect(stepSelect).toBeFocused();
  const secondStep = await stepSelect.inputValue();
  expect(secondStep).not.toBe(firstStep);
  await expect(app(page).locator('h1')).toHaveText(ROUTES.nodes.find((n) => n.id === secondStep).title.nl);
  await page.keyboard.press('ArrowUp');
  await expect(app(page).locator('h1')).toHaveText(ROUTES.nodes.find((n) => n.id === firstStep).title.nl);
  const wijkSelect = preview(page).getByLabel(uiText('beheer.preview.wijk'), { exact: true });
  await focusOn(wijkSelect);
  await page.keyboard.press('ArrowDown');
  await expect(wijkSelect).not.toHaveValue('');
  const wijk = await wijkSelect.inputValue();
  for (const team of teamsForWijk(wijk)) await expect(app(page).getByRole('heading', { name: team.name, exact: true }).first()).toBeVisible();
  // A link inside the preview, by Enter: the preview moves and its heading takes the focus.
  await focusOn(app(page).getByRole('link', { name: uiText('routes.start_again') }));
  await page.keyboard.press('Enter');
  await expect(app(page).locator('h1')).toBeFocused();
  await expect(page).toHaveURL(/#\/beheer\/bekijken$/);
  // The sociale kaart tab and its search.
  await page.keyboard.down('Shift');
  const tab = preview(page).getByRole('button', { name: uiText('beheer.preview.tab.social_map') });
  for (let i = 0; i < 80 && !(await tab.evaluate((e) => e === document.activeElement)); i++) await page.keyboard.press('Tab');
  await page.keyboard.up('Shift');
  await expect(tab).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(tab).toHaveAttribute('aria-pressed', 'true');
  const search = app(page).getByLabel(uiText('social_map.search'));
  await focusOn(search);
  await pressLikeAPerson(page, 'Buurtteam');
  await expect(app(page).getByText(PACK.contacts[0].name, { exact: true }).first()).toBeVisible();
});

test('the preview and the print follow the language switch', async ({ page }) => {
  await startWithExample(page, PREVIEW, preview);
  await page.getByRole('button', { name: uiText('lang.switch_to', 'en') }).click();
  await expect(preview(page).getByRole('heading', { level: 2, name: uiText('beheer.preview.title', 'en') })).toBeVisible();
  await expect(preview(page).getByRole('button', { name: uiText('beheer.preview.tab.social_map', 'en') })).toBeVisible();
  // The citizen's screens in the preview too: the route's step in English.
  // The first citizen step with the local team (src/beheer/preview_model.rs, local_help_steps).
  const step = ROUTES.nodes.find((n) => n.local_help && !n.id.startsWith('pro-'));
  await expect(app(page).locator('h1')).toHaveText(step.title.en ?? step.title.nl);
  // Another of Beheer's addresses: the same page, still in English.
  await page.goto(PRINT);
  await expect(printAll(page).getByRole('heading', { level: 2, name: uiText('beheer.print.title', 'en') })).toBeVisible();
});

test('the meldcode preview is the app\'s own meldcode with the organisation\'s preset, and stores nothing', async ({ page }) => {
  const ORGANISATION = new URL('./hosts/organisation-region.json', import.meta.url).pathname;
  const preset = JSON.parse(readFileSync(ORGANISATION, 'utf8')).meldcode_profile;
  await page.goto('/#/beheer');
  await appReady(page);
  await page.getByLabel(uiText('beheer.open.choose')).setInputFiles([ORGANISATION]);
  await page.getByRole('link', { name: uiText('beheer.nav.preview') }).click();
  await preview(page).getByRole('button', { name: uiText('beheer.preview.tab.meldcode') }).click();
  // The meldcode a professional of this organisation meets on a first visit: its sector preset.
  await expect(app(page).getByRole('heading', { level: 1, name: uiText('title.meldcode') })).toBeVisible();
  await expect(app(page)).toContainText(`${uiText('profile.summary')} ${uiText(`sector.${preset.sector}`)}`);
  await expect(preview(page)).toContainText(preset.aandachtsfunctionaris);
  // A dossier tried in the preview opens there, and is kept nowhere.
  await typeLikeAPerson(page, app(page).getByLabel(uiText('dossier.case_code')), 'Proef-1');
  await app(page).getByRole('button', { name: uiText('dossier.create') }).click();
  await expect(app(page).getByRole('heading', { level: 1, name: uiText('dossier.title', 'nl', { code: 'Proef-1' }) })).toBeVisible();
  await expect(page).toHaveURL(/#\/beheer\/bekijken$/);
  expect(await page.evaluate(() => Object.keys(localStorage).filter((key) => key.startsWith('meldwijzer:')))).toEqual([]);
  await expectAccessible(page, 'Beheer\'s meldcode preview');
});
