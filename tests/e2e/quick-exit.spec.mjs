// "Snel weg": leave at once, by button or by pressing Shift three times, so Back does not return.
import { test, expect } from '@playwright/test';
import { appReady, NEUTRAL, stubNeutralSite } from './helpers.mjs';

test('the button leaves for a neutral site, and Back does not return', async ({ page }) => {
  await stubNeutralSite(page);
  await page.goto('/#/zorgen');
  await appReady(page);
  await page.getByRole('button', { name: 'Snel weg' }).click();
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
  await page.getByRole('button', { name: 'Snel weg' }).click();
  await expect(page).toHaveURL('/host/left.html');
  const kept = await page.evaluate(() => ({ ...sessionStorage }));
  expect(kept).toEqual({ 'gemeente:winkelmand': 'blijft' });
});
