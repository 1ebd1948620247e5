// A static file server for the release build: `node scripts/serve.mjs --port 8080 /=dist /x/=dir`.
// Each prefix serves a folder, so one run can show the app at "/" and at a sub-path.
// `--cors` lets other origins fetch (a gemeente's data server in the tests).
// `--compress` compresses text and wasm as a real static host does: brotli when the browser
// accepts it, else gzip (the bench's phone measurement). Like nginx's brotli_static and
// gzip_static, it sends the build's own FILE.br or FILE.gz when there is one
// (scripts/precompress.mjs), and compresses on the fly only when there is not.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import sirv from 'sirv';

const args = process.argv.slice(2);
let port = 8080;
let cors = false;
let compress = false;
const mounts = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--port') port = Number(args[++i]);
  else if (args[i] === '--cors') cors = true;
  else if (args[i] === '--compress') compress = true;
  else {
    const [prefix, dir] = args[i].split('=');
    mounts.push({ prefix, dir: path.resolve(dir), handler: sirv(dir, { dev: true, etag: true }) });
  }
}
// Longest prefix first, so "/hulp/meldwijzer/" wins over "/".
mounts.sort((a, b) => b.prefix.length - a.prefix.length);

// What a host compresses, with the type it sends (sirv sends the rest, uncompressed).
const COMPRESSIBLE = {
  '.html': 'text/html', '.js': 'text/javascript', '.mjs': 'text/javascript', '.css': 'text/css',
  '.json': 'application/json', '.webmanifest': 'application/manifest+json', '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml', '.csv': 'text/csv', '.txt': 'text/plain',
};
// Compressed once per file version, at the levels hosts use on the fly (nginx, Caddy).
const compressed = new Map();
function encode(file, stat, encoding) {
  const key = `${encoding}:${file}:${stat.mtimeMs}:${stat.size}`;
  if (!compressed.has(key)) {
    const body = fs.readFileSync(file);
    compressed.set(key, encoding === 'br'
      ? zlib.brotliCompressSync(body, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 5 } })
      : zlib.gzipSync(body, { level: 6 }));
  }
  return compressed.get(key);
}

// The file `url` names in `dir`, or null when the name is malformed or leads out of `dir`.
function fileIn(dir, url) {
  let name;
  try { name = decodeURIComponent(url.split(/[?#]/)[0]); } catch { return null; }
  if (name.endsWith('/')) name += 'index.html';
  const file = path.join(dir, name);
  return file.startsWith(dir + path.sep) ? file : null;
}
const statFile = (file) => {
  const stat = fs.statSync(file, { throwIfNoEntry: false });
  return stat?.isFile() ? stat : null;
};
function send(req, res, headers, body) {
  res.writeHead(200, { ...headers, 'Content-Length': body.length, 'Cache-Control': 'no-cache' });
  res.end(req.method === 'HEAD' ? undefined : body);
}

// Serves `url` from `dir` compressed, or returns false for sirv to serve it as it is.
function serveCompressed(req, res, dir, url) {
  if (req.method !== 'GET' && req.method !== 'HEAD') return false;
  const file = fileIn(dir, url);
  const type = file && COMPRESSIBLE[path.extname(file)];
  const stat = type && statFile(file);
  if (!stat) return false;
  // What is sent depends on Accept-Encoding, also when it goes as it is: a cache must know.
  res.setHeader('Vary', 'Accept-Encoding');
  const accepted = String(req.headers['accept-encoding'] ?? '');
  const br = /\bbr\b/.test(accepted);
  const gzip = /\bgzip\b/.test(accepted);
  if (!br && !gzip) return false;
  // The build's own FILE.br or FILE.gz, unless it is older than the file (then it is stale).
  const sibling = [br && ['br', file + '.br'], gzip && ['gzip', file + '.gz']]
    .find((option) => option && statFile(option[1])?.mtimeMs >= stat.mtimeMs);
  const encoding = sibling ? sibling[0] : br ? 'br' : 'gzip';
  send(req, res, {
    'Content-Type': type.startsWith('text/') || type.endsWith('json') ? `${type}; charset=utf-8` : type,
    'Content-Encoding': encoding,
  }, sibling ? fs.readFileSync(sibling[1]) : encode(file, stat, encoding));
  return true;
}

// A .br or .gz file asked for by its own name goes as the bytes it holds, as nginx sends it
// (sirv would label it with its encoding, and the browser would unpack it).
const STORED = { '.br': 'application/octet-stream', '.gz': 'application/gzip' };
function serveStored(req, res, dir, url) {
  if (req.method !== 'GET' && req.method !== 'HEAD') return false;
  const file = fileIn(dir, url);
  const type = file && STORED[path.extname(file)];
  if (!type || !statFile(file)) return false;
  send(req, res, { 'Content-Type': type }, fs.readFileSync(file));
  return true;
}

http.createServer((req, res) => {
  if (cors) res.setHeader('Access-Control-Allow-Origin', '*');
  const mount = mounts.find((m) => req.url.startsWith(m.prefix));
  if (!mount) { res.writeHead(404).end('Not found'); return; }
  req.url = '/' + req.url.slice(mount.prefix.length).replace(/^\/+/, '');
  if (serveStored(req, res, mount.dir, req.url)) return;
  if (compress && serveCompressed(req, res, mount.dir, req.url)) return;
  mount.handler(req, res, () => res.writeHead(404).end('Not found'));
}).listen(port, '127.0.0.1', () => console.log(`serving on http://127.0.0.1:${port}`));
