// A static file server for the release build: `node scripts/serve.mjs --port 8080 /=dist /x/=dir`.
// Each prefix serves a folder, so one run can show the app at "/" and at a sub-path.
// `--cors` lets other origins fetch (a gemeente's data server in the tests).
import http from 'node:http';
import sirv from 'sirv';

const args = process.argv.slice(2);
let port = 8080;
let cors = false;
const mounts = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--port') port = Number(args[++i]);
  else if (args[i] === '--cors') cors = true;
  else {
    const [prefix, dir] = args[i].split('=');
    mounts.push({ prefix, handler: sirv(dir, { dev: true, etag: true }) });
  }
}
// Longest prefix first, so "/hulp/meldwijzer/" wins over "/".
mounts.sort((a, b) => b.prefix.length - a.prefix.length);

http.createServer((req, res) => {
  if (cors) res.setHeader('Access-Control-Allow-Origin', '*');
  const mount = mounts.find((m) => req.url.startsWith(m.prefix));
  if (!mount) { res.writeHead(404).end('Not found'); return; }
  req.url = '/' + req.url.slice(mount.prefix.length).replace(/^\/+/, '');
  mount.handler(req, res, () => res.writeHead(404).end('Not found'));
}).listen(port, '127.0.0.1', () => console.log(`serving on http://127.0.0.1:${port}`));
