// Installed and offline (README "Installed and offline"): on its own origin the app keeps its
// release in a service worker, opens without a connection, and takes a new release only when
// the user opens it again; embedded on a gemeente's page no worker is registered.
import { test, expect } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { appReady, openMeldcodeWithProfile, typeLikeAPerson, uiText } from './helpers.mjs';

const DIST = new URL('../../dist/', import.meta.url).pathname;
const h1 = (page) => page.locator('.meldwijzer .mw-screen h1');

/** Waits until this page's service worker is active, and returns its release. */
async function activeRelease(page) {
  return page.evaluate(async () => {
    const registration = await navigator.serviceWorker.ready;
    return (await (await fetch(registration.active.scriptURL, { cache: 'no-store' })).text()).match(/const VERSION = "([^"]+)"/)?.[1];
  });
}

/** Waits until a new release has installed and waits beside the active one. */
async function waitingRelease(page) {
  await expect.poll(() => page.evaluate(async () => {
    const registration = await navigator.serviceWorker.getRegistration();
    if (!registration.waiting && !registration.installing) await registration.update().catch(() => {});
    return registration.waiting?.state ?? null;
  }), { intervals: [250], timeout: 20_000 }).toBe('installed');
}

async function createDossier(page, code) {
  await page.getByLabel('Casuscode').fill(code);
  await page.getByRole('button', { name: 'Dossier aanmaken' }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Dossier ${code}` })).toBeVisible();
  await page.getByRole('button', { name: 'Signaal toevoegen' }).click();
}

test('after one visit the app opens offline, with the meldcode and the zelftest working', async ({ context, page }) => {
  await page.goto('/');
  await appReady(page);
  expect(await activeRelease(page)).toMatch(/^[0-9a-f]{16}$/);
  await context.setOffline(true);
  // Everything from the worker's cache: nothing answered by, or lost on, the network.
  const fromNetwork = [];
  page.on('response', (response) => { if (!response.fromServiceWorker()) fromNetwork.push(response.url()); });
  page.on('requestfailed', (request) => fromNetwork.push(`failed: ${request.url()}`));
  await page.reload();
  await appReady(page);
  await openMeldcodeWithProfile(page);
  await createDossier(page, 'OFFLINE-1');
  await typeLikeAPerson(page, page.getByLabel('Wat zag of hoorde u? (alleen feiten)'), 'Zonder verbinding genoteerd.');
  await expect(page.getByText(/Opgeslagen om/)).toBeVisible();
  await page.reload();
  await expect(page.getByLabel('Wat zag of hoorde u? (alleen feiten)')).toHaveValue('Zonder verbinding genoteerd.');
  await page.goto('/#/zelftest/professional');
  await expect(h1(page)).toHaveText('Ben ik klaar om te handelen?');
  await page.getByRole('group', { name: 'Weet u wie uw aandachtsfunctionaris is en hoe u die bereikt?' }).getByLabel('Nee', { exact: true }).check();
  await expect(page.locator('.mw-action-list')).toContainText('Vraag uw leidinggevende wie de aandachtsfunctionaris is');
  expect(fromNetwork.filter((url) => !url.startsWith('data:'))).toEqual([]);
});

// A server of the test's own (on a free port, so the fixed ones stay shared) that serves one
// release or another from copies of dist/.
async function releaseServer() {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'meldwijzer-releases-'));
  const release = (name, change) => {
    const dir = path.join(root, name);
    fs.cpSync(DIST, dir, { recursive: true });
    if (change) {
      const index = path.join(dir, 'index.html');
      const html = fs.readFileSync(index, 'utf8');
      const changed = html.replace(/<meta charset[^>]*>/, (meta) => `${meta}<meta name="meldwijzer-test-release" content="${name}">`);
      if (changed === html) throw new Error('no <meta charset> in dist/index.html to put the release marker after');
      fs.writeFileSync(index, changed);
      execFileSync('node', [new URL('../../scripts/write-service-worker.mjs', import.meta.url).pathname, dir]);
    }
    return dir;
  };
  const dirs = { first: release('first', false), second: release('second', true) };
  let current = dirs.first;
  const types = { '.html': 'text/html', '.js': 'text/javascript', '.wasm': 'application/wasm', '.css': 'text/css',
    '.json': 'application/json', '.webmanifest': 'application/manifest+json', '.png': 'image/png', '.svg': 'image/svg+xml' };
  const server = http.createServer((req, res) => {
    let name = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    if (name.endsWith('/')) name += 'index.html';
    const file = path.join(current, name);
    if (!file.startsWith(current + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      res.writeHead(404).end('Not found');
      return;
    }
    res.writeHead(200, { 'Content-Type': types[path.extname(file)] ?? 'application/octet-stream', 'Cache-Control': 'no-cache' });
    res.end(fs.readFileSync(file));
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${server.address().port}/`,
    publish: (name) => { current = dirs[name]; },
    close: () => { server.close(); fs.rmSync(root, { recursive: true, force: true }); },
  };
}

