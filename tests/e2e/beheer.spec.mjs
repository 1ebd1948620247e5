// Beheer: a gemeente's editor opens its pack and sociale kaart files in the browser (nothing is
// sent), reads the checker's report, and takes the embed snippet to its own page.
import { test, expect } from '@playwright/test';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  appReady, expectAccessible, uiText, uiCount, containing, routeAnswer, routeNode,
  trackRequests, watchProblems, typeLikeAPerson, pressLikeAPerson, regionPack, regionContact, ROUTES,
} from './helpers.mjs';
import { CDN, DATA } from './playwright.config.mjs';

const ROOT = new URL('../../', import.meta.url);
const file = (path) => fileURLToPath(new URL(path, ROOT));
const EXAMPLE = [file('public/regions/voorbeeldstad.json'), file('public/regions/voorbeeldstad-sociale-kaart.json')];
const FIXTURES = 'tests/fixtures/beheer/';
const WITH_MAP = file(`${FIXTURES}regio-met-kaart.json`);
const BROKEN_MAP = file(`${FIXTURES}kaart-kapot.json`);
const BROKEN_PACK = file(`${FIXTURES}regio-kapot.json`);
const MAP_SERVICES = JSON.parse(readFileSync(BROKEN_MAP, 'utf8'));
const EXAMPLE_SERVICES = JSON.parse(readFileSync(EXAMPLE[1], 'utf8'));

const MB = 1024 * 1024;
/** "1,1 MB": a size as `ground::limits::megabytes` writes it in Dutch (rounded up to a tenth). */
const megabytes = (bytes) => {
  const tenths = Math.ceil((bytes * 10) / MB);
  return tenths % 10 === 0 ? `${tenths / 10} MB` : `${Math.floor(tenths / 10)},${tenths % 10} MB`;
};

async function openBeheer(page, sub = '') {
  await page.goto(`/#/beheer${sub}`);
  await appReady(page);
  await expect(page.getByRole('heading', { level: 1, name: uiText('title.admin') })).toBeVisible();
}

const chooser = (page) => page.getByLabel(uiText('beheer.open.choose'));
const verdict = (page) => page.locator('.mw-admin-report [role="status"]');

/** "dienst 1 (opvoedpunt)": a record as the report's examples name it. */
const recordName = (index, id) => `${uiText('social_map.issue.service', 'nl', { number: index + 1 })} (${id})`;

