// Protection at rest: a passphrase encrypts every dossier (WebCrypto, AES-GCM-256, PBKDF2
// 600,000 rounds); no typed text is left in any storage; the store locks on time, on
// uiText('exit.button') and on reload; a wrong passphrase is refused; the passphrase can change; an
// encrypted export opens in a clean browser with the passphrase only.
import { test, expect } from '@playwright/test';
import fs from 'node:fs';
import { appReady, expectAccessible, NEUTRAL, openMeldcodeWithProfile as openWithProfile, stubNeutralSite, typeLikeAPerson, watchProblems, uiText } from './helpers.mjs';

const PROFILE_KEY = 'meldwijzer:meldcode:profile';
const DOSSIER_PREFIX = 'meldwijzer:meldcode:dossier:';
const PASSPHRASE = 'Paard batterij nietje 7';
const CODE = 'JH-Geheim-7';
const SIGNAL = 'Kind Zegt Dat Papa Slaat';
const LIST = uiText('title.meldcode');

async function enableProtection(page, passphrase = PASSPHRASE) {
  await page.getByLabel(uiText('vault.passphrase'), { exact: true }).fill(passphrase);
  await page.getByLabel(uiText('vault.again')).fill(passphrase);
  await page.getByRole('button', { name: uiText('vault.enable') }).click();
  await expect(page.getByText(uiText('vault.enabled'))).toBeVisible();
}

