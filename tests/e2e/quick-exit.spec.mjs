// uiText('exit.button'): leave at once, by button or by pressing Shift three times, so Back does not return.
import { test, expect } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { appReady, expectAccessible, NEUTRAL, stubNeutralSite, typeLikeAPerson, uiText } from './helpers.mjs';

test('the button leaves for a neutral site, and Back does not return', async ({ page }) => {
  await stubNeutralSite(page);
  await page.goto('/#/zorgen');
  await appReady(page);
  await page.getByRole('button', { name: uiText('exit.button') }).click();
  await expect(page).toHaveURL(NEUTRAL);
  await page.goBack();
  expect(page.url()).not.toContain('127.0.0.1:4173');
});

test('pressing Shift three times leaves', async ({ page }) => {
  await stubNeutralSite(page);
  await page.goto('/#/zorgen');
  await appReady(page);
  await page.keyboard.press('Shift');
  await page.keyboard.press('Shift');
  await expect(page.locator('.mw-exit')).toContainText('nog 1 keer drukken');
  await page.keyboard.press('Shift');
  await expect(page).toHaveURL(NEUTRAL);
});

test('leaving wipes what the app kept in session storage and nothing of the host', async ({ page }) => {
  await page.goto('/host/exit.html');
  await appReady(page);
  await page.evaluate(() => {
    sessionStorage.setItem('meldwijzer:route', 'zorgen');
    sessionStorage.setItem('gemeente:winkelmand', 'blijft');
  });
  await page.getByRole('button', { name: uiText('exit.button') }).click();
  await expect(page).toHaveURL('/host/left.html');
  const kept = await page.evaluate(() => ({ ...sessionStorage }));
  expect(kept).toEqual({ 'gemeente:winkelmand': 'blijft' });
});

const PROFILE = { sector: 'jeugdhulp', client: 'child', aandachtsfunctionaris: 'A. Visser', decider: 'Teamleider' };

/** Still here: the app's page, not the exit site. */
async function stillHere(page) {
  await page.waitForTimeout(50);
  expect(page.url()).toContain('127.0.0.1:4173');
  await expect(page.getByRole('button', { name: uiText('exit.button') })).toBeVisible();
}

test('typing capitals into every kind of field never leaves: casuscode, signal, consultation, textarea', async ({ page }) => {
  await stubNeutralSite(page);
  await page.goto('/');
  await page.evaluate((profile) => localStorage.setItem('meldwijzer:meldcode:profile', JSON.stringify(profile)), PROFILE);
  await page.goto('/#/meldcode');
  await expect(page.getByRole('heading', { level: 1, name: uiText('title.meldcode') })).toBeVisible();
  await typeLikeAPerson(page, page.getByLabel(uiText('dossier.case_code')), 'VT-Jan-2026');
  await page.getByRole('button', { name: uiText('dossier.create') }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Dossier VT-Jan-2026' })).toBeVisible();

  await page.getByRole('button', { name: uiText('signals.add') }).click();
  // Focus went to the new signal's first field.
  await expect(page.getByLabel(uiText('signal.date'))).toBeFocused();
  await typeLikeAPerson(page, page.getByLabel(uiText('signal.observed')), 'Moeder Vertelde Dat Jan (7) "Bang" Is!');
  await typeLikeAPerson(page, page.getByLabel(uiText('signal.interpretation')), 'Mogelijk Huiselijk Geweld; Overleg Met AF?');
  await stillHere(page);

  await page.getByRole('navigation', { name: uiText('stepnav.label') }).getByRole('link', { name: /Collegiale consultatie/ }).click();
  await page.getByRole('button', { name: uiText('consultation.add') }).click();
  await expect(page.getByLabel(uiText('consultation.kind'))).toBeFocused();
  await typeLikeAPerson(page, page.getByLabel(uiText('consultation.advice')), 'Bel Veilig Thuis Voor Advies, Mail J.deVries@Voorbeeld.NL');
  await stillHere(page);
  // Shift+Tab back through the form, many times: never a press.
  for (let i = 0; i < 6; i++) {
    await page.keyboard.down('Shift');
    await page.keyboard.press('Tab');
    await page.keyboard.up('Shift');
  }
  await stillHere(page);
  await expect(page.getByLabel(uiText('consultation.advice'))).toHaveValue('Bel Veilig Thuis Voor Advies, Mail J.deVries@Voorbeeld.NL');
});

test('typing capitals into a postcode and a search never leaves; three lone Shift presses still do', async ({ page }) => {
  await stubNeutralSite(page);
  await page.goto('/voorbeeld.html#/zorgen/kind');
  await appReady(page);
  await typeLikeAPerson(page, page.getByLabel(uiText('routes.place')), '3312 AB Noord');
  await stillHere(page);
  await page.goto('/voorbeeld.html#/sociale-kaart');
  await appReady(page);
  await typeLikeAPerson(page, page.getByLabel(uiText('social_map.search')), 'Buurtteam Noord OF Zuid');
  await stillHere(page);
  for (let i = 0; i < 2; i++) await page.keyboard.press('Shift');
  await expect(page.locator('.mw-exit')).toContainText('nog 1 keer drukken');
  await page.keyboard.press('Shift');
  await expect(page).toHaveURL(NEUTRAL);
});

test('"Snel weg" is the first thing Tab reaches and stays in view at every scroll position', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 640 });
  await stubNeutralSite(page);
  await page.goto('/#/zorgen/kind');
  await appReady(page);
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: uiText('exit.button') })).toBeFocused();
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  expect(height).toBeGreaterThan(2000);
  for (const y of [600, 1500, height]) {
    await page.evaluate((top) => window.scrollTo(0, top), y);
    const box = await page.getByRole('button', { name: uiText('exit.button') }).boundingBox();
    expect(box.y, `at scroll ${y}`).toBeGreaterThanOrEqual(0);
    expect(box.y + box.height, `at scroll ${y}`).toBeLessThanOrEqual(640);
  }
  // Focus moved backwards by the keyboard never hides under the sticky bar.
  await page.getByRole('link', { name: uiText('routes.start_again') }).focus();
  for (let i = 0; i < 8; i++) {
    await page.keyboard.down('Shift');
    await page.keyboard.press('Tab');
    await page.keyboard.up('Shift');
    const [focused, bar] = await page.evaluate(() => [document.activeElement.getBoundingClientRect().top,
      document.querySelector('.mw-exit').getBoundingClientRect().bottom]);
    if (await page.evaluate(() => document.activeElement.closest('.mw-exit') === null)) {
      expect(focused, `focus ${i} under the exit bar`).toBeGreaterThanOrEqual(bar - 1);
    }
  }
  await page.getByRole('button', { name: uiText('exit.button') }).click();
  await expect(page).toHaveURL(NEUTRAL);
});