/** Presses Tab until `locator` has focus; fails after `max` presses. */
async function tabTo(page, locator, max = 60) {
  for (let i = 0; i < max; i += 1) {
    if (await locator.evaluate((el) => el === document.activeElement).catch(() => false)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${locator}`);
}

test('the example pack and its sociale kaart, chosen in the file chooser, are read here and all in order', async ({ page }) => {
  const requests = trackRequests(page);
  await openBeheer(page);
  await expect(page.getByText(uiText('beheer.open.privacy'))).toBeVisible();
  await expect(verdict(page)).toHaveText(uiText('beheer.report.nothing'));
  await expectAccessible(page, 'Beheer, nothing opened');

  await chooser(page).setInputFiles(EXAMPLE);
  await expect(page.getByRole('status').filter({ hasText: uiCount('beheer.open.opened', 2) })).toBeVisible();
  await expect(verdict(page)).toContainText(uiText('beheer.report.valid', 'nl', { file: 'voorbeeldstad.json' }));
  await expect(verdict(page)).toContainText(uiText('social_map.report.summary', 'nl', { read: EXAMPLE_SERVICES.length, skipped: 0, dropped: 0, warnings: 0 }));
  const files = page.locator('.mw-admin-files li');
  await expect(files).toHaveCount(2);
  await expect(files.first()).toContainText(uiText('beheer.open.is_pack'));
  await expect(files.nth(1)).toContainText(/\(\d+ kB\)/);
  await expectAccessible(page, 'Beheer with the example open');
  // Read in the browser: no file went anywhere.
  expect(requests.outside()).toEqual([]);
  expect(requests.urls.filter((url) => url.includes('voorbeeldstad'))).toEqual([]);

  // Removing the sociale kaart asks for it again, by name.
  await page.getByRole('button', { name: `${uiText('beheer.open.remove')} voorbeeldstad-sociale-kaart.json` }).click();
  await expect(page.getByText(uiText('beheer.open.ask', 'nl', { file: 'voorbeeldstad-sociale-kaart.json' })).first()).toBeVisible();
  await expect(verdict(page)).toContainText(uiText('beheer.report.invalid', 'nl', { file: 'voorbeeldstad.json' }));
});

test('"Begin met het voorbeeld" opens the example, and the other parts open once a pack is there', async ({ page }) => {
  await openBeheer(page, '/bekijken');
  // Without a pack the preview offers the example, or the way to open one's own files.
  await expect(page.getByText(uiText('beheer.preview.no_pack'))).toBeVisible();
  await expect(page.getByRole('link', { name: uiText('beheer.nav.preview') })).toHaveAttribute('aria-current', 'page');
  await expectAccessible(page, 'Beheer preview without a pack');
  await page.getByRole('link', { name: uiText('beheer.nav.to_open') }).click();
  await expect(page).toHaveURL(/#\/beheer$/);
  await expect(page.getByRole('link', { name: uiText('beheer.nav.open') })).toHaveAttribute('aria-current', 'page');
  await page.getByRole('button', { name: uiText('beheer.open.example') }).click();
  await expect(verdict(page)).toContainText(uiText('beheer.report.valid', 'nl', { file: 'voorbeeldstad.json' }));
  for (const [label, hash] of [['beheer.nav.preview', 'bekijken'], ['beheer.nav.print', 'afdrukken'], ['beheer.nav.publish', 'publiceren'], ['beheer.nav.staleness', 'controledatum']]) {
    await page.getByRole('link', { name: uiText(label) }).click();
    await expect(page).toHaveURL(new RegExp(`#/beheer/${hash}$`));
    await expect(page.getByText(uiText('beheer.nav.needs_pack'))).toHaveCount(0);
    await expect(page.getByText(uiText('beheer.preview.no_pack'))).toHaveCount(0);
  }
  // The opened files are kept while the editor moves between the parts.
  await page.getByRole('link', { name: uiText('beheer.nav.open') }).click();
  await expect(page.locator('.mw-admin-files li')).toHaveCount(2);
});

test('a broken sociale kaart gets its report grouped with counts, each example linking to its service', async ({ page }) => {
  await openBeheer(page);
  await chooser(page).setInputFiles([WITH_MAP, BROKEN_MAP]);
  await expect(verdict(page)).toContainText(uiText('beheer.report.invalid', 'nl', { file: 'regio-met-kaart.json' }));
  const read = MAP_SERVICES.length - 1;
  await expect(verdict(page)).toContainText(uiText('social_map.report.summary', 'nl', { read, skipped: 1, dropped: 3, warnings: 0 }));
  // The file it names but that was not opened is asked for by name.
  await expect(page.locator('.mw-admin-ask')).toContainText(uiText('beheer.open.ask', 'nl', { file: 'ontbreekt.csv' }));

  const groups = page.locator('.mw-admin-groups > li');
  await expect(groups).toHaveCount(2);
  const badUrl = uiCount('social_map.report.group', 3, 'nl', {
    file: 'kaart-kapot.json', field: 'url', problem: uiText('pack.problem.bad_url'), outcome: uiText('social_map.outcome.dropped'),
  });
  const urlGroup = groups.filter({ hasText: badUrl });
  await expect(urlGroup).toHaveCount(1);
  for (const [index, service] of MAP_SERVICES.slice(0, 3).entries()) {
    await expect(urlGroup.getByRole('link', { name: recordName(index, service.id) })).toBeVisible();
  }
  // A team with another number in the sociale kaart than in the pack: a warning, not a refusal.
  const pack = JSON.parse(readFileSync(WITH_MAP, 'utf8'));
  const contact = regionContact(pack, 'buurtteam-noord');
  const service = MAP_SERVICES.find((s) => s.id === contact.id);
  await expect(page.locator('.mw-admin-issues--warning li')).toHaveText([uiText('social_map.report.conflict', 'nl', {
    contact: contact.name, pack: contact.phone, service: service.name, id: service.id, map: service.phones[0].number,
  })]);
  await expectAccessible(page, 'Beheer report of a broken sociale kaart');

  await urlGroup.getByRole('link', { name: recordName(0, MAP_SERVICES[0].id) }).click();
  await expect(page).toHaveURL(new RegExp(`#/beheer/dienst/${MAP_SERVICES[0].id}$`));
  await expect(page.getByRole('heading', { name: uiText('beheer.report.record_title', 'nl', { id: MAP_SERVICES[0].id }) })).toBeVisible();
  await expect(page.getByRole('heading', { name: MAP_SERVICES[0].name })).toBeVisible();
  await expect(page.locator('.mw-admin-record .mw-admin-issues')).toContainText(uiText('pack.problem.bad_url'));
  await expectAccessible(page, 'Beheer, one service of the report');
  await page.getByRole('link', { name: uiText('beheer.report.back') }).click();

  // The service that was not imported says so on its page.
  const skipped = MAP_SERVICES.findIndex((s) => typeof s.name !== 'string');
  await groups.getByRole('link', { name: recordName(skipped, MAP_SERVICES[skipped].id) }).click();
  await expect(page.getByText(uiText('beheer.report.record_not_read'))).toBeVisible();
});

