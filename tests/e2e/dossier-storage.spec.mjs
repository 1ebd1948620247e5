// Drafts that are never lost and imports that cannot hurt: the storage limits of a real
// browser (localStorage filled to the brim first), refused files that change nothing, the
// browser's promise to keep the storage, Safari's seven days, a dossier's age, Alles wissen.
import { test, expect } from '@playwright/test';
import fs from 'node:fs';
import { expectAccessible, openMeldcodeWithProfile as openWithProfile, typeLikeAPerson, watchProblems, uiText } from './helpers.mjs';

const PROFILE_KEY = 'meldwijzer:meldcode:profile';
const DOSSIER_PREFIX = 'meldwijzer:meldcode:dossier:';
const SAFARI = 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Safari/605.1.15';

async function createDossier(page, code) {
  await typeLikeAPerson(page, page.getByLabel(uiText('dossier.case_code')), code);
  await page.getByRole('button', { name: uiText('dossier.create') }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Dossier ${code}` })).toBeVisible();
}

async function backToList(page) {
  await page.getByRole('link', { name: uiText('meldcode.back_to_list') }).click();
  await expect(page.getByRole('heading', { level: 1, name: uiText('title.meldcode') })).toBeVisible();
}

/** Every key and value in local storage, to prove a refused import changed nothing. */
const snapshot = (page) => page.evaluate(() => Object.fromEntries(Object.keys(localStorage).sort().map((k) => [k, localStorage.getItem(k)])));

/** Fills local storage to the brim with the host page's own keys (as a busy gemeente site
 * might), then frees `free` characters. Returns the keys it wrote. */
const fillStorage = (page, free = 0) => page.evaluate((free) => {
  const keys = [];
  for (const size of [1_000_000, 100_000, 10_000, 1_000, 100, 10, 1]) {
    for (;;) {
      const key = `host:vulling:${keys.length}`;
      try { localStorage.setItem(key, 'x'.repeat(size)); keys.push(key); } catch { break; }
    }
  }
  let freed = 0;
  while (freed < free && keys.length) {
    const key = keys.pop();
    freed += key.length + localStorage.getItem(key).length;
    localStorage.removeItem(key);
  }
  return keys;
}, free);

const emptyStorage = (page, keys) => page.evaluate((keys) => keys.forEach((k) => localStorage.removeItem(k)), keys);

function exportFile(dossiers, version = 1) {
  return JSON.stringify({ format: 'meldwijzer-dossiers', version, exported: '2026-11-22T10:00:00Z', dossiers });
}

function dossier(i, extra = {}) {
  return { version: 1, id: `imp-${i}`, case_code: `IMP-${i}`, created: '2026-11-01T09:00:00Z', updated: '2026-11-02T09:00:00Z', ...extra };
}

const file = (name, text) => ({ name, mimeType: 'application/json', buffer: Buffer.from(text) });

test('an import into a nearly full store is refused whole, with a clear message; one that fits is written', async ({ page }) => {
  const problems = await watchProblems(page);
  await openWithProfile(page);
  await createDossier(page, 'KEEP-1');
  await backToList(page);
  // 300 dossiers of 4,000 characters: 1.2 million characters, with 300,000 left.
  const big = exportFile(Array.from({ length: 300 }, (_, i) => dossier(i, { signals: [{ observed: `Signaal ${i} ${'x'.repeat(4000)}` }] })));
  const filler = await fillStorage(page, 300_000);
  const before = await snapshot(page);
  await page.getByLabel(uiText('import.label')).setInputFiles(file('groot.json', big));
  await expect(page.getByText('Dit bestand past niet meer in de opslag van uw browser. Er is niets geïmporteerd.')).toBeVisible();
  expect(await snapshot(page)).toEqual(before);
  await expect(page.locator('.mw-dossier')).toHaveCount(1);
  await expectAccessible(page, 'import refused for space');

  await page.getByLabel(uiText('import.label')).setInputFiles(file('klein.json', exportFile([dossier(1)])));
  await expect(page.getByText(uiText('import.done.one'))).toBeVisible();
  await expect(page.locator('.mw-dossier')).toHaveCount(2);
  await emptyStorage(page, filler);
  expect(problems).toEqual([]);
});

test('a 50 MB file, 10,000 dossiers, a newer version, deep nesting and bad dossiers are refused, changing nothing', async ({ page }, testInfo) => {
  const problems = await watchProblems(page);
  await openWithProfile(page);
  await createDossier(page, 'KEEP-2');
  await backToList(page);
  const before = await snapshot(page);
  const input = page.getByLabel(uiText('import.label'));
  const refused = async (chosen, message) => {
    await input.setInputFiles(chosen);
    await expect(page.getByRole('status').getByText(message)).toBeVisible();
    expect(await snapshot(page)).toEqual(before);
    await expect(page.locator('.mw-dossier')).toHaveCount(1);
  };
  // Playwright hands over at most 50 MB as a buffer: the big file goes from disk.
  const huge = testInfo.outputPath('groot.json');
  fs.writeFileSync(huge, Buffer.alloc(50 * 1024 * 1024, ' '));
  await refused(huge, /Dit bestand is te groot \(50(,\d)? MB, hoogstens 10 MB\)/);
  await refused(file('veel.json', exportFile(Array.from({ length: 10_000 }, (_, i) => dossier(i)))),
    'Dit bestand bevat 10000 onderdelen. Meldwijzer leest er hoogstens 1000 per bestand. Er is niets geïmporteerd.');
  await expectAccessible(page, 'import refused: too many');
  await refused(file('nieuw.json', exportFile([dossier(1, { version: 2 })], 2)), /nieuwere versie van Meldwijzer \(versie 2\)/);
  await refused(file('nieuw-dossier.json', exportFile([dossier(1), dossier(2, { version: 7 })])), /nieuwere versie van Meldwijzer \(versie 7\)/);
  const deep = `{"format":"meldwijzer-dossiers","version":1,"dossiers":${'['.repeat(100_000)}${']'.repeat(100_000)}}`;
  await refused(file('diep.json', deep), /er zitten te veel lagen in elkaar/);
  await refused(file('pad.json', exportFile([dossier(1), dossier(2, { id: 'a/b' })])),
    'Dossier 2 in dit bestand (IMP-2) heeft een kenmerk dat niet klopt. Er is niets geïmporteerd.');
  await refused(file('dubbel.json', exportFile([dossier(1), dossier(1)])), 'Dossier 2 in dit bestand (IMP-1) staat er twee keer in.');
  const { version, ...noVersion } = dossier(3);
  await refused(file('kapot.json', exportFile([dossier(1), noVersion])),
    'Dossier 2 in dit bestand (IMP-3) kan niet worden gelezen. Er ontbreekt iets of er is iets beschadigd in: de gegevens van het dossier zelf (code, datum of versie). Er is niets geïmporteerd.');
  await refused(file('stap.json', exportFile([dossier(1, { consultations: 'kapot' })])), /Dossier 1 in dit bestand \(IMP-1\) kan niet worden gelezen. Er ontbreekt iets of er is iets beschadigd in: stap 2 \(Collegiale consultatie\)/);
  await expect(page.getByText(/missing field|invalid type/)).toHaveCount(0);
  expect(problems).toEqual([]);
});

test('the zelftest import follows the same rules', async ({ page }) => {
  await page.goto('/#/zelftest/gemeente');
  const before = await snapshot(page);
  const input = page.getByLabel(uiText('self_check.import'));
  const results = Array.from({ length: 10_000 }, (_, i) => ({ check: 'gemeente', saved: new Date(Date.UTC(2026, 0, 1, 0, i)).toISOString(), answers: {} }));
  await input.setInputFiles(file('veel.json', JSON.stringify({ format: 'meldwijzer-zelftest', version: 1, results })));
  await expect(page.getByText('Dit bestand bevat 10000 onderdelen.')).toBeVisible();
  await input.setInputFiles(file('diep.json', `{"format":"meldwijzer-zelftest","version":1,"results":${'['.repeat(100_000)}}`));
  await expect(page.getByText(/er zitten te veel lagen in elkaar/)).toBeVisible();
  await input.setInputFiles(file('kapot.json', JSON.stringify({ format: 'meldwijzer-zelftest', version: 1, results: [{ check: 'gemeente' }] })));
  await expect(page.getByText('Resultaat 1 in dit bestand kan niet worden gelezen. Er is niets geïmporteerd.')).toBeVisible();
  expect(await snapshot(page)).toEqual(before);
});

test('a full quota while typing: no "Opgeslagen", the text stays, and it is saved once there is room', async ({ page }) => {
  const problems = await watchProblems(page);
  await openWithProfile(page);
  await createDossier(page, 'VOL-2');
  await page.getByRole('button', { name: uiText('signals.add') }).click();
  const observed = page.getByLabel(uiText('signal.observed'));
  await typeLikeAPerson(page, observed, 'Eerste versie.');
  await expect(page.getByRole('status').filter({ hasText: /Opgeslagen om \d\d:\d\d/ })).toBeVisible();

  const filler = await fillStorage(page);
  await observed.press('Control+End');
  await typeLikeAPerson(page, observed, ' Daarna Meer');
  await expect(page.getByRole('status').filter({ hasText: 'Nog niet opgeslagen.' })).toBeVisible();
  await expect(page.getByText(/Opgeslagen om/)).toHaveCount(0);
  await expect(page.getByRole('alert').filter({ hasText: 'De opslag van je browser is vol.' })).toBeVisible();
  await expectAccessible(page, 'not saved yet');
  const stored = () => page.evaluate((prefix) => Object.keys(localStorage).filter((k) => k.startsWith(prefix)).map((k) => localStorage.getItem(k)).join(''), DOSSIER_PREFIX);
  expect(await stored()).toContain('Eerste versie.');
  expect(await stored()).not.toContain('Daarna');

  // Leaving the step and coming back keeps what was typed.
  const steps = page.getByRole('navigation', { name: uiText('stepnav.label') });
  await steps.getByRole('link', { name: /Collegiale consultatie/ }).click();
  await steps.getByRole('link', { name: /Signalen in kaart brengen/ }).click();
  await expect(observed).toHaveValue('Eerste versie. Daarna Meer');
  await expect(page.getByRole('status').filter({ hasText: 'Nog niet opgeslagen.' })).toBeVisible();

  await emptyStorage(page, filler);
  await observed.press('Control+End');
  await typeLikeAPerson(page, observed, '.');
  await expect(page.getByRole('status').filter({ hasText: /Opgeslagen om \d\d:\d\d/ })).toBeVisible();
  await expect(page.getByText('Nog niet opgeslagen.')).toHaveCount(0);
  expect(await stored()).toContain('Eerste versie. Daarna Meer.');
  expect(problems).toEqual([]);
});

test('the list says where drafts live and whether the browser keeps them, as the browser says', async ({ page }) => {
  const problems = await watchProblems(page);
  await openWithProfile(page);
  await expect(page.getByText('Op dit apparaat, voor deze website: 127.0.0.1:4173.')).toBeVisible();
  await createDossier(page, 'PER-1');
  await backToList(page);
  await page.reload();
  const persisted = await page.evaluate(() => navigator.storage.persisted());
  const said = persisted ? 'Uw browser heeft beloofd deze dossiers te bewaren' : 'Uw browser heeft niet beloofd deze dossiers te bewaren';
  await expect(page.locator('.mw-keeping__persist')).toContainText(said);
  await expect(page.getByText('U gebruikt Safari.')).toHaveCount(0);
  await expectAccessible(page, 'storage notice');
  expect(problems).toEqual([]);
});

test('Safari users are told Safari may delete the drafts after seven days', async ({ browser }) => {
  const context = await browser.newContext({ userAgent: SAFARI });
  const page = await context.newPage();
  await openWithProfile(page);
  await expect(page.getByText('U gebruikt Safari. Safari wist alles wat een website op uw apparaat bewaart als u die website zeven dagen niet heeft bezocht')).toBeVisible();
  await expectAccessible(page, 'Safari notice');
  await context.close();
});

test('a dossier shows its age, and after 30 days asks to be moved to the client record', async ({ page }) => {
  await page.clock.install({ time: new Date('2026-11-01T10:00:00Z') });
  await openWithProfile(page);
  await createDossier(page, 'OUD-1');
  await backToList(page);
  const card = page.locator('.mw-dossier', { hasText: 'OUD-1' });
  await expect(card).toContainText(uiText('keeping.age.zero'));
  await expect(card.getByText(/Zet wat u nodig heeft in het cliëntdossier/)).toHaveCount(0);
  await page.clock.setSystemTime(new Date('2026-11-30T10:00:00Z'));
  await page.reload();
  await expect(card).toContainText('29 dagen oud');
  await expect(card.getByText(/Zet wat u nodig heeft/)).toHaveCount(0);
  await page.clock.setSystemTime(new Date('2026-12-02T10:00:00Z'));
  await page.reload();
  await expect(card).toContainText('31 dagen oud');
  await expect(card).toContainText('Dit dossier is 31 dagen oud. Zet wat u nodig heeft in het cliëntdossier van uw organisatie');
  await expectAccessible(page, 'age reminder');
});

test('Alles wissen removes every dossier after confirmation, and keeps the profile', async ({ page }) => {
  const problems = await watchProblems(page);
  await openWithProfile(page);
  await createDossier(page, 'WIS-1');
  await backToList(page);
  await createDossier(page, 'WIS-2');
  await backToList(page);
  await page.evaluate((key) => localStorage.setItem(key, '{kapot'), DOSSIER_PREFIX + 'kapot');
  await page.reload();
  await page.getByRole('button', { name: uiText('keeping.wipe') }).click();
  const confirm = page.locator('.mw-keeping').getByRole('alert');
  await expect(confirm).toContainText('Alle 3 dossiers op dit apparaat wissen? Dit kan niet ongedaan worden gemaakt.');
  await expectAccessible(page, 'wipe confirmation');
  await confirm.getByRole('button', { name: uiText('action.cancel') }).click();
  await expect(page.locator('.mw-dossier')).toHaveCount(2);

  await page.getByRole('button', { name: uiText('keeping.wipe') }).click();
  await page.getByRole('button', { name: uiText('keeping.wipe_now') }).click();
  await expect(page.getByText(uiText('keeping.wiped'))).toBeVisible();
  await expect(page.getByText(uiText('dossier.none'))).toBeVisible();
  const keys = await page.evaluate(() => Object.keys(localStorage));
  expect(keys.filter((k) => k.startsWith(DOSSIER_PREFIX))).toEqual([]);
  expect(keys).toContain(PROFILE_KEY);
  await page.reload();
  await expect(page.getByText(uiText('dossier.none'))).toBeVisible();
  expect(problems).toEqual([]);
});
