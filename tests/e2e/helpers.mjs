import { expect } from '@playwright/test';
import { APP } from './playwright.config.mjs';

/** Fails on any WCAG 2.1 A/AA violation on the page as it is now. axe comes from the app's
 * own test server (`/vendor/axe/`), as a file: the pages' strict CSP refuses inline script. */
export async function expectAccessible(page, what) {
  if (!await page.evaluate(() => 'axe' in window)) await page.addScriptTag({ url: `${APP}/vendor/axe/axe.min.js` });
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

// US layout: the characters typed with Shift held, and the key that makes each.
const SHIFTED = { '!': 'Digit1', '@': 'Digit2', '#': 'Digit3', $: 'Digit4', '%': 'Digit5', '^': 'Digit6',
  '&': 'Digit7', '*': 'Digit8', '(': 'Digit9', ')': 'Digit0', _: 'Minus', '+': 'Equal', ':': 'Semicolon',
  '"': 'Quote', '<': 'Comma', '>': 'Period', '?': 'Slash', '{': 'BracketLeft', '}': 'BracketRight' };

/** Types into `locator` as a person does: Shift held down for each capital and symbol (not
 * `fill()`, which presses no key). Fails if the field does not end up holding `text`. */
export async function typeLikeAPerson(page, locator, text) {
  await locator.focus();
  await pressLikeAPerson(page, text);
  await expect(locator).toHaveValue(new RegExp(`${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`));
}

/** Presses the keys for `text` in whatever has focus, Shift held for capitals and symbols. */
export async function pressLikeAPerson(page, text) {
  for (const char of text) {
    const shifted = /[A-Z]/.test(char) ? `Key${char}` : SHIFTED[char];
    if (shifted) {
      await page.keyboard.down('Shift');
      await page.keyboard.press(shifted);
      await page.keyboard.up('Shift');
    } else {
      await page.keyboard.press(char === ' ' ? 'Space' : char);
    }
  }
}

/** Collects what a strict host would see go wrong: console errors, uncaught errors and
 * Content-Security-Policy violations (reported by the page itself, as a CSP report would be). */
export async function watchProblems(page) {
  const problems = [];
  page.on('console', (message) => { if (message.type() === 'error') problems.push(`console: ${message.text()}`); });
  page.on('pageerror', (error) => problems.push(`error: ${error.message}`));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      console.error(`CSP violation: ${event.violatedDirective} ${event.blockedURI}`);
    });
  });
  return problems;
}

/** Opens the meldcode with a professional's profile already stored (the profile journey has
 * its own test). */
export async function openMeldcodeWithProfile(page, profile = { sector: 'jeugdhulp', client: 'child' }) {
  await page.goto('/');
  await page.evaluate((value) => localStorage.setItem('meldwijzer:meldcode:profile', JSON.stringify(value)), profile);
  await page.goto('/#/meldcode');
  await expect(page.getByRole('heading', { level: 1, name: 'Meldcode: de vijf stappen' })).toBeVisible();
}