/** A dossier with its case code and one signal typed as a person types (Shift for capitals). */
async function typeDossier(page) {
  await typeLikeAPerson(page, page.getByLabel(uiText('dossier.case_code')), CODE);
  await page.getByRole('button', { name: uiText('dossier.create') }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Dossier ${CODE}` })).toBeVisible();
  await page.getByRole('button', { name: uiText('signals.add') }).click();
  await typeLikeAPerson(page, page.getByLabel(uiText('signal.observed')), SIGNAL);
  await expect(page.getByText(/Opgeslagen om/)).toBeVisible();
}

/** Every text this origin keeps: local and session storage, and every IndexedDB database. */
const everythingStored = (page) => page.evaluate(async () => {
  const texts = [];
  for (const area of [localStorage, sessionStorage]) {
    for (let i = 0; i < area.length; i++) texts.push(`${area.key(i)}=${area.getItem(area.key(i))}`);
  }
  for (const { name } of await indexedDB.databases()) {
    const db = await new Promise((resolve, reject) => { const r = indexedDB.open(name); r.onsuccess = () => resolve(r.result); r.onerror = reject; });
    for (const store of db.objectStoreNames) {
      const all = await new Promise((resolve) => { const r = db.transaction(store).objectStore(store).getAll(); r.onsuccess = () => resolve(r.result); });
      texts.push(`${name}/${store}=${JSON.stringify(all)}`);
    }
    db.close();
  }
  return texts.join('\n');
});

/** Waits until the encrypted write of the last edit has landed. */
async function expectNoPlaintext(page) {
  await expect.poll(async () => {
    const stored = await everythingStored(page);
    return [SIGNAL, 'Papa', CODE, 'Geheim'].filter((t) => stored.includes(t));
  }).toEqual([]);
  const dossiers = await page.evaluate((prefix) => Object.keys(localStorage).filter((k) => k.startsWith(prefix)).map((k) => localStorage.getItem(k)), DOSSIER_PREFIX);
  expect(dossiers.length).toBeGreaterThan(0);
  for (const text of dossiers) expect(JSON.parse(text)).toEqual({ enc: 'aes-gcm', iv: expect.any(String), data: expect.any(String) });
}

async function expectLocked(page) {
  await expect(page.getByRole('heading', { level: 1, name: uiText('vault.locked_title') })).toBeVisible();
  await expect(page.locator('body')).not.toContainText(CODE);
}

/** Unlocks and expects the screen the user was on: the list, or (`inDossier`) the dossier. */
async function unlock(page, passphrase = PASSPHRASE, inDossier = false) {
  await page.getByLabel(uiText('vault.passphrase'), { exact: true }).fill(passphrase);
  await page.getByRole('button', { name: uiText('vault.unlock') }).click();
  if (inDossier) {
    await expect(page.getByRole('heading', { level: 1, name: `Dossier ${CODE}` })).toBeVisible();
    await expect(page.getByLabel(uiText('signal.observed'))).toHaveValue(SIGNAL);
  } else {
    await expect(page.getByRole('heading', { level: 1, name: LIST })).toBeVisible();
    await expect(page.getByRole('link', { name: CODE })).toBeVisible();
  }
}

test('with protection on no typed text is stored anywhere; a reload locks, a wrong passphrase is refused', async ({ page }) => {
  const problems = await watchProblems(page);
  await openWithProfile(page);
  await expect(page.getByText('Let op: vergeet u de wachtwoordzin, dan kan niemand uw dossiers nog openen.')).toBeVisible();
  await expectAccessible(page, 'set-up of protection');
  // A short or mistyped passphrase is refused before anything is set.
  await page.getByLabel(uiText('vault.passphrase'), { exact: true }).fill('kort');
  await page.getByLabel(uiText('vault.again')).fill('kort');
  await page.getByRole('button', { name: uiText('vault.enable') }).click();
  await expect(page.getByText('De wachtwoordzin is te kort.')).toBeVisible();
  await expect(page.getByLabel(uiText('vault.passphrase'), { exact: true })).toBeFocused();
  await expectAccessible(page, 'set-up with a too short passphrase');
  await enableProtection(page);
  await typeDossier(page);
  await expectNoPlaintext(page);
  expect(await page.evaluate(() => JSON.parse(localStorage.getItem('meldwijzer:meldcode:vault')).iterations)).toBeGreaterThanOrEqual(600000);

  await page.reload();
  await expectLocked(page);
  await expectAccessible(page, 'unlock screen');
  await page.getByLabel(uiText('vault.passphrase'), { exact: true }).fill('Paard batterij nietje 8');
  await page.getByRole('button', { name: uiText('vault.unlock') }).click();
  await expect(page.getByRole('alert')).toContainText('Deze wachtwoordzin klopt niet.');
  await expect(page.getByLabel(uiText('vault.passphrase'), { exact: true })).toBeFocused();
  await expect(page.getByLabel(uiText('vault.passphrase'), { exact: true })).toHaveAttribute('aria-invalid', 'true');
  await expectAccessible(page, 'unlock screen with a wrong passphrase');
  await expectLocked(page);
  // The reload was on the dossier: unlocking opens it again, with everything typed.
  await unlock(page, PASSPHRASE, true);
  expect(problems).toEqual([]);
});

test('protection made after dossiers exist encrypts them all and leaves no plaintext', async ({ page }) => {
  await openWithProfile(page);
  await typeDossier(page);
  await page.getByRole('link', { name: uiText('meldcode.back_to_list') }).click();
  await enableProtection(page);
  await expectNoPlaintext(page);
  await page.reload();
  await expectLocked(page);
  await unlock(page);
});

test('the store locks after 15 minutes without use, and on Snel weg', async ({ page }) => {
  const problems = await watchProblems(page);
  await stubNeutralSite(page);
  await page.clock.install({ time: new Date('2026-11-01T10:00:00Z') });
  await openWithProfile(page);
  await enableProtection(page);
  await typeDossier(page);
  await page.clock.fastForward('14:00');
  await expect(page.getByRole('heading', { level: 1, name: `Dossier ${CODE}` })).toBeVisible();
  await page.clock.fastForward('01:30');
  await expectLocked(page);
  await expect(page.getByRole('heading', { level: 1, name: uiText('vault.locked_title') })).toBeFocused();
  await unlock(page, PASSPHRASE, true);

  // uiText('exit.button') drops the key before it leaves; coming back finds the store locked.
  // The mark is the test's own key (not ours, so the quick exit's wipe leaves it).
  await page.evaluate(() => window.addEventListener('meldwijzer:lock', () => sessionStorage.setItem('test:locked-before-leaving', '1')));
  await page.getByRole('button', { name: uiText('exit.button') }).click();
  await expect(page).toHaveURL(NEUTRAL);
  await page.goto('/#/meldcode');
  await expectLocked(page);
  expect(await page.evaluate(() => sessionStorage.getItem('test:locked-before-leaving'))).toBe('1');
  await unlock(page);
  expect(problems).toEqual([]);
});

test('changing the passphrase encrypts everything again; the old one no longer opens', async ({ page }) => {
  await openWithProfile(page);
  await enableProtection(page);
  await typeDossier(page);
  await page.getByRole('link', { name: uiText('meldcode.back_to_list') }).click();
  await expectNoPlaintext(page);
  const before = await page.evaluate(() => ({ ...localStorage }));
  await page.getByRole('button', { name: uiText('vault.change') }).click();
  await page.getByLabel(uiText('vault.new_passphrase')).fill('Ander zinnetje van mij');
  await page.getByLabel(uiText('vault.again')).fill('Ander zinnetje van mij');
  await page.getByRole('button', { name: uiText('vault.change') }).click();
  await expect(page.getByText('De wachtwoordzin is gewijzigd.')).toBeVisible();
  const after = await page.evaluate(() => ({ ...localStorage }));
  for (const key of Object.keys(before).filter((k) => k.startsWith(DOSSIER_PREFIX) || k === 'meldwijzer:meldcode:vault')) {
    expect(after[key], key).not.toEqual(before[key]);
  }
  await expectNoPlaintext(page);
  await page.reload();
  await page.getByLabel(uiText('vault.passphrase'), { exact: true }).fill(PASSPHRASE);
  await page.getByRole('button', { name: uiText('vault.unlock') }).click();
  await expect(page.getByRole('alert')).toContainText('Deze wachtwoordzin klopt niet.');
  await unlock(page, 'Ander zinnetje van mij');
});

test('an encrypted export opens in a clean browser with the passphrase only; plain export warns', async ({ page, browser }) => {
  await openWithProfile(page);
  await enableProtection(page);
  await typeDossier(page);
  await page.getByRole('link', { name: uiText('meldcode.back_to_list') }).click();
  await expect(page.getByText('Let op: een bestand met leesbare tekst is niet beveiligd.')).toBeVisible();
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: uiText('vault.export_encrypted') }).click();
  const file = await (await download).path();
  const text = fs.readFileSync(file, 'utf8');
  expect(JSON.parse(text).format).toBe('meldwijzer-dossiers-encrypted');
  for (const t of [SIGNAL, 'Papa', CODE]) expect(text).not.toContain(t);

  const context = await browser.newContext();
  const clean = await context.newPage();
  const problems = await watchProblems(clean);
  await clean.goto('/#/meldcode');
  await appReady(clean);
  await clean.getByLabel(uiText('import.label')).setInputFiles(file);
  await expect(clean.getByLabel(uiText('vault.import_passphrase'))).toBeFocused();
  await clean.getByLabel(uiText('vault.import_passphrase')).fill('niet de goede zin');
  await clean.getByRole('button', { name: uiText('vault.import_open') }).click();
  await expect(clean.getByRole('alert')).toContainText('Deze wachtwoordzin klopt niet.');
  await expectAccessible(clean, 'encrypted import with a wrong passphrase');
  await clean.getByLabel(uiText('vault.import_passphrase')).fill(PASSPHRASE);
  await clean.getByRole('button', { name: uiText('vault.import_open') }).click();
  await expect(clean.getByText(uiText('import.done.one'))).toBeVisible();
  await clean.getByRole('link', { name: CODE }).click();
  await expect(clean.getByLabel(uiText('signal.observed'))).toHaveValue(SIGNAL);
  expect(problems).toEqual([]);
  await context.close();
});

test('an organisation can require protection and lock sooner', async ({ page }) => {
  const problems = await watchProblems(page);
  await page.clock.install({ time: new Date('2026-11-01T10:00:00Z') });
  await page.goto('/host/organisation-protected.html');
  await expect(page.getByText('Uw sector: Kinderopvang')).toBeVisible();
  // No dossier can be made until a passphrase is set.
  await expect(page.locator('.mw-vault__required')).toContainText('Uw organisatie vraagt dat u uw dossiers beveiligt.');
  await expect(page.getByLabel(uiText('dossier.case_code'))).toHaveCount(0);
  await expectAccessible(page, 'protection required by the organisation');
  await enableProtection(page);
  await expect(page.getByText(/vergrendeld na 5 minuten zonder gebruik/)).toBeVisible();
  await typeDossier(page);
  await expectNoPlaintext(page);
  await page.clock.fastForward('04:00');
  await expect(page.getByRole('heading', { level: 1, name: `Dossier ${CODE}` })).toBeVisible();
  await page.clock.fastForward('01:30');
  await expectLocked(page);
  await unlock(page, PASSPHRASE, true);
  expect(problems).toEqual([]);
});

test('a forgotten passphrase leaves only Alles wissen, which removes the dossiers and the key and keeps the profile', async ({ page }) => {
  const problems = await watchProblems(page);
  await openWithProfile(page);
  await enableProtection(page);
  await typeDossier(page);
  await page.reload();
  await expectLocked(page);
  await page.getByRole('button', { name: uiText('vault.forgot') }).click();
  await expect(page.getByText('Dan kan niemand de dossiers nog openen, ook wij niet.')).toBeVisible();
  await page.getByRole('button', { name: uiText('keeping.wipe') }).click();
  await expect(page.getByRole('alert')).toContainText('Alle dossiers op dit apparaat worden gewist.');
  await expectAccessible(page, 'forgotten passphrase');
  await page.getByRole('button', { name: uiText('keeping.wipe_now') }).click();
  await expect(page.getByRole('heading', { level: 1, name: uiText('vault.locked_title') })).toHaveCount(0);
  const keys = await page.evaluate(() => Object.keys(localStorage));
  expect(keys.filter((k) => k.startsWith(DOSSIER_PREFIX) || k === 'meldwijzer:meldcode:vault')).toEqual([]);
  expect(keys).toContain(PROFILE_KEY);
  // Protection is off again and can be set anew.
  await expect(page.getByRole('button', { name: uiText('vault.enable') })).toBeVisible();
  expect(problems).toEqual([]);
});
