// Measures time from navigation start to the first result (`need-0` in the DOM) in headless
// Chromium, over fresh browser contexts (cold storage and a cold HTTP cache each run).
// A report, never a pass/fail test.
//
// The static floor: the same page's HTML and stylesheet, with a deferred script in place of
// the app that writes the figure at once. A deferred script, like the app's module, runs only
// once the HTML is parsed and the stylesheet has loaded, so the floor pays for both as the
// page does. Served the same way; runs alternate between the two, so the ratio of the medians
// says how much the wasm adds to what any page costs on this machine at this moment.
import { copyFile, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { start } from '../e2e/helpers.mjs';
import { serve } from '../e2e/serve.mjs';

const RUNS = Number(process.env.RUNS ?? 15);
const dist = process.argv[2] ?? 'dist';

/** A folder holding the static floor: the page's HTML and CSS, and a script writing a figure. */
async function staticFloor() {
  const dir = await mkdtemp(join(tmpdir(), 'funnel-floor-'));
  const html = (await readFile(join(dist, 'index.html'), 'utf8'))
    .replace(/<script[^>]*><\/script>/g, '<script src=./floor.js defer></script>')
    .replace(/<link[^>]*rel=(?:modulepreload|preload)[^>]*>/g, '');
  await writeFile(join(dir, 'index.html'), html);
  await writeFile(join(dir, 'floor.js'), `document.body.insertAdjacentHTML('beforeend',
    '<main><p data-testid="need-0" data-value="3440">3,440</p></main>');\n`);
  for (const file of await readdir(dist)) if (file.endsWith('.css')) await copyFile(join(dist, file), join(dir, file));
  return dir;
}

/** Navigation start → `need-0` in the DOM, in a fresh context. */
async function firstResult(browser, url) {
  const context = await browser.newContext();
  await context.addInitScript(() => {
    new MutationObserver((_, observer) => {
      if (document.querySelector('[data-testid="need-0"]')) {
        window.__firstResult = performance.now();
        observer.disconnect();
      }
    }).observe(document, { childList: true, subtree: true });
  });
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForFunction(() => window.__firstResult !== undefined);
  const time = await page.evaluate(() => window.__firstResult);
  await context.close();
  return time;
}

const env = await start(dist);
const floorDir = await staticFloor();
const floorServer = await serve(floorDir);
const floorUrl = `http://127.0.0.1:${floorServer.address().port}/`;
const times = [];
const floors = [];
try {
  for (let run = 0; run < RUNS; run += 1) {
    floors.push(await firstResult(env.browser, floorUrl));
    times.push(await firstResult(env.browser, env.base));
  }
} finally {
  await env.close();
  await new Promise((done) => floorServer.close(done));
  await rm(floorDir, { recursive: true, force: true });
}
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const fmt = (ms) => `${ms.toFixed(0)} ms`;
times.sort((a, b) => a - b);
console.log(`first result (navigation start → need-0), ${RUNS} runs:`);
console.log(`  median ${fmt(median(times))}, min ${fmt(times[0])}, max ${fmt(times.at(-1))}`);
console.log(`  static floor (the same HTML and CSS, a script writing the figure): median ${fmt(median(floors))}`);
console.log(`  ratio to the floor: ${(median(times) / median(floors)).toFixed(1)}×`);
console.log(`  target 300 ms: ${median(times) <= 300 ? 'within' : 'OVER'}`);
