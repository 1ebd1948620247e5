import { readFileSync } from 'node:fs';
// Home, screens, emergency numbers, language: the journeys every later feature stands on.
import { test, expect } from '@playwright/test';
import { expectAccessible, trackRequests, appReady, uiText, contentText, routeNode, EVERY_SCREEN, telUri, localized, longDate } from './helpers.mjs';

// The law's address, as the fact on the meldcode's legal basis cites it.
const LAW = contentText('national', 'facts/meldcode-wet/source').match(/\((https?:[^)]+)\)$/)[1];

const SCREENS = ['', 'zorgen', 'professional', 'meldcode', 'routekaart', 'sociale-kaart', 'zelftest', 'bronnen', 'bestaat-niet'];

test('the home screen has two doors and entries to the sociale kaart and the zelftest', async ({ page }) => {
  await page.goto('/');
  await appReady(page);
  const heading = page.getByRole('heading', { level: 1 });
  await expect(heading).toHaveText(uiText('title.home'));
  for (const name of [uiText('home.citizen'), uiText('home.professional'), uiText('home.social_map'), uiText('home.self_check')]) {
    await expect(page.getByRole('link', { name: new RegExp(name) })).toBeVisible();
  }
  await page.getByRole('link', { name: new RegExp(uiText('home.citizen')) }).click();
  await expect(page).toHaveURL(/#\/zorgen$/);
  await expect(heading).toHaveText(routeNode('start').title.nl);
  await expect(page).toHaveTitle(`${uiText('title.citizen')} · Meldwijzer`);
  await expect(heading).toBeFocused();
  await page.goBack();
  await expect(heading).toHaveText(uiText('title.home'));
  await page.getByRole('link', { name: new RegExp(uiText('home.professional')) }).click();
  await expect(heading).toHaveText(uiText('title.professional'));
  await expect(page).toHaveTitle(`${uiText('title.professional')} · Meldwijzer`);
});

for (const slug of SCREENS) {
  test(`#/${slug}: emergency numbers above everything, a quick exit, and no accessibility violations`, async ({ page }) => {
    const requests = trackRequests(page);
    await page.goto(`/#/${slug}`);
    await appReady(page);
    const bar = page.locator('.mw-emergency');
    // The numbers national.json marks for every screen, each with its link and when to call.
    expect(EVERY_SCREEN.length, 'numbers marked on_every_screen in content/national.json').toBeGreaterThan(0);
    for (const number of EVERY_SCREEN) {
      await expect(bar.locator(`a[href="${telUri(number.number)}"]`), number.id).toBeVisible();
      await expect(bar).toContainText(localized(number.when));
    }
    const safety = await page.locator('.mw-safety').boundingBox();
    const screen = await page.locator('.mw-screen').boundingBox();
    expect(safety.y + safety.height).toBeLessThanOrEqual(screen.y);
    await expect(page.getByRole('button', { name: uiText('exit.button') })).toBeVisible();
    await expectAccessible(page, `#/${slug}`);

    await page.getByRole('button', { name: uiText('lang.switch_to', 'en') }).click();
    await expect(page.getByRole('button', { name: uiText('exit.button', 'en') })).toBeVisible();
    for (const number of EVERY_SCREEN) await expect(bar).toContainText(localized(number.when, 'en'));
    await expectAccessible(page, `#/${slug} in English`);
    expect(requests.outside()).toEqual([]);
  });
}

test('the numbers show their source and the date they were checked', async ({ page }) => {
  await page.goto('/');
  await appReady(page);
  await page.getByText(uiText('emergency.sources')).click();
  const sources = page.locator('.mw-emergency__sources');
  for (const number of EVERY_SCREEN) {
    // "Bron: Publisher, Title (year) https://…": the citation with its address as a link.
    const [, cited, url] = number.source.match(/^(.*) \((https?:[^)]+)\)$/);
    await expect(sources).toContainText(`${uiText('source.label')} ${cited} ${url}`);
    await expect(sources).toContainText(uiText('source.checked', 'nl', { date: longDate(number.checked) }));
  }
  await expectAccessible(page, 'home with sources open');

  await page.getByRole('link', { name: uiText('footer.sources') }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(uiText('title.sources'));
  await expect(page.getByRole('heading', { name: contentText('national', 'facts/afwegingskader/title/nl') })).toBeVisible();
  await expect(page.locator('.mw-screen')).toContainText(LAW);
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
  await expect(page.getByRole('heading', { level: 2, name: uiText('sources.all') })).toBeVisible();
  const list = page.locator('.mw-sources');
  await expect(list.locator('li')).toHaveCount(citations.size);
  await expect(list.locator('h3')).toHaveCount(publishers.size);
  for (const publisher of publishers) {
    await expect(list.getByRole('heading', { level: 3, name: publisher, exact: true })).toBeVisible();
  }
  const items = await list.locator('li').allTextContents();
  expect(items.filter((text) => !/gecontroleerd op \d+ \w+ \d{4} · gebruikt in: /.test(text))).toEqual([]);
  expect(items.filter((text) => /seed|domeinbrief|shared\/|\bL\d/i.test(text))).toEqual([]);
  await expect(list.getByRole('link', { name: LAW })).toHaveCount(1);
  await expectAccessible(page, 'bronnen');

  await page.getByRole('button', { name: uiText('lang.switch_to', 'en') }).click();
  await expect(page.getByRole('heading', { level: 2, name: uiText('sources.all', 'en') })).toBeVisible();
  await expect(list.locator('li').first()).toContainText(uiText('source.checked', 'en').replace(' {date}', ''));
  await expectAccessible(page, 'bronnen in English');
});

test('the language choice is forgotten unless the user asks to keep it', async ({ page }) => {
  await page.goto('/');
  await appReady(page);
  await page.getByRole('button', { name: uiText('lang.switch_to', 'en') }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(uiText('title.home', 'en'));
  await expect(page.locator('.meldwijzer')).toHaveAttribute('lang', 'en');
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(uiText('title.home'));
  expect(await page.evaluate(() => Object.keys(localStorage))).toEqual([]);

  await page.getByRole('button', { name: uiText('lang.switch_to', 'en') }).click();
  await page.getByLabel(uiText('lang.remember', 'en')).check();
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(uiText('title.home', 'en'));
  await page.getByLabel(uiText('lang.remember', 'en')).uncheck();
  expect(await page.evaluate(() => Object.keys(localStorage))).toEqual([]);
});

test('everything works with the keyboard alone', async ({ page }) => {
  await page.goto('/');
  await appReady(page);
  // The quick exit is the first thing a keyboard user reaches.
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: uiText('exit.button') })).toBeFocused();
  const door = page.getByRole('link', { name: new RegExp(uiText('home.professional')) });
  for (let i = 0; i < 20 && !(await door.evaluate((el) => el === document.activeElement)); i++) {
    await page.keyboard.press('Tab');
  }
  await expect(door).toBeFocused();
  const outline = await door.evaluate((el) => getComputedStyle(el).outlineStyle);
  expect(outline).toBe('solid');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(uiText('title.professional'));
  await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
});
