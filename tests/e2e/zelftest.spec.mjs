// Zelftest: professionals, organisations and gemeenten check where they stand.
import { test, expect } from '@playwright/test';
import { expectAccessible, appReady, contentText, uiText, containing } from './helpers.mjs';

const h1 = (page) => page.locator('.mw-screen h1');

async function answer(page, question, choice) {
  await page.getByRole('group', { name: question }).getByLabel(choice, { exact: true }).check();
}

test('three checks to choose from, and nothing is stored until the user saves', async ({ page }) => {
  await page.goto('/#/zelftest');
  await appReady(page);
  for (const name of [contentText('self-check', 'checks/professional/title/nl'), contentText('self-check', 'checks/organisatie/title/nl'), contentText('self-check', 'checks/gemeente/title/nl')]) {
    await expect(page.getByRole('link', { name: new RegExp(name.replace('?', '\\?')) })).toBeVisible();
  }
  await expectAccessible(page, 'zelftest, kiezen');
  await page.getByRole('link', { name: containing(contentText('self-check', 'checks/organisatie/title/nl')) }).click();
  await answer(page, contentText('self-check', 'checks/organisatie/items/org-vastgesteld/question/nl'), uiText('self_check.answer.yes'));
  expect(await page.evaluate(() => Object.keys(localStorage))).toEqual([]);
});

test('organisation check: red/amber/green per theme and an action list in order of importance', async ({ page }) => {
  await page.goto('/#/zelftest/organisatie');
  await appReady(page);
  await expect(h1(page)).toHaveText(contentText('self-check', 'checks/organisatie/title/nl'));
  await answer(page, contentText('self-check', 'checks/organisatie/items/org-vastgesteld/question/nl'), uiText('self_check.answer.yes'));
  await answer(page, contentText('self-check', 'checks/organisatie/items/org-stap-voor-stap/question/nl'), uiText('self_check.answer.yes'));
  await answer(page, contentText('self-check', 'checks/organisatie/items/org-toegesneden/question/nl'), uiText('self_check.answer.yes'));
  await answer(page, contentText('self-check', 'checks/organisatie/items/org-stappen-kindcheck/question/nl'), uiText('self_check.answer.partly'));
  await answer(page, contentText('self-check', 'checks/organisatie/items/org-aandachtsfunctionaris/question/nl'), uiText('self_check.answer.no'));
  await answer(page, contentText('self-check', 'checks/organisatie/items/org-wie-beslist/question/nl'), uiText('self_check.answer.partly'));
  await answer(page, contentText('self-check', 'checks/organisatie/items/org-scholing/question/nl'), uiText('self_check.answer.na'));
  const ratings = page.locator('.mw-ratings tbody tr');
  await expect(ratings.nth(0)).toContainText(contentText('self-check', 'checks/organisatie/themes/meldcode/title/nl'));
  await expect(ratings.nth(0)).toContainText(uiText('self_check.rating.green'));
  await expect(ratings.nth(1)).toContainText(uiText('self_check.rating.red'));
  await expect(ratings.nth(2)).toContainText(uiText('self_check.rating.open'));
  await expect(page.locator('.mw-action-list > li strong')).toHaveText([
    contentText('self-check', 'checks/organisatie/items/org-aandachtsfunctionaris/next_step/nl'),
    contentText('self-check', 'checks/organisatie/items/org-stappen-kindcheck/next_step/nl'),
    contentText('self-check', 'checks/organisatie/items/org-wie-beslist/next_step/nl'),
  ]);
  // Sources name the public document and where in it, never an internal note.
  await expect(page.locator('.mw-screen')).toContainText('Digitale handreiking Aanpak Kindermishandeling (ca. 2015), hoofdstuk 5 Wet verplichte Meldcode');
  await expect(page.locator('.mw-screen')).not.toContainText(/seed|L\d{3}/);
  await expectAccessible(page, 'zelftest organisatie');

  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.mw-self-check-result')).toBeVisible();
  await expect(page.locator('form.mw-form')).toBeHidden();
  await expect(page.locator('.mw-safety')).toBeHidden();
  await expect(page.locator('.mw-exit')).toBeHidden();
});

