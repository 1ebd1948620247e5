// Meldwijzer's service worker: the app opens without a connection, and a new release never
// changes a page that is open. Registered only by our own index.html as the top-level page
// (embed.js), never on a gemeente's page. The two lines below are filled in per release by
// scripts/write-service-worker.mjs (a trunk hook): a new release is a new worker.
const VERSION = 'development';
const FILES = [];

// One cache per release and per place the app is served from (two copies on one origin keep
// their own).
const SCOPE = new URL('./', self.location.href).href;
const PREFIX = `meldwijzer:${SCOPE}:`;
const CACHE = PREFIX + VERSION;
const PRECACHED = new Set(FILES.map((name) => new URL(name, SCOPE).href));

// Install: the whole release, fetched past the HTTP cache so no older file lands in it. If a
// file fails, the install fails and the browser tries again on a later visit.
self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) =>
    cache.addAll([...PRECACHED].map((url) => new Request(url, { cache: 'no-cache' })))));
  // No skipWaiting: the new release waits while any window of the old one is open.
});

// Active: the old releases' caches go. The first release takes the page that installed it,
// so what that page opens next (the meldcode, the zelftest) is kept too.
self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    const old = (await caches.keys()).filter((name) => name.startsWith(PREFIX) && name !== CACHE);
    await Promise.all(old.map((name) => caches.delete(name)));
    if (old.length === 0) await self.clients.claim();
  })());
});

// The release's own files from this release's cache; everything else (a region pack, the
// sociale kaart files, the example page) straight from the network, as without a worker.
self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  url.search = '';
  url.hash = '';
  let key = url.href;
  if (request.mode === 'navigate' && key === SCOPE) key = SCOPE + 'index.html';
  if (!PRECACHED.has(key)) return;
  event.respondWith(caches.open(CACHE).then(async (cache) => (await cache.match(key)) ?? fetch(request)));
});

// A page that opens while this release waits asks whether it may start with it. Only when it
// is the one window of the app (no dossier is open anywhere else) does this release take over;
// the page then opens again, now from this release.
self.addEventListener('message', (event) => {
  if (event.data?.type !== 'meldwijzer:take-over-if-alone' || !event.source) return;
  event.waitUntil((async () => {
    const windows = (await self.clients.matchAll({ type: 'window', includeUncontrolled: true }))
      .filter((client) => client.url.startsWith(SCOPE));
    const alone = windows.length === 1 && windows[0].id === event.source.id;
    if (alone) await self.skipWaiting();
    event.source.postMessage({ type: 'meldwijzer:take-over', alone });
  })());
});
