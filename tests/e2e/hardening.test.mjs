// Hardening: the service worker keeps no plan in its cache, and the page boots under a strict
// Content-Security-Policy (no 'unsafe-inline') with no violation.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cp, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { serve } from './serve.mjs';
import { CHROMIUM_ARGS, ready, typeInto, waitForValue } from './helpers.mjs';

/** The policy the page must boot under, sent as a response header. */
const POLICY = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:";
const DIST = new URL('../../dist', import.meta.url).pathname;

let browser;
before(async () => {
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  });
});
after(() => browser.close());

/** Serves `root` with `headers` for the duration of `body(base)`. */
async function withServer(root, headers, body) {
  const server = await serve(root, 0, { headers });
  try {
    await body(`http://127.0.0.1:${server.address().port}/`);
  } finally {
    await new Promise((done) => server.close(done));
  }
}

/** Every URL this origin's caches hold, as keys and as the stored responses' own URLs. */
function cachedUrls(page) {
  return page.evaluate(async () => {
    const urls = [];
    for (const name of await caches.keys()) {
      const cache = await caches.open(name);
      for (const request of await cache.keys()) {
        urls.push(request.url);
        const response = await cache.match(request);
        if (response?.url) urls.push(response.url);
      }
    }
    return urls;
  });
}

/** Waits until a service worker controls `page` (it has precached the page by then). */
function controlled(page) {
  return page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 10000 });
}

test('the service worker caches pages by path alone: no cache key holds a query or a fragment', async () => {
  await withServer(DIST, {}, async (base) => {
    const context = await browser.newContext();
    const page = await context.newPage();
    // The first visit installs the worker; the later ones go through it.
    await page.goto(`${base}?quota=123000&deal=1000`);
    await ready(page);
    await controlled(page);
    const urls = [];
    await page.goto(`${base}?quota=456000&deal=2000`);
    await ready(page);
    await waitForValue(page, 'deals-needed', 228); // 456,000 ÷ 2,000
    urls.push(...await cachedUrls(page));
    await page.goto(`${base}#quota=789000&deal=3000`);
    await ready(page);
    await page.reload();
    await ready(page);
    await waitForValue(page, 'deals-needed', 263); // 789,000 ÷ 3,000
    urls.push(...await cachedUrls(page));

    assert.ok(urls.some((url) => url === base), `the page itself is cached: ${urls.join(' ')}`);
    for (const url of urls) {
      assert.ok(!url.includes('?') && !url.includes('#'), `cache holds ${url}`);
      for (const figure of ['123000', '456000', '789000']) assert.ok(!url.includes(figure), url);
    }

    // Offline, a link with a query still opens: the page comes from its path-only entry.
    await context.setOffline(true);
    await page.goto(`${base}?quota=321000&deal=1000`);
    await ready(page);
    await waitForValue(page, 'deals-needed', 321); // 321,000 ÷ 1,000
    await context.setOffline(false);
    await context.close();
  });
});

test('a new service worker deletes cache entries an older one keyed with a query', async () => {
  const root = await mkdtemp(join(tmpdir(), 'funnel-dist-'));
  try {
    await cp(DIST, root, { recursive: true });
    await withServer(root, {}, async (base) => {
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.goto(base);
      await ready(page);
      await controlled(page);
      // What an older worker left behind: a page stored under its full URL.
      await page.evaluate(async (url) => {
        const cache = await caches.open('funnel-planner');
        await cache.put(`${url}?quota=654000&deal=1000`, new Response('<!doctype html>'));
      }, base);
      assert.ok((await cachedUrls(page)).some((url) => url.includes('?')));

      // Deploy a changed sw.js and let the browser update to it.
      const sw = join(root, 'sw.js');
      await writeFile(sw, `${await readFile(sw, 'utf8')}\n// next version\n`);
      await page.evaluate(async () => {
        const registration = await navigator.serviceWorker.getRegistration();
        const changed = new Promise((done) => {
          navigator.serviceWorker.addEventListener('controllerchange', done, { once: true });
        });
        await registration.update();
        await changed;
      });
      const urls = await cachedUrls(page);
      assert.ok(urls.length > 0);
      for (const url of urls) assert.ok(!url.includes('?') && !url.includes('#'), `cache holds ${url}`);
      await context.close();
    });
  } finally {
    await rm(root, { recursive: true, force: true });
  }
});

/** Copies dist/ to a temporary directory for `body(root)`, which may change it as a deploy would. */
async function withCopy(body) {
  const root = await mkdtemp(join(tmpdir(), 'funnel-dist-'));
  try {
    await cp(DIST, root, { recursive: true });
    await body(root);
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}

/** Opens a 500,000 ÷ 5,000 plan at `base` in a new context, once a service worker controls it. */
async function openControlled(base) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${base}#quota=500000&deal=5000`);
  await ready(page);
  await controlled(page);
  return { context, page };
}

