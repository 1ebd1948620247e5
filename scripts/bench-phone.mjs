// Each journey's first useful screen on a phone, next to a static HTML twin of the same screen.
// Lighthouse's "Slow 4G" (150 ms round trip, 1.6 Mbps down, 750 Kbps up) and a 4x slower CPU,
// through Chromium's DevTools protocol; served compressed as a real static host does
// (scripts/serve.mjs --compress); each load cold (a new context, cache disabled); app and twin
// interleaved; medians. The twin is the app's own rendered screen without its scripts, with the
// stylesheets kept as links, so the ratio is what the app costs over plain HTML in the same run.
// Run by scripts/bench.mjs, or on its own after a release build:
//   node scripts/bench-phone.mjs [--phone-runs 3]
import { chromium } from '@playwright/test';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const PORT = 4190;
const ORIGIN = `http://127.0.0.1:${PORT}`;
const TWINS = 'target/bench/twins';
// Lighthouse's mobile profile ("Slow 4G", devtools throttling) and its 4x CPU slowdown.
const SLOW_4G = { offline: false, latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8 };
const CPU_SLOWDOWN = 4;

// Any visible heading: index.html also holds the pre-rendered screens that are not shown.
const heading = (text) => new Function(`return [...document.querySelectorAll('.meldwijzer .mw-screen h1')]
  .some((h) => h.textContent.trim() === ${JSON.stringify(text)} && h.getClientRects().length > 0);`);
// The app itself runs (not the pre-rendered screens of index.html, scripts/prerender.mjs).
const APP_RUNS = "[...document.querySelectorAll('[data-meldwijzer-mounted] .meldwijzer:not(.mw-prerender) .mw-screen h1:not(.mw-prerender-copy h1)')].some((h) => h.getClientRects().length > 0)";

