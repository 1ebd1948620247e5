// Every entry point leads somewhere, and every screen fits a phone: from each start view a
// gemeente can set (`data-view`), every link of every screen is followed, at 320 CSS px
// (WCAG 1.4.10), and none shows "page not found" or scrolls sideways.
import { test, expect } from '@playwright/test';
import { expectAccessible, uiText } from './helpers.mjs';

const VIEWS = ['', 'zorgen', 'professional', 'meldcode', 'routekaart', 'sociale-kaart', 'zelftest', 'bronnen'];
const NOT_FOUND = [uiText('title.not_found'), uiText('routes.not_found'), uiText('social_map.not_found.title'),
  uiText('dossier.not_found'), uiText('self_check.case_not_found'), uiText('self_check.not_found')];
const PROFILE = { sector: 'jeugdhulp', client: 'child', aandachtsfunctionaris: 'A. Visser', decider: 'Teamleider' };

/** A gemeente's page that starts the app at `view`, with the example region. */
function hostPage(view) {
  return `<!doctype html><html lang="nl"><head><meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1"><title>Start: ${view || 'home'}</title></head>
    <body><main><h1>Gemeente Voorbeeldstad</h1>
    <div data-meldwijzer data-region="/regions/voorbeeldstad.json"${view ? ` data-view="${view}"` : ''}></div></main>
    <script type="module" src="/hulp/meldwijzer/embed.js"></script></body></html>`;
}

/** Waits until the screen for the current hash is drawn (a capability may still be loading). */
async function settled(page) {
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  await page.waitForFunction(() => {
    const h1 = document.querySelector('.meldwijzer .mw-screen h1');
    const loading = document.querySelector('.meldwijzer [data-meldwijzer-capability] > .mw-notice[role=status]');
    return h1 && !loading && document.querySelector('.meldwijzer .mw-screen').textContent.length > 0;
  });
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
}

/** What a user sees that is wrong on this screen: "not found", or content wider than the phone. */
async function problems(page) {
  return page.evaluate((notFound) => {
    // What is folded away must fit too once opened.
    document.querySelectorAll('.meldwijzer details').forEach((details) => { details.open = true; });
    const found = [];
    const title = document.querySelector('.meldwijzer .mw-screen h1').textContent.trim();
    if (notFound.includes(title)) found.push(`shows "${title}"`);
    const width = document.documentElement.clientWidth;
    if (document.documentElement.scrollWidth > width) {
      const wide = [...document.querySelectorAll('.meldwijzer *')]
        .filter((el) => el.getBoundingClientRect().right > width + 1)
        .map((el) => `${el.tagName.toLowerCase()}.${[...el.classList].join('.')}`).slice(-3);
      found.push(`scrolls sideways (${document.documentElement.scrollWidth} px): ${wide.join(', ')}`);
    }
    return found;
  }, NOT_FOUND);
}

/** The app's own links on the screen, as hashes. */
const links = (page) => page.evaluate(() => [...document.querySelectorAll('.meldwijzer .mw-screen a[href^="#"], .meldwijzer .mw-bar a, .meldwijzer .mw-footer a')]
  .map((a) => a.getAttribute('href')));

for (const view of VIEWS) {
  test(`from data-view="${view || '(none)'}" every link leads to a screen that exists and fits 320 px`, async ({ page }) => {
    test.setTimeout(240_000);
    await page.setViewportSize({ width: 320, height: 640 });
    const url = `http://127.0.0.1:4173/host/start-${view || 'home'}.html`;
    await page.route(url, (route) => route.fulfill({ contentType: 'text/html', body: hostPage(view) }));
    await page.goto('/');
    await page.evaluate((profile) => localStorage.setItem('meldwijzer:meldcode:profile', JSON.stringify(profile)), PROFILE);
    await page.goto(url);
    await settled(page);
    const found = [];
    const seen = new Set(['']);
    const queue = [];
    const visit = async (hash) => {
      for (const problem of await problems(page)) found.push(`${hash || '(start)'}: ${problem}`);
      // From home, every screen also gets the accessibility scan, at phone width.
      if (!view) await expectAccessible(page, `${hash} at 320 px`);
      for (const href of await links(page)) {
        // A dossier made by following "new dossier" links is walked once, not once per link.
        const key = href.replace(/\/d-[0-9a-z-]+/, '/d-*');
        if (!seen.has(key)) { seen.add(key); queue.push(href); }
      }
    };
    await visit('');
    // The first screen's links are followed by click, as a user would, before any hash is set.
    const first = page.locator('.meldwijzer .mw-screen a[href^="#"]').first();
    if (view && await first.count() > 0) {
      await first.click();
      await settled(page);
      await visit(await first.getAttribute('href'));
    }
    while (queue.length > 0) {
      const hash = queue.shift();
      await page.evaluate((h) => { location.hash = h; }, hash);
      await settled(page);
      await visit(hash);
    }
    console.log(`data-view="${view}": ${seen.size} screens`);
    expect(found).toEqual([]);
    expect(seen.size).toBeGreaterThan(view === 'bronnen' ? 5 : 20);
    await expectAccessible(page, `last screen from data-view="${view}"`);
  });
}

test('the meldcode decision reads top to bottom on a 320 px phone', async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 640 });
  await page.goto('/');
  await page.evaluate((profile) => localStorage.setItem('meldwijzer:meldcode:profile', JSON.stringify(profile)), PROFILE);
  await page.goto('/#/meldcode');
  await page.getByLabel(uiText('dossier.case_code')).fill('TEL-1');
  await page.getByRole('button', { name: uiText('dossier.create') }).click();
  await page.getByRole('navigation', { name: uiText('stepnav.label') }).getByRole('link', { name: /Beslissen/ }).click();
  for (const [n, answer] of [[1, true], [2, false], [3, true], [4, true], [5, false]]) {
    await page.locator(`#afweging-${n}-${answer}`).check();
  }
  const decisions = page.locator('.mw-decisions');
  await expect(decisions).toContainText(uiText('decision.melden'));
  expect(await problems(page)).toEqual([]);
  // Each question sits above its answer, and the answer starts at the left edge, on screen.
  const question = await decisions.locator('dt').first().boundingBox();
  const answer = await decisions.locator('dd').first().boundingBox();
  expect(answer.y).toBeGreaterThanOrEqual(question.y + question.height - 1);
  expect(answer.x).toBeLessThan(question.x + 1);
  expect(answer.x + answer.width).toBeLessThanOrEqual(320);
  await expectAccessible(page, 'decision on a phone');
});
