import { expect } from '@playwright/test';
import { APP } from './playwright.config.mjs';

/** Fails on any WCAG 2.1 A/AA violation on the page as it is now. axe comes from the app's
 * own test server (`/vendor/axe/`), as a file: the pages' strict CSP refuses inline script. */
export async function expectAccessible(page, what) {
  await page.addScriptTag({ url: `${APP}/vendor/axe/axe.min.js` });
  const violations = await page.evaluate(async () => {
    const result = await window.axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    });
    return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target).join(', ')})`);
  });
  expect(violations, `axe on ${what}`).toEqual([]);
}

/** Records every request; `outside(allowed)` lists those to origins other than ours or `allowed`. */
export function trackRequests(page) {
  const urls = [];
  page.on('request', (request) => urls.push(request.url()));
  return {
    urls,
    outside(allowedUrls = []) {
      return urls.filter((url) => !url.startsWith(APP + '/') && !allowedUrls.includes(url)
        && !url.startsWith('data:') && !url.startsWith('blob:'));
    },
  };
}

/** Waits until the app has replaced the loading text with its own screen. */
export async function appReady(page) {
  await expect(page.locator('.meldwijzer .mw-screen h1')).toBeVisible();
}

/** The national default exit site, answered locally so tests never leave the machine. */
export const NEUTRAL = 'https://www.buienradar.nl/';

export async function stubNeutralSite(page) {
  await page.route(`${NEUTRAL}**`, (route) => route.fulfill({ contentType: 'text/html', body: '<title>Weer</title><h1>Weer</h1>' }));
}
