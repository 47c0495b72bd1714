// Funnel Planner's loader: registers the service worker, then starts the WebAssembly app.
//
// It is a file, not an inline script, so the Content-Security-Policy needs no
// 'unsafe-inline'. Trunk writes this script's tag (`pattern_script` in Trunk.toml) with the
// hashed names of the wasm-bindgen module and of the wasm file in `data-js` and `data-wasm`;
// Trunk also preloads both with Subresource Integrity.
if ('serviceWorker' in navigator && location.protocol !== 'file:') {
  // Offline once loaded: see sw.js. A page that was already controlled when a new worker
  // takes over runs the version before a deploy: it is marked (`data-update` on <html>, and
  // a `funnel-planner-update` event), and the app offers a reload. It never reloads itself.
  let wasControlled = navigator.serviceWorker.controller !== null;
  navigator.serviceWorker.addEventListener('controllerchange', () => {
    if (wasControlled) {
      document.documentElement.dataset.update = 'ready';
      dispatchEvent(new Event('funnel-planner-update'));
    }
    wasControlled = true;
  });
  navigator.serviceWorker.register('./sw.js').then((registration) => {
    // A tab left open all day looks for a deploy when it is shown again, and hourly.
    const check = () => registration.update().catch(() => {});
    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState === 'visible') check();
    });
    setInterval(check, 60 * 60 * 1000);
  }).catch(() => {});
}

// A theme picked with the toggle (src/browser/theme.rs), applied before the app starts.
try {
  const theme = localStorage.getItem('funnel-planner.theme');
  if (theme === 'dark' || theme === 'light') document.documentElement.dataset.theme = theme;
} catch {}

const tag = document.querySelector('script[data-js][data-wasm]');
const { default: init } = await import(new URL(tag.dataset.js, document.baseURI).href);
const wasm = await init({ module_or_path: new URL(tag.dataset.wasm, document.baseURI) });
dispatchEvent(new CustomEvent('TrunkApplicationStarted', { detail: { wasm } }));
