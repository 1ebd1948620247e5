// Region packs: a gemeente's own data, and what happens when that data is broken or hostile.
import { test, expect } from '@playwright/test';
import { expectAccessible, trackRequests, appReady, contentText, uiText, routeAnswer, regionPack, regionContact, telUri, longDate, EVERY_SCREEN, nationalNumber } from './helpers.mjs';
import { DATA } from './playwright.config.mjs';

const PACK = regionPack('voorbeeldstad');
/** "regio.json, veld contacts[2]: …": a pack's problem as the app reports it. */
const issue = (file, path, problem, vars = {}) => uiText('pack.issue.field', 'nl', { file, path, problem: uiText(problem, 'nl', vars) });

test('the example gemeente shows its own local teams', async ({ page }) => {
  const requests = trackRequests(page);
  await page.goto('/voorbeeld.html');
  await appReady(page);
  await page.getByRole('link', { name: new RegExp(uiText('home.citizen')) }).click();
  await page.getByRole('link', { name: routeAnswer('start', 'wie').label.nl }).click();
  await page.getByRole('link', { name: routeAnswer('wie', 'kind').label.nl, exact: true }).click();
  await expect(page.getByRole('heading', { name: uiText('routes.local_team', 'nl', { team: PACK.region.local_team.nl }) })).toBeVisible();
  await page.getByLabel(uiText('routes.place')).fill('3312 AB');
  const north = regionContact(PACK, 'buurtteam-noord');
  await expect(page.getByRole('heading', { name: north.name })).toBeVisible();
  await expect(page.getByRole('link', { name: `${uiText('contact.call')} ${north.phone}` })).toHaveAttribute('href', telUri(north.phone));
  await expect(page.getByRole('heading', { name: uiText('routes.local_steps', 'nl', { region: PACK.region.name }) })).toBeVisible();
  await expect(page.locator('.mw-screen')).toContainText(uiText('source.checked', 'nl', { date: longDate(north.checked) }));
  await expectAccessible(page, 'voorbeeld.html, zorgen');
  expect(requests.outside()).toEqual([]);
});

test('region data from the gemeente\'s own server (the pack and the files it names) is the only request to another origin', async ({ page }) => {
  const requests = trackRequests(page);
  await page.goto('/host/cross-origin.html#/zorgen/kind');
  await page.getByLabel(uiText('routes.place')).fill('3319');
  const south = regionContact(PACK, 'buurtteam-zuid');
  await expect(page.getByRole('heading', { name: south.name })).toBeVisible();
  // The route's wijkteam card reads the sociale kaart the pack names, beside the pack.
  await expect(page.locator('.mw-route-find').first().getByRole('link', { name: south.name })).toBeVisible();
  const region = [`${DATA}/voorbeeldstad.json`, `${DATA}/voorbeeldstad-sociale-kaart.json`];
  expect(requests.outside(region)).toEqual([]);
  expect(requests.urls).toEqual(expect.arrayContaining(region));
});

async function expectRefused(page, url, ...messages) {
  await page.goto(url);
  await appReady(page);
  const notice = page.locator('.mw-notice--warning');
  await expect(notice).toContainText(uiText('region_notice.failed'));
  await notice.getByText(uiText('region_notice.failed_details')).click();
  for (const message of messages) await expect(notice).toContainText(message);
  // Still running on the national default.
  for (const number of EVERY_SCREEN) await expect(page.locator(`.mw-emergency a[href="${telUri(number.number)}"]`)).toBeVisible();
  await expectAccessible(page, url);
}

test('a broken region pack names file, field and problem, and the app keeps running', async ({ page }) => {
  await expectRefused(page, '/host/broken.html',
    issue('broken-region.json', 'contacts[2]', 'pack.problem.missing_field', { field: 'description' }));
  await expect(page.getByRole('heading', { name: regionContact(regionPack('broken-region'), 'buurtteam-noord').name })).toHaveCount(0);
});

test('a hostile region pack is refused and nothing of it reaches the page', async ({ page }) => {
  let dialogs = 0;
  page.on('dialog', (dialog) => { dialogs++; dialog.dismiss(); });
  // The pack gives its own number the id of a national one (112), to replace it.
  const replaced = nationalNumber(regionPack('hostile-region').numbers[0].id);
  await expectRefused(page, '/host/hostile.html',
    issue('hostile-region.json', 'numbers[0].id', 'pack.problem.replaces_national', { id: replaced.id }),
    issue('hostile-region.json', 'contacts[0].website', 'pack.problem.bad_url'),
    issue('hostile-region.json', 'contacts[0].name', 'pack.problem.markup'));
  await expect(page.locator('.meldwijzer img')).toHaveCount(0);
  await expect(page.locator('.meldwijzer a[href^="javascript:"]')).toHaveCount(0);
  await expect(page.locator(`.mw-emergency a[href="${telUri(replaced.number)}"]`)).toBeVisible();
  expect(dialogs).toBe(0);
});

test('a pack of a newer format version says which version it has', async ({ page }) => {
  await expectRefused(page, '/host/new-version.html',
    issue('new-version-region.json', 'version', 'pack.problem.unsupported_version', { found: regionPack('new-version-region').version, supported: 1 }));
});

test('a region pack that is not there says the server answered 404', async ({ page }) => {
  await expectRefused(page, '/host/missing.html', uiText('pack.issue.file', 'nl', { file: 'bestaat-niet.json', problem: uiText('pack.problem.not_loaded_status', 'nl', { status: 404 }) }));
});
