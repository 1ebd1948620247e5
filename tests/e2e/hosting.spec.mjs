// Hosting the release as a host that serves precompressed files does (README "Speed on a
// phone"): every asset has FILE.br and FILE.gz beside it that unpack to the file itself, and a
// server sending them (scripts/serve.mjs --compress, as nginx's brotli_static) runs the app.
import { test, expect } from '@playwright/test';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { appReady, ROUTES, routeNode } from './helpers.mjs';

const DIST = new URL('../../dist/', import.meta.url).pathname;
const PORT = 4176;

/** Every file of the release, below `dir`. */
const files = (dir) => fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
  const full = path.join(dir, entry.name);
  return entry.isDirectory() ? (entry.name.startsWith('.') ? [] : files(full)) : [full];
});

test('each text and wasm file of the release has a .br and a .gz beside it that unpack to it', () => {
  const all = files(DIST);
  const assets = all.filter((file) => /\.(html|js|css|wasm|json|webmanifest)$/.test(file) && fs.statSync(file).size >= 1024);
  // The shells, the modules and the page, at least.
  for (const name of ['index.html', 'meldwijzer_bg.wasm', 'citizen_bg.wasm', 'sociale-kaart_bg.wasm', 'meldwijzer.css', 'embed.js']) {
    expect(assets.map((file) => path.relative(DIST, file)), name).toContain(name);
  }
  for (const file of assets) {
    const body = fs.readFileSync(file);
    for (const [suffix, unpack] of [['.br', zlib.brotliDecompressSync], ['.gz', zlib.gunzipSync]]) {
      const sibling = file + suffix;
      expect(fs.existsSync(sibling), path.relative(DIST, sibling)).toBe(true);
      expect(unpack(fs.readFileSync(sibling)).equals(body), path.relative(DIST, sibling)).toBe(true);
      expect(fs.statSync(sibling).mtimeMs, `${path.relative(DIST, sibling)} is not older than its file`).toBeGreaterThanOrEqual(fs.statSync(file).mtimeMs);
    }
  }
  // No sibling without its file.
  for (const sibling of all.filter((file) => /\.(br|gz)$/.test(file))) {
    expect(fs.existsSync(sibling.replace(/\.(br|gz)$/, '')), path.relative(DIST, sibling)).toBe(true);
  }
});

test('served the way nginx serves precompressed files, the app runs from them', async ({ page }) => {
  const server = spawn('node', [new URL('../../scripts/serve.mjs', import.meta.url).pathname, '--port', String(PORT), '--compress', `/=${DIST}`], { stdio: ['ignore', 'pipe', 'inherit'] });
  try {
    await new Promise((resolve, reject) => {
      server.stdout.on('data', (chunk) => { if (String(chunk).includes('serving on')) resolve(); });
      server.on('exit', (code) => reject(new Error(`serve.mjs stopped (${code})`)));
    });
    const wasm = page.waitForResponse((response) => response.url().endsWith('/citizen_bg.wasm'));
    await page.goto(`http://127.0.0.1:${PORT}/#/zorgen`);
    await appReady(page);
    const response = await wasm;
    expect(response.headers()['content-encoding']).toBe('br');
    expect(Number(response.headers()['content-length'])).toBe(fs.statSync(path.join(DIST, 'citizen_bg.wasm.br')).size);
    // The screen itself is scanned by axe in routekaart.spec.mjs; here: it runs and leads on.
    const h1 = page.locator('.meldwijzer .mw-screen h1');
    await expect(h1).toHaveText(routeNode(ROUTES.citizen_start).title.nl);
    const answer = routeNode(ROUTES.citizen_start).answers[0];
    await page.getByRole('link', { name: answer.label.nl, exact: true }).click();
    await expect(h1).toHaveText(routeNode(answer.next).title.nl);
  } finally {
    server.kill();
  }
});