// A journey: where it starts, what the user does (app only: the twin already shows the end),
// when its screen is useful (the same condition on app and twin), and its budget.
export const ALL_JOURNEYS = [
  {
    id: 'home', label: 'home (/)', url: '/', budget: { ratio: 1.3 },
    ready: () => !!document.querySelector('.meldwijzer .mw-door') && document.querySelector('.meldwijzer .mw-door').getClientRects().length > 0,
  },
  {
    id: 'burger-first-question', label: 'burger, #/zorgen: "Is er nu direct gevaar?" and its answers', url: '/#/zorgen', budget: { ratio: 1.3 },
    ready: new Function(`return (${heading('Is er nu direct gevaar?')})()
      && [...document.querySelectorAll('.meldwijzer .mw-screen a')].some((a) => a.textContent.includes('Ja, er is nu gevaar') && a.getClientRects().length > 0)
      && [...document.querySelectorAll('.meldwijzer .mw-screen a')].some((a) => a.textContent.includes('Nee, maar ik maak me zorgen') && a.getClientRects().length > 0);`),
    next: { label: 'answer "Nee, maar ik maak me zorgen"', link: 'Nee, maar ik maak me zorgen' },
  },
  {
    id: 'burger-local-team', label: 'burger to the local team for postcode 3312 (voorbeeld.html)', url: '/voorbeeld.html#/zorgen', budget: { kb: 250 },
    steps: async (page) => {
      // The page's pre-rendered screens hold these links too (the first one shown is this one).
      await page.getByRole('link', { name: 'Nee, maar ik maak me zorgen' }).locator('visible=true').first().click();
      await page.getByRole('link', { name: 'Een kind', exact: true }).locator('visible=true').first().click();
      // The app's own field: the pre-rendered ones wait, disabled, for it.
      await page.locator('.meldwijzer:not(.mw-prerender)').getByLabel('Je postcode of wijk').fill('3312');
    },
    // The local team for the postcode, from the gemeente's pack, with its number to call.
    ready: () => [...document.querySelectorAll('.meldwijzer .mw-screen .mw-card')].some((card) => card.querySelector('h3')?.textContent.includes('Buurtteam Noord')
      && [...card.querySelectorAll('a[href^="tel:"]')].some((a) => a.getClientRects().length > 0)),
    // Then the route's "where to go" card, which asks the sociale kaart's module: measured too.
    after: { label: 'the route\'s "where to go" card (the sociale kaart\'s module answers)', ready: () => [...document.querySelectorAll('.mw-route-find a')].some((a) => a.textContent.includes('Buurtteam Noord') && a.getClientRects().length > 0) },
  },
  {
    id: 'meldcode', label: 'professional, #/meldcode first screen', url: '/#/meldcode', budget: { ratio: 2 },
    ready: new Function(`return (${heading('Meldcode: de vijf stappen')})()
      && [...document.querySelectorAll('.meldwijzer .mw-screen a')].some((a) => a.textContent.includes('Profiel invullen') && a.getClientRects().length > 0);`),
    next: { label: '"Profiel invullen"', link: 'Profiel invullen' },
  },
  {
    id: 'sociale-kaart', label: 'sociale kaart in voorbeeld.html (60 services), first results', url: '/voorbeeld.html#/sociale-kaart', budget: { ratio: 2 },
    ready: () => /\d+ diensten gevonden/.test(document.querySelector('.mw-results__count')?.textContent ?? '')
      && !!document.querySelector('.mw-results > li h3') && document.querySelector('.mw-results > li h3').getClientRects().length > 0,
    next: { label: 'the first result', selector: '.mw-results > li h3 a' },
    // The first results are voorbeeld.html's pre-rendered copy: when the module's own are there
    // (it has read the gemeente's files), searching works.
    after: { label: 'its own results, searchable (the sociale kaart\'s module has read the files)', ready: () => [...document.querySelectorAll('.mw-results')].some((list) => !list.closest('.mw-prerender, .mw-prerender-copy') && list.getClientRects().length > 0) },
  },
  {
    id: 'zelftest', label: 'zelftest, first question of "Ben ik klaar om te handelen?"', url: '/#/zelftest/professional', budget: null,
    ready: () => [...document.querySelectorAll('.meldwijzer .mw-screen fieldset')].some((f) => f.querySelector('input[type="radio"]') && f.getClientRects().length > 0),
  },
];

// The ready condition, answering the page's clock when it holds (a function, not a string: a
// string would be eval'd, which the app's Content-Security-Policy refuses).
const readyExpression = (journey) => new Function(`return (${journey.ready.toString()})() && performance.now();`);