test('a broken pack lists its own problems by field, and a pack naming a file not opened asks for it', async ({ page }) => {
  await openBeheer(page);
  await chooser(page).setInputFiles([BROKEN_PACK, BROKEN_MAP]);
  await expect(verdict(page)).toContainText(uiText('beheer.report.invalid', 'nl', { file: 'regio-kapot.json' }));
  const issues = page.locator('.mw-admin-report .mw-admin-issues li');
  await expect(issues.filter({ hasText: uiText('pack.issue.field', 'nl', { file: 'regio-kapot.json', path: 'contacts[0].phone', problem: uiText('pack.problem.bad_phone') }) })).toHaveCount(1);
  await expect(issues.filter({ hasText: containing('wijken[1].postcodes[0]') })).toHaveCount(1);
  await expectAccessible(page, 'Beheer report of a broken pack');

  // Only the pack: the sociale kaart file it names is asked for.
  await page.getByRole('button', { name: `${uiText('beheer.open.remove')} regio-kapot.json` }).click();
  await page.getByRole('button', { name: `${uiText('beheer.open.remove')} kaart-kapot.json` }).click();
  await expect(page.locator('.mw-admin-files li')).toHaveCount(0);
  await chooser(page).setInputFiles([WITH_MAP]);
  const ask = page.locator('.mw-admin-ask');
  await expect(ask).toContainText(uiText('beheer.open.ask', 'nl', { file: 'kaart-kapot.json' }));
  await expect(ask).toContainText(uiText('beheer.open.ask', 'nl', { file: 'ontbreekt.csv' }));
  // The file it asks for, dropped on the box (as from a file manager).
  const dropped = await page.evaluateHandle(([name, text]) => {
    const transfer = new DataTransfer();
    transfer.items.add(new File([text], name, { type: 'application/json' }));
    return transfer;
  }, ['kaart-kapot.json', readFileSync(BROKEN_MAP, 'utf8')]);
  await page.locator('.mw-admin-drop').dispatchEvent('drop', { dataTransfer: dropped });
  await expect(page.locator('.mw-admin-files li')).toHaveCount(2);
  await expect(ask).not.toContainText('kaart-kapot.json');
  await expect(ask).toContainText('ontbreekt.csv');
});