test('save, retake and see what changed; export and import into a clean browser', async ({ page, browser }) => {
  await page.goto('/#/zelftest/gemeente');
  await appReady(page);
  await answer(page, contentText('self-check', 'checks/gemeente/items/gm-vt-regio/question/nl'), uiText('self_check.answer.yes'));
  await answer(page, contentText('self-check', 'checks/gemeente/items/gm-toezicht/question/nl'), uiText('self_check.answer.no'));
  await page.getByRole('button', { name: uiText('self_check.save') }).click();
  await expect(page.getByText(/U hebt deze zelftest opgeslagen op \d+ \w+ 20\d\d/)).toBeVisible();

  await page.reload();
  await expect(page.getByText(/U hebt deze zelftest opgeslagen op/)).toBeVisible();
  await page.getByRole('button', { name: uiText('self_check.load_last') }).click();
  await answer(page, contentText('self-check', 'checks/gemeente/items/gm-toezicht/question/nl'), uiText('self_check.answer.partly'));
  const changes = page.locator('.mw-changes li');
  await expect(changes).toHaveCount(1);
  await expect(changes).toContainText('Houdt de gemeente toezicht op de meldcode bij Wmo-organisaties en de kinderopvang?: Nee → Deels');
  await expectAccessible(page, 'zelftest gemeente, opnieuw');

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: uiText('self_check.export') }).click();
  const file = await (await download).path();

  const clean = await (await browser.newContext()).newPage();
  await clean.goto('http://127.0.0.1:4173/#/zelftest/gemeente');
  await appReady(clean);
  // The limit in the hint is the one the import holds to (MAX_IMPORT_BYTES), tied to the field.
  await expect(clean.getByLabel(uiText('self_check.import'))).toHaveAccessibleDescription(uiText('self_check.import_hint', 'nl', { max: '10 MB' }));
  await clean.getByLabel(uiText('self_check.import')).setInputFiles(file);
  await expect(clean.getByText(uiText('self_check.imported.one'))).toBeVisible();
  await expect(clean.getByText(/U hebt deze zelftest opgeslagen op/)).toBeVisible();
  await clean.getByLabel(uiText('self_check.import')).setInputFiles({ name: 'kapot.json', mimeType: 'application/json', buffer: Buffer.from('{kapot') });
  await expect(clean.getByText(uiText('import.error.not_json'))).toBeVisible();
  await clean.getByLabel(uiText('self_check.import')).setInputFiles({ name: 'nieuw.json', mimeType: 'application/json', buffer: Buffer.from('{"format":"meldwijzer-zelftest","version":5,"results":[]}') });
  await expect(clean.getByText('Dit bestand komt uit een nieuwere versie van Meldwijzer (versie 5).')).toBeVisible();
  await expect(clean.getByText(/U hebt deze zelftest opgeslagen op/)).toBeVisible();
});

test('a full storage quota says so and keeps the answers on screen', async ({ page }) => {
  await page.goto('/#/zelftest/organisatie');
  await appReady(page);
  await answer(page, contentText('self-check', 'checks/organisatie/items/org-toegesneden/question/nl'), uiText('self_check.answer.no'));
  await page.evaluate(() => {
    Storage.prototype.setItem = () => { throw new DOMException('full', 'QuotaExceededError'); };
  });
  await page.getByRole('button', { name: uiText('self_check.save') }).click();
  await expect(page.getByText('De opslag van je browser is vol.', { exact: false })).toBeVisible();
  await expect(page.getByRole('group', { name: contentText('self-check', 'checks/organisatie/items/org-toegesneden/question/nl') }).getByLabel(uiText('self_check.answer.no'), { exact: true })).toBeChecked();
});

