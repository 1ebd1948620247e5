// Trunk post-build hook (after the capabilities and embed.js's start-up are in place): writes
// DIR/sw.js from public/sw.js with this release's version and the files it precaches, so each
// release is a new worker (the browser installs it beside the old one, and it waits).
// Precached: everything the app needs on its own origin; not the example region and host page,
// nor Beheer.
// Usage: node scripts/write-service-worker.mjs DIR
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const dir = process.argv[2];
if (!dir || !fs.existsSync(path.join(dir, 'index.html'))) {
  console.error(`write-service-worker: ${dir ?? '(no folder given)'} has no index.html`);
  process.exit(1);
}
const template = fs.readFileSync(path.join(path.dirname(fileURLToPath(import.meta.url)), '../public/sw.js'), 'utf8');
// Beheer is for a gemeente's editors, not for the professionals who install the app: it loads
// from the network when opened, and is not downloaded onto every professional's device.
// FILE.br and FILE.gz (scripts/precompress.mjs, when run on a folder again) are FILE itself as
// a host sends it compressed, never a file of their own.
const left = (name) => name === 'sw.js' || name === 'voorbeeld.html' || name.startsWith('regions/') || name.endsWith('.map')
  || /^beheer[._]/.test(name) || /\.(br|gz)$/.test(name);
const list = (sub) => fs.readdirSync(path.join(dir, sub), { withFileTypes: true }).flatMap((entry) => {
  const name = sub ? `${sub}/${entry.name}` : entry.name;
  return entry.isDirectory() ? list(name) : [name];
});
const files = list('').filter((name) => !left(name)).sort();
const hash = createHash('sha256');
for (const name of files) hash.update(name).update('\0').update(fs.readFileSync(path.join(dir, name))).update('\0');
const version = hash.digest('hex').slice(0, 16);

const filled = template
  .replace(/^const VERSION = .*;$/m, `const VERSION = ${JSON.stringify(version)};`)
  .replace(/^const FILES = .*;$/m, `const FILES = ${JSON.stringify(files)};`);
if (!filled.includes(version) || !filled.includes(JSON.stringify(files))) {
  console.error('write-service-worker: public/sw.js lost its "const VERSION = …;" or "const FILES = …;" line');
  process.exit(1);
}
fs.writeFileSync(path.join(dir, 'sw.js'), filled);
console.log(`write-service-worker: ${files.length} files, version ${version}`);
