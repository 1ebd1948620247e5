// Prints what a visitor downloads and how soon the home screen can be used, next to a plain
// static HTML page with the same home content, measured in the same run; then each journey's
// first useful screen on a phone (Slow 4G, 4x slower CPU, compressed, cold) next to its static
// twin.
//   node scripts/bench.mjs [--runs 7] [--phone-runs 3]   (the phone part alone: scripts/bench-phone.mjs)
import { chromium } from '@playwright/test';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { phoneJourneys, startServer } from './bench-phone.mjs';

const option = (name, fallback) => (process.argv.includes(name) ? Number(process.argv[process.argv.indexOf(name) + 1]) || fallback : fallback);
const runs = option('--runs', 7);
const phoneRuns = option('--phone-runs', 3);
const BUDGET_KB = 250;
const PORT = 4190;
const dist = 'dist';
// Every figure is a first visit's: no service worker caching the release in the background.
const NO_WORKER = { serviceWorkers: 'block' };
const staticDir = 'target/bench';

// A made-up sociale kaart of `count` services, written afresh so the figures follow the generator.
const generate = (file, count, extra = []) => new Promise((resolve, reject) =>
  spawn('node', ['scripts/generate-sociale-kaart.mjs', file, '--count', String(count), ...extra], { stdio: 'ignore' })
    .on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`generator failed for ${file}`)))));
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
  ['data: UI text nl+en (compiled into wasm)', 'content/ui/shell.nl.json', 'content/ui/shell.en.json'],
  ['data: example region pack (fetched when configured)', path.join(dist, 'regions/voorbeeldstad.json')],
  ['meldcode module, wasm + JS (loaded when opened)', path.join(dist, 'meldcode_bg.wasm'), path.join(dist, 'meldcode.js')],
  ['data: meldcode content (compiled into its module)', 'content/meldcode.json'],
  ['data: meldcode UI text nl+en (compiled into its module)', 'content/ui/meldcode.nl.json', 'content/ui/meldcode.en.json'],
  ['sociale kaart module, wasm + JS (loaded when opened)', path.join(dist, 'sociale-kaart_bg.wasm'), path.join(dist, 'sociale-kaart.js')],
  ['routekaart module, wasm + JS (opened from the shell)', path.join(dist, 'routekaart_bg.wasm'), path.join(dist, 'routekaart.js')],
  ['citizen shell with routekaart, wasm + JS (#/zorgen)', path.join(dist, 'citizen_bg.wasm'), path.join(dist, 'citizen.js')],
  ['zelftest module, wasm + JS (loaded when opened)', path.join(dist, 'zelftest_bg.wasm'), path.join(dist, 'zelftest.js')],
  ['data: example sociale kaart, 60 services (fetched)', path.join(dist, 'regions/voorbeeldstad-sociale-kaart.json')],
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
  const page = await browser.newPage(NO_WORKER);
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
      const context = await browser.newContext(NO_WORKER);
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

  // --- Meldcode with a full store: 200 drafts of 50 signal entries each -----------------
  const now = new Date().toISOString();
  const drafts = Array.from({ length: 200 }, (_, d) => ({
    version: 1, id: `d-bench${d}`, case_code: `BENCH-${d}`, created: now, updated: now,
    sector: 'jeugdhulp', client: 'child',
    signals: Array.from({ length: 50 }, (_, e) => ({ date: '2026-11-01', observed: `Waarneming ${e} bij casus ${d}, feitelijk beschreven.`, interpretation: `Mogelijke betekenis ${e}.` })),
  }));
  // A fresh page whose storage holds a profile and the 200 drafts.
  const pageWithDrafts = async () => {
    const context = await browser.newContext(NO_WORKER);
    const page = await context.newPage();
    await page.goto(`http://127.0.0.1:${PORT}/`);
    await page.evaluate((items) => {
      localStorage.setItem('meldwijzer:meldcode:profile', JSON.stringify({ sector: 'jeugdhulp' }));
      for (const item of items) localStorage.setItem(`meldwijzer:meldcode:dossier:${item.id}`, JSON.stringify(item));
    }, drafts);
    return { context, page };
  };
  const { context, page: p } = await pageWithDrafts();
  const storedKB = await p.evaluate(() => Object.keys(localStorage).reduce((n, k) => n + localStorage.getItem(k).length, 0) / 1024);
  const timeTo = async (action, ready) => {
    const start = Date.now();
    await action();
    await p.waitForFunction(ready);
    return Date.now() - start;
  };
  const openList = [];
  for (let i = 0; i < 5; i++) {
    openList.push(await timeTo(() => p.goto(`http://127.0.0.1:${PORT}/#/meldcode`), () => document.querySelectorAll('.mw-dossier').length === 200));
    await p.goto(`http://127.0.0.1:${PORT}/#/`);
  }
  await p.goto(`http://127.0.0.1:${PORT}/#/meldcode/d-bench7/1`);
  await p.waitForFunction(() => document.querySelectorAll('.mw-entry').length === 50);
  const switches = [];
  for (let round = 0; round < 3; round++) {
    for (const step of ['2', '3', '4', '5', '1']) {
      const ready = step === '1' ? () => document.querySelectorAll('.mw-entry').length === 50
        : new Function(`return location.hash.endsWith('/${step}') && document.querySelector('.mw-stepnav a[aria-current]')?.textContent.startsWith('${step}')`);
      switches.push(await timeTo(() => p.evaluate((s) => { location.hash = `#/meldcode/d-bench7/${s}`; }, step), ready));
    }
  }
  await context.close();
  const med = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const max = (xs) => Math.max(...xs);
  console.log(`\nMeldcode with 200 drafts of 50 entries (${storedKB.toFixed(0)} KB in localStorage)`);
  console.log(`  open the list (load module, read and parse all drafts, render 200)  median ${med(openList)} ms, max ${max(openList)} ms`);
  console.log(`  switch steps in a 50-entry dossier (${switches.length} switches)             median ${med(switches)} ms, max ${max(switches)} ms`);

  // --- The same 200 drafts encrypted at rest (PBKDF2 600,000 rounds, AES-GCM) -------------
  {
    const { context, page: q } = await pageWithDrafts();
    await q.goto(`http://127.0.0.1:${PORT}/#/meldcode`);
    await q.waitForFunction(() => document.querySelectorAll('.mw-dossier').length === 200);
    const passphrase = 'Paard batterij nietje 7';
    await q.getByLabel('Wachtwoordzin', { exact: true }).fill(passphrase);
    await q.getByLabel('Typ de wachtwoordzin nog een keer').fill(passphrase);
    const enableStart = Date.now();
    await q.getByRole('button', { name: 'Beveiliging aanzetten' }).click();
    await q.getByText('De beveiliging staat aan. Alle dossiers zijn versleuteld.').waitFor({ timeout: 120_000 });
    const enableMs = Date.now() - enableStart;
    const unlocks = [];
    const opens = [];
    for (let i = 0; i < 3; i++) {
      await q.goto('about:blank');
      await q.goto(`http://127.0.0.1:${PORT}/#/meldcode`);
      await q.getByLabel('Wachtwoordzin', { exact: true }).fill(passphrase);
      const start = Date.now();
      await q.getByRole('button', { name: 'Ontgrendelen' }).click();
      await q.waitForFunction(() => document.querySelectorAll('.mw-dossier').length === 200, null, { timeout: 120_000 });
      unlocks.push(Date.now() - start);
      const open = Date.now();
      await q.evaluate(() => { location.hash = '#/meldcode/d-bench7/1'; });
      await q.waitForFunction(() => document.querySelectorAll('.mw-entry').length === 50);
      opens.push(Date.now() - open);
    }
    await context.close();
    console.log(`\nThe same 200 drafts protected (PBKDF2-SHA-256 600,000 rounds, AES-GCM-256)`);
    console.log(`  turn protection on (derive the key, encrypt and rewrite all 200)   ${enableMs} ms`);
    console.log(`  unlock (derive the key, decrypt 200, render the list; 3 reloads)  median ${med(unlocks)} ms, max ${max(unlocks)} ms`);
    console.log(`  then open a 50-entry dossier                                       median ${med(opens)} ms, max ${max(opens)} ms`);
  }

  // --- Sociale kaart with 10,000 services ----------------------------------------------------
  const big = path.join(staticDir, 'sociale-kaart-10k.json');
  // Made afresh each run, so the figures follow the generator.
  await generate(big, 10000);
  fs.writeFileSync(path.join(staticDir, 'regio-10k.json'), JSON.stringify({
    format: 'meldwijzer-region', version: 1, region: { id: 'bench', name: 'Benchmarkregio' },
    social_map: { files: [{ format: 'hsds', path: 'sociale-kaart-10k.json' }] },
  }));
  fs.writeFileSync(path.join(staticDir, 'host-10k.html'), '<!doctype html><html lang="nl"><title>10k</title>'
    + '<div data-meldwijzer data-region="/static/regio-10k.json" data-view="sociale-kaart"></div>'
    + '<script type="module" src="/embed.js"></script></html>');
  // The module's own benchmark: pure computation in a fresh page each time (its first run is
  // what a user meets, and varies by tens of ms), no network or rendering. Medians of 5.
  const moduleBenchmark = async (files) => {
    const context = await browser.newContext(NO_WORKER);
    const page = await context.newPage();
    await page.goto(`http://127.0.0.1:${PORT}/`);
    const report = JSON.parse(await page.evaluate(async (urls) => {
      const module = await import('/sociale-kaart.js');
      await module.default();
      const texts = await Promise.all(urls.map(async (url) => (await fetch(url)).text()));
      return module.benchmark(texts);
    }, files.map((file) => `/static/${path.basename(file)}`)));
    await context.close();
    return report;
  };
  const reports = [];
  for (let i = 0; i < 5; i++) reports.push(await moduleBenchmark([big]));
  const startUp = reports.map((r) => r.import_ms + r.index_ms);
  // The run with the median start-up stands for all; its keystrokes are typical too.
  const report = reports[startUp.indexOf(med(startUp))];
  // And the whole way a user goes: page, shell, module, fetch, import, index, first results.
  const shown = [];
  for (let i = 0; i < 3; i++) {
    const context = await browser.newContext(NO_WORKER);
    const p = await context.newPage();
    await p.goto(`http://127.0.0.1:${PORT}/static/host-10k.html`, { waitUntil: 'commit' });
    await p.waitForFunction(() => /\d+ diensten gevonden/.test(document.querySelector('.mw-results__count')?.textContent ?? ''), null, { timeout: 60_000 });
    shown.push(await p.evaluate(() => performance.now()));
    await context.close();
  }
  const mb = (fs.statSync(big).size / 1024 / 1024).toFixed(1);
  const ms = (x) => `${x.toFixed(1).padStart(7)} ms`;
  console.log(`\nSociale kaart with ${report.services} services (HSDS JSON, ${mb} MB), measured in headless Chromium`);
  console.log(`  start-up, median of ${reports.length} fresh pages: import ${ms(report.import_ms)} + index ${ms(report.index_ms)} = ${ms(med(startUp))}   (budget 300 ms; min ${Math.min(...startUp).toFixed(0)}, max ${max(startUp).toFixed(0)})`);
  console.log(`  search + filter per keystroke, index   (${report.keystrokes} keystrokes)  median ${ms(report.indexed.median_ms)}  p95 ${ms(report.indexed.p95_ms)}  max ${ms(report.indexed.max_ms)}   (budget p95 10 ms)`);
  console.log(`  search + filter per keystroke, linear  (${report.linear_keystrokes} keystrokes)  median ${ms(report.linear.median_ms)}  p95 ${ms(report.linear.p95_ms)}  max ${ms(report.linear.max_ms)}`);
  console.log(`  index gain at p95: ${(report.linear.p95_ms / Math.max(report.indexed.p95_ms, 0.001)).toFixed(0)} x`);
  console.log(`  page opened to first results shown (fetch, import, index, render; 3 cold loads)  median ${med(shown).toFixed(0)} ms`);

  // --- The same search with MiniSearch, the npm package made for it, in the same Chromium ----
  // Text only (MiniSearch has no postcode, age or opening-hours filters), prefix and fuzzy
  // matching as its README recommends for search as you type: a floor for what a hand-made
  // index must beat to earn its place.
  fs.copyFileSync('node_modules/minisearch/dist/umd/index.js', path.join(staticDir, 'minisearch.js'));
  const phrases = ['schuldhulp', 'opvoeden', 'huiselijk geweld', 'buurtteam noord', 'vrouwenopvnag', 'jongerenwerk'];
  const mini = [];
  for (let i = 0; i < 5; i++) {
    const context = await browser.newContext(NO_WORKER);
    const miniPage = await context.newPage();
    await miniPage.goto(`http://127.0.0.1:${PORT}/`);
    await miniPage.addScriptTag({ url: '/static/minisearch.js' });
    mini.push(await miniPage.evaluate(async ([url, phrases]) => {
      const text = await (await fetch(url)).text();
      const started = performance.now();
      const services = JSON.parse(text).map((s) => ({ id: s.id, name: s.name, description: s.description ?? '',
        themes: (s.attributes ?? []).map((a) => a.taxonomy_term?.code ?? '').join(' ') }));
      const index = new MiniSearch({ fields: ['name', 'description', 'themes'], searchOptions: { prefix: true, fuzzy: 0.2, boost: { name: 2 } } });
      index.addAll(services);
      const startUp = performance.now() - started;
      const times = [];
      for (const phrase of phrases) {
        for (let end = 1; end <= phrase.length; end++) {
          const t = performance.now();
          index.search(phrase.slice(0, end));
          times.push(performance.now() - t);
        }
      }
      times.sort((a, b) => a - b);
      return { startUp, p95: times[Math.floor(times.length * 0.95)], median: times[Math.floor(times.length / 2)], keystrokes: times.length };
    }, ['/static/sociale-kaart-10k.json', phrases]));
    await context.close();
  }
  const miniStart = med(mini.map((m) => m.startUp));
  const miniRun = mini.find((m) => m.startUp === miniStart);
  console.log(`  MiniSearch 7.2 on the same file (text only, prefix + fuzzy; median of ${mini.length} fresh pages): start-up ${ms(miniStart)}, keystroke median ${ms(miniRun.median)} p95 ${ms(miniRun.p95)} (${miniRun.keystrokes} keystrokes)`);
  console.log(`  Meldwijzer against MiniSearch: start-up ${(med(startUp) / miniStart).toFixed(2)} x, keystroke p95 ${(report.indexed.p95_ms / Math.max(miniRun.p95, 0.001)).toFixed(2)} x (below 1 is faster)`);

  // --- Quick exit while the largest accepted data loads --------------------------------------
  // A sociale kaart file just under the 20 MB limit and a region pack just under 1 MB: "Snel
  // weg" is clicked at moments spread over the load, in a fresh page each time, and the delay
  // from the click to the request for the exit site is measured. The page's thread must never
  // keep it waiting (issue budget: 100 ms).
  // Made afresh each run: it must stay just under the limit as the generator changes.
  const largest = path.join(staticDir, 'sociale-kaart-largest.json');
  await generate(largest, 14700);
  if (fs.statSync(largest).size > 20 * 1024 * 1024) throw new Error(`${largest} is over the 20 MB limit: lower its count`);
  const example = JSON.parse(fs.readFileSync(path.join(dist, 'regions/voorbeeldstad.json'), 'utf8'));
  const contacts = [];
  while (JSON.stringify(contacts).length < 1000 * 1024 - 20 * 1024) {
    for (const contact of example.contacts) contacts.push({ ...contact, id: `${contact.id}-${contacts.length}` });
  }
  const packFile = path.join(staticDir, 'regio-largest.json');
  fs.writeFileSync(packFile, JSON.stringify({ ...example, contacts,
    social_map: { files: [{ format: 'hsds', path: 'sociale-kaart-largest.json' }] } }));
  fs.writeFileSync(path.join(staticDir, 'host-largest.html'), '<!doctype html><html lang="nl"><title>largest</title>'
    + '<div data-meldwijzer data-region="/static/regio-largest.json" data-view="sociale-kaart" data-exit-url="https://exit.invalid/"></div>'
    + '<script type="module" src="/embed.js"></script></html>');
  const delays = [];
  let loadMs = 0;
  let idleMs = 0;
  for (const at of [150, 300, 450, 600, 750, 900, 1050, 1200, 1400, 1600]) {
    const context = await browser.newContext(NO_WORKER);
    const p = await context.newPage();
    let left = null;
    await context.route('https://exit.invalid/**', (route) => { left ??= Date.now(); route.fulfill({ body: 'weg' }); });
    const opened = Date.now();
    await p.goto(`http://127.0.0.1:${PORT}/static/host-largest.html`, { waitUntil: 'commit' });
    const button = p.getByRole('button', { name: 'Snel weg' });
    await button.waitFor();
    const box = await button.boundingBox();
    await p.waitForTimeout(Math.max(0, at - (Date.now() - opened)));
    const loading = await p.evaluate(() => !/\d+ diensten gevonden/.test(document.querySelector('.mw-results__count')?.textContent ?? ''));
    const clicked = Date.now();
    await p.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await p.waitForURL('https://exit.invalid/**', { timeout: 60_000 });
    if (loading) delays.push(left - clicked);
    await context.close();
  }
  {
    const context = await browser.newContext(NO_WORKER);
    const p = await context.newPage();
    const opened = Date.now();
    await p.goto(`http://127.0.0.1:${PORT}/static/host-largest.html`, { waitUntil: 'commit' });
    await p.waitForFunction(() => /\d+ diensten gevonden/.test(document.querySelector('.mw-results__count')?.textContent ?? ''), null, { timeout: 60_000 });
    loadMs = Date.now() - opened;
    // The same click on an idle page: what the browser and the measurement cost by themselves.
    let left = null;
    await context.route('https://exit.invalid/**', (route) => { left ??= Date.now(); route.fulfill({ body: 'weg' }); });
    const box = await p.getByRole('button', { name: 'Snel weg' }).boundingBox();
    const clicked = Date.now();
    await p.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await p.waitForURL('https://exit.invalid/**');
    idleMs = left - clicked;
    await context.close();
  }
  // Import time against size: linear, or the per-1,000 figure would grow. 50,000 services are
  // more than one file may hold (20 MB), so they come as four files, as a region would.
  const small = path.join(staticDir, 'sociale-kaart-1k.json');
  await generate(small, 1000);
  const quarters = [0, 1, 2, 3].map((k) => path.join(staticDir, `sociale-kaart-50k-${k}.json`));
  for (const [k, file] of quarters.entries()) {
    await generate(file, 12500, ['--seed', String(k + 7), '--first', String(k * 12500)]);
    if (fs.statSync(file).size > 20 * 1024 * 1024) throw new Error(`${file} is over the 20 MB limit`);
  }
  const sized = [];
  for (const files of [[small], [big], quarters]) {
    const runs = [];
    for (let i = 0; i < 3; i++) runs.push(await moduleBenchmark(files));
    const run = runs.sort((a, b) => a.import_ms - b.import_ms)[1];
    sized.push(run);
  }
  console.log('\nSociale kaart import against size (median of 3 fresh pages each)');
  for (const run of sized) {
    console.log(`  ${String(run.services).padStart(6)} services: import ${run.import_ms.toFixed(0).padStart(5)} ms + index ${run.index_ms.toFixed(0).padStart(4)} ms  (${(1000 * run.import_ms / run.services).toFixed(1)} ms per 1,000 services)`);
  }

  const largestMb = (fs.statSync(largest).size / 1024 / 1024).toFixed(1);
  const packKb = (fs.statSync(packFile).size / 1024).toFixed(0);
  console.log(`\nQuick exit while the largest accepted data loads (region pack ${packKb} KB with ${contacts.length} contacts, sociale kaart ${largestMb} MB)`);
  console.log(`  page opened to first results: ${loadMs} ms; ${delays.length} clicks on "Snel weg" during that load`);
  console.log(`  click to leaving: median ${med(delays)} ms, max ${max(delays)} ms   (budget 100 ms; the same click on an idle page: ${idleMs} ms)`);

  // --- Each journey on a phone, from the bench's compressing server on the same port ---------
  await new Promise((resolve) => { server.on('exit', resolve); server.kill(); });
  const compressing = await startServer(dist);
  try {
    await phoneJourneys(browser, { runs: phoneRuns });
  } finally {
    await compressing.stop();
  }
} finally {
  await browser.close();
  server.kill();
}