test('a new release waits while the app is open, and is taken when the user opens it again', async ({ context, page }) => {
  test.setTimeout(60_000);
  const server = await releaseServer();
  try {
    const marker = page.locator('meta[name="meldwijzer-test-release"]');
    await page.goto(server.url);
    await appReady(page);
    const first = await activeRelease(page);
    await page.reload();
    await appReady(page);
    expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
    // The first install is no new version.
    await expect(page.getByText(uiText('release.waiting'))).toHaveCount(0);
    // A professional at work on a dossier.
    await page.goto(`${server.url}#/meldcode`);
    await page.evaluate(() => localStorage.setItem('meldwijzer:meldcode:profile', JSON.stringify({ sector: 'jeugdhulp', client: 'child' })));
    await page.reload();
    await createDossier(page, 'UPDATE-1');
    const field = page.getByLabel('Wat zag of hoorde u? (alleen feiten)');
    await typeLikeAPerson(page, field, 'Voor de nieuwe versie.');
    await page.evaluate(() => { window.meldwijzerSamePage = true; });

    server.publish('second');
    await waitingRelease(page);
    // Said, not done: the new release is there for the next opening.
    await expect(page.getByRole('status').filter({ hasText: uiText('release.waiting') })).toBeVisible();
    // Not before: the open page is not touched, and the old release keeps serving it.
    expect(await page.evaluate(() => window.meldwijzerSamePage)).toBe(true);
    await expect(field).toBeFocused();
    await typeLikeAPerson(page, field, ' Nog steeds hier.');
    await expect(field).toHaveValue('Voor de nieuwe versie. Nog steeds hier.');
    await expect(marker).toHaveCount(0);
    expect(await page.evaluate(async () => (await (await fetch('./index.html')).text()).includes('meldwijzer-test-release'))).toBe(false);
    // A second window while the first is open: still the old release, and the first keeps it.
    const second = await context.newPage();
    await second.goto(server.url);
    await appReady(second);
    await expect(second.locator('meta[name="meldwijzer-test-release"]')).toHaveCount(0);
    await second.close();
    expect(await page.evaluate(() => window.meldwijzerSamePage)).toBe(true);
    expect(await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).waiting !== null)).toBe(true);

    // After: opened again as the only window, the new release takes over, and the dossier is there.
    await page.reload();
    await expect(marker).toHaveAttribute('content', 'second');
    await appReady(page);
    expect(await activeRelease(page)).not.toBe(first);
    await expect(page.getByLabel('Wat zag of hoorde u? (alleen feiten)')).toHaveValue('Voor de nieuwe versie. Nog steeds hier.');
  } finally {
    server.close();
  }
});

for (const host of ['/host/gemeente.html', '/host/cdn.html']) {
  test(`no service worker when embedded (${host})`, async ({ context, page }) => {
    await page.goto(host);
    await appReady(page);
    // Longer than the app waits after loading before it registers its worker on its own page.
    await page.waitForTimeout(3500);
    expect(await page.evaluate(async () => (await navigator.serviceWorker.getRegistrations()).length)).toBe(0);
    expect(context.serviceWorkers()).toEqual([]);
  });
}
