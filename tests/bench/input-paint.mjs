// Measures how fast an edit reaches the screen in headless Chromium, on the default plan, on a
// large plan, and on the large plan with the whole page on screen at once (a viewport as tall
// as the page, so every section and every chart is seen and redrawn), and the memory in use
// after many edits. A report, never a pass/fail test.
//
// One edit: set a stage's rate and dispatch `input`, as typing does. Real keystrokes arrive at
// any moment of the display's frame, so each edit waits for a frame and then a random part of
// one (0 to 16.7 ms) before it is dispatched. Four times are taken, from just before the
// dispatch:
// - handler: until the dispatch returns (the synchronous part of the update);
// - DOM: until the last DOM mutation the edit caused (Leptos may finish in microtasks);
// - frame work: DOM, plus the next frame on the main thread: from its first animation-frame
//   callback (charts draw in theirs) through style, layout, paint and commit to a task after
//   it. This is the page's own work for an edit; it leaves out the wait for the display's next
//   frame and the raster on other threads;
// - painted: until the next animation frame has run and a task after it, in wall time: frame
//   work plus the wait for the display's frame (on average half a frame, up to a whole one).
// Each chart drawing is noted (each starts with the context's setTransform), with how long its
// task ran; an edit whose charts draw after the frame that shows its figures is counted, since
// then the charts show the edit a frame late.
// Each edit checks that the top stage's need changed, so the figures time real updates.
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS } from '../e2e/helpers.mjs';
import { serve } from '../e2e/serve.mjs';
import { LARGE, RATE } from './plans.mjs';

const EDITS = Number(process.env.EDITS ?? 50);
const HEAP_EDITS = 200;


// The third row shows the whole page at once (a viewport as tall as the page), so that no
// section is skipped as off screen and every chart redraws on each edit.
const PLANS = [['default plan', '', false], ['large plan', LARGE, false], ['large plan, all on screen', LARGE, true]];

/** Runs `count` edits of the rate input in the page; returns each edit's times and chart drawings. */
function edit(page, count) {
  return page.evaluate(async ([testid, count]) => {
    const input = document.querySelector(`[data-testid="${testid}"]`);
    const need = () => document.querySelector('[data-testid="need-0"]')?.dataset.value;
    const nextFrame = () => new Promise((done) => requestAnimationFrame(done));
    const task = () => new Promise((done) => setTimeout(done, 0));
    const times = [];
    for (let i = 0; i < count; i += 1) {
      await nextFrame();
      await task();
      // A random moment within the display's frame.
      await new Promise((done) => setTimeout(done, Math.random() * 16.7));
      const before = need();
      let lastMutation = null;
      const observer = new MutationObserver(() => { lastMutation = performance.now(); });
      observer.observe(document.body, {
        subtree: true, childList: true, characterData: true, attributes: true,
      });
      // 10 %, 11 %, … 49 %, 10 %, …: every edit differs from the one before.
      input.value = String(10 + (i % 40));
      // The next frame starts with this callback, before any the edit schedules.
      let frameStart = null;
      requestAnimationFrame(() => { frameStart = performance.now(); });
      const drawsBefore = window.chartDraws.length;
      const t0 = performance.now();
      input.dispatchEvent(new Event('input', { bubbles: true }));
      const t1 = performance.now();
      await nextFrame();
      await task();
      const t2 = performance.now();
      observer.disconnect();
      if (need() === before) throw new Error(`edit ${i} left need-0 at ${before}`);
      // Charts the edit redraws after that frame show a frame later: wait for them too.
      await nextFrame();
      await task();
      const dom = (lastMutation ?? t1) - t0;
      const draws = window.chartDraws.slice(drawsBefore);
      times.push({
        handler: t1 - t0, dom, work: dom + (t2 - frameStart), paint: t2 - t0,
        charts: draws.length,
        drawing: draws.reduce((sum, draw) => sum + (draw.end - draw.start), 0),
        late: draws.filter((draw) => draw.end > t2).length,
      });
    }
    return times;
  }, [RATE, count]);
}

/** Heap in use (after a garbage collection) and the wasm memory's size, in bytes. */
function memory(page) {
  return page.evaluate(() => {
    globalThis.gc?.();
    return { heap: performance.memory.usedJSHeapSize, wasm: window.wasmMemory?.buffer.byteLength };
  });
}

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
const ms = (value) => `${value.toFixed(1)} ms`.padStart(9);
const mib = (bytes) => (bytes === undefined ? '       —' : `${(bytes / 1048576).toFixed(2)} MiB`.padStart(9));