// The bench's own compressing server on PORT, resolved once it listens.
export async function startServer(dist = 'dist') {
  fs.mkdirSync(TWINS, { recursive: true });
  const server = spawn('node', ['scripts/serve.mjs', '--port', String(PORT), '--compress', '/=' + dist, '/twins/=' + TWINS], { stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise((resolve, reject) => {
    server.stdout.on('data', (chunk) => { if (String(chunk).includes('serving on')) resolve(); });
    server.on('exit', (code) => reject(new Error(`scripts/serve.mjs stopped (${code}): is port ${PORT} in use?`)));
  });
  return { stop: () => new Promise((resolve) => { server.on('exit', resolve); server.kill(); }) };
}

// Loads the app's screen once, unthrottled, and writes what it rendered as a page without scripts.
async function writeTwin(browser, journey) {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  await page.goto(ORIGIN + journey.url);
  if (journey.steps) await journey.steps(page);
  await page.waitForFunction(readyExpression(journey), null, { timeout: 60_000 });
  // The twin is the app's own render, not the pre-rendered block it replaces.
  await page.waitForFunction(new Function(`return ${APP_RUNS} && (${readyExpression(journey).toString()})();`), null, { timeout: 60_000 });
  const html = await page.evaluate(() => {
    // Absolute addresses for the stylesheets, which stay links to the app's own files.
    document.querySelectorAll('link[rel="stylesheet"]').forEach((link) => link.setAttribute('href', link.href));
    const doc = document.documentElement.cloneNode(true);
    doc.querySelectorAll('script, link[rel="modulepreload"], link[rel="preload"], link[rel="manifest"], meta[http-equiv]').forEach((n) => n.remove());
    return '<!doctype html>\n' + doc.outerHTML;
  });
  await context.close();
  fs.writeFileSync(path.join(TWINS, `${journey.id}.html`), html);
  return `/twins/${journey.id}.html`;
}

// One cold, throttled load: time from navigation to the ready condition, and bytes on the wire.
async function measureOnce(browser, url, journey, withSteps) {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  let bytes = 0;
  const encodings = new Set();
  cdp.on('Network.loadingFinished', (event) => { bytes += event.encodedDataLength; });
  cdp.on('Network.responseReceived', (event) => {
    const headers = Object.fromEntries(Object.entries(event.response.headers).map(([k, v]) => [k.toLowerCase(), v]));
    if (headers['content-encoding']) encodings.add(headers['content-encoding']);
  });
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Network.emulateNetworkConditions', SLOW_4G);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
  page.setDefaultTimeout(120_000);
  await page.goto(ORIGIN + url, { waitUntil: 'commit' });
  if (withSteps && journey.steps) await journey.steps(page);
  const handle = await page.waitForFunction(readyExpression(journey), null, { timeout: 120_000, polling: 'raf' });
  const ms = await handle.jsonValue();
  const transferred = bytes;
  // When the wasm has taken over from pre-rendered screens (the same as `ms` where there are none).
  const runs = withSteps
    ? await (await page.waitForFunction(new Function(`return ${APP_RUNS} && performance.now();`), null, { timeout: 120_000, polling: 'raf' })).jsonValue()
    : ms;
  // What the same screen shows later (the route's "where to go", the sociale kaart's own
  // results), with all bytes by then; before the click below leaves the screen.
  let after = null;
  if (withSteps && journey.after) {
    const at = await (await page.waitForFunction(readyExpression(journey.after), null, { timeout: 120_000, polling: 'raf' })).jsonValue();
    after = { ms: at, bytes };
  }
  // The capability's next screen after a click, once it runs: from the click (in the page, so
  // no DevTools round trip is counted) until another heading shows.
  let next = null;
  if (withSteps && journey.next) {
    await page.evaluate(({ link, selector }) => {
      const visible = (e) => e.getClientRects().length > 0;
      const target = selector
        ? [...document.querySelectorAll(selector)].find(visible)
        : [...document.querySelectorAll('.meldwijzer:not(.mw-prerender) .mw-screen a')].find((a) => visible(a) && a.textContent.includes(link));
      window.__mwBefore = document.querySelector('.meldwijzer .mw-screen h1')?.textContent;
      window.__mwClicked = performance.now();
      target.click();
    }, journey.next);
    next = await (await page.waitForFunction(() => {
      const h1 = [...document.querySelectorAll('.meldwijzer:not(.mw-prerender) .mw-screen h1')].find((h) => h.getClientRects().length > 0);
      return !!h1 && h1.textContent !== window.__mwBefore && performance.now() - window.__mwClicked;
    }, null, { timeout: 60_000, polling: 'raf' })).jsonValue();
  }
  await context.close();
  return { ms, runs, next, after, bytes: transferred, encodings: [...encodings] };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

export async function phoneJourneys(browser, { runs = 3, only = null } = {}) {
  const JOURNEYS = only ? ALL_JOURNEYS.filter((journey) => only.includes(journey.id)) : ALL_JOURNEYS;
  const twins = {};
  for (const journey of JOURNEYS) twins[journey.id] = await writeTwin(browser, journey);
  const results = Object.fromEntries(JOURNEYS.map((j) => [j.id, { app: [], twin: [] }]));
  const encodings = new Set();
  // Interleaved: each run goes through every journey, app then twin, so a busy moment on the
  // machine falls on both sides.
  for (let run = 0; run < runs; run++) {
    for (const journey of JOURNEYS) {
      const app = await measureOnce(browser, journey.url, journey, true);
      const twin = await measureOnce(browser, twins[journey.id], journey, false);
      results[journey.id].app.push(app);
      results[journey.id].twin.push(twin);
      [...app.encodings, ...twin.encodings].forEach((e) => encodings.add(e));
    }
  }
  const [load1] = os.loadavg();
  console.log(`\nFirst useful screen on a phone: Slow 4G (150 ms RTT, 1.6 Mbps down, 750 Kbps up), CPU ${CPU_SLOWDOWN}x slower,`);
  console.log(`served compressed (${[...encodings].join(', ') || 'none'}), cold, app and static twin interleaved, median of ${runs} (load average ${load1.toFixed(1)} on ${os.cpus().length} cores)`);
  console.log(`  ${'journey'.padEnd(64)}${'app'.padStart(8)}${'twin'.padStart(8)}${'ratio'.padStart(8)}${'transferred (twin)'.padStart(20)}${'wasm runs'.padStart(11)}   budget`);
  const rows = [];
  for (const journey of JOURNEYS) {
    const r = results[journey.id];
    const app = median(r.app.map((x) => x.ms));
    const twin = median(r.twin.map((x) => x.ms));
    const runs = median(r.app.map((x) => x.runs));
    const kb = median(r.app.map((x) => x.bytes)) / 1024;
    const twinKb = median(r.twin.map((x) => x.bytes)) / 1024;
    const ratio = app / twin;
    let budget = '';
    if (journey.budget?.ratio) budget = `${journey.budget.ratio}x twin: ${ratio <= journey.budget.ratio ? 'within' : 'OVER'}`;
    if (journey.budget?.kb) budget = `${journey.budget.kb} KB: ${kb <= journey.budget.kb ? 'within' : 'OVER'}`;
    const s = (x) => `${(x / 1000).toFixed(2)} s`;
    console.log(`  ${journey.label.padEnd(64)}${s(app).padStart(8)}${s(twin).padStart(8)}${(ratio.toFixed(1) + 'x').padStart(8)}${`${kb.toFixed(0)} KB (${twinKb.toFixed(0)})`.padStart(20)}${s(runs).padStart(11)}   ${budget}`);
    if (journey.next) {
      const next = median(r.app.map((x) => x.next));
      console.log(`    then ${journey.next.label}: next screen ${next.toFixed(0)} ms after the click   (budget 300 ms: ${next <= 300 ? 'within' : 'OVER'})`);
      rows.push({ id: `${journey.id}-next`, next });
    }
    if (journey.after) {
      const at = median(r.app.map((x) => x.after.ms));
      const total = median(r.app.map((x) => x.after.bytes)) / 1024;
      console.log(`    then ${journey.after.label}: at ${(at / 1000).toFixed(2)} s, ${total.toFixed(0)} KB transferred by then`);
      rows.push({ id: `${journey.id}-after`, app: at, kb: total });
    }
    rows.push({ id: journey.id, app, twin, ratio, kb, twinKb, runs, budget });
  }
  return rows;
}

// On its own: `node scripts/bench-phone.mjs [--phone-runs 3]` against the current dist/.
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const i = process.argv.indexOf('--phone-runs');
  const runs = (i > 0 && Number(process.argv[i + 1])) || 3;
  // `--only meldcode,home`: some journeys (their ids above), e.g. while working on one.
  const o = process.argv.indexOf('--only');
  const only = o > 0 ? process.argv[o + 1].split(',') : null;
  const server = await startServer();
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
  });
  try {
    await phoneJourneys(browser, { runs, only });
  } finally {
    await browser.close();
    await server.stop();
  }
}
