// End-to-end tests of issue 7's levers in real Chromium: which lever matters most (+10 % on
// each, ranked) and what each lever alone would need for a limit on marketing's lead stage.
// Every expected figure is read back from the page's own plan after the lever is applied.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { address, assertNoNonsense, openFresh, seen, start, typeInto, waitForValue } from './helpers.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env?.close(); });

const DEFAULT = '#quota=1000000&deal=25000&traffic=200000&stages=Visitors,Leads:2,MQLs:20,SQLs:40,Opportunities:60,Won:20';

/** The ranked levers: name, lead change and revenue change (both in percent). */
function levers(page) {
  return page.$$eval('tr[data-testid^="sens-"]', (rows) => rows.map((row) => ({
    testid: row.dataset.testid,
    name: row.dataset.name,
    lead: Number(row.dataset.leadChange),
    revenue: Number(row.dataset.revenueChange),
  })));
}

/** The solved levers: name, needed value, whether it can be reached. */
function solutions(page) {
  return page.$$eval('tr[data-testid^="solve-"]', (rows) => rows.map((row) => ({
    testid: row.dataset.testid,
    name: row.dataset.name,
    value: row.dataset.value === undefined ? null : Number(row.dataset.value),
    reachable: row.dataset.reachable === 'true',
  })));
}

const headline = async (page) => Number(await page.getAttribute('[data-testid="headline-value"]', 'data-value'));

test('under exact rounding, +10 % on any rate below the lead stage cuts the leads needed by exactly 1/1.1 − 1', async () => {
  const page = await openFresh(env, `${DEFAULT}&round=exact`);
  const ranked = await levers(page);
  assert.deepEqual(ranked.map((r) => r.testid), ['sens-0', 'sens-1', 'sens-2', 'sens-3', 'sens-4', 'sens-5', 'sens-6']);
  // Rates below Leads (and the deal size) first, in stage order; then the levers that leave
  // the leads alone.
  assert.deepEqual(ranked.map((r) => r.name), [
    'Leads → MQLs', 'MQLs → SQLs', 'SQLs → Opportunities', 'Opportunities → Won', 'Deal size',
    'Visitors → Leads', 'Planned traffic (Visitors)',
  ]);
  for (const row of ranked.slice(0, 5)) assert.ok(Math.abs(row.lead - (100 / 1.1 - 100)) < 1e-9, JSON.stringify(row));
  for (const row of ranked.slice(5)) assert.equal(row.lead, 0);
  for (const row of ranked) assert.ok(Math.abs(row.revenue - 10) < 1e-9);
  assert.match(await seen(page, '[data-testid="levers-sentence"]'),
    /^Improving Leads → MQLs by 10\u00a0% cuts the Leads marketing must deliver by 9\.1% \(\d+ fewer\)\.$/);
  assert.match(await seen(page, '[data-testid="levers-compounding"]'), /1\.1\^5 = 1\.61/);
  await assertNoNonsense(page);
  await page.context().close();
});

test('under stage rounding, each lever shows what the whole-unit plan gives with it applied', async () => {
  const page = await openFresh(env, DEFAULT);
  const before = await headline(page);
  const won = (await levers(page)).find((r) => r.name === 'Opportunities → Won');
  const fewer = Number((await seen(page, `tr[data-testid="${won.testid}"] td:nth-of-type(2)`)).replace(/[^0-9]/g, ''));
  assert.ok(fewer > 0);
  // Apply it by hand: Won at 22 % instead of 20 %.
  await typeInto(page, 'stage-rate-5', '22');
  await waitForValue(page, 'headline-value', before - fewer);
  assert.ok(Math.abs((before - fewer) / before - 1 - won.lead / 100) < 1e-9);
  // The ranking follows the edit: Won is now at 22 %, and its next +10 % is ranked again.
  assert.equal((await levers(page)).length, 7);
  await page.context().close();
});

test('a lead limit solves each lever, and Apply makes the plan fit it', async () => {
  const page = await openFresh(env, DEFAULT);
  assert.match(await seen(page, '[data-testid="limit-sentence"]'), /^Enter the most Leads marketing can deliver/);
  assert.deepEqual(await solutions(page), []);
  await typeInto(page, 'limit', '3,000');
  await page.waitForSelector('tr[data-testid="solve-5"]');
  assert.match(await seen(page, '[data-testid="limit-sentence"]'), /^Marketing needs 4,175 Leads, more than the 3,000 it can deliver/);
  const solved = await solutions(page);
  assert.deepEqual(solved.map((s) => s.name), [
    'Leads → MQLs', 'MQLs → SQLs', 'SQLs → Opportunities', 'Opportunities → Won', 'Deal size', 'Marketing share of deals',
  ]);
  assert.ok(solved.every((s) => s.reachable));
  assert.match(await address(page), /&limit=3000&/);
  // Each Apply, on a fresh copy of the plan, brings marketing's leads within the limit, and the
  // field shows the applied value.
  const link = await address(page);
  for (const [index, solution] of solved.entries()) {
    const copy = await openFresh(env, `#${link.split('#')[1]}`);
    await copy.click(`[data-testid="apply-${index}"]`);
    await copy.waitForFunction(() => Number(document.querySelector('[data-testid="headline-value"]').dataset.value) <= 3000);
    assert.match(await seen(copy, '[data-testid="limit-sentence"]'), /fit the limit of 3,000/);
    if (solution.name === 'Deal size') {
      assert.equal(await copy.inputValue('[data-testid="deal"]'), '35,714.29');
    } else if (solution.name.startsWith('Marketing share')) {
      assert.equal(await copy.inputValue('[data-testid="share"]'), String(solution.value));
    } else {
      assert.equal(Number(await copy.inputValue(`[data-testid="stage-rate-${index + 2}"]`)), solution.value);
    }
    await copy.context().close();
  }
  await page.context().close();
});

test('a limit out of reach says so, and a typo in the limit keeps the value before it', async () => {
  const page = await openFresh(env, `${DEFAULT}&limit=100`);
  const solved = await solutions(page);
  // 4,175 leads at 100: MQLs → SQLs would need 40 % × 41.75.
  const sqls = solved.find((s) => s.name === 'MQLs → SQLs');
  assert.equal(sqls.reachable, false);
  assert.ok(Math.abs(sqls.value - 1670) < 1e-9);
  assert.match(await seen(page, `tr[data-testid="${sqls.testid}"]`), /not reachable: needs 1,670%/);
  assert.equal(await page.isDisabled(`[data-testid="apply-${solved.indexOf(sqls)}"]`), true);
  await typeInto(page, 'limit', '100x');
  assert.match(await seen(page, '[data-testid="limit-error"]'), /Still using 100/);
  assert.equal((await solutions(page)).find((s) => s.name === 'MQLs → SQLs').value, sqls.value);
  await assertNoNonsense(page);
  await page.context().close();
});
