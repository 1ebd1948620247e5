import { readFileSync, readdirSync } from 'node:fs';
import { expect } from '@playwright/test';
import { APP } from './playwright.config.mjs';

// What the journeys expect is read from the content files the app is built from, so an editor's
// valid change to content/ or public/regions/ keeps the suite green, while one that breaks a
// journey (a missing number, key or node) fails here with the name of what is missing.

const ROOT = new URL('../../', import.meta.url);
const readJson = (path) => JSON.parse(readFileSync(new URL(path, ROOT), 'utf8'));

/** The content files, as the app compiles them in. */
export const NATIONAL = readJson('content/national.json');
export const ROUTES = readJson('content/routes.json');
export const MELDCODE = readJson('content/meldcode.json');
export const SELF_CHECK = readJson('content/self-check.json');

// Every file of content/ui/ (shell, meldcode and one pair per capability), merged as src/i18n.rs does.
const UI = { nl: {}, en: {} };
for (const file of readdirSync(new URL('content/ui/', ROOT)).sort()) {
  const lang = file.split('.').at(-2);
  if (lang in UI) Object.assign(UI[lang], readJson(`content/ui/${file}`));
}

function fill(text, vars) {
  return Object.entries(vars).reduce((t, [name, value]) => t.replaceAll(`{${name}}`, String(value)), text);
}

/** The interface text for `key` (English falls back to Dutch, as in the app), `{name}`
 * placeholders filled from `vars`. Fails naming the key when no file has it. */
export function uiText(key, lang = 'nl', vars = {}) {
  const text = UI[lang]?.[key] ?? UI.nl[key];
  if (text === undefined) throw new Error(`no text "${key}" in content/ui/*.json`);
  return fill(text, vars);
}

const escapeRegExp = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The interface text for `key` as a whole-text pattern, each `{placeholder}` standing for any
 * text: for a sentence whose filled-in part (a date, a theme) the test does not pin. */
export function uiPattern(key, lang = 'nl') {
  return new RegExp(`^${uiText(key, lang).split(/\{\w+\}/).map(escapeRegExp).join('.+?')}$`);
}

/** `text` as a pattern that finds it anywhere (in a name that says more). */
export function containing(text) {
  return new RegExp(escapeRegExp(text));
}

/** The plural form of `key` for `count`, as `i18n::t_count` picks it. */
export function uiCount(key, count, lang = 'nl', vars = {}) {
  const has = (k) => k in UI.nl;
  const form = count === 0 && has(`${key}.zero`) ? `${key}.zero`
    : has(`${key}.${count === 1 ? 'one' : 'other'}`) ? `${key}.${count === 1 ? 'one' : 'other'}` : key;
  return uiText(form, lang, { count, ...vars });
}

/** "22 november 2026": a date in running text, as `i18n::long_date` writes it. */
export function longDate(isoDate, lang = 'nl') {
  const [year, month, day] = isoDate.split('-').map(Number);
  return `${day} ${uiText(`month.${month}`, lang)} ${year}`;
}

/** A bilingual content text (`{ nl, en }`) in `lang`, English falling back to Dutch. */
export function localized(text, lang = 'nl') {
  return text[lang] ?? text.nl;
}

/** The value at `path` in content/`file`.json: segments separated by "/", an array entry named
 * by its `id` or its position ("nodes/kind/title/nl", "steps/signaleren/do_list/0/nl"). Fails
 * naming the path when the content has no such value. */
export function contentText(file, path) {
  const data = { national: NATIONAL, routes: ROUTES, meldcode: MELDCODE, 'self-check': SELF_CHECK }[file];
  let value = data;
  for (const part of path.split('/')) {
    value = Array.isArray(value) ? (value.find((v) => v?.id === part) ?? value[Number(part)]) : value?.[part];
    if (value === undefined) throw new Error(`content/${file}.json has nothing at ${path}`);
  }
  return value;
}

/** The national number with `id`; fails naming the id when content/national.json lacks it. */
export function nationalNumber(id) {
  const number = NATIONAL.numbers.find((n) => n.id === id);
  if (!number) throw new Error(`content/national.json has no number "${id}"`);
  return number;
}

/** The numbers the safety bar shows on every screen, as national.json marks them. */
export const EVERY_SCREEN = NATIONAL.numbers.filter((n) => n.on_every_screen);

/** The digits a phone dials, as a tel: link: `content::tel_uri` (a "(0)" after a country code
 * is not dialled). */
export function telUri(number) {
  const trimmed = number.trim();
  const international = trimmed.startsWith('+');
  let rest = trimmed.replace(/^\++/, '');
  if (international) rest = rest.replaceAll('(0)', '');
  return `tel:${international ? '+' : ''}${rest.replace(/\D/g, '')}`;
}

/** The node of content/routes.json with `id`; fails naming the id when there is none. */
export function routeNode(id) {
  const node = ROUTES.nodes.find((n) => n.id === id);
  if (!node) throw new Error(`content/routes.json has no node "${id}"`);
  return node;
}

/** The answer of question `questionId` that leads to `nextId`. */
export function routeAnswer(questionId, nextId) {
  const answer = (routeNode(questionId).answers ?? []).find((a) => a.next === nextId);
  if (!answer) throw new Error(`content/routes.json: no answer of "${questionId}" leads to "${nextId}"`);
  return answer;
}

/** The national numbers a steps node says to call, in order. */
export function routeCalls(id) {
  return (routeNode(id).actions ?? []).filter((a) => a.call).map((a) => nationalNumber(a.call));
}

/** A region pack from public/regions/ or tests/e2e/hosts/ ("voorbeeldstad", "organisation-region"). */
export function regionPack(name) {
  for (const dir of ['public/regions/', 'tests/e2e/hosts/']) {
    try { return readJson(`${dir}${name}.json`); } catch (error) { if (error.code !== 'ENOENT') throw error; }
  }
  throw new Error(`no region pack ${name}.json in public/regions/ or tests/e2e/hosts/`);
}

/** The contact of a region pack with `id`. */
export function regionContact(pack, id) {
  const contact = pack.contacts.find((c) => c.id === id);
  if (!contact) throw new Error(`region pack ${pack.region.id} has no contact "${id}"`);
  return contact;
}

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

/** Waits until the app has replaced the loading text (or the pre-rendered screens of our
 * index.html, scripts/prerender.mjs) with its own screen. */
export async function appReady(page) {
  // The app's own screen: not the pre-rendered block, nor the copy of it a slot shows while
  // its capability's module is on its way.
  // (The first: Beheer's previews show the app's own screens, headings and all, inside it.)
  await expect(page.locator('.meldwijzer:not(.mw-prerender) .mw-screen h1:not(.mw-prerender-copy h1)').first()).toBeVisible();
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
  // As a person: not into a field that cannot take text yet (a pre-rendered copy waiting
  // for its module is disabled).
  await expect(locator).toBeEnabled();
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
