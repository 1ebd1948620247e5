// Meldwijzer for a host page, and the start-up of our own index.html (no inline script, so a
// strict Content-Security-Policy needs no hash or nonce). Add, anywhere on a page:
//   <div data-meldwijzer data-region="https://…/regio.json" data-view="zorgen" data-lang="nl">
//     …fallback content: shown until the app starts, and kept if it cannot…
//   </div>
//   <script type="module" src="https://…/meldwijzer/embed.js"></script>
// Files are found next to this script, so the app works from any path or origin.
const base = new URL('./', import.meta.url);
const file = (name) => new URL(name, base).href;

if (![...document.querySelectorAll('link[rel="stylesheet"]')].some((link) => link.href === file('meldwijzer.css'))) {
  const style = document.createElement('link');
  style.rel = 'stylesheet';
  style.href = file('meldwijzer.css');
  document.head.append(style);
}

// Until the wasm replaces them, the pre-rendered screens of our index.html (scripts/prerender.mjs)
// need two things the app does: "Snel weg" leaves at once, and a link to a screen that is not
// pre-rendered says it is loading instead of showing the wrong screen.
const prerendered = document.querySelector('.mw-prerender');
if (prerendered) {
  const exitUrl = prerendered.querySelector('.mw-exit__button')?.dataset.exitUrl;
  const leave = () => {
    if (!prerendered.isConnected || !exitUrl) return; // the app runs: it leaves itself
    for (const key of Object.keys(sessionStorage)) if (key.startsWith('meldwijzer:')) sessionStorage.removeItem(key);
    document.title = '';
    document.body.replaceChildren();
    location.replace(exitUrl);
  };
  prerendered.addEventListener('click', (event) => {
    if (event.target.closest?.('.mw-exit__button')) leave();
  });
  // Three lone Shift presses within 5 seconds, as src/shell/quick_exit.rs `ShiftPresses` counts
  // them (a capital typed, Shift+Tab or a held Shift does not count).
  let presses = [];
  let lone = false;
  addEventListener('keydown', (event) => {
    lone = event.key === 'Shift' && !event.repeat;
    if (event.key !== 'Shift') presses = [];
  });
  addEventListener('keyup', (event) => {
    if (event.key !== 'Shift' || !lone) return;
    lone = false;
    const now = Date.now();
    presses = [...presses.filter((time) => now - time < 5000), now];
    if (presses.length >= 3) leave();
  });
  addEventListener('blur', () => { presses = []; lone = false; });
  // A screen that shows what a first visitor has (no profile, no dossiers) is not shown to one
  // who stored something here: they see "loading" until the app shows their own.
  let stored = true;
  try {
    stored = Object.keys(localStorage).some((key) => key.startsWith('meldwijzer:'));
  } catch {
    // Storage refused: what it holds is not known, so neither is the screen.
  }
  if (stored) {
    for (const screen of prerendered.querySelectorAll('[data-first-visit]')) {
      document.getElementById(screen.dataset.screen)?.remove();
      screen.remove();
    }
  }
  const mark = () => {
    const hash = decodeURIComponent(location.hash.slice(1));
    const known = !hash.startsWith('/') || hash === '/' || !!document.getElementById(hash);
    prerendered.toggleAttribute('data-missing', !known);
  };
  mark();
  addEventListener('hashchange', mark);
}

// Our own index.html as the top-level page on its own origin (never a gemeente's page, never in
// a frame): installable and offline with sw.js (README "Installed and offline").
const own = 'serviceWorker' in navigator && window.top === window && base.origin === location.origin
  && location.href.startsWith(base.href) && !!document.querySelector('[data-meldwijzer][data-standalone]');

// Opened while a new release waits: it takes over only if this is the app's one window (no dossier
// open elsewhere), before anything starts; then this page opens again, from the new release.
async function newReleaseFirst() {
  const waiting = navigator.serviceWorker.controller && (await navigator.serviceWorker.getRegistration(base.href))?.waiting;
  if (!waiting) return false;
  const answer = new Promise((resolve) => {
    navigator.serviceWorker.addEventListener('message', (event) => {
      if (event.data?.type === 'meldwijzer:take-over') resolve(event.data.alone === true);
    });
    setTimeout(() => resolve(false), 2000);
  });
  waiting.postMessage({ type: 'meldwijzer:take-over-if-alone' });
  if (!(await answer)) return false;
  await new Promise((resolve) => {
    navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true });
    setTimeout(resolve, 2000);
  });
  location.reload();
  return true;
}

// Installed apps are kept when a browser clears sites not visited for a while (the meldcode's
// keeping screen asks too, on the first dossier, and says what the browser answered).
const installed = () => ['standalone', 'minimal-ui', 'fullscreen', 'window-controls-overlay']
  .some((mode) => matchMedia(`(display-mode: ${mode})`).matches);
const keep = () => navigator.storage?.persist?.().catch(() => false);

// A new release installed beside the one this page runs (not the first install): the app says
// it is ready for the next opening (src/shell/release_notice.rs).
function announceWaiting(registration) {
  const announce = () => {
    if (navigator.serviceWorker.controller) dispatchEvent(new CustomEvent('meldwijzer-release-waiting'));
  };
  const watch = (worker) => worker?.addEventListener('statechange', () => {
    if (worker.state === 'installed') announce();
  });
  if (registration.waiting) announce();
  watch(registration.installing);
  registration.addEventListener('updatefound', () => watch(registration.installing));
}

// A page opened on a route (a citizen's #/zorgen, a gemeente's data-view="zorgen") starts the
// shell with the routekaart built in (src/bin/citizen.rs): a burger on a phone reaches the local
// team with one wasm runtime, not two. Elsewhere the plain shell, which loads the routekaart as
// a module of its own when a user opens it. The two are the routekaart's screens
// (Screen::capability in src/ground/route.rs).
const view = location.hash.match(/^#\/([^/?]*)/)?.[1] ?? document.querySelector('[data-meldwijzer]')?.dataset.view;
const shell = ['zorgen', 'routekaart'].includes(view) ? 'citizen' : 'meldwijzer';

// A page opened on the sociale kaart fetches its module beside the shell, instead of once the
// shell has started: its first results are pre-rendered, and on a slow line the search is ready
// about two seconds sooner (README "Speed on a phone"). The shell imports the same files, so
// nothing is fetched twice. Only there: with the meldcode's module fetched early the meldcode's
// keyboard-only journey failed on a busy machine, a cause not yet found.
if (view === 'sociale-kaart') {
  for (const [rel, name] of [['modulepreload', 'sociale-kaart.js'], ['preload', 'sociale-kaart_bg.wasm']]) {
    const link = document.createElement('link');
    Object.assign(link, { rel, href: file(name), crossOrigin: 'anonymous' });
    if (rel === 'preload') Object.assign(link, { as: 'fetch', type: 'application/wasm' });
    document.head.append(link);
  }
}

if (!(own && await newReleaseFirst().catch(() => false))) {
  const { default: init } = await import(file(`${shell}.js`));
  await init({ module_or_path: file(`${shell}_bg.wasm`) });
  if (own) {
    if (installed()) keep();
    addEventListener('appinstalled', keep);
    // The worker downloads the whole release: only once this page has what it needs, so a
    // first visit on a slow connection is not slowed down by it.
    const register = () => setTimeout(() => navigator.serviceWorker
      .register(file('sw.js'), { scope: base.href, updateViaCache: 'none' })
      .then(announceWaiting)
      .catch(() => {}), 2000);
    if (document.readyState === 'complete') register();
    else addEventListener('load', register, { once: true });
  }
}
