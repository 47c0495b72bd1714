// Funnel Planner's service worker: the page keeps working offline once loaded.
//
// On install it caches the page and the assets the page names (Trunk gives them hashed
// names), dropping anything older. Every same-origin GET then goes to the network first and
// falls back to the cache. Plans never reach the network or this cache: they live in the URL
// fragment, which is not part of any request, and in localStorage.
const CACHE = 'funnel-planner';

async function precache() {
  const cache = await caches.open(CACHE);
  const page = await fetch('./', { cache: 'no-cache' });
  const html = await page.clone().text();
  // Asset names as Trunk writes them: in attributes (quoted or not) and in the loader script.
  const names = new Set(html.match(/[\w./-]+\.(?:js|wasm|css)\b/g) ?? []);
  const assets = [...names].map((name) => new URL(name, self.registration.scope).href);
  await cache.put(new URL('./', self.registration.scope).href, page);
  await cache.addAll(assets);
  const keep = new Set([new URL('./', self.registration.scope).href, ...assets]);
  for (const request of await cache.keys()) {
    if (!keep.has(request.url)) await cache.delete(request);
  }
}

self.addEventListener('install', (event) => {
  event.waitUntil(precache().then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(self.clients.claim());
});

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith((async () => {
    const cache = await caches.open(CACHE);
    try {
      const response = await fetch(request);
      if (response.ok) await cache.put(request, response.clone());
      return response;
    } catch (error) {
      const cached = await cache.match(request, { ignoreSearch: true })
        ?? (request.mode === 'navigate' ? await cache.match(new URL('./', self.registration.scope).href) : undefined);
      if (cached) return cached;
      throw error;
    }
  })());
});
