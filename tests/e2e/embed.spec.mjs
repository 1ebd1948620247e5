// Embedding: inside a gemeente's page, from a sub-path, with the host's CSS and links left alone.
import { test, expect } from '@playwright/test';
import { expectAccessible, trackRequests, appReady, watchProblems, contentText, uiText, routeAnswer, routeNode } from './helpers.mjs';
import { CDN, DATA } from './playwright.config.mjs';

test('mounted in a host page, the app leaves the host\'s links, anchors and content alone', async ({ page }) => {
  const requests = trackRequests(page);
  await page.goto('/host/gemeente.html');
  await appReady(page);
  await expect(page.getByRole('heading', { name: 'Veilig thuis in Voorbeeldstad' })).toBeVisible();

  // App navigation uses the hash and stays inside the mount element.
  await page.getByRole('link', { name: new RegExp(uiText('home.citizen')) }).click();
  await expect(page).toHaveURL(/gemeente\.html#\/zorgen$/);
  await page.getByRole('link', { name: routeAnswer('start', 'wie').label.nl }).click();
  await page.getByRole('link', { name: routeAnswer('wie', 'kind').label.nl, exact: true }).click();
  await page.getByLabel(uiText('routes.place')).fill('Noord');
  await expect(page.getByRole('heading', { name: 'Buurtteam Noord' })).toBeVisible();

  // The host's own in-page anchor does not change the app's screen.
  await page.getByRole('link', { name: 'Nieuws', exact: true }).click();
  await expect(page).toHaveURL(/#nieuws$/);
  await expect(page.locator('.mw-screen h1')).toHaveText(routeNode('kind').title.nl);
  await expectAccessible(page, 'gemeente.html');

  // The host's own links navigate normally: nothing intercepts them.
  await page.getByRole('link', { name: 'Andere pagina' }).click();
  await expect(page).toHaveURL('/host/other.html');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Andere pagina van de gemeente');
  expect(requests.outside()).toEqual([]);
});

test('the host\'s CSS does not break the app, and its theme tokens restyle it', async ({ page }) => {
  await page.goto('/host/gemeente.html');
  await appReady(page);
  const exit = page.getByRole('button', { name: uiText('exit.button') });
  expect(await exit.evaluate((el) => getComputedStyle(el).backgroundColor)).toBe('rgb(164, 32, 28)');
  const title = page.locator('.mw-screen h1');
  expect(await title.evaluate((el) => getComputedStyle(el).textTransform)).toBe('none');
  const door = page.locator('.mw-door').first();
  expect(await door.evaluate((el) => getComputedStyle(el).backgroundColor)).toBe('rgb(0, 90, 50)');
});

for (const path of ['/hulp/meldwijzer/', '/hulp/meldwijzer/index.html']) {
  test(`served from a sub-path (${path}), every asset loads from that path`, async ({ page }) => {
    const requests = trackRequests(page);
    const failed = [];
    page.on('response', (response) => { if (response.status() >= 400) failed.push(response.url()); });
    await page.goto(path);
    await appReady(page);
    await page.getByRole('link', { name: new RegExp(uiText('home.social_map')) }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(uiText('title.social_map'));
    expect(failed).toEqual([]);
    const wasm = requests.urls.find((url) => url.endsWith('.wasm'));
    expect(wasm).toBe('http://127.0.0.1:4173/hulp/meldwijzer/meldwijzer_bg.wasm');
    expect(requests.outside()).toEqual([]);
  });
}

test('embedded from the gemeente\'s CDN under a strict CSP, every part runs without a violation or error', async ({ page }) => {
  const problems = await watchProblems(page);
  const requests = trackRequests(page);
  await page.goto('/host/cdn.html');
  await appReady(page);
  const h1 = page.locator('.mw-screen h1');
  await expect(h1).toHaveText(routeNode('start').title.nl);
  await page.getByRole('link', { name: routeAnswer('start', 'wie').label.nl }).click();
  await page.getByRole('link', { name: routeAnswer('wie', 'kind').label.nl, exact: true }).click();
  await page.getByLabel(uiText('routes.place')).fill('3312');
  await expect(page.getByRole('heading', { name: 'Buurtteam Noord' })).toBeVisible();
  // axe adds <style> elements of its own, which the strict CSP rightly refuses: what the app
  // did is checked before each scan, and the scan's own reports are dropped.
  const scan = async (what) => {
    expect(problems, what).toEqual([]);
    await expectAccessible(page, what);
    await page.waitForTimeout(50);
    problems.length = 0;
  };
  await scan('cdn.html, zorgen');
  // Every capability module and its stylesheet loads from the CDN.
  for (const [hash, title] of [['#/sociale-kaart', uiText('title.social_map')], ['#/meldcode', /Meldcode/], ['#/zelftest', /Zelftest/]]) {
    await page.evaluate((h) => { location.hash = h; }, hash);
    await expect(h1).toHaveText(title);
    await scan(`cdn.html ${hash}`);
  }
  const cdn = requests.urls.filter((url) => url.startsWith(CDN));
  // A page on the citizen's route starts the shell with the routekaart in it; the route's
  // wijkteam card asked the sociale kaart's module.
  for (const file of ['embed.js', 'citizen.js', 'citizen_bg.wasm', 'meldwijzer.css', 'sociale-kaart_bg.wasm', 'meldcode_bg.wasm']) {
    expect(cdn.some((url) => url.endsWith(`/meldwijzer/${file}`)), file).toBe(true);
  }
  for (const file of ['meldwijzer_bg.wasm', 'routekaart_bg.wasm']) {
    expect(cdn.some((url) => url.endsWith(`/meldwijzer/${file}`)), file).toBe(false);
  }
  expect(requests.outside().filter((url) => !url.startsWith(CDN) && !url.startsWith(DATA))).toEqual([]);
});

test('a visitor whose browser cannot start the app still sees 112 and Veilig Thuis', async ({ page }) => {
  await page.route(`${CDN}/**/*.wasm`, (route) => route.abort());
  await page.goto('/host/cdn.html');
  const mount = page.locator('[data-meldwijzer]');
  await expect(mount.getByRole('link', { name: '112' })).toHaveAttribute('href', 'tel:112');
  await expect(mount.getByRole('link', { name: '0800-2000' })).toHaveAttribute('href', 'tel:08002000');
  await page.waitForTimeout(500);
  await expect(mount.getByRole('link', { name: '112' })).toBeVisible();
  await expectAccessible(page, 'cdn.html without the app');
});

test('our own page runs every part under its strict CSP: no inline script, no violation, no error', async ({ page }) => {
  const problems = await watchProblems(page);
  await page.goto('/');
  await appReady(page);
  const h1 = page.locator('.mw-screen h1');
  for (const [hash, title] of [['#/zorgen', routeNode('start').title.nl], ['#/sociale-kaart', uiText('title.social_map')], ['#/meldcode', /Meldcode/], ['#/zelftest', /Zelftest/], ['#/routekaart', /./]]) {
    await page.evaluate((h) => { location.hash = h; }, hash);
    await expect(h1).toHaveText(title);
  }
  const inline = await page.evaluate(() => [...document.scripts].filter((s) => !s.src).length);
  expect(inline).toBe(0);
  expect(problems).toEqual([]);
});
