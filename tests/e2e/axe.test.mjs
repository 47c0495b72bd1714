// Accessibility: axe-core (npm `axe-core`, pinned in package.json) reports no violations on
// the main view, with every section open and every chart drawn, in the light and dark themes.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { openFresh, start } from './helpers.mjs';

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

let env;
before(async () => { env = await start(); });
after(async () => { await env?.close(); });

/** Runs axe on the whole page (injected by evaluation: the page's CSP refuses inline scripts). */
async function violations(page) {
  await page.evaluate(AXE);
  return page.evaluate(async () => (await axe.run(document)).violations
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`));
}

for (const colorScheme of ['light', 'dark']) {
  test(`axe finds no violations on the main view (${colorScheme})`, async () => {
    const page = await openFresh(env, '#limit=3000&cap=100000', async () => {}, { colorScheme });
    await page.$$eval('details', (all) => all.forEach((d) => { d.open = true; }));
    // Off-screen sections are drawn when they come near the screen: scroll through once, as a
    // reader would, so every section and chart is rendered.
    await page.evaluate(async () => {
      for (let y = 0; y < document.body.scrollHeight; y += 500) {
        scrollTo(0, y);
        await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
      }
    });
    assert.deepEqual(await violations(page), []);
    await page.context().close();
  });
}
