// The meldcode: profile, five steps, afwegingskader, drafts that are never lost.
import { test, expect } from '@playwright/test';
import fs from 'node:fs';
import { appReady, expectAccessible, openMeldcodeWithProfile as openWithProfile, pressLikeAPerson, trackRequests, typeLikeAPerson, watchProblems, uiText, telUri, nationalNumber } from './helpers.mjs';

// Expected texts come from the content an editor changes, so a valid wording change keeps
// these tests green; the rules themselves (which answer leads where) are stated below.
// The meldcode's screens show the shell's text and their own.
const ui = (name) => JSON.parse(fs.readFileSync(new URL(`../../content/ui/${name}.nl.json`, import.meta.url), 'utf8'));
const NL = { ...ui('shell'), ...ui('meldcode') };
const MELDCODE = JSON.parse(fs.readFileSync(new URL('../../content/meldcode.json', import.meta.url), 'utf8'));

const DOSSIER_PREFIX = 'meldwijzer:meldcode:dossier:';

async function createDossier(page, code) {
  await page.getByLabel(uiText('dossier.case_code')).fill(code);
  await page.getByRole('button', { name: uiText('dossier.create') }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Dossier ${code}` })).toBeVisible();
}

/** Creates a dossier with its case code typed as a person types it. */
async function createTypedDossier(page, code) {
  await typeLikeAPerson(page, page.getByLabel(uiText('dossier.case_code')), code);
  await page.getByRole('button', { name: uiText('dossier.create') }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Dossier ${code}` })).toBeVisible();
}

const step = (page, name) => page.getByRole('navigation', { name: uiText('stepnav.label') }).getByRole('link', { name: new RegExp(name) });

test('profile first, then a full dossier for a child from signal to decision', async ({ page }) => {
  const requests = trackRequests(page);
  await page.goto('/#/meldcode');
  await expect(page.getByText('Vul eerst één keer uw profiel in')).toBeVisible();
  await expectAccessible(page, 'meldcode without profile');
  await page.getByRole('link', { name: uiText('profile.set') }).click();
  await expect(page.getByRole('heading', { level: 1, name: uiText('profile.title') })).toBeVisible();
  await page.getByLabel(uiText('profile.sector')).selectOption('jeugdhulp');
  await page.getByLabel(uiText('client.child')).check();
  await page.getByLabel(uiText('profile.aandachtsfunctionaris')).fill('A. Visser');
  await page.getByLabel(uiText('profile.decider')).fill('Teamleider');
  await expectAccessible(page, 'profile');
  await page.getByRole('button', { name: uiText('profile.save') }).click();
  await expect(page.getByText('Uw sector: Jeugdhulp')).toBeVisible();
  await expectAccessible(page, 'dossier list');

  await createDossier(page, 'JH-2026-001');
  await page.getByRole('button', { name: uiText('signals.add') }).click();
  await page.getByLabel(uiText('signal.observed')).fill('Kind komt al een week zonder eten naar de opvang.');
  await page.getByLabel(uiText('signal.interpretation')).fill('Mogelijk verwaarlozing.');
  const firstList = page.locator('.mw-checklist').first();
  await firstList.locator('summary').click();
  await firstList.getByRole('checkbox').first().check();
  await expect(page.getByRole('status').filter({ hasText: /Opgeslagen om \d\d:\d\d/ })).toBeVisible();
  await expectAccessible(page, 'step 1');

  await step(page, uiText('step.2')).click();
  await page.getByRole('button', { name: uiText('consultation.add') }).click();
  await page.getByLabel(uiText('consultation.kind')).selectOption({ label: uiText('consultation.aandachtsfunctionaris') });
  await page.getByLabel(uiText('consultation.advice')).fill('Gesprek met ouders voeren.');
  await expectAccessible(page, 'step 2');

  await step(page, uiText('step.3')).click();
  await page.getByLabel(uiText('conversation.said')).fill('Zorgen over eten benoemd.');
  await page.getByLabel(uiText('conversation.reaction')).fill('Moeder schrok, wil hulp.');
  await expectAccessible(page, 'step 3');

  await step(page, uiText('step.4')).click();
  await page.getByLabel(uiText('weighing.risk')).fill('Groot bij voortduren.');
  await expect(page.locator(`.mw-step a[href="${telUri(nationalNumber('veilig-thuis').number)}"]`)).toBeVisible();
  await expectAccessible(page, 'step 4');

  await step(page, uiText('step.5')).click();
  await page.locator('#afweging-1-true').check();
  await page.locator('#afweging-2-false').check();
  await page.locator('#afweging-3-true').check();
  await page.locator('#afweging-4-true').check();
  const outcome = page.locator('.mw-decisions');
  await expect(outcome).toContainText('Melden bij Veilig Thuis nodig?Nee');
  await expect(outcome).toContainText('Is hulp (ook) mogelijk?Ja');
  await expect(page.getByText('Plan evaluatiemomenten')).toBeVisible();
  await page.getByRole('button', { name: uiText('evaluation.add') }).click();
  await page.getByLabel(uiText('evaluation.date')).fill('2027-01-15');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: uiText('evaluation.ics') }).click();
  const ics = fs.readFileSync(await (await download).path(), 'utf8');
  expect(ics).toContain('DTSTART;VALUE=DATE:20270115');
  expect(ics).toContain('SUMMARY:Evaluatie meldcode JH-2026-001 (afweging 5)');
  await expectAccessible(page, 'step 5');

  // Unsafety during help: melden after all.
  await page.locator('#afweging-5-false').check();
  await expect(outcome).toContainText('Melden bij Veilig Thuis nodig?Ja');
  await expect(outcome).toContainText(uiText('meldnorm.unsafety_continues'));
  await expect(page.getByRole('heading', { name: uiText('melding.title') })).toBeVisible();
  expect(requests.outside()).toEqual([]);
});

