// Embedding: inside a gemeente's page, from a sub-path, with the host's CSS and links left alone.
import { test, expect } from '@playwright/test';
import { expectAccessible, trackRequests, appReady } from './helpers.mjs';

test('mounted in a host page, the app leaves the host\'s links, anchors and content alone', async ({ page }) => {
  const requests = trackRequests(page);
  await page.goto('/host/gemeente.html');
  await appReady(page);
  await expect(page.getByRole('heading', { name: 'Veilig thuis in Voorbeeldstad' })).toBeVisible();

  // App navigation uses the hash and stays inside the mount element.
  await page.getByRole('link', { name: /Ik maak me zorgen over iemand/ }).click();
  await expect(page).toHaveURL(/gemeente\.html#\/zorgen$/);
  await page.getByRole('link', { name: 'Nee, maar ik maak me zorgen' }).click();
  await page.getByRole('link', { name: 'Een kind', exact: true }).click();
  await page.getByLabel('Je postcode of wijk').fill('Noord');
  await expect(page.getByRole('heading', { name: 'Buurtteam Noord' })).toBeVisible();

  // The host's own in-page anchor does not change the app's screen.
  await page.getByRole('link', { name: 'Nieuws', exact: true }).click();
  await expect(page).toHaveURL(/#nieuws$/);
  await expect(page.locator('.mw-screen h1')).toHaveText('Je maakt je zorgen over een kind');
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
  const exit = page.getByRole('button', { name: 'Snel weg' });
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
    await page.getByRole('link', { name: /Hulp in de buurt zoeken/ }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Hulp in de buurt');
    expect(failed).toEqual([]);
    const wasm = requests.urls.find((url) => url.endsWith('.wasm'));
    expect(wasm).toBe('http://127.0.0.1:4173/hulp/meldwijzer/meldwijzer_bg.wasm');
    expect(requests.outside()).toEqual([]);
  });
}
