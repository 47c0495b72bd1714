// Measures time from navigation start to the first result (`need-0` in the DOM) in headless
// Chromium, over fresh browser contexts (cold storage, warm HTTP cache after the first run).
// A report, never a pass/fail test.
import { start } from '../e2e/helpers.mjs';

const RUNS = Number(process.env.RUNS ?? 15);
const env = await start(process.argv[2]);
const times = [];
try {
  for (let run = 0; run < RUNS; run += 1) {
    const context = await env.browser.newContext();
    await context.addInitScript(() => {
      new MutationObserver((_, observer) => {
        if (document.querySelector('[data-testid="need-0"]')) {
          window.__firstResult = performance.now();
          observer.disconnect();
        }
      }).observe(document, { childList: true, subtree: true });
    });
    const page = await context.newPage();
    await page.goto(env.base);
    await page.waitForFunction(() => window.__firstResult !== undefined);
    times.push(await page.evaluate(() => window.__firstResult));
    await context.close();
  }
} finally {
  await env.close();
}
times.sort((a, b) => a - b);
const median = times[Math.floor(times.length / 2)];
const fmt = (ms) => `${ms.toFixed(0)} ms`;
console.log(`first result (navigation start → need-0), ${RUNS} runs:`);
console.log(`  median ${fmt(median)}, min ${fmt(times[0])}, max ${fmt(times.at(-1))}`);
console.log(`  target 300 ms: ${median <= 300 ? 'within' : 'OVER'}`);
