// Trunk post-build hook, the last one (prerender and the service worker change files, so it runs
// after them): writes FILE.br (brotli 11) and FILE.gz (gzip 9) beside each text and wasm file of
// DIR, for a host that serves precompressed files (nginx `brotli_static on; gzip_static on;`,
// scripts/serve.mjs --compress). Brotli 11 is too slow for each request (some 20 s for a
// release, most of it Beheer's wasm), but done once it makes the wasm about 12 % smaller than
// the brotli 5 that hosts use on the fly.
// Usage: node scripts/precompress.mjs [DIR]   (default $TRUNK_STAGING_DIR, else dist;
// MELDWIJZER_PRECOMPRESS=0 or a debug build writes nothing)
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import zlib from 'node:zlib';

const dir = process.argv[2] || process.env.TRUNK_STAGING_DIR || 'dist';
const say = (text) => console.log(`precompress: ${text}`);
if (process.env.MELDWIJZER_PRECOMPRESS === '0' || process.env.TRUNK_PROFILE === 'debug') {
  // A debug wasm is many times larger: brotli 11 would slow each rebuild, and no host sees it.
  say('skipped (debug build or MELDWIJZER_PRECOMPRESS=0)');
  process.exit(0);
}
if (!fs.statSync(dir, { throwIfNoEntry: false })?.isDirectory()) {
  console.error(`precompress: ${dir} is not a folder`);
  process.exit(1);
}

// The types scripts/serve.mjs and the usual hosts compress; wasm is binary, the rest text.
const TEXT = new Set(['.html', '.js', '.mjs', '.css', '.json', '.webmanifest', '.svg', '.csv', '.txt']);
const compressible = (name) => TEXT.has(path.extname(name)) || path.extname(name) === '.wasm';
// Below this, the response headers weigh more than what compression saves.
const MIN_SIZE = 1024;
const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);
const ENCODINGS = {
  '.br': (body, file) => brotli(body, { params: {
    [zlib.constants.BROTLI_PARAM_QUALITY]: zlib.constants.BROTLI_MAX_QUALITY,
    [zlib.constants.BROTLI_PARAM_SIZE_HINT]: body.length,
    [zlib.constants.BROTLI_PARAM_MODE]: TEXT.has(path.extname(file)) ? zlib.constants.BROTLI_MODE_TEXT : zlib.constants.BROTLI_MODE_GENERIC,
  } }),
  '.gz': (body) => gzip(body, { level: 9 }),
};

// Every file below DIR; not hidden folders (trunk stages a build in dist/.stage).
const list = (sub) => fs.readdirSync(sub, { withFileTypes: true }).flatMap((entry) => {
  const name = path.join(sub, entry.name);
  if (entry.isDirectory()) return entry.name.startsWith('.') ? [] : list(name);
  return entry.isFile() ? [name] : [];
});
const files = list(dir);
const mtime = (file) => fs.statSync(file, { throwIfNoEntry: false })?.mtimeMs;

// A .br/.gz of ours whose file is gone, or older than the file: a host would send old bytes.
let removed = 0;
for (const file of files) {
  const ext = path.extname(file);
  if (!ENCODINGS[ext]) continue;
  const source = file.slice(0, -ext.length);
  if (!compressible(source)) continue; // not ours (a data.tar.gz someone put in public/)
  const sourceTime = mtime(source);
  if (sourceTime === undefined || mtime(file) < sourceTime) {
    fs.rmSync(file);
    removed++;
  }
}

// All at once: zlib's async calls run on libuv's threads, so the wasm files compress in parallel.
// The totals are what a browser downloads of all these files, the small ones as they are.
const candidates = files.filter(compressible);
const totals = { files: 0, raw: 0, '.br': 0, '.gz': 0 };
await Promise.all(candidates.map(async (file) => {
  const body = fs.readFileSync(file);
  let written = false;
  for (const [ext, encode] of Object.entries(ENCODINGS)) {
    const target = file + ext;
    const packed = body.length < MIN_SIZE ? null : await encode(body, file);
    if (!packed || packed.length >= body.length) {
      // Not worth sending compressed: no sibling, so a host sends the file as it is.
      fs.rmSync(target, { force: true });
      totals[ext] += body.length;
      continue;
    }
    // Written beside, then renamed: a server never finds half a file.
    const partial = `${target}.partial-${process.pid}`;
    fs.writeFileSync(partial, packed);
    fs.renameSync(partial, target);
    totals[ext] += packed.length;
    written = true;
  }
  if (written) totals.files++;
  totals.raw += body.length;
}));

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
say(`${totals.files} of ${candidates.length} files in ${dir} compressed, ${kb(totals.raw)} raw → ${kb(totals['.br'])} br (${kb(totals['.gz'])} gzip)`
  + (removed ? `; ${removed} stale .br/.gz removed` : ''));
