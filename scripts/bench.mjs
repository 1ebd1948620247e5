// Prints what a visitor downloads and how soon the home screen can be used, next to a plain
// static HTML page with the same home content, measured in the same run.
//   node scripts/bench.mjs [--runs 7]
import { chromium } from '@playwright/test';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const runs = Number(process.argv[process.argv.indexOf('--runs') + 1]) || 7;
const BUDGET_KB = 250;
const PORT = 4190;
const dist = 'dist';
const staticDir = 'target/bench';

const kb = (bytes) => (bytes / 1024).toFixed(1).padStart(8) + ' KB';
const gzip = (file) => zlib.gzipSync(fs.readFileSync(file), { level: 9 }).length;
const raw = (file) => fs.statSync(file).size;

// --- Sizes --------------------------------------------------------------------------------
const firstLoad = ['index.html', 'meldwijzer.js', 'meldwijzer_bg.wasm', 'meldwijzer.css'];
const rows = [
  ['wasm', path.join(dist, 'meldwijzer_bg.wasm')],
  ['JS', path.join(dist, 'meldwijzer.js')],
  ['CSS', path.join(dist, 'meldwijzer.css')],
  ['HTML', path.join(dist, 'index.html')],
  ['data: national pack (compiled into wasm)', 'content/national.json'],
  ['data: UI text nl+en (compiled into wasm)', 'content/ui/nl.json', 'content/ui/en.json'],
  ['data: example region pack (fetched when configured)', path.join(dist, 'regions/voorbeeldstad.json')],
];
console.log('\nSizes                                                        raw        gzip');
for (const [label, ...files] of rows) {
  const r = files.reduce((sum, f) => sum + raw(f), 0);
  const g = files.reduce((sum, f) => sum + gzip(f), 0);
  console.log(`  ${label.padEnd(54)}${kb(r)}  ${kb(g)}`);
}
const totalGzip = firstLoad.reduce((sum, f) => sum + gzip(path.join(dist, f)), 0);
const totalRaw = firstLoad.reduce((sum, f) => sum + raw(path.join(dist, f)), 0);
console.log(`  ${'first load of the shell (HTML + JS + wasm + CSS)'.padEnd(54)}${kb(totalRaw)}  ${kb(totalGzip)}`);
console.log(`  budget ${BUDGET_KB} KB gzip: ${totalGzip / 1024 <= BUDGET_KB ? 'within' : 'OVER'} (${(100 * totalGzip / 1024 / BUDGET_KB).toFixed(0)} %)`);

// --- Time to first interactive screen -----------------------------------------------------
const server = spawn('node', ['scripts/serve.mjs', '--port', String(PORT), '/=' + dist, '/static/=' + staticDir], { stdio: 'ignore' });
await new Promise((resolve) => setTimeout(resolve, 500));
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
});

try {
  // The static twin: the app's own rendered home screen, without any script.
  const page = await browser.newPage();
  await page.goto(`http://127.0.0.1:${PORT}/`);
  await page.waitForSelector('.meldwijzer .mw-door');
  const html = await page.evaluate(() => {
    const doc = document.documentElement.cloneNode(true);
    doc.querySelectorAll('script, link[rel="modulepreload"], link[rel="preload"], meta[http-equiv]').forEach((n) => n.remove());
    return '<!doctype html>\n' + doc.outerHTML;
  });
  await page.close();
  fs.mkdirSync(staticDir, { recursive: true });
  fs.writeFileSync(path.join(staticDir, 'index.html'), html);
  fs.copyFileSync(path.join(dist, 'meldwijzer.css'), path.join(staticDir, 'meldwijzer.css'));

  // Cold load: a new browser context each time, so nothing is cached.
  async function interactiveMs(url) {
    const times = [];
    for (let i = 0; i < runs; i++) {
      const context = await browser.newContext();
      const p = await context.newPage();
      await p.goto(url, { waitUntil: 'commit' });
      await p.waitForSelector('.meldwijzer .mw-door');
      times.push(await p.evaluate(() => performance.now()));
      await context.close();
    }
    times.sort((a, b) => a - b);
    return { median: times[Math.floor(times.length / 2)], min: times[0], max: times[times.length - 1] };
  }
  const app = await interactiveMs(`http://127.0.0.1:${PORT}/`);
  const plain = await interactiveMs(`http://127.0.0.1:${PORT}/static/`);
  const fmt = (t) => `median ${t.median.toFixed(0).padStart(5)} ms  (min ${t.min.toFixed(0)}, max ${t.max.toFixed(0)})`;
  console.log(`\nTime to first interactive home screen, ${runs} cold loads each (headless Chromium, localhost)`);
  console.log(`  Meldwijzer (wasm)       ${fmt(app)}`);
  console.log(`  static HTML, same home  ${fmt(plain)}`);
  console.log(`  ratio                   ${(app.median / plain.median).toFixed(1)} x`);
} finally {
  await browser.close();
  server.kill();
}
