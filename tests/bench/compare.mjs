// Measures the comparison of four large scenarios in headless Chromium: how long the fourth
// column takes to reach the screen when it is ticked, and how long an edit takes to reach
// the comparison while four are compared, against the same edit with the comparison closed.
// A report, never a pass/fail test.
//
// Times are taken from just before the click or the dispatched `input` to a task after the
// next animation frame (the frame that paints the change), as input-paint.mjs's "painted".
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS } from '../e2e/helpers.mjs';
import { serve } from '../e2e/serve.mjs';
import { LARGE, RATE } from './plans.mjs';

const RUNS = Number(process.env.RUNS ?? 20);

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
const ms = (value) => `${value.toFixed(1)} ms`;

/** Times `RUNS` edits of the rate input, each until the figures `selector` matches change and paint. */
function timeEdits(page, selector) {
  return page.evaluate(async ([testid, runs, selector]) => {
    const input = document.querySelector(`[data-testid="${testid}"]`);
    const nextFrame = () => new Promise((done) => requestAnimationFrame(done));
    const task = () => new Promise((done) => setTimeout(done, 0));
    const cells = () => [...document.querySelectorAll(selector)].map((c) => c.dataset.value).join();
    const times = [];
    for (let i = 0; i < runs; i += 1) {
      await nextFrame();
      await task();
      const before = cells();
      input.value = String(10 + (i % 40));
      const t0 = performance.now();
      input.dispatchEvent(new Event('input', { bubbles: true }));
      await nextFrame();
      await task();
      const t1 = performance.now();
      if (cells() === before) throw new Error(`edit ${i} left ${selector} as it was`);
      times.push(t1 - t0);
    }
    return times;
  }, [RATE, RUNS, selector]);
}

const server = await serve(process.argv[2] ?? 'dist');
const base = `http://127.0.0.1:${server.address().port}/`;
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
try {
  const page = await browser.newPage();
  await page.goto(base + LARGE);
  await page.waitForSelector('[data-testid="scenario-duplicate"]');
  // Four large scenarios, each a little different: the large plan at three deal sizes and
  // its duplicate on screen.
  for (const deal of ['40000', '50000', '60000']) {
    await page.click('[data-testid="scenario-duplicate"]');
    await page.fill('[data-testid="deal"]', deal);
    await page.press('[data-testid="deal"]', 'Tab');
  }
  await timeEdits(page, '[data-testid="need-0"]'); // warm-up
  const alone = await timeEdits(page, '[data-testid="need-0"]');
  await page.click('[data-testid="scenario-compare"]');
  await page.waitForSelector('[data-testid="compare-table"]');
  const picks = await page.$$('[data-testid="compare-pick"]:not(:checked)');
  await picks[0].click();
  await page.waitForSelector('[data-testid="compare-3-headline-value"]');
  const open = await page.evaluate(async (runs) => {
    const nextFrame = () => new Promise((done) => requestAnimationFrame(done));
    const task = () => new Promise((done) => setTimeout(done, 0));
    const fourth = () => [...document.querySelectorAll('[data-testid="compare-pick"]')].find((p) => !p.checked || p.dataset.bench);
    const times = [];
    for (let i = 0; i < runs; i += 1) {
      const pick = fourth();
      pick.dataset.bench = '1';
      await nextFrame();
      await task();
      const t0 = performance.now();
      pick.click(); // ticked: the fourth column appears
      await nextFrame();
      await task();
      const t1 = performance.now();
      if (!document.querySelector('[data-testid="compare-4-headline-value"]')) throw new Error('no fourth column');
      times.push(t1 - t0);
      pick.click(); // unticked again, untimed
      await nextFrame();
      await task();
    }
    return times;
  }, RUNS);
  // Four compared; an edit of the scenario on screen reaches its column.
  await page.evaluate(() => [...document.querySelectorAll('[data-testid="compare-pick"]')].find((p) => !p.checked).click());
  await page.waitForSelector('[data-testid="compare-4-headline-value"]');
  const edits = await timeEdits(page, '[data-testid^="compare-"][data-testid$="-headline-value"]');
  const report = (label, times) => {
    const sorted = [...times].sort((a, b) => a - b);
    console.log(`  ${label}: p50 ${ms(percentile(sorted, 50))}, p95 ${ms(percentile(sorted, 95))} (${sorted.length} runs)`);
  };
  console.log('compare, four large scenarios (12 stages, 6 channels, a year), click or input → painted:');
  report('fourth column ticked', open);
  report('edit, comparison closed', alone);
  report('edit while comparing four', edits);
} finally {
  await browser.close();
  server.close();
}