/** Marks the served page as a new version: a `<meta name="build">` the old one lacks. */
async function markPage(root, build) {
  const path = join(root, 'index.html');
  const html = await readFile(path, 'utf8');
  const marked = html.replace('<meta charset=utf-8>', `<meta charset=utf-8><meta name="build" content="${build}">`);
  assert.notEqual(marked, html, 'the page was marked');
  await writeFile(path, marked);
}

test('hashed assets come from the cache first and the page from the network first', async () => {
  await withCopy(async (root) => {
    await withServer(root, {}, async (base) => {
      const { context, page } = await openControlled(base);
      // The server loses the wasm file and serves a changed page: the page is the new one,
      // and it still boots, from the cached wasm.
      const wasm = (await readdir(root)).find((name) => name.endsWith('_bg.wasm'));
      await rm(join(root, wasm));
      await markPage(root, 'fresh');
      await page.reload();
      await ready(page);
      await waitForValue(page, 'deals-needed', 100); // 500,000 ÷ 5,000
      assert.equal(await page.getAttribute('meta[name="build"]', 'content'), 'fresh');
      await context.close();
    });
  });
});

test('a deployed version brings a quiet reload prompt, and the page never reloads itself mid-edit', async () => {
  await withCopy(async (root) => {
    await withServer(root, {}, async (base) => {
      const { context, page } = await openControlled(base);
      assert.equal(await page.locator('[data-testid="update-available"]').count(), 0);
      await page.evaluate(() => { window.sameDocument = true; });
      // Mid-edit: the quota field is focused with text typed.
      await typeInto(page, 'quota', '600000');

      // Deploy: a new page and a worker stamped with another build; the open page looks.
      await markPage(root, 'next');
      const sw = join(root, 'sw.js');
      await writeFile(sw, (await readFile(sw, 'utf8')).replace(/const BUILD = '[^']*';/, "const BUILD = 'next';"));
      await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).update());
      await page.waitForSelector('[data-testid="update-available"]', { timeout: 10000 });
      assert.match(await page.textContent('[data-testid="update-available"]'), /new version/);
      assert.equal(await page.evaluate(() => window.sameDocument), true, 'the page did not reload itself');
      assert.equal(await page.inputValue('[data-testid="quota"]'), '600000');
      assert.equal(await page.evaluate(() => document.activeElement?.dataset.testid), 'quota');
      await waitForValue(page, 'deals-needed', 120);

      // Reloading is the user's choice; the plan comes back, in the new version.
      await page.click('[data-testid="update-reload"]');
      await page.waitForFunction(() => window.sameDocument === undefined, null, { timeout: 10000 });
      await ready(page);
      await waitForValue(page, 'deals-needed', 120);
      assert.equal(await page.getAttribute('meta[name="build"]', 'content'), 'next');
      assert.equal(await page.locator('[data-testid="update-available"]').count(), 0);
      await context.close();
    });
  });
});

test('the page boots and works under a Content-Security-Policy without unsafe-inline', async () => {
  await withServer(DIST, { 'content-security-policy': POLICY }, async (base) => {
    const context = await browser.newContext();
    await context.addInitScript(() => {
      window.violations = [];
      document.addEventListener('securitypolicyviolation', (event) => {
        window.violations.push(`${event.violatedDirective} blocked ${event.blockedURI || 'inline'} (${event.sourceFile}:${event.lineNumber})`);
      }, true);
    });
    const page = await context.newPage();
    const problems = [];
    page.on('pageerror', (error) => problems.push(error.message));
    page.on('console', (message) => {
      if (/Content.Security.Policy/i.test(message.text())) problems.push(message.text());
    });
    const response = await page.goto(base);
    assert.equal(response.headers()['content-security-policy'], POLICY);
    await ready(page);

    // The markup itself needs no inline script or style, and the page's own policy is as strict.
    const markup = await page.evaluate(() => ({
      inlineScripts: document.querySelectorAll('script:not([src])').length,
      styleAttributes: document.querySelectorAll('[style]').length,
      policy: document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.content ?? '',
    }));
    assert.equal(markup.inlineScripts, 0);
    assert.equal(markup.styleAttributes, 0);
    assert.ok(!markup.policy.includes('unsafe-inline'), markup.policy);
    assert.ok(markup.policy.includes("script-src 'self' 'wasm-unsafe-eval';"), markup.policy);

    // Use it a little: a new quota, a planning section opened, the link copied.
    await typeInto(page, 'quota', '2000000');
    await waitForValue(page, 'deals-needed', 80); // 2,000,000 ÷ 25,000
    await page.click('[data-testid="section-team"] summary');
    await page.waitForSelector('[data-testid="reps"]', { state: 'visible' });
    await page.click('[data-testid="copy-link"]');
    await page.waitForSelector('[data-testid="share-link"]', { state: 'visible' });
    assert.match(await page.inputValue('[data-testid="share-link"]'), /quota=2000000/);
    await controlled(page);

    const need = Number(await page.getAttribute('[data-testid="need-0"]', 'data-value'));
    assert.ok(Number.isFinite(need) && need > 0, `need-0 is ${need}`);
    assert.deepEqual(await page.evaluate(() => window.violations), []);
    assert.deepEqual(problems, []);
    await context.close();
  });
});
