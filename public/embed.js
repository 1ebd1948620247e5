// Meldwijzer for a host page. Add, anywhere on the page:
//   <div data-meldwijzer data-region="https://…/regio.json" data-view="zorgen" data-lang="nl"></div>
//   <script type="module" src="https://…/meldwijzer/embed.js"></script>
// Files are found next to this script, so the app works from any path.
const base = new URL('./', import.meta.url);

const style = document.createElement('link');
style.rel = 'stylesheet';
style.href = new URL('meldwijzer.css', base).href;
document.head.append(style);

const { default: init } = await import(new URL('meldwijzer.js', base).href);
await init({ module_or_path: new URL('meldwijzer_bg.wasm', base) });
