// Trunk post-build hook (release only; after embed.js's start-up, before the service worker
// lists the files): puts the app's own first screens into DIR/index.html as HTML, so on a slow
// phone a citizen sees and can follow the home screen and the burger's questions before any
// wasm has arrived (issue 16). The screens are the app's own render: the release in DIR is
// opened in headless Chromium, each screen is taken from the page, and its links (all `#/…`
// hashes) keep working without script through CSS `:target`. When the wasm starts it replaces
// the whole block (src/shell/mount.rs), showing the same screen for the same hash.
//
// What is pre-rendered: home, the professional's start, every screen of the citizen route
// (content/routes.json from `citizen_start`), and the meldcode's first screen as a first visitor
// sees it (no profile, no dossiers). That one is marked `data-first-visit`: embed.js removes it
// when this browser has stored anything of ours, so a returning professional sees "loading",
// never an empty list that is not theirs. Form controls are disabled until the wasm runs: what
// is typed into a pre-rendered field would be lost when the app takes over. What holds only at
// the moment it is drawn (`data-clock`: "Nu open") is left out.
//
// voorbeeld.html, the example gemeente page, gets the same screens with its region pack, and the
// sociale kaart's first results (a first visit's: "my list" is empty); the sociale kaart keeps
// that copy in front until its module has read the gemeente's files (src/shell/capability.rs
// `keep_copy_until`).
//
// Usage: node scripts/prerender.mjs DIR   (MELDWIJZER_PRERENDER=0 leaves the pages as they are)
import { chromium } from '@playwright/test';
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const dir = process.argv[2];
const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const say = (text) => console.log(`prerender: ${text}`);
const fail = (text) => {
  console.error(`prerender: ${text}`);
  process.exit(1);
};

if (process.env.MELDWIJZER_PRERENDER === '0' || process.env.TRUNK_PROFILE === 'debug') {
  say('skipped (debug build or MELDWIJZER_PRERENDER=0): index.html keeps its plain start-up text');
  process.exit(0);
}
const indexFile = path.join(dir ?? '', 'index.html');
if (!dir || !fs.existsSync(indexFile)) fail(`${dir ?? '(no folder given)'} has no index.html`);
const BROWSER = process.env.CHROMIUM ?? '/usr/bin/chromium';
if (!fs.existsSync(BROWSER)) {
  say(`skipped: no Chromium at ${BROWSER} (scripts/setup installs it); the app starts without pre-rendered screens`);
  process.exit(0);
}

// A page's fallback text, in an element of its own (a release build drops HTML comments).
const FALLBACK = /<meldwijzer-prerender>[\s\S]*?<\/meldwijzer-prerender>/;

// The screens: home, the professional's start, and the citizen route node by node.
const routes = JSON.parse(fs.readFileSync(path.join(root, 'content/routes.json'), 'utf8'));
const nodes = new Map(routes.nodes.map((node) => [node.id, node]));
const citizen = [];
const queue = [routes.citizen_start];
while (queue.length) {
  const id = queue.shift();
  if (citizen.includes(id) || !nodes.has(id)) continue;
  citizen.push(id);
  // Every node id named anywhere in this node (answers, "next" steps) is a screen a link leads to.
  const named = [];
  const walk = (value) => {
    if (typeof value === 'string' && nodes.has(value) && value !== id) named.push(value);
    else if (Array.isArray(value)) value.forEach(walk);
    else if (value && typeof value === 'object') Object.values(value).forEach(walk);
  };
  walk({ ...nodes.get(id), id: undefined });
  queue.push(...named);
}
// `#/zorgen/<start>` (the way back to the first question) is the same screen as `#/zorgen`.
const aliases = [[`/zorgen/${routes.citizen_start}`, '/zorgen']];
const screens = ['/', '/professional', '/meldcode', '/zorgen', ...citizen.filter((id) => id !== routes.citizen_start).map((id) => `/zorgen/${id}`)];
// The pages, and their screens: the sociale kaart only where a region pack has one.
const PAGES = [
  { file: 'index.html', screens },
  { file: 'voorbeeld.html', screens: [...screens, '/sociale-kaart'] },
];
// Screens whose content depends on what a user stored: shown only on a first visit.
const FIRST_VISIT = ['/meldcode', '/sociale-kaart'];