test('professional: knowledge questions with explanation and source', async ({ page }) => {
  await page.goto('/#/zelftest/professional');
  await appReady(page);
  await expect(h1(page)).toHaveText(contentText('self-check', 'checks/professional/title/nl'));
  await answer(page, contentText('self-check', 'checks/professional/items/prof-aandachtsfunctionaris/question/nl'), uiText('self_check.answer.no'));
  await expect(page.locator('.mw-action-list')).toContainText('Vraag uw leidinggevende wie de aandachtsfunctionaris is');
  await page.getByRole('link', { name: uiText('self_check.knowledge') }).click();
  await expect(h1(page)).toHaveText(uiText('self_check.knowledge'));
  const steps = page.getByRole('group', { name: /Hoeveel stappen heeft de meldcode/ });
  await steps.getByLabel(contentText('self-check', 'knowledge/k-stappen/options/0/nl')).check();
  await expect(steps.getByRole('status')).toContainText('Niet helemaal. Vijf: signalen in kaart brengen');
  await steps.getByLabel(contentText('self-check', 'knowledge/k-stappen/options/1/nl')).check();
  await expect(steps.getByRole('status')).toContainText(uiText('self_check.right'));
  await expect(steps).toContainText('gecontroleerd op');
  await expectAccessible(page, 'zelftest kennis');
});

test('a practice case compares each afweging with the model answer and the outcome through the same engine', async ({ page }) => {
  await page.goto('/#/zelftest/professional');
  await appReady(page);
  await page.getByRole('link', { name: contentText('self-check', 'cases/c-wijkteam/title/nl') }).click();
  await expect(h1(page)).toHaveText(contentText('self-check', 'cases/c-wijkteam/title/nl'));
  const q = (n) => page.locator('.mw-afweging').nth(n);
  await q(0).getByLabel(uiText('self_check.answer.yes')).check();
  await expect(q(0).getByRole('status')).toContainText(uiText('self_check.same'));
  await q(1).getByLabel(uiText('self_check.answer.yes')).check();
  await expect(q(1).getByRole('status')).toContainText('Anders dan het modelantwoord. Het modelantwoord is nee.');
  for (const n of [2, 3, 4]) await q(n).getByLabel(uiText('self_check.answer.yes')).check();
  const outcome = page.locator('.mw-compare');
  await expect(outcome.getByRole('row', { name: /Melden bij Veilig Thuis nodig/ })).toContainText('JaNee');
  await expectAccessible(page, 'oefencasus');
});

test('the zelftest works with the keyboard alone', async ({ page }) => {
  await page.goto('/#/zelftest/organisatie');
  await appReady(page);
  const first = page.getByRole('group', { name: contentText('self-check', 'checks/organisatie/items/org-vastgesteld/question/nl') });
  await first.getByLabel(uiText('self_check.answer.yes'), { exact: true }).focus();
  await page.keyboard.press('Space');
  await expect(first.getByLabel(uiText('self_check.answer.yes'), { exact: true })).toBeChecked();
  await page.keyboard.press('ArrowRight');
  await expect(first.getByLabel(uiText('self_check.answer.partly'))).toBeChecked();
  await expect(page.locator('.mw-ratings tbody tr').first()).toContainText(uiText('self_check.rating.amber'));
});

test('an organisation\'s own item joins its check and its action list', async ({ page }) => {
  await page.goto('/host/organisation.html#/zelftest/organisatie');
  await appReady(page);
  await answer(page, 'Weet iedereen op de groep dat S. Bakker onze aandachtsfunctionaris is?', uiText('self_check.answer.no'));
  await expect(page.locator('.mw-action-list > li strong').first()).toHaveText('Hang het nummer van S. Bakker op in elke groepsruimte.');
  await expect(page.locator('.mw-screen')).toContainText('Meldcode Kinderopvang De Regenboog, bijlage 1');
});
