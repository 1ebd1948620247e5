// A static file server for the release build: `node scripts/serve.mjs --port 8080 /=dist /x/=dir`.
// Each prefix serves a folder, so one run can show the app at "/" and at a sub-path.
// `--cors` lets other origins fetch (a gemeente's data server in the tests).
// `--compress` compresses text and wasm as a real static host does: brotli when the browser
// accepts it, else gzip (the bench's phone measurement).
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

// Serves `url` from `dir` compressed, or returns false for sirv to serve it as it is.
function serveCompressed(req, res, dir, url) {
  if (req.method !== 'GET' && req.method !== 'HEAD') return false;
  const accepted = String(req.headers['accept-encoding'] ?? '');
  const encoding = /\bbr\b/.test(accepted) ? 'br' : /\bgzip\b/.test(accepted) ? 'gzip' : null;
  if (!encoding) return false;
  let name;
  try { name = decodeURIComponent(url.split(/[?#]/)[0]); } catch { return false; }
  if (name.endsWith('/')) name += 'index.html';
  const file = path.join(dir, name);
  if (!file.startsWith(dir + path.sep)) return false;
  const type = COMPRESSIBLE[path.extname(file)];
  let stat;
  try { stat = fs.statSync(file); } catch { return false; }
  if (!type || !stat.isFile()) return false;
  const body = encode(file, stat, encoding);
  res.writeHead(200, {
    'Content-Type': type.startsWith('text/') || type.endsWith('json') ? `${type}; charset=utf-8` : type,
    'Content-Encoding': encoding, 'Content-Length': body.length, Vary: 'Accept-Encoding', 'Cache-Control': 'no-cache',
  });
  res.end(req.method === 'HEAD' ? undefined : body);
  return true;
}

http.createServer((req, res) => {
  if (cors) res.setHeader('Access-Control-Allow-Origin', '*');
  const mount = mounts.find((m) => req.url.startsWith(m.prefix));
  if (!mount) { res.writeHead(404).end('Not found'); return; }
  req.url = '/' + req.url.slice(mount.prefix.length).replace(/^\/+/, '');
  if (compress && serveCompressed(req, res, mount.dir, req.url)) return;
  mount.handler(req, res, () => res.writeHead(404).end('Not found'));
}).listen(port, '127.0.0.1', () => console.log(`serving on http://127.0.0.1:${port}`));