test('a file larger than any the app reads is refused before it is read, with the app\'s message', async ({ page }) => {
  await openBeheer(page);
  const size = 20 * MB + 1;
  await chooser(page).setInputFiles([{ name: 'groot.json', mimeType: 'application/json', buffer: Buffer.alloc(size, 32) }]);
  const refusal = uiText('pack.problem.too_large', 'nl', { size: megabytes(size), max: megabytes(20 * MB) });
  await expect(page.locator('.mw-admin-files li')).toContainText(uiText('beheer.open.not_read', 'nl', { problem: refusal }));
  // As the only .json file it is the pack the editor chose: the report says why it fails.
  await expect(page.locator('.mw-admin-report')).toContainText(refusal);
  // A pack over its own, smaller limit is read as a data file could be, then refused by the
  // check with the pack's limit.
  const pack = JSON.parse(readFileSync(EXAMPLE[0], 'utf8'));
  pack.padding = 'x'.repeat(MB);
  const text = JSON.stringify(pack);
  await chooser(page).setInputFiles([{ name: 'te-groot-regio.json', mimeType: 'application/json', buffer: Buffer.from(text) }]);
  const packRefusal = uiText('pack.problem.too_large', 'nl', { size: megabytes(Buffer.byteLength(text)), max: '1 MB' });
  await expect(page.locator('.mw-admin-report')).toContainText(uiText('pack.issue.file', 'nl', { file: 'te-groot-regio.json', problem: packRefusal }));
});

test('opening, removing and reading the report work with the keyboard alone', async ({ page }) => {
  await openBeheer(page);
  // The file input is reached with Tab and opened with Space, like any control.
  await tabTo(page, chooser(page));
  const chosen = page.waitForEvent('filechooser');
  await page.keyboard.press('Space');
  await (await chosen).setFiles([WITH_MAP, BROKEN_MAP]);
  await expect(verdict(page)).toContainText(uiText('beheer.report.invalid', 'nl', { file: 'regio-met-kaart.json' }));
  // From the report's example to the service's page and back, by keyboard.
  const link = page.locator('.mw-admin-groups').getByRole('link', { name: recordName(1, MAP_SERVICES[1].id) });
  await tabTo(page, link, 120);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`#/beheer/dienst/${MAP_SERVICES[1].id}$`));
  await tabTo(page, page.getByRole('link', { name: uiText('beheer.report.back') }));
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/#\/beheer$/);
  // Removing a file by keyboard.
  const remove = page.getByRole('button', { name: `${uiText('beheer.open.remove')} kaart-kapot.json` });
  await tabTo(page, remove, 120);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: uiText('beheer.open.removed', 'nl', { file: 'kaart-kapot.json' }) })).toBeVisible();
  await expect(page.locator('.mw-admin-ask')).toContainText(uiText('beheer.open.ask', 'nl', { file: 'kaart-kapot.json' }));
  // And the example by keyboard.
  await tabTo(page, page.getByRole('button', { name: uiText('beheer.open.example') }), 120);
  await page.keyboard.press('Enter');
  await expect(page.locator('.mw-admin-files li')).toHaveCount(3);
});