const server = await serve(process.argv[2] ?? 'dist');
const base = `http://127.0.0.1:${server.address().port}/`;
// Precise heap figures, and gc() to collect before reading them.
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: [...CHROMIUM_ARGS, '--enable-precise-memory-info', '--js-flags=--expose-gc'],
});
const rows = [];
try {
  for (const [label, suffix, tall] of PLANS) {
    const context = await browser.newContext();
    // The loader announces the wasm exports; their `memory` is the app's linear memory.
    await context.addInitScript(() => {
      addEventListener('TrunkApplicationStarted', (event) => {
        window.wasmMemory = event.detail?.wasm?.memory;
      });
    });
    // Every chart drawing starts with the context's setTransform (src/browser/canvas.rs): note
    // when it starts, and when the task drawing it ends (its microtask checkpoint).
    await context.addInitScript(() => {
      window.chartDraws = [];
      const setTransform = CanvasRenderingContext2D.prototype.setTransform;
      CanvasRenderingContext2D.prototype.setTransform = function (...args) {
        const draw = { start: performance.now(), end: null };
        window.chartDraws.push(draw);
        queueMicrotask(() => { draw.end = performance.now(); });
        return setTransform.apply(this, args);
      };
    });
    const page = await context.newPage();
    await page.goto(base + suffix);
    if (tall) {
      await page.waitForSelector('[data-testid="chart-funnel"]');
      await page.waitForTimeout(500);
      const height = await page.evaluate(() => document.documentElement.scrollHeight);
      await page.setViewportSize({ width: 1280, height });
      await page.waitForTimeout(500);
    }
    await page.waitForSelector(`[data-testid="${RATE}"]`, { timeout: 15000 });
    await page.waitForSelector('[data-testid="need-0"]');
    // The rest of the page mounts a frame after the first result.
    await page.waitForSelector('[data-testid="quota"]');
    const stages = await page.locator('input[data-testid^="stage-name-"]').count();
    const cells = await page.locator('[data-testid][data-value]').count();
    await edit(page, 5); // warm-up
    const times = await edit(page, EDITS);
    const start = await memory(page);
    await edit(page, HEAP_EDITS);
    const end = await memory(page);
    const column = (key) => times.map((time) => time[key]).sort((a, b) => a - b);
    rows.push({ label: `${label} (${stages} stages, ${cells} figures)`, column, times, start, end });
    await context.close();
  }
} finally {
  await browser.close();
  await new Promise((done) => server.close(done));
}

console.log(`input → paint, ${EDITS} edits of ${RATE} (p50 / p95):`);
console.log(`${''.padEnd(40)}${'handler'.padStart(20)}${'DOM'.padStart(20)}${'frame work'.padStart(20)}${'painted'.padStart(20)}`);
for (const row of rows) {
  const cell = (key) => `${ms(percentile(row.column(key), 50))} /${ms(percentile(row.column(key), 95))}`;
  console.log(`${row.label.padEnd(40)}${cell('handler').padStart(20)}${cell('dom').padStart(20)}${cell('work').padStart(20)}${cell('paint').padStart(20)}`);
}
console.log('charts redrawn per edit (median), and their drawing time (p50 / p95):');
for (const row of rows) {
  const counts = row.column('charts');
  const drawing = row.column('drawing');
  const late = row.times.filter((time) => time.late > 0).length;
  console.log(`${row.label.padEnd(40)}${String(percentile(counts, 50)).padStart(6)} charts ${ms(percentile(drawing, 50))} /${ms(percentile(drawing, 95))}   shown a frame after the figures in ${late} of ${row.times.length} edits`);
}
console.log(`memory before and after ${HEAP_EDITS} more edits (after GC):`);
console.log(`${''.padEnd(40)}${'JS heap'.padStart(20)}${'wasm memory'.padStart(20)}`);
for (const row of rows) {
  console.log(`${row.label.padEnd(40)}${`${mib(row.start.heap)} →${mib(row.end.heap)}`.padStart(20)}${`${mib(row.start.wasm)} →${mib(row.end.wasm)}`.padStart(20)}`);
}