test('an adult client gets the kindcheck, and doubt about the children points to Veilig Thuis', async ({ page }) => {
  await openWithProfile(page, { sector: 'maatschappelijke-ondersteuning', client: 'adult' });
  await createDossier(page, 'MO-17');
  const children = page.getByRole('group', { name: uiText('kindcheck.children_in_care') });
  await children.getByLabel(uiText('answer.yes')).check();
  await page.getByRole('group', { name: uiText('kindcheck.safety_established') }).getByLabel(uiText('answer.no')).check();
  await expect(page.getByText(uiText('kindcheck.doubt'))).toBeVisible();
  await expectAccessible(page, 'kindcheck');
  await step(page, uiText('step.5')).click();
  await page.locator('#afweging-1-true').check();
  await page.locator('#afweging-2-true').check();
  await expect(page.locator('.mw-decisions')).toContainText('Melden bij Veilig Thuis nodig?Ja');
  await step(page, uiText('step.5')).click();
  await page.getByRole('link', { name: uiText('print.link') }).click();
  await expect(page.locator('.mw-print')).toContainText(uiText('kindcheck.children_in_care'));
});

test('a reload in the middle loses nothing', async ({ page }) => {
  await openWithProfile(page, { sector: 'onderwijs', client: 'child' });
  await createDossier(page, 'OW-3');
  await page.getByRole('button', { name: uiText('signals.add') }).click();
  await page.getByLabel(uiText('signal.observed')).fill('Leerling vertelt over slaan thuis.');
  await page.reload();
  await expect(page.getByLabel(uiText('signal.observed'))).toHaveValue('Leerling vertelt over slaan thuis.');
  await page.getByRole('link', { name: uiText('meldcode.back_to_list') }).click();
  await expect(page.getByRole('link', { name: 'OW-3' })).toBeVisible();
  await expect(page.getByText(/nog open: 4 van 5 stappen/)).toBeVisible();
});

test('disclosure jumps to the melding outcome from any step', async ({ page }) => {
  await openWithProfile(page, { sector: 'gezondheidszorg', client: 'child', afwegingen_in: 'Five' });
  await createDossier(page, 'GZ-9');
  await step(page, uiText('step.3')).click();
  await page.getByRole('button', { name: uiText('disclosure.button') }).click();
  await expect(page).toHaveURL(/#\/meldcode\/d-[0-9a-f]+\/5$/);
  await expect(page.getByText('De cliënt vertelde u over geweld (disclosure)')).toBeVisible();
  await expect(page.locator('.mw-decisions')).toContainText('Melden bij Veilig Thuis nodig?Ja');
  await expect(page.getByText(uiText('action_step.ensure_safety'))).toBeVisible();
  await expectAccessible(page, 'disclosure');
});

test('doctors see that consulting Veilig Thuis first is required', async ({ page }) => {
  await openWithProfile(page, { sector: 'gezondheidszorg', client: 'child', doctor: true });
  await createDossier(page, 'HA-1');
  await step(page, uiText('step.2')).click();
  await expect(page.getByText('U bent arts of tandarts: raadpleeg Veilig Thuis voordat u meldt.')).toBeVisible();
  await page.getByRole('button', { name: uiText('consultation.add') }).click();
  await page.getByLabel(uiText('consultation.kind')).selectOption({ label: uiText('consultation.veilig_thuis') });
  await expect(page.getByText('U bent arts of tandarts: raadpleeg Veilig Thuis voordat u meldt.')).toHaveCount(0);
});

for (const sector of ['kinderopvang', 'onderwijs']) {
  test(`${sector} offers the routes for violence by staff and sexual behaviour between children`, async ({ page }) => {
    await openWithProfile(page, { sector, client: 'child' });
    const routes = page.getByRole('heading', { name: uiText('sector_routes.title') }).locator('xpath=following-sibling::ul[1]').getByRole('link');
    await expect(routes).toHaveCount(2);
    for (let i = 0; i < 2; i++) {
      const name = await routes.nth(i).innerText();
      await routes.nth(i).click();
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);
      await expect(page.locator('.mw-steps-list li').first()).toBeVisible();
      await expectAccessible(page, `${sector} route ${i + 1}`);
      await page.getByRole('link', { name: uiText('meldcode.back_to_list') }).click();
    }
  });
}

