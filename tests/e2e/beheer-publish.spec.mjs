// Beheer: publishing (HSDS out, the corrected pack, a new pack from the form) and the
// last-checked dates. The parts may share one screen (#/beheer) or each have their own
// (#/beheer/publiceren, #/beheer/controledatum): locators look inside each part's section.
import fs from 'node:fs';
import { test, expect } from '@playwright/test';
import { appReady, expectAccessible, regionPack, trackRequests, typeLikeAPerson, uiCount, uiText } from './helpers.mjs';

const FIXABLE = fs.readFileSync(new URL('../fixtures/beheer-publish/fixable.json', import.meta.url), 'utf8');
const json = (name, text) => ({ name, mimeType: 'application/json', buffer: Buffer.from(text) });

const publish = (page) => page.locator('section.mw-admin-publish');
const stale = (page) => page.locator('section.mw-admin-stale');

async function open(page, hash) {
  await page.goto(`/#/beheer/${hash}`);
  await appReady(page);
}

async function downloaded(page, click) {
  const download = page.waitForEvent('download');
  await click();
  const file = await download;
  return { name: file.suggestedFilename(), text: fs.readFileSync(await file.path(), 'utf8') };
}

/** Presses Tab (keyboard only) until `locator` has focus. */
async function tabTo(page, locator, max = 40) {
  for (let i = 0; i < max; i++) {
    if (await locator.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${locator}`);
}

test('the example\'s sociale kaart downloads as HSDS 3.0 and opens again without issues', async ({ page }) => {
  const requests = trackRequests(page);
  await open(page, 'publiceren');
  const part = publish(page);
  await part.getByRole('button', { name: uiText('beheer.publish.use_example') }).click();
  await expect(part.getByRole('button', { name: uiText('beheer.publish.hsds_download') })).toBeVisible();
  const hsds = await downloaded(page, () => part.getByRole('button', { name: uiText('beheer.publish.hsds_download') }).click());
  const services = JSON.parse(hsds.text);
  expect(Array.isArray(services) && services.length > 10).toBe(true);
  for (const service of services) expect(typeof service.id === 'string' && typeof service.name === 'string').toBe(true);
  await expect(part).toContainText(uiCount('beheer.publish.hsds_count', services.length));
  await expectAccessible(page, '#/beheer/publiceren with the example');

  // A new page: the pack naming the downloaded file, and that file, chosen by the editor.
  await page.reload();
  await appReady(page);
  const pack = regionPack('voorbeeldstad');
  pack.social_map = { files: [{ format: 'hsds', path: hsds.name }] };
  await publish(page).getByLabel(uiText('beheer.publish.choose_files')).setInputFiles([json('voorbeeldstad.json', JSON.stringify(pack)), json(hsds.name, hsds.text)]);
  await expect(publish(page)).toContainText(uiCount('beheer.publish.hsds_count', services.length));
  await expect(publish(page)).toContainText(uiText('beheer.publish.fix_none'));
  await expect(publish(page)).toContainText(uiText('beheer.publish.remaining_none'));
  expect(requests.outside()).toEqual([]);
});

test('a fixable pack downloads corrected, with each fix listed and nothing left to fix by hand', async ({ page }) => {
  await open(page, 'publiceren');
  const part = publish(page);
  await part.getByLabel(uiText('beheer.publish.choose_files')).setInputFiles([json('herstelstad.json', FIXABLE)]);
  const fixes = part.locator('.mw-admin-fixes li');
  await expect(fixes.first()).toBeVisible();
  const count = await fixes.count();
  await expect(part).toContainText(uiCount('beheer.publish.fix_count', count));
  await expect(fixes.filter({ hasText: 'tel: 020.555.01.01' }).first()).toContainText('020 555 01 01');
  await expect(part).toContainText(uiText('beheer.publish.remaining_none'));
  const fixed = await downloaded(page, () => part.getByRole('button', { name: uiText('beheer.publish.fix_download') }).click());
  expect(fixed.name).toBe('herstelstad.json');
  const pack = JSON.parse(fixed.text);
  const original = JSON.parse(FIXABLE);
  expect(pack.contacts).toHaveLength(original.contacts.length - 1);
  expect(pack.wijken).toHaveLength(original.wijken.length - 1);
  expect(pack.contacts[0].phone).toBe('020 555 01 01');
  expect(pack.contacts[0].areas[0].postcodes).toEqual(['4411', '4412']);
  expect(pack.contacts[1].areas[0].postcodes).toEqual(['4413-4415']);
  expect(pack.wijken[1].postcodes).toEqual(['4413-4415']);
  expect(pack.numbers[0].number).toBe('0900 7654321');
  await expectAccessible(page, '#/beheer/publiceren with fixes');
});

test('a new pack made with the form is one the app reads: its local team for a postcode', async ({ page }) => {
  await open(page, 'publiceren');
  const form = publish(page).locator('form.mw-admin-new-pack');
  const field = (label, nth = 0) => form.getByLabel(uiText(label), { exact: true }).nth(nth);
  await typeLikeAPerson(page, field('beheer.new_pack.gemeente'), 'Gemeente Nieuwdorp');
  await typeLikeAPerson(page, field('beheer.new_pack.local_team'), 'Wijkteam');
  await typeLikeAPerson(page, field('beheer.new_pack.wijk_name'), 'Noord');
  await typeLikeAPerson(page, field('beheer.new_pack.postcodes'), '5511, 5512');
  await form.getByRole('button', { name: uiText('beheer.new_pack.add_wijk') }).click();
  await expect(field('beheer.new_pack.wijk_name', 1)).toBeFocused();
  await typeLikeAPerson(page, field('beheer.new_pack.wijk_name', 1), 'Zuid');
  await field('beheer.new_pack.postcodes', 1).fill('5513-5515');
  await typeLikeAPerson(page, field('beheer.new_pack.contact_name'), 'Wijkteam Zuid');
  await typeLikeAPerson(page, field('beheer.new_pack.description'), 'Hulp bij opvoeden, geld en wonen in Zuid.');
  await typeLikeAPerson(page, field('beheer.new_pack.phone'), '0499-123456');
  await typeLikeAPerson(page, field('beheer.new_pack.email'), 'zuid@nieuwdorp.nl');
  await form.getByRole('group', { name: uiText('beheer.new_pack.contact_wijken') }).getByLabel('Zuid').check();
  await typeLikeAPerson(page, field('beheer.new_pack.source'), 'https://www.nieuwdorp.nl/wijkteams');
  const made = await downloaded(page, () => form.getByRole('button', { name: uiText('beheer.new_pack.download') }).click());
  expect(made.name).toBe('nieuwdorp.json');
  const pack = JSON.parse(made.text);
  expect(pack.region.name).toBe('Gemeente Nieuwdorp');
  expect(pack.contacts[0].checked).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  await expect(publish(page)).toContainText(uiText('beheer.new_pack.made', 'nl', { file: made.name }));

  // The gemeente publishes it: a host page whose data-region is this file.
  await page.route('**/host/broken-region.json', (route) => route.fulfill({ contentType: 'application/json', body: made.text }));
  await page.goto('/host/broken.html#/zorgen/kind');
  await expect(page.getByRole('heading', { name: uiText('routes.local_team', 'nl', { team: 'Wijkteam' }) })).toBeVisible();
  await page.getByLabel(uiText('routes.place')).fill('5514');
  await expect(page.getByRole('heading', { name: 'Wijkteam Zuid' })).toBeVisible();
  await expect(page.getByRole('link', { name: `${uiText('contact.call')} 0499-123456` })).toBeVisible();
});

test('the form works with the keyboard alone, and its errors link to their fields', async ({ page }) => {
  await open(page, 'publiceren');
  const form = publish(page).locator('form.mw-admin-new-pack');
  const field = (label, nth = 0) => form.getByLabel(uiText(label), { exact: true }).nth(nth);
  const submit = form.getByRole('button', { name: uiText('beheer.new_pack.download') });
  // Sent empty: the summary takes focus and names every field to fill.
  await tabTo(page, submit, 80);
  await page.keyboard.press('Enter');
  const summary = form.locator('.mw-error-summary');
  await expect(summary).toBeFocused();
  await expect(summary.getByRole('link', { name: uiText('beheer.new_pack.error.required') }).first()).toBeVisible();
  await expect(summary).toContainText(uiText('beheer.new_pack.error.contact_wijken'));
  await expect(field('beheer.new_pack.gemeente')).toHaveAttribute('aria-invalid', 'true');
  await expect(field('beheer.new_pack.gemeente')).toHaveAttribute('aria-describedby', /mw-new-gemeente-error/);
  await expectAccessible(page, 'the new pack form with errors');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await expect(field('beheer.new_pack.gemeente')).toBeFocused();

  // Filled in with keys only: Tab from field to field, Space for a choice, Enter to send.
  const type = async (locator, text) => { await tabTo(page, locator); await typeLikeAPerson(page, locator, text); };
  await type(field('beheer.new_pack.gemeente'), 'Gemeente Toetsdorp');
  await type(field('beheer.new_pack.local_team'), 'Buurtteam');
  await type(field('beheer.new_pack.wijk_name'), 'Centrum');
  await type(field('beheer.new_pack.postcodes'), '6611 AB');
  await type(field('beheer.new_pack.contact_name'), 'Buurtteam Centrum');
  await type(field('beheer.new_pack.description'), 'Voor vragen over thuis.');
  await type(field('beheer.new_pack.website'), 'https://www.toetsdorp.nl/buurtteam');
  const centrum = form.getByRole('group', { name: uiText('beheer.new_pack.contact_wijken') }).getByLabel('Centrum');
  await tabTo(page, centrum);
  await page.keyboard.press('Space');
  await expect(centrum).toBeChecked();
  await type(field('beheer.new_pack.source'), 'Gemeentegids Toetsdorp 2026');
  const made = await downloaded(page, async () => { await tabTo(page, submit); await page.keyboard.press('Enter'); });
  const pack = JSON.parse(made.text);
  expect(pack.wijken).toEqual([{ name: 'Centrum', postcodes: ['6611'] }]);
  expect(pack.contacts[0].website).toBe('https://www.toetsdorp.nl/buurtteam');
  await expect(summary).toHaveCount(0);
});

test('last-checked dates: a table, the oldest first, and a CSV to send round', async ({ page }) => {
  await open(page, 'controledatum');
  const part = stale(page);
  await part.getByRole('button', { name: uiText('beheer.publish.use_example') }).click();
  const table = part.getByRole('table', { name: uiText('beheer.stale.caption') });
  await expect(table).toBeVisible();
  const example = regionPack('voorbeeldstad');
  const rows = table.locator('tbody tr');
  const north = example.contacts.find((c) => c.id === 'buurtteam-noord');
  const contactRow = rows.filter({ has: page.getByRole('rowheader', { name: north.name, exact: true }) }).filter({ hasText: uiText('beheer.stale.kind.contact') });
  await expect(contactRow).toContainText(north.checked);
  await expect(contactRow).toContainText(north.source);
  await expect(table.getByRole('columnheader', { name: uiText('beheer.stale.column.checked') })).toBeVisible();
  await expectAccessible(page, '#/beheer/controledatum with the example');

  const csv = await downloaded(page, () => part.getByRole('button', { name: uiText('beheer.stale.download') }).click());
  expect(csv.name).toBe(uiText('beheer.stale.file_name'));
  expect(csv.text.startsWith('\ufeff')).toBe(true);
  const lines = csv.text.slice(1).split('\r\n').filter((line) => line !== '');
  const header = ['kind', 'name', 'id', 'checked', 'stale', 'source'].map((c) => uiText(`beheer.stale.column.${c}`));
  expect(lines[0]).toBe(header.join(','));
  expect(lines.length - 1).toBe(await rows.count());
  const northLine = lines.find((line) => line.startsWith(`${uiText('beheer.stale.kind.contact')},${north.name},${north.id},`));
  expect(northLine).toBe([uiText('beheer.stale.kind.contact'), north.name, north.id, north.checked, uiText('beheer.stale.no'), north.source].join(','));
  // Stale first: every "ja" line comes before every "nee" line.
  const staleColumn = lines.slice(1).map((line) => line.includes(`,${uiText('beheer.stale.yes')},`));
  expect(staleColumn.indexOf(false) === -1 || staleColumn.lastIndexOf(true) < staleColumn.indexOf(false)).toBe(true);
});

test('both parts fit a 320 px phone, before and after a pack is open', async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 640 });
  const fits = () => page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth);
  for (const [hash, part] of [['publiceren', publish], ['controledatum', stale]]) {
    await open(page, hash);
    // A new page each time: the opened files are kept while the editor moves between parts.
    await page.reload();
    await appReady(page);
    expect(await fits(), `#/beheer/${hash} without a pack`).toBe(true);
    await part(page).getByRole('button', { name: uiText('beheer.publish.use_example') }).click();
    await expect(part(page).getByRole('button', { name: uiText('beheer.publish.use_example') })).toHaveCount(0);
    expect(await fits(), `#/beheer/${hash} with the example`).toBe(true);
    await expectAccessible(page, `#/beheer/${hash} at 320 px`);
  }
});
