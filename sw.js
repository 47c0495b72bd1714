// Funnel Planner's service worker: the page keeps working offline once loaded.
//
// On install it caches the page and the assets the page names (Trunk gives them hashed
// names), dropping anything older. The page itself (and any file without a hash in its name)
// goes to the network first and falls back to the cache, so a deployed version is picked up
// on the next load; hashed assets come from the cache first, since a hashed name never
// changes content. `make dist` stamps BUILD with the build's wasm name (.ci/stamp-sw.mjs), so
// every deploy changes this file's bytes: the browser installs the new worker, which takes
// over at once (it only serves files), and the page, told by boot.js, offers a reload. Plans never sit in this cache: entries are keyed by origin and
// path alone, never by query or fragment, so a link opened as `?quota=…` is stored as the
// bare page. On activation, entries an older worker keyed with a query or fragment are
// deleted. (The plan itself lives in the URL fragment, which is never part of a request, and
// in localStorage.)
const CACHE = 'funnel-planner';
/** The build this worker belongs to; stamped by `make dist`. */
const BUILD = 'dev';
/** Trunk's hashed file names: `name-<hash>`, the hash up to 16 hex digits, `_bg` for the wasm. */
const HASHED = /-[0-9a-f]{8,16}(?:_bg)?\.(?:js|wasm|css)$/;

/** The cache key for `url`: its origin and path, without query or fragment. */
function keyOf(url) {
  const key = new URL(url);
  key.search = '';
  key.hash = '';
  return key.href;
}

/** A copy of `response` that does not remember the URL it came from (which had a query). */
async function withoutUrl(response) {
  return new Response(await response.blob(), {
    status: response.status,
    statusText: response.statusText,
    headers: response.headers,
  });
}

async function precache() {
  const cache = await caches.open(CACHE);
  const page = await fetch('./', { cache: 'no-cache' });
  const html = await page.clone().text();
  // Asset names as Trunk writes them: in attributes, quoted or not (boot.js's tag names the
  // hashed module and wasm file in data attributes).
  const names = new Set(html.match(/[\w./-]+\.(?:js|wasm|css)\b/g) ?? []);
  const assets = [...names].map((name) => keyOf(new URL(name, self.registration.scope)));
  const home = keyOf(self.registration.scope);
  await cache.put(home, page);
  await cache.addAll(assets);
  const keep = new Set([home, ...assets]);
  for (const request of await cache.keys()) {
    if (!keep.has(request.url)) await cache.delete(request);
  }
}

/**
 * Deletes this page's cache entries keyed with a query or fragment. Other caches are left
 * alone: on a shared origin (GitHub Pages' `<user>.github.io`) they belong to other sites.
 */
async function purgeQueries() {
  const cache = await caches.open(CACHE);
  for (const request of await cache.keys()) {
    if (request.url.includes('?') || request.url.includes('#')) await cache.delete(request);
  }
}

self.addEventListener('install', (event) => {
  event.waitUntil(precache().then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(purgeQueries().then(() => self.clients.claim()));
});

self.addEventListener('fetch', (event) => {
  const { request } = event;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin) return;
  const key = keyOf(url);
  event.respondWith((async () => {
    const cache = await caches.open(CACHE);
    if (HASHED.test(url.pathname)) {
      const cached = await cache.match(key);
      if (cached) return cached;
    }
    try {
      const response = await fetch(request);
      if (response.ok && response.type === 'basic') {
        const copy = response.clone();
        await cache.put(key, url.search ? await withoutUrl(copy) : copy);
      }
      return response;
    } catch (error) {
      const cached = await cache.match(key)
        ?? (request.mode === 'navigate' ? await cache.match(keyOf(self.registration.scope)) : undefined);
      if (cached) return cached;
      throw error;
    }
  })());
});