test('who is responsible: the professional after advice, Veilig Thuis after a melding', async ({ page }) => {
  await openWithProfile(page, { sector: 'jeugdhulp', client: 'child' });
  await createDossier(page, 'JH-5');
  await page.getByRole('link', { name: uiText('responsibility.title') }).click();
  await expect(page.getByText(uiText('responsibility.professional'))).toBeVisible();
  await step(page, uiText('step.5')).click();
  await page.locator('#afweging-1-true').check();
  await page.locator('#afweging-2-true').check();
  await page.getByLabel(uiText('melding.made_on')).fill('2026-11-20');
  await page.getByRole('link', { name: uiText('responsibility.title') }).click();
  await expect(page.getByText('Sinds de melding op 20 november 2026 volgt Veilig Thuis de veiligheid.')).toBeVisible();
  await expect(page.locator('.mw-steps-list > li')).not.toHaveCount(0);
  await expectAccessible(page, 'responsibility');
});

test('the print view follows the Veilig Thuis form and copy gives the same text', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await openWithProfile(page, { sector: 'jeugdhulp', client: 'child', organisation: 'Jeugdteam Oost' });
  await createDossier(page, 'JH-PR');
  await page.getByRole('button', { name: uiText('signals.add') }).click();
  await page.getByLabel(uiText('signal.observed')).fill('Striemen op de rug.');
  await page.getByRole('link', { name: uiText('print.link') }).click();
  const doc = page.locator('.mw-print');
  await expect(doc).toContainText('Vertrouwelijk: dit document bevat gevoelige gegevens');
  await expect(doc).toContainText(/Afgedrukt op \d+ \w+ 20\d\d/);
  const titles = await doc.locator('h3').allInnerTexts();
  expect(titles).toEqual([uiText('report.melder'), uiText('report.betrokkenen'), uiText('report.melding'), uiText('report.steps')]);
  await expect(doc).toContainText('Jeugdteam Oost');
  await expect(doc).toContainText('Striemen op de rug.');
  await expectAccessible(page, 'print view');
  await page.getByRole('button', { name: uiText('print.copy') }).click();
  await expect(page.getByText('Gekopieerd.')).toBeVisible();
  const text = await page.evaluate(() => navigator.clipboard.readText());
  expect(text).toContain('Dossier JH-PR');
  expect(text).toContain('MELDER');
  expect(text).toContain('Striemen op de rug.');
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.mw-safety')).toBeHidden();
  await expect(page.locator('.mw-exit')).toBeHidden();
  await expect(page.getByRole('button', { name: uiText('print.copy') })).toBeHidden();
  await expect(doc).toBeVisible();
});

test('list: a real name gets a warning; rename, duplicate and delete with confirmation', async ({ page }) => {
  await openWithProfile(page, { sector: 'jeugdhulp', client: 'child' });
  await page.getByLabel(uiText('dossier.case_code')).fill('Jan de Vries');
  await expect(page.getByText('Dit lijkt op een naam.')).toBeVisible();
  await createDossier(page, 'JH-10');
  await page.getByRole('link', { name: uiText('meldcode.back_to_list') }).click();
  await page.getByRole('button', { name: uiText('dossier.rename') }).click();
  await page.getByLabel(uiText('dossier.new_case_code')).fill('JH-11');
  await page.getByRole('button', { name: uiText('action.save') }).click();
  await expect(page.getByRole('link', { name: 'JH-11', exact: true })).toBeVisible();
  await page.getByRole('button', { name: uiText('dossier.duplicate') }).click();
  await expect(page.getByRole('link', { name: 'JH-11 (kopie)' })).toBeVisible();
  await expectAccessible(page, 'list with two dossiers');
  const copy = page.locator('.mw-dossier', { hasText: 'JH-11 (kopie)' });
  await copy.getByRole('button', { name: uiText('dossier.delete') }).click();
  await expect(copy.getByRole('alert')).toContainText('Dossier JH-11 (kopie) verwijderen?');
  await expectAccessible(page, 'delete confirmation');
  await copy.getByRole('button', { name: uiText('dossier.delete_now') }).click();
  await expect(page.getByRole('link', { name: 'JH-11 (kopie)' })).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'JH-11', exact: true })).toBeVisible();
});

