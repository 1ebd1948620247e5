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

const { default: init } = await import(file('meldwijzer.js'));
await init({ module_or_path: file('meldwijzer_bg.wasm') });
