// End-to-end tests of issue 7's "Everywhere" on a phone: the headline and the stage table come
// first, within the first screen, the page never scrolls sideways, and every control is at
// least 24 × 24 px (WCAG 2.5.8).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { openFresh, start } from './helpers.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env?.close(); });

const PHONE = { viewport: { width: 375, height: 667 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };

test('on a 375 px phone the headline and the stage table are on the first screen', async () => {
  const page = await openFresh(env, '', async () => {}, PHONE);
  const box = async (testid) => page.locator(`[data-testid="${testid}"]`).boundingBox();
  const headline = await box('headline-value');
  assert.ok(headline.y + headline.height <= 667, JSON.stringify(headline));
  // The stage table's first rows: the top stage and the lead stage, with their needs.
  for (const testid of ['need-0', 'need-1']) {
    const cell = await box(testid);
    assert.ok(cell.y + cell.height <= 667 && cell.x + cell.width <= 375, `${testid} ${JSON.stringify(cell)}`);
  }
  // Inputs follow the plan.
  const quota = await box('quota');
  assert.ok(quota.y > headline.y);
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= innerWidth));
  await page.context().close();
});

test('every control on the phone is at least 24 × 24 px', async () => {
  const page = await openFresh(env, '#limit=3000', async () => {}, PHONE);
  // Open every collapsed section, so their controls count too.
  await page.$$eval('details', (all) => all.forEach((d) => { d.open = true; }));
  const small = await page.evaluate(() => [...document.querySelectorAll('button, select, input, summary, a[href]')]
    .filter((el) => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden')
    .map((el) => ({ el, rect: el.getBoundingClientRect() }))
    .filter(({ rect }) => rect.width < 24 || rect.height < 24)
    .map(({ el, rect }) => `${el.tagName} ${el.dataset.testid ?? el.textContent.trim().slice(0, 20)} ${rect.width}×${rect.height}`));
  assert.deepEqual(small, []);
  await page.context().close();
});
