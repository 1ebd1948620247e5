// Zelftest: professionals, organisations and gemeenten check where they stand.
import { test, expect } from '@playwright/test';
import { expectAccessible, appReady } from './helpers.mjs';

const h1 = (page) => page.locator('.mw-screen h1');

async function answer(page, question, choice) {
  await page.getByRole('group', { name: question }).getByLabel(choice, { exact: true }).check();
}

test('three checks to choose from, and nothing is stored until the user saves', async ({ page }) => {
  await page.goto('/#/zelftest');
  await appReady(page);
  for (const name of ['Ben ik klaar om te handelen?', 'Zelftest voor organisaties', 'Zelftest voor gemeenten']) {
    await expect(page.getByRole('link', { name: new RegExp(name.replace('?', '\\?')) })).toBeVisible();
  }
  await expectAccessible(page, 'zelftest, kiezen');
  await page.getByRole('link', { name: /Zelftest voor organisaties/ }).click();
  await answer(page, 'Heeft uw organisatie een meldcode vastgesteld, en bevordert zij het gebruik ervan?', 'Ja');
  expect(await page.evaluate(() => Object.keys(localStorage))).toEqual([]);
});

test('organisation check: red/amber/green per theme and an action list in order of importance', async ({ page }) => {
  await page.goto('/#/zelftest/organisatie');
  await appReady(page);
  await expect(h1(page)).toHaveText('Zelftest voor organisaties');
  await answer(page, 'Heeft uw organisatie een meldcode vastgesteld, en bevordert zij het gebruik ervan?', 'Ja');
  await answer(page, 'Beschrijft de meldcode stap voor stap hoe medewerkers met signalen omgaan?', 'Ja');
  await answer(page, 'Is de meldcode toegesneden op uw eigen praktijk?', 'Ja');
  await answer(page, 'Staan de vijf stappen én de kindcheck in de meldcode?', 'Deels');
  await answer(page, 'Is er een aandachtsfunctionaris, en weten medewerkers wie dat is?', 'Nee');
  await answer(page, 'Is vastgelegd wie de eindbeslissing neemt over een melding?', 'Deels');
  await answer(page, 'Zijn medewerkers geschoold in gespreksvoering (stap 3), met regelmatige oefening en intervisie?', 'Niet van toepassing');
  const ratings = page.locator('.mw-ratings tbody tr');
  await expect(ratings.nth(0)).toContainText('Eigen meldcode');
  await expect(ratings.nth(0)).toContainText('Groen: op orde');
  await expect(ratings.nth(1)).toContainText('Rood: werk aan de winkel');
  await expect(ratings.nth(2)).toContainText('Nog open');
  await expect(page.locator('.mw-action-list > li strong')).toHaveText([
    'Wijs een aandachtsfunctionaris aan en maak naam en telefoonnummer bekend.',
    'Neem de vijf stappen en de kindcheck op, met het afwegingskader in stap 4 of 5.',
    'Leg in de meldcode vast wie beslist, en wie bij afwezigheid.',
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
  await answer(page, 'Heeft de gemeente samen met de regio een Veilig Thuis?', 'Ja');
  await answer(page, 'Houdt de gemeente toezicht op de meldcode bij Wmo-organisaties en de kinderopvang?', 'Nee');
  await page.getByRole('button', { name: 'Resultaat opslaan op dit apparaat' }).click();
  await expect(page.getByText(/U hebt deze zelftest opgeslagen op \d+ \w+ 20\d\d/)).toBeVisible();

  await page.reload();
  await expect(page.getByText(/U hebt deze zelftest opgeslagen op/)).toBeVisible();
  await page.getByRole('button', { name: 'Begin met mijn opgeslagen antwoorden' }).click();
  await answer(page, 'Houdt de gemeente toezicht op de meldcode bij Wmo-organisaties en de kinderopvang?', 'Deels');
  const changes = page.locator('.mw-changes li');
  await expect(changes).toHaveCount(1);
  await expect(changes).toContainText('Houdt de gemeente toezicht op de meldcode bij Wmo-organisaties en de kinderopvang?: Nee → Deels');
  await expectAccessible(page, 'zelftest gemeente, opnieuw');

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Resultaten exporteren als bestand' }).click();
  const file = await (await download).path();

  const clean = await (await browser.newContext()).newPage();
  await clean.goto('http://127.0.0.1:4173/#/zelftest/gemeente');
  await appReady(clean);
  await clean.getByLabel('Resultaten importeren uit een bestand').setInputFiles(file);
  await expect(clean.getByText('1 resultaat geïmporteerd.')).toBeVisible();
  await expect(clean.getByText(/U hebt deze zelftest opgeslagen op/)).toBeVisible();
  await clean.getByLabel('Resultaten importeren uit een bestand').setInputFiles({ name: 'kapot.json', mimeType: 'application/json', buffer: Buffer.from('{kapot') });
  await expect(clean.getByText('Dit bestand kan niet worden gelezen. Kies een exportbestand van Meldwijzer. Er is niets geïmporteerd.')).toBeVisible();
  await clean.getByLabel('Resultaten importeren uit een bestand').setInputFiles({ name: 'nieuw.json', mimeType: 'application/json', buffer: Buffer.from('{"format":"meldwijzer-zelftest","version":5,"results":[]}') });
  await expect(clean.getByText('Dit bestand komt uit een nieuwere versie van Meldwijzer (versie 5).')).toBeVisible();
  await expect(clean.getByText(/U hebt deze zelftest opgeslagen op/)).toBeVisible();
});

test('a full storage quota says so and keeps the answers on screen', async ({ page }) => {
  await page.goto('/#/zelftest/organisatie');
  await appReady(page);
  await answer(page, 'Is de meldcode toegesneden op uw eigen praktijk?', 'Nee');
  await page.evaluate(() => {
    Storage.prototype.setItem = () => { throw new DOMException('full', 'QuotaExceededError'); };
  });
  await page.getByRole('button', { name: 'Resultaat opslaan op dit apparaat' }).click();
  await expect(page.getByText('De opslag van je browser is vol.', { exact: false })).toBeVisible();
  await expect(page.getByRole('group', { name: 'Is de meldcode toegesneden op uw eigen praktijk?' }).getByLabel('Nee', { exact: true })).toBeChecked();
});

test('professional: knowledge questions with explanation and source', async ({ page }) => {
  await page.goto('/#/zelftest/professional');
  await appReady(page);
  await expect(h1(page)).toHaveText('Ben ik klaar om te handelen?');
  await answer(page, 'Weet u wie uw aandachtsfunctionaris is en hoe u die bereikt?', 'Nee');
  await expect(page.locator('.mw-action-list')).toContainText('Vraag uw leidinggevende wie de aandachtsfunctionaris is');
  await page.getByRole('link', { name: 'Kennisvragen over de meldcode' }).click();
  await expect(h1(page)).toHaveText('Kennisvragen over de meldcode');
  const steps = page.getByRole('group', { name: /Hoeveel stappen heeft de meldcode/ });
  await steps.getByLabel('Drie').check();
  await expect(steps.getByRole('status')).toContainText('Niet helemaal. Vijf: signalen in kaart brengen');
  await steps.getByLabel('Vijf').check();
  await expect(steps.getByRole('status')).toContainText('Goed.');
  await expect(steps).toContainText('gecontroleerd op');
  await expectAccessible(page, 'zelftest kennis');
});

test('a practice case compares each afweging with the model answer and the outcome through the same engine', async ({ page }) => {
  await page.goto('/#/zelftest/professional');
  await appReady(page);
  await page.getByRole('link', { name: 'Een gezin met veel ruzie' }).click();
  await expect(h1(page)).toHaveText('Een gezin met veel ruzie');
  const q = (n) => page.locator('.mw-afweging').nth(n);
  await q(0).getByLabel('Ja').check();
  await expect(q(0).getByRole('status')).toContainText('Hetzelfde als het modelantwoord.');
  await q(1).getByLabel('Ja').check();
  await expect(q(1).getByRole('status')).toContainText('Anders dan het modelantwoord. Het modelantwoord is nee.');
  for (const n of [2, 3, 4]) await q(n).getByLabel('Ja').check();
  const outcome = page.locator('.mw-compare');
  await expect(outcome.getByRole('row', { name: /Melden bij Veilig Thuis nodig/ })).toContainText('JaNee');
  await expectAccessible(page, 'oefencasus');
});

test('the zelftest works with the keyboard alone', async ({ page }) => {
  await page.goto('/#/zelftest/organisatie');
  await appReady(page);
  const first = page.getByRole('group', { name: 'Heeft uw organisatie een meldcode vastgesteld, en bevordert zij het gebruik ervan?' });
  await first.getByLabel('Ja', { exact: true }).focus();
  await page.keyboard.press('Space');
  await expect(first.getByLabel('Ja', { exact: true })).toBeChecked();
  await page.keyboard.press('ArrowRight');
  await expect(first.getByLabel('Deels')).toBeChecked();
  await expect(page.locator('.mw-ratings tbody tr').first()).toContainText('Oranje: deels op orde');
});

test('an organisation\'s own item joins its check and its action list', async ({ page }) => {
  await page.goto('/host/organisation.html#/zelftest/organisatie');
  await appReady(page);
  await answer(page, 'Weet iedereen op de groep dat S. Bakker onze aandachtsfunctionaris is?', 'Nee');
  await expect(page.locator('.mw-action-list > li strong').first()).toHaveText('Hang het nummer van S. Bakker op in elke groepsruimte.');
  await expect(page.locator('.mw-screen')).toContainText('Meldcode Kinderopvang De Regenboog, bijlage 1');
});