test('export, then import into a clean browser; a second import asks before replacing', async ({ page, browser }) => {
  await openWithProfile(page, { sector: 'jeugdhulp', client: 'child' });
  await createDossier(page, 'EX-1');
  await page.getByRole('button', { name: uiText('signals.add') }).click();
  await page.getByLabel(uiText('signal.observed')).fill('Meegenomen naar een ander apparaat.');
  await page.getByRole('link', { name: uiText('meldcode.back_to_list') }).click();
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: uiText('dossier.export_all') }).click();
  const file = await (await download).path();

  const clean = await browser.newPage();
  await clean.goto('/#/meldcode');
  await appReady(clean);
  await clean.getByLabel(uiText('import.label')).setInputFiles(file);
  await expect(clean.getByText(uiText('import.done.one'))).toBeVisible();
  await clean.getByRole('link', { name: 'EX-1' }).click();
  await expect(clean.getByLabel(uiText('signal.observed'))).toHaveValue('Meegenomen naar een ander apparaat.');
  await clean.getByRole('link', { name: uiText('meldcode.back_to_list') }).click();
  await clean.getByLabel(uiText('import.label')).setInputFiles(file);
  await expect(clean.getByRole('alert')).toContainText('Deze staan al op dit apparaat: EX-1');
  await expectAccessible(clean, 'import duplicate question');
  await clean.getByRole('button', { name: uiText('action.cancel') }).click();
  await clean.close();
});

test('a bad import file is refused with a clear message and changes nothing', async ({ page }) => {
  await openWithProfile(page, { sector: 'jeugdhulp', client: 'child' });
  await createDossier(page, 'KEEP-1');
  await page.getByRole('link', { name: uiText('meldcode.back_to_list') }).click();
  const input = page.getByLabel(uiText('import.label'));
  await input.setInputFiles({ name: 'kapot.json', mimeType: 'application/json', buffer: Buffer.from('{ dit is geen json') });
  await expect(page.getByText(uiText('import.error.not_json'))).toBeVisible();
  await input.setInputFiles({ name: 'nieuw.json', mimeType: 'application/json', buffer: Buffer.from('{"format":"meldwijzer-dossiers","version":99,"dossiers":[]}') });
  await expect(page.getByText('Dit bestand komt uit een nieuwere versie van Meldwijzer (versie 99).')).toBeVisible();
  await input.setInputFiles({ name: 'groot.json', mimeType: 'application/json', buffer: Buffer.alloc(11 * 1024 * 1024, ' ') });
  await expect(page.getByText(/Dit bestand is te groot \(11(,\d)? MB, hoogstens 10 MB\)/)).toBeVisible();
  await expect(page.getByRole('link', { name: 'KEEP-1' })).toBeVisible();
  await expect(page.locator('.mw-dossier')).toHaveCount(1);
});

test('a corrupt stored draft is reported and kept, and the list still opens', async ({ page }) => {
  await openWithProfile(page, { sector: 'jeugdhulp', client: 'child' });
  await createDossier(page, 'OK-1');
  await page.evaluate((key) => localStorage.setItem(key, '{"version":1,"id":"kapot", afgebroken'), DOSSIER_PREFIX + 'kapot');
  await page.goto('/#/meldcode');
  await page.reload();
  await expect(page.getByRole('link', { name: 'OK-1' })).toBeVisible();
  const broken = page.locator('.mw-notice--warning', { hasText: uiText('broken.title') });
  await expect(broken).toContainText('meldcode:dossier:kapot');
  await expectAccessible(page, 'broken draft');
  const download = page.waitForEvent('download');
  await broken.getByRole('button', { name: uiText('broken.download') }).click();
  expect(fs.readFileSync(await (await download).path(), 'utf8')).toBe('{"version":1,"id":"kapot", afgebroken');
  expect(await page.evaluate((key) => localStorage.getItem(key), DOSSIER_PREFIX + 'kapot')).not.toBeNull();
});

test('a full storage quota says so and keeps the last saved version', async ({ page }) => {
  await openWithProfile(page, { sector: 'jeugdhulp', client: 'child' });
  await createDossier(page, 'VOL-1');
  await page.getByRole('button', { name: uiText('signals.add') }).click();
  const observed = page.getByLabel(uiText('signal.observed'));
  await observed.fill('Eerste versie.');
  await page.evaluate(() => {
    const original = Storage.prototype.setItem;
    Storage.prototype.setItem = function (key, value) {
      if (key.startsWith('meldwijzer:meldcode:dossier:')) throw new DOMException('vol', 'QuotaExceededError');
      return original.call(this, key, value);
    };
  });
  await observed.fill('Tweede versie die niet past.');
  await expect(page.getByRole('alert').filter({ hasText: 'De opslag van je browser is vol.' })).toBeVisible();
  const stored = await page.evaluate((prefix) => Object.keys(localStorage).filter((k) => k.startsWith(prefix)).map((k) => localStorage.getItem(k)), DOSSIER_PREFIX);
  expect(stored).toHaveLength(1);
  expect(stored[0]).toContain('Eerste versie.');
});

test('two tabs: a change in one shows in the other', async ({ context }) => {
  const first = await context.newPage();
  await openWithProfile(first, { sector: 'jeugdhulp', client: 'child' });
  const second = await context.newPage();
  await second.goto('/#/meldcode');
  await expect(second.getByText(uiText('dossier.none'))).toBeVisible();
  await createDossier(first, 'TAB-1');
  await expect(second.getByRole('link', { name: 'TAB-1' })).toBeVisible();
});

