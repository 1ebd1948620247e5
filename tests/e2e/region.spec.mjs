// Region packs: a gemeente's own data, and what happens when that data is broken or hostile.
import { test, expect } from '@playwright/test';
import { expectAccessible, trackRequests, appReady } from './helpers.mjs';
import { DATA } from './playwright.config.mjs';

test('the example gemeente shows its own local teams', async ({ page }) => {
  const requests = trackRequests(page);
  await page.goto('/voorbeeld.html');
  await appReady(page);
  await page.getByRole('link', { name: /Ik maak me zorgen over iemand/ }).click();
  await page.getByRole('link', { name: 'Nee, maar ik maak me zorgen' }).click();
  await page.getByRole('link', { name: 'Een kind', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Hulp in de buurt: het buurtteam' })).toBeVisible();
  await page.getByLabel('Je postcode of wijk').fill('3312 AB');
  await expect(page.getByRole('heading', { name: 'Buurtteam Noord' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Bel 010-5550101' })).toHaveAttribute('href', 'tel:0105550101');
  await expect(page.getByRole('heading', { name: 'In Gemeente Voorbeeldstad' })).toBeVisible();
  await expect(page.locator('.mw-screen')).toContainText('gecontroleerd op 1 november 2026');
  await expectAccessible(page, 'voorbeeld.html, zorgen');
  expect(requests.outside()).toEqual([]);
});

test('region data from the gemeente\'s own server (the pack and the files it names) is the only request to another origin', async ({ page }) => {
  const requests = trackRequests(page);
  await page.goto('/host/cross-origin.html#/zorgen/kind');
  await page.getByLabel('Je postcode of wijk').fill('3319');
  await expect(page.getByRole('heading', { name: 'Buurtteam Zuid' })).toBeVisible();
  // The route's wijkteam card reads the sociale kaart the pack names, beside the pack.
  await expect(page.locator('.mw-route-find').first().getByRole('link', { name: 'Buurtteam Zuid' })).toBeVisible();
  const region = [`${DATA}/voorbeeldstad.json`, `${DATA}/voorbeeldstad-sociale-kaart.json`];
  expect(requests.outside(region)).toEqual([]);
  expect(requests.urls).toEqual(expect.arrayContaining(region));
});

async function expectRefused(page, url, ...messages) {
  await page.goto(url);
  await appReady(page);
  const notice = page.locator('.mw-notice--warning');
  await expect(notice).toContainText('De gegevens van je gemeente konden niet worden geladen');
  await notice.getByText('Wat is er mis?').click();
  for (const message of messages) await expect(notice).toContainText(message);
  // Still running on the national default.
  await expect(page.locator('.mw-emergency a[href="tel:08002000"]')).toBeVisible();
  await expectAccessible(page, url);
}

test('a broken region pack names file, field and problem, and the app keeps running', async ({ page }) => {
  await expectRefused(page, '/host/broken.html',
    'broken-region.json, veld contacts[2]: het veld description ontbreekt.');
  await expect(page.getByRole('heading', { name: 'Buurtteam Noord' })).toHaveCount(0);
});

test('a hostile region pack is refused and nothing of it reaches the page', async ({ page }) => {
  let dialogs = 0;
  page.on('dialog', (dialog) => { dialogs++; dialog.dismiss(); });
  await expectRefused(page, '/host/hostile.html',
    'hostile-region.json, veld numbers[0].id: het id "112" is een landelijk nummer',
    'veld contacts[0].website: dit is geen geldig webadres',
    'veld contacts[0].name: hier staat HTML');
  await expect(page.locator('.meldwijzer img')).toHaveCount(0);
  await expect(page.locator('.meldwijzer a[href^="javascript:"]')).toHaveCount(0);
  await expect(page.locator('.mw-emergency a[href="tel:112"]')).toBeVisible();
  expect(dialogs).toBe(0);
});

test('a pack of a newer format version says which version it has', async ({ page }) => {
  await expectRefused(page, '/host/new-version.html',
    'new-version-region.json, veld version: dit bestand heeft versie 2. Deze Meldwijzer leest versie 1.');
});

test('a region pack that is not there says the server answered 404', async ({ page }) => {
  await expectRefused(page, '/host/missing.html', 'bestaat-niet.json: het bestand kon niet worden opgehaald: de server antwoordde met status 404.');
});