test('the embed snippet, put on a page of another origin under its own CSP, starts the app there', async ({ page }) => {
  await openBeheer(page, '/insluiten');
  await expect(page.getByRole('heading', { level: 2, name: uiText('beheer.snippet.title') })).toBeVisible();
  // The fallback as a visitor sees it, with the national numbers.
  const preview = page.locator('.mw-admin-snippet__preview');
  await expect(preview.getByRole('link', { name: '112' })).toHaveAttribute('href', 'tel:112');
  await expectAccessible(page, 'Beheer snippet');

  // A hostile address is refused at its field, with the error linked to it.
  const region = page.getByLabel(uiText('beheer.snippet.region_url'));
  await region.fill('javascript:alert(1)');
  await region.press('Tab');
  await expect(page.getByText(uiText('beheer.snippet.error.url'))).toBeVisible();
  await expect(region).toHaveAttribute('aria-invalid', 'true');
  await expect(region).toHaveAttribute('aria-describedby', /mw-admin-snippet-region-error/);
  await expectAccessible(page, 'Beheer snippet with an error');

  await region.fill('');
  await typeLikeAPerson(page, region, `${DATA}/voorbeeldstad.json`);
  await page.keyboard.press('Tab');
  const app = page.getByLabel(uiText('beheer.snippet.app_url'));
  await app.fill('');
  await app.focus();
  await pressLikeAPerson(page, `${CDN}/meldwijzer/`);
  await page.keyboard.press('Tab');
  await page.getByLabel(uiText('beheer.snippet.view')).selectOption('zorgen');
  const code = page.getByLabel(uiText('beheer.snippet.code'));
  await expect(code).toHaveValue(containing(`data-region="${DATA}/voorbeeldstad.json"`));
  await expect(code).toHaveValue(containing(`src="${CDN}/meldwijzer/embed.js"`));
  const csp = page.getByLabel(uiText('beheer.snippet.csp'));
  await expect(csp).toHaveValue(containing(`connect-src 'self' ${CDN} ${DATA}`));
  await expect(page.locator('.mw-admin-cors li')).toHaveCount(2);
  const html = await code.inputValue();
  const policy = (await csp.inputValue()).replace(/^Content-Security-Policy:\s*/, '');

  // The gemeente's page: the snippet as it was generated, under the policy it came with. It is
  // a file the test server serves (a page Playwright answers itself is not on this machine's
  // address space, so Chromium would refuse its requests to 127.0.0.1), in a folder git ignores.
  const name = `snippet-${test.info().parallelIndex}.html`;
  const folder = new URL('hosts/test-results/', import.meta.url);
  mkdirSync(folder, { recursive: true });
  const escapedPolicy = policy.replaceAll('&', '&amp;').replaceAll('"', '&quot;');
  writeFileSync(new URL(name, folder), `<!doctype html>
<html lang="nl">
<head>
  <meta charset="utf-8">
  <meta http-equiv="Content-Security-Policy" content="${escapedPolicy}">
  <title>Gemeente Proefstad</title>
  <link rel="icon" href="data:,">
</head>
<body><main><h1>Gemeente Proefstad</h1>
${html}</main></body>
</html>
`);
  test.info().attach('snippet page', { body: html + policy });
  const problems = await watchProblems(page);
  const requests = trackRequests(page);
  try {
    await page.goto(`/host/test-results/${name}`);
    await appReady(page);
    await expect(page.locator('.mw-screen h1')).toHaveText(routeNode('start').title.nl);
    await page.getByRole('link', { name: routeAnswer('start', 'wie').label.nl }).click();
    await page.getByRole('link', { name: routeAnswer('wie', 'kind').label.nl, exact: true }).click();
    await page.getByLabel(uiText('routes.place')).fill('3312');
    // The region pack from the data server is there: its local team for this postcode.
    await expect(page.getByRole('heading', { name: regionContact(regionPack('voorbeeldstad'), 'buurtteam-noord').name })).toBeVisible();
    expect(problems).toEqual([]);
    expect(requests.urls.some((url) => url.startsWith(`${CDN}/meldwijzer/`) && url.endsWith('.wasm'))).toBe(true);
    expect(requests.urls).toContain(`${DATA}/voorbeeldstad.json`);
  } finally {
    rmSync(new URL(name, folder), { force: true });
  }
});

test('the snippet screen shows the app as it will start with the chosen view and language, and stays in Beheer', async ({ page }) => {
  await openBeheer(page);
  await page.getByRole('button', { name: uiText('beheer.open.example') }).click();
  await page.getByRole('link', { name: uiText('beheer.nav.snippet') }).click();
  const live = page.getByRole('region', { name: uiText('beheer.snippet.live') });
  await expect(page.getByText(uiText('beheer.snippet.live_pack'))).toBeVisible();
  await page.getByLabel(uiText('beheer.snippet.view'), { exact: true }).selectOption('zorgen');
  await page.getByLabel(uiText('beheer.snippet.lang'), { exact: true }).selectOption('en');
  const start = routeNode(ROUTES.citizen_start);
  await expect(live.getByRole('heading', { level: 1 })).toHaveText(start.title.en);
  // The snippet says the same language.
  await expect(page.getByLabel(uiText('beheer.snippet.code'))).toHaveValue(/data-lang="en"/);
  // A link inside moves the preview, not the page.
  const answer = start.answers.find((a) => routeNode(a.next).kind === 'question') ?? start.answers[0];
  await live.getByRole('link', { name: answer.label.en, exact: true }).click();
  await expect(live.getByRole('heading', { level: 1 })).toHaveText(routeNode(answer.next).title.en);
  await expect(page).toHaveURL(/#\/beheer\/insluiten$/);
  await expectAccessible(page, 'the snippet screen with its live preview');
});