test('two tabs typing at once: different fields both stay; one field is never garbled and loses nothing', async ({ context }) => {
  const first = await context.newPage();
  await openWithProfile(first, { sector: 'jeugdhulp', client: 'child' });
  await createDossier(first, 'TAB-2');
  await step(first, uiText('step.4')).click();
  const second = await context.newPage();
  await second.goto(first.url());
  const field = (page, key) => page.getByLabel(NL[key]);
  await expect(field(second, 'weighing.risk')).toBeVisible();
  const stored = () => first.evaluate((prefix) => JSON.parse(Object.entries(localStorage).find(([k]) => k.startsWith(prefix))[1]), DOSSIER_PREFIX);

  // Different fields, typed at the same moment: both texts stay, in both tabs.
  await field(first, 'weighing.risk').focus();
  await field(second, 'weighing.nature').focus();
  await Promise.all([pressLikeAPerson(first, 'Hoog Risico'), pressLikeAPerson(second, 'Lichamelijk Geweld')]);
  // Both leave their field (a click on the heading); the tabs read each other late, so wait.
  const leave = (page) => page.getByRole('heading', { level: 1 }).click();
  await Promise.all([leave(first), leave(second)]);
  await expect.poll(async () => (await stored()).weighing).toEqual({ risk: 'Hoog Risico', nature: 'Lichamelijk Geweld', severity: '' });
  await expect(field(first, 'weighing.nature')).toHaveValue('Lichamelijk Geweld');
  await expect(field(second, 'weighing.risk')).toHaveValue('Hoog Risico');

  // The same field, typed at once in fragments: each fragment whole, every one kept.
  await field(first, 'weighing.severity').focus();
  await field(second, 'weighing.severity').focus();
  const fragments = [['[A-1]', '[A-2]', '[A-3]', '[A-4]'], ['[B-1]', '[B-2]', '[B-3]', '[B-4]']];
  for (let round = 0; round < 4; round++) {
    await Promise.all([pressLikeAPerson(first, fragments[0][round]), pressLikeAPerson(second, fragments[1][round])]);
  }
  await Promise.all([leave(first), leave(second)]);
  // Settled when both tabs show what is stored.
  await expect.poll(async () => {
    const severity = (await stored()).weighing.severity;
    return [await field(first, 'weighing.severity').inputValue(), await field(second, 'weighing.severity').inputValue()].every((v) => v === severity);
  }).toBe(true);
  const dossier = await stored();
  const texts = [dossier.weighing.severity, ...(dossier.conflicts ?? []).map((c) => c.other)];
  for (const fragment of fragments.flat()) {
    expect(texts.some((text) => text.includes(fragment)), `${fragment} in ${JSON.stringify(texts)}`).toBe(true);
  }
  for (const text of texts) {
    expect(text, 'no fragment is broken up by another').toMatch(/^(\[[AB]-[1-4]\])*$/);
  }
  // When the two met, the tab says so and lets the user choose; keeping both keeps both.
  if ((dossier.conflicts ?? []).length > 0) {
    const page = (await first.locator('.mw-conflict').count()) > 0 ? first : second;
    await expect(page.getByRole('heading', { name: NL['dossier.conflict.title'] }).first()).toBeVisible();
    await expectAccessible(page, 'two versions of one text');
    const before = [dossier.weighing.severity, dossier.conflicts[0].other];
    await page.getByRole('button', { name: NL['dossier.conflict.keep_both'] }).first().click();
    await expect.poll(async () => ((await stored()).conflicts ?? []).length).toBe(dossier.conflicts.length - 1);
    const after = (await stored()).weighing.severity;
    for (const text of before) expect(after).toContain(text);
  } else {
    await expect(first.locator('.mw-conflict')).toHaveCount(0);
  }
});

