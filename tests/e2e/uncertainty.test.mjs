// End-to-end tests of issue 7's "How sure are we": ranges typed beside the rates travel in the
// link, the seeded Monte Carlo figures keep P10 ≤ P50 ≤ P90 and agree with the histogram and
// the plan, the same link gives the same figures, and the draws never hold up typing.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { address, openFresh, start, typeInto, values } from './helpers.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env?.close(); });

const RANGED = '#deallow=20000&dealhigh=30000'
  + '&stages=Visitors,Leads:2:1.5:2.5,MQLs:20,SQLs:40:30:45,Opportunities:60,Won:20:15:30';

/** Waits for the draws to finish, then reads every `mc-*` figure as a number. */
async function finished(page) {
  await page.waitForSelector('[data-testid="mc"][data-state="done"]', { timeout: 20000 });
  const shown = await values(page);
  return Object.fromEntries(Object.entries(shown).filter(([k]) => k.startsWith('mc-')).map(([k, v]) => [k, Number(v)]));
}

test('ranged rates and deal size give ordered percentiles that the histogram and the sentence agree with', async () => {
  const page = await openFresh(env, RANGED);
  const mc = await finished(page);
  assert.ok(mc['mc-need-p10'] < mc['mc-need-p50'] && mc['mc-need-p50'] < mc['mc-need-p90'], JSON.stringify(mc));
  assert.ok(mc['mc-revenue-p10'] < mc['mc-revenue-p50'] && mc['mc-revenue-p50'] < mc['mc-revenue-p90']);
  assert.ok(mc['mc-hit'] > 0 && mc['mc-hit'] < 100);
  // The plan itself lies inside the spread.
  const headline = Number((await values(page))['headline-value']);
  assert.ok(mc['mc-need-p10'] <= headline && headline <= mc['mc-need-p90']);
  // The histogram: 10,000 draws in its bins, from the smallest need to the largest, with the
  // percentiles the cards show and the plan's own need.
  const series = JSON.parse(await page.getAttribute('[data-testid="chart-uncertainty"]', 'data-series'));
  assert.equal(series.counts.reduce((a, b) => a + b, 0), 10000);
  assert.equal(series.edges.length, series.counts.length + 1);
  assert.deepEqual([series.p10, series.p50, series.p90], [mc['mc-need-p10'], mc['mc-need-p50'], mc['mc-need-p90']]);
  assert.equal(series.plan, headline);
  assert.ok(series.edges[0] <= mc['mc-need-p10'] && mc['mc-need-p90'] <= series.edges.at(-1));
  const sentence = await page.textContent('[data-testid="mc-sentence"]');
  const f = (n) => n.toLocaleString('en-US');
  assert.equal(sentence, `P10–P90: ${f(mc['mc-need-p10'])}–${f(mc['mc-need-p90'])} Leads; planned traffic reaches the target in ${Math.round(mc['mc-hit'])}% of 10,000 draws.`);
  // The same link in a fresh browser gives the same figures: the draws are seeded.
  const again = await openFresh(env, RANGED);
  assert.deepEqual(await finished(again), mc);
  await again.context().close();
  await page.context().close();
});

test('without ranges every draw is the plan; low = high is the point value', async () => {
  const page = await openFresh(env, '#stages=Visitors,Leads:2,MQLs:20,SQLs:40,Opportunities:60,Won:20');
  const mc = await finished(page);
  const shown = await values(page);
  for (const p of ['p10', 'p50', 'p90']) {
    assert.equal(mc[`mc-need-${p}`], Number(shown['headline-value']));
    assert.ok(Math.abs(mc[`mc-revenue-${p}`] - Number(shown['forecast-revenue'])) < 1e-6);
  }
  assert.ok(await page.isVisible('[data-testid="mc-no-ranges"]'));
  const point = await openFresh(env, '#deallow=25000&dealhigh=25000&stages=Visitors,Leads:2:2:2,MQLs:20,SQLs:40:40:40,Opportunities:60,Won:20');
  assert.deepEqual(await finished(point), mc);
  await point.context().close();
  await page.context().close();
});

test('a range typed beside a rate goes into the link, and a high below the rate is refused beside it', async () => {
  const page = await openFresh(env, '#stages=Visitors,Leads:2,MQLs:20,SQLs:40,Opportunities:60,Won:20');
  const flat = await finished(page);
  await page.check('[data-testid="show-ranges"]');
  await typeInto(page, 'stage-low-3', '30');
  await typeInto(page, 'stage-high-3', '45');
  await page.keyboard.press('Tab'); // leaving the field commits 45 as its value
  await page.waitForFunction(() => document.querySelector('[data-testid="mc"]').dataset.state === 'updating');
  const spread = await finished(page);
  assert.ok(spread['mc-need-p10'] < spread['mc-need-p90'], JSON.stringify(spread));
  assert.match(decodeURIComponent(await address(page)), /SQLs:40:30:45/);
  // A high below the rate, typed later: a message beside the field, and the range before the
  // edit (30–45) stays in the plan and the link.
  await typeInto(page, 'stage-high-3', '35');
  await page.waitForFunction(() => document.querySelector('[data-testid="stage-high-3-error"]').textContent.trim() !== '');
  const kept = await finished(page);
  assert.deepEqual(kept, spread);
  assert.match(decodeURIComponent(await address(page)), /SQLs:40:30:45/);
  assert.notDeepEqual(flat, spread);
  await page.context().close();
});

test('the draws run after typing settles and never hold up the figures being typed', async () => {
  const page = await openFresh(env, `${RANGED}&draws=100000`);
  await finished(page);
  const before = Number((await values(page))['deals-needed']);
  await typeInto(page, 'quota', '2000000');
  // The stage table follows each keystroke at once, while the draws are still to come.
  await page.waitForFunction((b) => Number(document.querySelector('[data-testid="deals-needed"]').dataset.value) === 2 * b, before);
  assert.equal(await page.getAttribute('[data-testid="mc"]', 'data-state'), 'updating');
  assert.equal(await page.getAttribute('[data-testid="mc"]', 'aria-busy'), 'true');
  const mc = await finished(page);
  assert.ok(mc['mc-need-p50'] > 0);
  assert.equal(await page.textContent('[data-testid="mc-status"]'), '');
  await page.context().close();
});