test('a touch screen without a keyboard is not told to press Shift', async ({ browser }) => {
  const phone = await browser.newContext({ hasTouch: true, isMobile: true, viewport: { width: 360, height: 640 } });
  const page = await phone.newPage();
  await page.goto('/#/zorgen');
  await appReady(page);
  await expect(page.getByRole('button', { name: uiText('exit.button') })).toBeVisible();
  await expect(page.getByText(uiText('exit.hint'))).toBeHidden();
  await expectAccessible(page, 'zorgen on a phone');
  await phone.close();

  const laptop = await browser.newPage();
  await laptop.goto('/#/zorgen');
  await appReady(laptop);
  await expect(laptop.getByText(uiText('exit.hint'))).toBeVisible();
  await laptop.close();
});

test('"Snel weg" leaves at once while a sociale kaart at the size limit is being read', async ({ page }) => {
  test.setTimeout(90_000);
  // 14,700 made-up services: about 19.7 MiB, just under the 20 MiB a sociale kaart file may be.
  // Made afresh each run (half a second), so it follows the generator.
  const file = path.join(os.tmpdir(), `meldwijzer-e2e-largest-${process.pid}.json`);
  execFileSync('node', ['../../scripts/generate-sociale-kaart.mjs', file, '--count', '14700']);
  const services = fs.readFileSync(file);
  expect(services.length).toBeGreaterThan(19 * 1024 * 1024);
  expect(services.length).toBeLessThan(20 * 1024 * 1024);
  fs.unlinkSync(file);
  const pack = JSON.parse(fs.readFileSync('../../public/regions/voorbeeldstad.json', 'utf8'));
  pack.social_map = { files: [{ format: 'hsds', path: 'kaart.json' }] };
  const base = 'http://127.0.0.1:4173/host/largest';
  await page.route(`${base}/regio.json`, (route) => route.fulfill({ json: pack }));
  await page.route(`${base}/kaart.json`, (route) => route.fulfill({ body: services, contentType: 'application/json' }));
  await page.route(`${base}/index.html`, (route) => route.fulfill({ contentType: 'text/html', body:
    '<!doctype html><html lang="nl"><title>Groot</title><main><div data-meldwijzer data-region="regio.json" data-view="sociale-kaart"></div></main>'
    + '<script type="module" src="/hulp/meldwijzer/embed.js"></script></html>' }));
  // When results appear and when the exit site is asked for, as the browser reports them.
  const events = [];
  await page.exposeFunction('reportResults', () => events.push('results'));
  await page.addInitScript(() => {
    new MutationObserver(() => {
      if (/\d+ diensten gevonden/.test(document.querySelector('.mw-results__count')?.textContent ?? '')) {
        window.__resultsAt ??= performance.now();
        window.reportResults();
      }
    }).observe(document, { subtree: true, childList: true, characterData: true });
  });
  await page.route(`${NEUTRAL}**`, (route) => { events.push('left'); route.fulfill({ contentType: 'text/html', body: '<title>Weer</title>' }); });
  // A phone's slower processor: the import takes long enough to click in the middle of it.
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });

  // First: the page answers while the file is read. A question asked 150 ms after the file
  // arrived is answered in the first half of the load, not when the load is done (as it is
  // when the import runs in one piece). A ratio of the load, not a time.
  let fetched = page.waitForResponse(`${base}/kaart.json`);
  await page.goto(`${base}/index.html`);
  await fetched;
  await page.waitForTimeout(150);
  const answered = await page.evaluate(() => performance.now());
  await expect(page.locator('.mw-results__count')).toContainText('diensten gevonden', { timeout: 60_000 });
  const [arrived, shown] = await page.evaluate((url) => [
    performance.getEntriesByName(url)[0].responseEnd, window.__resultsAt], `${base}/kaart.json`);
  expect((answered - arrived) / (shown - arrived), 'share of the load before the page answered').toBeLessThan(0.5);

  // Then: uiText('exit.button') clicked in the middle of the same load leaves before it ends.
  events.length = 0;
  fetched = page.waitForResponse(`${base}/kaart.json`);
  await page.goto(`${base}/index.html`);
  // Where the button is, found while the page is still idle. The click itself is one mouse
  // event, as a person's is: a locator's click waits for several checks of its own, each
  // behind the import's slices, and could land after the import on a busy machine.
  const box = await page.getByRole('button', { name: uiText('exit.button') }).boundingBox();
  await fetched;
  await page.waitForTimeout(150);
  expect(events, 'the import should still be running').toEqual([]);
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  await expect(page).toHaveURL(NEUTRAL);
  // The browser asked for the exit site before the import could finish and show results.
  expect(events[0]).toBe('left');
});
