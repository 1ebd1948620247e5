// Trunk post-build hook: trunk starts the app with an inline <script type="module">, which a
// strict Content-Security-Policy refuses unless it carries a hash or nonce. Our index.html
// starts the same way a gemeente's page does instead: with embed.js, a file of its own.
// Usage: node start-without-inline-script.mjs DIR/index.html
import { readFileSync, writeFileSync } from 'node:fs';

const path = process.argv[2];
const html = readFileSync(path, 'utf8');
const inline = /<script type="?module"?>[\s\S]*?<\/script>/g;
const found = html.match(inline) ?? [];
if (found.length !== 1 || !found[0].includes('meldwijzer')) {
  console.error(`${path}: expected one inline start-up script from trunk, found ${found.length}`);
  process.exit(1);
}
// Trunk also preloads the shell's script and wasm; embed.js chooses between the plain shell and
// the citizen one (with the routekaart) from the address, so a preload could fetch the wrong one.
const shellPreload = (tag) => /\brel="?(?:module)?preload\b/.test(tag) && /\bhref="?\.\/meldwijzer(?:\.js|_bg\.wasm)"?[\s>]/.test(tag);
const started = html.replace(inline, '<script type="module" src="./embed.js"></script>');
writeFileSync(path, started.replace(/<link\b[^>]*>/g, (tag) => (shellPreload(tag) ? '' : tag)));