test('the whole flow works with the keyboard alone', async ({ page }) => {
  await openWithProfile(page, { sector: 'jeugdhulp', client: 'child' });
  await page.getByLabel(uiText('dossier.case_code')).focus();
  await page.keyboard.type('KB-1');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Dossier KB-1' })).toBeFocused();
  // Tab to step 5 and open it.
  const stepFive = step(page, uiText('step.5'));
  for (let i = 0; i < 30 && !(await stepFive.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
  await expect(stepFive).toBeFocused();
  await page.keyboard.press('Enter');
  // Answer afweging 1 and 2 with Tab and Space.
  for (const id of ['#afweging-1-true', '#afweging-2-true']) {
    const radio = page.locator(id);
    for (let i = 0; i < 60 && !(await radio.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
    await expect(radio).toBeFocused();
    await page.keyboard.press('Space');
    await expect(radio).toBeChecked();
  }
  await expect(page.locator('.mw-decisions')).toContainText('Melden bij Veilig Thuis nodig?Ja');
});

test('the meldcode works in English too', async ({ page }) => {
  await openWithProfile(page, { sector: 'jeugdhulp', client: 'adult' });
  await page.getByRole('button', { name: uiText('lang.switch_to', 'en') }).click();
  await expect(page.getByRole('heading', { level: 1, name: uiText('title.meldcode', 'en') })).toBeVisible();
  await page.getByLabel(uiText('dossier.case_code', 'en')).fill('EN-1');
  await page.getByRole('button', { name: uiText('dossier.create', 'en') }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Case file EN-1' })).toBeVisible();
  await expect(page.getByRole('group', { name: uiText('kindcheck.children_in_care', 'en') })).toBeVisible();
  await expectAccessible(page, 'meldcode in English');
});

test('an organisation\'s pack presets the profile, and the professional can still change it', async ({ page }) => {
  await page.goto('/host/organisation.html');
  await expect(page.getByText('Uw sector: Kinderopvang')).toBeVisible();
  await expect(page.getByRole('heading', { name: uiText('sector_routes.title') })).toBeVisible();
  await page.getByRole('link', { name: uiText('profile.change') }).click();
  await expect(page.getByLabel(uiText('profile.aandachtsfunctionaris'))).toHaveValue('M. de Boer');
  await expect(page.getByLabel(uiText('profile.afwegingen_step4'))).toBeChecked();
  await page.getByLabel(uiText('profile.aandachtsfunctionaris')).fill('S. Bakker');
  await page.getByRole('button', { name: uiText('profile.save') }).click();
  await createDossier(page, 'VL-1');
  // This organisation asks the afwegingen in step 4.
  await step(page, uiText('step.4')).click();
  await expect(page.locator('#afweging-1-true')).toBeVisible();
  await page.getByRole('link', { name: uiText('print.link') }).click();
  await expect(page.locator('.mw-print')).toContainText('S. Bakker, 010-5550900');
  await expectAccessible(page, 'organisation page');
});

test('a preset that arrives after the meldcode has opened is still used', async ({ page }) => {
  await page.route('**/organisation-region.json', async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    await route.continue();
  });
  await page.goto('/host/organisation.html');
  await expect(page.getByText('Vul eerst één keer uw profiel in')).toBeVisible();
  await expect(page.getByText('Uw sector: Kinderopvang')).toBeVisible();
});

// The afwegingskader (Rijksoverheid, Basisdocument afwegingskader, 2017; in force 1-1-2019):
// every end the flow can reach, with the decisions and actions it must show.
const NORM = { 1: 'meldnorm.acute_or_structural', 2: 'meldnorm.no_effective_help', 3: 'meldnorm.unsafety_continues' };
const PATHS = [
  { answers: [false], melden: 'answer.no', help: 'decision.help_not_applicable', norms: [],
    actions: ['record_and_close'], notAsked: { 2: 'no_suspicion', 3: 'no_suspicion', 4: 'no_suspicion', 5: 'no_suspicion' } },
  { answers: [true, true, false], melden: 'answer.yes', help: 'answer.no', norms: [1],
    actions: ['call_veilig_thuis', 'inform_client'], notAsked: { 4: 'no_effective_help', 5: 'no_effective_help' } },
  { answers: [true, true, true, false], melden: 'answer.yes', help: 'answer.no', norms: [1],
    actions: ['call_veilig_thuis', 'inform_client'], notAsked: { 5: 'help_not_accepted' } },
  { answers: [true, true, true, true, true], melden: 'answer.yes', help: 'answer.yes', norms: [1],
    actions: ['call_veilig_thuis', 'inform_client', 'close_with_agreements'], notAsked: {} },
  { answers: [true, true, true, true, false], melden: 'answer.yes', help: 'decision.help_with_veilig_thuis', norms: [1, 3],
    actions: ['report_again', 'inform_client', 'decide_help_with_veilig_thuis'], notAsked: {} },
  { answers: [true, false, false], melden: 'answer.yes', help: 'answer.no', norms: [2],
    actions: ['call_veilig_thuis', 'inform_client'], notAsked: { 4: 'no_effective_help', 5: 'no_effective_help' } },
  { answers: [true, false, true, false], melden: 'answer.yes', help: 'answer.no', norms: [2],
    actions: ['call_veilig_thuis', 'inform_client'], notAsked: { 5: 'help_not_accepted' } },
  { answers: [true, false, true, true, true], melden: 'answer.no', help: 'answer.yes', norms: [],
    actions: ['close_with_agreements'], notAsked: {} },
  { answers: [true, false, true, true, false], melden: 'answer.yes', help: 'decision.help_with_veilig_thuis', norms: [3],
    actions: ['call_veilig_thuis', 'inform_client', 'decide_help_with_veilig_thuis'], notAsked: {} },
];
const HELP_ACTIONS = ['offer_help', 'plan_evaluations', 'close_with_agreements'].map((a) => NL[`action_step.${a}`]);
const yesNo = (answers) => answers.map((a) => (a ? 'ja' : 'nee')).join(', ');

/** The value next to a label in the outcome's list of decisions. */
const decisionValue = (page, labelKey) => page.locator('.mw-decisions dt', { hasText: NL[labelKey] }).locator('xpath=following-sibling::dd[1]');

for (const path of PATHS) {
  test(`afwegingskader ${yesNo(path.answers)}: decisions and actions agree`, async ({ page }) => {
    const problems = await watchProblems(page);
    await openWithProfile(page, { sector: 'jeugdhulp', client: 'child' });
    await createTypedDossier(page, `PAD-${path.answers.map(Number).join('')}`);
    await step(page, uiText('step.5')).click();
    const section = (n) => page.locator('.mw-afweging').nth(n - 1);
    // Questions wait their turn: only afweging 1 can be answered at first.
    for (let n = 2; n <= 5; n++) {
      await expect(section(n)).toContainText(NL['afweging.later'].replace('{number}', '1'));
      await expect(section(n).getByRole('radio')).toHaveCount(0);
    }
    for (const [i, answer] of path.answers.entries()) await page.locator(`#afweging-${i + 1}-${answer}`).check();

    await expect(decisionValue(page, 'decision.melden')).toHaveText(NL[path.melden]);
    await expect(decisionValue(page, 'decision.help')).toHaveText(NL[path.help]);
    const norms = decisionValue(page, 'decision.meldnorm');
    if (path.norms.length) await expect(norms).toHaveText(path.norms.map((n) => `${n}. ${NL[NORM[n]]}`).join(' '));
    else await expect(norms).toHaveCount(0);
    await expect(page.getByText(NL['outcome.next_question'].split('{number}')[0])).toHaveCount(0);

    const actions = page.locator('.mw-actions-list > li');
    await expect(actions).toHaveCount(path.actions.length);
    for (const [i, action] of path.actions.entries()) await expect(actions.nth(i)).toContainText(NL[`action_step.${action}`]);
    if (NL[path.help] !== NL['answer.yes']) {
      for (const text of HELP_ACTIONS) await expect(page.locator('.mw-actions-list', { hasText: text })).toHaveCount(0);
      await expect(page.getByRole('heading', { name: NL['evaluation.title'] })).toHaveCount(0);
    }
    await expect(page.getByRole('heading', { name: NL['melding.title'] })).toHaveCount(path.melden === 'answer.yes' ? 1 : 0);

    // What the path does not ask is visibly not asked, says why, and cannot be answered.
    for (const [n, why] of Object.entries(path.notAsked)) {
      await expect(section(n).locator('.mw-afweging__question')).toHaveText(MELDCODE.afwegingen[n - 1].question.nl);
      await expect(section(n)).toContainText(NL[`afweging.not_asked.${why}`]);
      await expect(section(n).getByRole('radio')).toHaveCount(0);
      await expect(section(n).getByRole('textbox')).toHaveCount(0);
    }
    await expect(page.locator('.mw-afweging input[type=radio]')).toHaveCount(2 * path.answers.length);
    await expectAccessible(page, `outcome ${yesNo(path.answers)}`);
    expect(problems).toEqual([]);
  });
}

test('answers off the path do not count, and come back when the path asks them again', async ({ page }) => {
  const problems = await watchProblems(page);
  await openWithProfile(page, { sector: 'jeugdhulp', client: 'child' });
  await createTypedDossier(page, 'TERUG-1');
  await step(page, uiText('step.5')).click();
  for (const [i, answer] of [true, false, true, true, false].entries()) await page.locator(`#afweging-${i + 1}-${answer}`).check();
  await expect(decisionValue(page, 'decision.meldnorm')).toHaveText(`3. ${NL[NORM[3]]}`);
  await page.locator('#afweging-1-false').check();
  await expect(decisionValue(page, 'decision.melden')).toHaveText(NL['answer.no']);
  await expect(decisionValue(page, 'decision.help')).toHaveText(NL['decision.help_not_applicable']);
  await expect(page.locator('.mw-actions-list > li')).toHaveText([NL['action_step.record_and_close']]);
  await expect(page.locator('.mw-afweging input[type=radio]')).toHaveCount(2);
  await page.getByRole('link', { name: uiText('print.link') }).click();
  const doc = page.locator('.mw-print');
  await expect(doc).toContainText(NL['afweging.not_asked.no_suspicion']);
  await expect(doc).toContainText(`${NL['decision.help']}${NL['decision.help_not_applicable']}`);
  await expectAccessible(page, 'print of a closed path');
  await step(page, uiText('step.5')).click();
  await page.locator('#afweging-1-true').check();
  await expect(decisionValue(page, 'decision.help')).toHaveText(NL['decision.help_with_veilig_thuis']);
  expect(problems).toEqual([]);
});

for (const afwegingenIn of ['Five', 'Four']) {
  test(`disclosure (afwegingen in step ${afwegingenIn === 'Five' ? 5 : 4}): the acute guidance first, with focus, and afwegingen 1 and 2 answered by it`, async ({ page }) => {
    const problems = await watchProblems(page);
    await openWithProfile(page, { sector: 'gezondheidszorg', client: 'child', afwegingen_in: afwegingenIn });
    await createTypedDossier(page, 'DISC-2');
    await step(page, uiText('step.3')).click();
    await page.getByRole('button', { name: NL['disclosure.button'] }).click();
    await expect(page).toHaveURL(new RegExp(`#/meldcode/d-[0-9a-f]+/${afwegingenIn === 'Five' ? 5 : 4}$`));
    const acute = page.locator('#mw-acute');
    await expect(acute).toBeFocused();
    await expect(acute).toBeInViewport();
    expect(await page.locator('.mw-step > *').first().getAttribute('id')).toBe('mw-acute');
    await expect(acute.locator('h2').first()).toHaveText(NL['acute.title']);
    const emergency = nationalNumber('112');
    await expect(acute.getByRole('link', { name: emergency.number })).toHaveAttribute('href', telUri(emergency.number));
    await expect(acute.locator(`a[href="${telUri(nationalNumber('veilig-thuis').number)}"]`)).toBeVisible();
    await expect(acute).toContainText(NL['disclosure.active']);
    await expect(acute).toContainText(MELDCODE.disclosure.title.nl);
    for (const n of [1, 2]) {
      const section = page.locator('.mw-afweging').nth(n - 1);
      await expect(section).toContainText(NL['afweging.by_disclosure']);
      await expect(section.getByRole('radio')).toHaveCount(0);
    }
    await expect(page.locator('#afweging-3-true')).toBeVisible();
    await expect(decisionValue(page, 'decision.melden')).toHaveText(NL['answer.yes']);
    await expect(decisionValue(page, 'decision.meldnorm')).toHaveText(`1. ${NL[NORM[1]]}`);
    await expect(decisionValue(page, 'decision.help')).toHaveText(NL['decision.help_undecided_with_veilig_thuis']);
    await expect(page.locator('.mw-actions-list > li').first()).toHaveText(NL['action_step.ensure_safety']);
    await expectAccessible(page, 'disclosure fast path');
    // Pressed again on the same step: focus goes back to the guidance.
    await page.getByRole('button', { name: NL['disclosure.button'] }).click();
    await expect(acute).toBeFocused();
    await acute.getByRole('button', { name: NL['disclosure.undo'] }).click();
    await expect(acute).toHaveCount(0);
    await expect(page.locator('#afweging-1-true')).toBeVisible();
    expect(problems).toEqual([]);
  });
}

test('the kindcheck per dossier: adult in one, child in another, with its conclusion in the decision and the print', async ({ page }) => {
  const problems = await watchProblems(page);
  await openWithProfile(page, { sector: 'maatschappelijke-ondersteuning', client: 'child' });
  const children = page.getByRole('group', { name: NL['kindcheck.children_in_care'] });
  const chooser = page.getByRole('group', { name: NL['dossier.client'] });
  await createTypedDossier(page, 'KC-Volw');
  await expect(chooser.getByLabel(NL['client.child'])).toBeChecked();
  await expect(children).toHaveCount(0);
  await chooser.getByLabel(NL['client.adult']).check();
  await children.getByLabel(NL['answer.yes']).check();
  await page.getByRole('group', { name: NL['kindcheck.safety_established'] }).getByLabel(NL['answer.no']).check();
  await expect(page.getByText(NL['kindcheck.doubt'])).toBeVisible();
  await expectAccessible(page, 'step 1 with the client chooser and the kindcheck');
  await step(page, uiText('step.5')).click();
  await page.locator('#afweging-1-true').check();
  await expect(decisionValue(page, 'kindcheck.conclusion')).toHaveText(NL['kindcheck.doubt']);
  await page.getByRole('link', { name: uiText('print.link') }).click();
  const doc = page.locator('.mw-print');
  await expect(doc).toContainText(`${NL['dossier.client']}${NL['client.adult']}`);
  await expect(doc).toContainText(`${NL['kindcheck.conclusion']}${NL['kindcheck.doubt']}`);

  // Another dossier of the same professional is about a child: no kindcheck.
  await page.getByRole('link', { name: uiText('meldcode.back_to_list') }).click();
  // The list has arrived (the screen moves focus to its heading) before a person types.
  await expect(page.getByRole('heading', { level: 1, name: uiText('title.meldcode') })).toBeFocused();
  await createTypedDossier(page, 'KC-Kind');
  await expect(chooser.getByLabel(NL['client.child'])).toBeChecked();
  await expect(children).toHaveCount(0);
  await step(page, uiText('step.5')).click();
  await page.locator('#afweging-1-true').check();
  await expect(page.locator('.mw-decisions dt', { hasText: NL['kindcheck.conclusion'] })).toHaveCount(0);
  await page.getByRole('link', { name: uiText('print.link') }).click();
  await expect(doc).toContainText(`${NL['dossier.client']}${NL['client.child']}`);
  await expect(doc).not.toContainText(NL['kindcheck.conclusion']);

  // The first dossier kept its own choice and conclusion.
  await page.getByRole('link', { name: uiText('meldcode.back_to_list') }).click();
  await page.getByRole('link', { name: 'KC-Volw' }).click();
  await expect(chooser.getByLabel(NL['client.adult'])).toBeChecked();
  await expect(children.getByLabel(NL['answer.yes'])).toBeChecked();
  expect(problems).toEqual([]);
});
