import { readFileSync } from 'node:fs';
// Home, screens, emergency numbers, language: the journeys every later feature stands on.
import { test, expect } from '@playwright/test';
import { expectAccessible, trackRequests, appReady } from './helpers.mjs';

const SCREENS = ['', 'zorgen', 'professional', 'meldcode', 'routekaart', 'sociale-kaart', 'zelftest', 'bronnen', 'bestaat-niet'];

test('the home screen has two doors and entries to the sociale kaart and the zelftest', async ({ page }) => {
  await page.goto('/');
  await appReady(page);
  const heading = page.getByRole('heading', { level: 1 });
  await expect(heading).toHaveText('Wat wil je doen?');
  for (const name of ['Ik maak me zorgen over iemand', 'Ik werk met kinderen of gezinnen', 'Hulp in de buurt zoeken', 'Zelftest']) {
    await expect(page.getByRole('link', { name: new RegExp(name) })).toBeVisible();
  }
  await page.getByRole('link', { name: /Ik maak me zorgen over iemand/ }).click();
  await expect(page).toHaveURL(/#\/zorgen$/);
  await expect(heading).toHaveText('Is er nu direct gevaar?');
  await expect(page).toHaveTitle('Ik maak me zorgen over iemand · Meldwijzer');
  await expect(heading).toBeFocused();
  await page.goBack();
  await expect(heading).toHaveText('Wat wil je doen?');
  await page.getByRole('link', { name: /Ik werk met kinderen of gezinnen/ }).click();
  await expect(heading).toHaveText('Ik werk met kinderen of gezinnen');
  await expect(page).toHaveTitle('Ik werk met kinderen of gezinnen · Meldwijzer');
});

for (const slug of SCREENS) {
  test(`#/${slug}: emergency numbers above everything, a quick exit, and no accessibility violations`, async ({ page }) => {
    const requests = trackRequests(page);
    await page.goto(`/#/${slug}`);
    await appReady(page);
    const bar = page.locator('.mw-emergency');
    await expect(bar.locator('a[href="tel:112"]')).toBeVisible();
    await expect(bar.locator('a[href="tel:08002000"]')).toBeVisible();
    await expect(bar).toContainText('Direct gevaar? Bel 112.');
    await expect(bar).toContainText('Zorgen of twijfel? Bel Veilig Thuis');
    const safety = await page.locator('.mw-safety').boundingBox();
    const screen = await page.locator('.mw-screen').boundingBox();
    expect(safety.y + safety.height).toBeLessThanOrEqual(screen.y);
    await expect(page.getByRole('button', { name: 'Snel weg' })).toBeVisible();
    await expectAccessible(page, `#/${slug}`);

    await page.getByRole('button', { name: 'English' }).click();
    await expect(page.getByRole('button', { name: 'Leave now' })).toBeVisible();
    await expect(bar).toContainText('Danger right now? Call 112.');
    await expectAccessible(page, `#/${slug} in English`);
    expect(requests.outside()).toEqual([]);
  });
}

test('the numbers show their source and the date they were checked', async ({ page }) => {
  await page.goto('/');
  await appReady(page);
  await page.getByText('Bron van deze nummers').click();
  const sources = page.locator('.mw-emergency__sources');
  await expect(sources).toContainText('Bron: Veilig Thuis Utrecht, Veelgestelde vragen (z.d.) https://www.veiligthuisutrecht.nl/');
  await expect(sources).toContainText('gecontroleerd op 22 november 2026');
  await expectAccessible(page, 'home with sources open');

  await page.getByRole('link', { name: 'Bronnen en controle van de gegevens' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Bronnen');
  await expect(page.getByRole('heading', { name: 'Het afwegingskader (sinds 2019)' })).toBeVisible();
  await expect(page.locator('.mw-screen')).toContainText('https://wetten.overheid.nl/BWBR0033723');
});

test('Bronnen lists every source of the content once, by publisher, with the date it was checked', async ({ page }) => {
  // What to expect comes from the content files, as build.rs reads them.
  const citations = new Set();
  for (const file of ['national', 'routes', 'meldcode', 'self-check']) {
    const walk = (value) => {
      if (Array.isArray(value)) return value.forEach(walk);
      if (value && typeof value === 'object') {
        if (typeof value.source === 'string' && typeof value.checked === 'string') {
          value.source.split('; ').map((c) => c.trim()).filter((c) => c && c !== 'Verzonnen oefencasus').forEach((c) => citations.add(c));
        }
        Object.values(value).forEach(walk);
      }
    };
    walk(JSON.parse(readFileSync(new URL(`../../content/${file}.json`, import.meta.url), 'utf8')));
  }
  const publishers = new Set([...citations].map((c) => c.split(', ')[0]));

  await page.goto('/#/bronnen');
  await appReady(page);
  await expect(page.getByRole('heading', { level: 2, name: 'Alle bronnen' })).toBeVisible();
  const list = page.locator('.mw-sources');
  await expect(list.locator('li')).toHaveCount(citations.size);
  await expect(list.locator('h3')).toHaveCount(publishers.size);
  for (const publisher of publishers) {
    await expect(list.getByRole('heading', { level: 3, name: publisher, exact: true })).toBeVisible();
  }
  const items = await list.locator('li').allTextContents();
  expect(items.filter((text) => !/gecontroleerd op \d+ \w+ \d{4} · gebruikt in: /.test(text))).toEqual([]);
  expect(items.filter((text) => /seed|domeinbrief|shared\/|\bL\d/i.test(text))).toEqual([]);
  await expect(list.getByRole('link', { name: 'https://wetten.overheid.nl/BWBR0033723' })).toHaveCount(1);
  await expectAccessible(page, 'bronnen');

  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'All sources' })).toBeVisible();
  await expect(list.locator('li').first()).toContainText('checked on');
  await expectAccessible(page, 'bronnen in English');
});

test('the language choice is forgotten unless the user asks to keep it', async ({ page }) => {
  await page.goto('/');
  await appReady(page);
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('What do you want to do?');
  await expect(page.locator('.meldwijzer')).toHaveAttribute('lang', 'en');
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Wat wil je doen?');
  expect(await page.evaluate(() => Object.keys(localStorage))).toEqual([]);

  await page.getByRole('button', { name: 'English' }).click();
  await page.getByLabel('Remember my language on this device').check();
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('What do you want to do?');
  await page.getByLabel('Remember my language on this device').uncheck();
  expect(await page.evaluate(() => Object.keys(localStorage))).toEqual([]);
});

test('everything works with the keyboard alone', async ({ page }) => {
  await page.goto('/');
  await appReady(page);
  // The quick exit is the first thing a keyboard user reaches.
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Snel weg' })).toBeFocused();
  const door = page.getByRole('link', { name: /Ik werk met kinderen of gezinnen/ });
  for (let i = 0; i < 20 && !(await door.evaluate((el) => el === document.activeElement)); i++) {
    await page.keyboard.press('Tab');
  }
  await expect(door).toBeFocused();
  const outline = await door.evaluate((el) => getComputedStyle(el).outlineStyle);
  expect(outline).toBe('solid');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Ik werk met kinderen of gezinnen');
  await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
});