const freePort = () => new Promise((resolve) => {
  const server = net.createServer().listen(0, '127.0.0.1', () => {
    const { port } = server.address();
    server.close(() => resolve(port));
  });
});
const port = await freePort();
const server = spawn('node', [path.join(root, 'scripts/serve.mjs'), '--port', String(port), `/=${dir}`], { stdio: ['ignore', 'pipe', 'inherit'] });
await new Promise((resolve) => server.stdout.once('data', resolve));

const ui = JSON.parse(fs.readFileSync(path.join(root, 'content/ui/shell.nl.json'), 'utf8'));
// "Loading" as a capability's slot and the sociale kaart say it: a screen is taken once neither shows.
const LOADING = [ui['capability.loading'], JSON.parse(fs.readFileSync(path.join(root, 'content/ui/sociale-kaart.nl.json'), 'utf8'))['social_map.loading']];
let browser;
// Which screen shows: the one whose target the hash names; home when none does. One rule per
// screen of any page (the pages share the style sheet).
const css = new Set([
  '/* Pre-rendered first screens (scripts/prerender.mjs), shown before the wasm starts. */',
  '.mw-prerender { position: relative; }',
  '.mw-prerender__target { position: absolute; top: 0; }',
  '.mw-prerender__screen, .mw-prerender__wait { display: none; }',
  '.mw-prerender__screen[data-screen="/"] { display: block; }',
  '.mw-prerender__target:target ~ .mw-prerender__screen[data-screen="/"] { display: none; }',
  '.mw-prerender[data-missing] > .mw-prerender__screen { display: none; }',
  '.mw-prerender[data-missing] > .mw-prerender__wait { display: block; }',
]);
const shows = (target, screen) => `.mw-prerender__target[id="${target}"]:target ~ .mw-prerender__screen[data-screen="${screen}"] { display: block; }`;
try {
  browser = await chromium.launch({ executablePath: BROWSER });
  // No service worker, no stored language: what a first visitor sees.
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  for (const { file, screens } of PAGES) {
    const pageFile = path.join(dir, file);
    const html = fs.readFileSync(pageFile, 'utf8');
    if (!FALLBACK.test(html)) fail(`${file} lost its <meldwijzer-prerender> … </meldwijzer-prerender> fallback`);
    // Without the style sheet every screen shows at once, until embed.js has added it.
    const head = html.split(/<body[\s>]/)[0];
    const styled = (head.match(/<link\b[^>]*>/g) ?? []).some((tag) => tag.includes('meldwijzer.css') && /rel=["']?stylesheet/.test(tag));
    if (!styled) fail(`${file} must link meldwijzer.css in its <head>`);
    const block = await prerender(page, file, screens);
    fs.writeFileSync(pageFile, html.replace(FALLBACK, () => block));
    screens.forEach((screen) => css.add(shows(screen, screen)));
    say(`${screens.length} screens into ${file} (${(block.length / 1024).toFixed(1)} KB before compression)`);
  }
  const cssFile = path.join(dir, 'meldwijzer.css');
  aliases.forEach(([alias, screen]) => css.add(shows(alias, screen)));
  fs.appendFileSync(cssFile, `\n${[...css].join('\n')}\n`);
  // Trunk gave the style sheet a subresource integrity hash: it must be the changed file's.
  const integrity = `sha384-${createHash('sha384').update(fs.readFileSync(cssFile)).digest('base64')}`;
  const links = /(<link[^>]*meldwijzer\.css[^>]*integrity=)("?)sha384-[A-Za-z0-9+/=]+\2/g;
  fs.writeFileSync(indexFile, fs.readFileSync(indexFile, 'utf8').replace(links, (_, start, quote) => `${start}${quote}${integrity}${quote}`));
} finally {
  await browser?.close();
  server.kill();
}

// The block of pre-rendered screens for `file`.
async function prerender(page, file, screens) {
  const taken = [];
  for (const [index, screen] of screens.entries()) {
    // A fresh load per screen: a hash change alone can leave the previous screen in place for
    // a moment, and that moment would be taken as this screen.
    await page.goto('about:blank');
    await page.goto(`http://127.0.0.1:${port}/${file}#${screen}`);
    await page.locator('.meldwijzer .mw-screen h1').first().waitFor();
    await page.waitForLoadState('networkidle');
    // The capability's own module draws its screen after loading, the sociale kaart after
    // reading its files: wait until neither says "loading".
    await page.waitForFunction((loading) => ![...document.querySelectorAll('.mw-screen [role="status"]')].some((status) => loading.some((text) => status.textContent.includes(text))), LOADING);
    const captured = await page.evaluate(({ index, notFoundTitle }) => {
      const screen = document.querySelector('[data-meldwijzer] .meldwijzer .mw-screen').cloneNode(true);
      // Ids are made unique per screen (every screen sits in one page), references follow.
      const prefix = `mw-pre${index}-`;
      const renamed = new Map();
      for (const element of screen.querySelectorAll('[id]')) {
        renamed.set(element.id, prefix + element.id);
        element.id = prefix + element.id;
      }
      for (const element of screen.querySelectorAll('[for], [aria-labelledby], [aria-describedby], [aria-controls], [href^="#"]')) {
        for (const name of ['for', 'aria-labelledby', 'aria-describedby', 'aria-controls']) {
          const value = element.getAttribute(name);
          if (value) element.setAttribute(name, value.split(' ').map((id) => renamed.get(id) ?? id).join(' '));
        }
        const href = element.getAttribute('href');
        if (href && renamed.has(href.slice(1))) element.setAttribute('href', `#${renamed.get(href.slice(1))}`);
      }
      // No inline style (the CSP refuses it), nothing that holds only now ("Nu open").
      for (const element of screen.querySelectorAll('[style]')) element.removeAttribute('style');
      for (const element of screen.querySelectorAll('[data-clock]')) element.remove();
      // A capability's slot in the copy is no slot: its module mounts into the app's own, and
      // the region pack it carried is the page's to load, not the copy's to repeat.
      for (const element of screen.querySelectorAll('[data-meldwijzer-capability]')) {
        for (const name of ['data-meldwijzer-capability', 'data-capability-data', 'data-capability-screen']) element.removeAttribute(name);
      }
      for (const control of screen.querySelectorAll('button, input, select, textarea')) control.setAttribute('disabled', '');
      const notFound = screen.querySelector('h1')?.textContent?.trim() === notFoundTitle;
      return { screen: screen.innerHTML, notFound };
    }, { index, notFoundTitle: ui['title.not_found'] });
    if (captured.notFound) fail(`${file}#${screen} is not a screen of the app ("${ui['title.not_found']}")`);
    taken.push({ screen, html: captured.screen });
  }

  // The chrome (quick exit, safety bar, bar, footer) once, from the page as it stands, without
  // what only works with the app's code (the language switch, live regions), with every screen
  // in it; targets first, so `:target ~ screen` can show the one the hash names.
  return page.evaluate(({ taken, aliases, waiting, firstVisit }) => {
    const app = document.querySelector('[data-meldwijzer] .meldwijzer').cloneNode(true);
    for (const element of app.querySelectorAll('[style]')) element.removeAttribute('style');
    for (const element of app.querySelectorAll('.mw-lang, [aria-live]')) element.remove();
    app.classList.add('mw-prerender');
    app.setAttribute('lang', 'nl');
    const place = app.querySelector('.mw-screen');
    const targets = [...taken.map(({ screen }) => screen), ...aliases.map(([alias]) => alias)]
      .map((id) => `<span class="mw-prerender__target" id="${id}"></span>`).join('');
    // `data-also`: the other hashes that show this screen (the shell keeps the screens for a
    // capability's slot until its module arrives: src/shell/prerendered.rs).
    const also = (screen) => aliases.filter(([, target]) => target === screen).map(([alias]) => alias).join(' ');
    const bodies = taken.map(({ screen, html }) => `<div class="mw-screen mw-prerender__screen" data-screen="${screen}"${also(screen) ? ` data-also="${also(screen)}"` : ''}${firstVisit.includes(screen) ? ' data-first-visit' : ''}>${html}</div>`).join('\n');
    // Shown instead when a link leads to a screen that is not here (public/embed.js marks it).
    const wait = document.createElement('div');
    wait.className = 'mw-screen mw-prerender__wait';
    wait.innerHTML = '<p class="mw-notice"></p>';
    wait.firstChild.textContent = waiting;
    place.outerHTML = `${targets}\n${bodies}\n${wait.outerHTML}`;
    return app.outerHTML;
  }, { taken, aliases, waiting: ui['capability.loading'], firstVisit: FIRST_VISIT });
}
