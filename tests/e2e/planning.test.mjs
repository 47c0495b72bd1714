// End-to-end tests of the planning depth (issue 3) in real Chromium.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { address, assertNoNonsense, openFresh, ready, start, typeInto, values, waitForValue, seen, openSection, written } from './helpers.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env?.close(); });

test('the headline is marketing’s volume at the lead stage, after existing revenue and sourcing', async () => {
  const page = await openFresh(env, '#quota=1000000&deal=25000&existing=200000&share=70&start=2027-01');
  const v = await values(page);
  // 1,000,000 − 200,000 = 800,000 → 32 deals; marketing ⌈32 × 70 %⌉ = ⌈22.4⌉ = 23, sales 9.
  assert.equal(v['new-target'], '800000');
  assert.equal(v['deals-needed'], '32');
  assert.equal(v['mkt-deals'], '23');
  assert.equal(v['sales-deals'], '9');
  // 23 ÷ 20 % = 115 opps ÷ 60 % = 191.7 → 192 SQLs ÷ 40 % = 480 MQLs ÷ 20 % = 2,400 leads.
  assert.deepEqual([1, 2, 3, 4, 5].map((i) => v[`mkt-need-${i}`]), ['2400', '480', '192', '115', '23']);
  assert.equal(v['headline-value'], '2400');
  assert.match(await seen(page, '[data-testid="headline"]'), /2,400\s+Leads/);
  // Per month and week of a quarter: ⌈2,400 ÷ 3⌉ = 800, ⌈2,400 ÷ 13⌉ = 185.
  assert.equal(v['mkt-need-per-month-1'], '800');
  assert.equal(v['mkt-need-per-week-1'], '185');

  await openSection(page, 'period');
  await page.selectOption('[data-testid="period"]', 'year');
  // A year: ⌈2,400 ÷ 12⌉ = 200 a month, ⌈2,400 ÷ 52⌉ = 47 a week.
  await waitForValue(page, 'mkt-need-per-month-1', 200);
  await waitForValue(page, 'mkt-need-per-week-1', 47);
  assert.match((await address(page)), /period=year/);

  await typeInto(page, 'existing', '1.2M');
  await waitForValue(page, 'headline-value', 0);
  assert.match(await seen(page, '[data-testid="headline"]'), /Existing customers cover the quota/);
  await assertNoNonsense(page);
  await page.context().close();
});

test('the month table adds up to each stage’s need and shows the lead time', async () => {
  const page = await openFresh(
    env,
    '#quota=1000000&deal=25000&start=2027-01&cycle=90&season=1,2,3,1,1,1,1,1,1,1,1,1',
  );
  const v = await values(page);
  const months = await page.$$eval('[data-testid^="plan-month-"]', (cells) => cells.map((c) => c.textContent));
  assert.deepEqual(months, ['2026-10', '2026-11', '2026-12', '2027-01', '2027-02', '2027-03']);
  for (let i = 0; i < 6; i += 1) {
    const sum = months.reduce((total, _, k) => total + Number(v[`plan-${k}-${i}`]), 0);
    assert.equal(sum, Number(v[`need-${i}`]), `stage ${i}`);
  }
  // 40 deals by weights 1:2:3 → 6.67, 13.33, 20 → whole units 7, 13, 20.
  assert.deepEqual([3, 4, 5].map((k) => v[`plan-deals-${k}`]), ['7', '13', '20']);
  assert.equal(v['plan-deals-0'], '0');
  assert.equal(
    await seen(page, '[data-testid="lead-window"]'),
    'Leads for Q1 2027 deals must be generated from Oct to Dec 2026.',
  );

  await openSection(page, 'timing');
  await typeInto(page, 'cycle', '0');
  await page.waitForFunction(() => document.querySelectorAll('[data-testid^="plan-month-"]').length === 3);
  await page.fill('[data-testid="season"]', '0,0,0,1,1,1,1,1,1,1,1,1');
  await page.waitForSelector('[data-testid="month-notes"]:has-text("weight 0")');
  await page.fill('[data-testid="season"]', '1,2,3');
  await page.waitForSelector('[data-testid="season-error"]:has-text("Give 12 weights")');
  await assertNoNonsense(page);
  await page.context().close();
});

test('a budget with channels blends costs, and shares not totalling 100 % are scaled', async () => {
  const page = await openFresh(env, '#quota=1000000&deal=25000&start=2027-01');
  await openSection(page, 'costs');
  await page.click('[data-testid="channel-add"]');
  await typeInto(page, 'channel-name-0', 'Search');
  await typeInto(page, 'channel-share-0', '60');
  await typeInto(page, 'channel-cpl-0', '50');
  await page.click('[data-testid="channel-add"]');
  // The second channel takes the 40 % left.
  assert.equal(await page.inputValue('[data-testid="channel-share-1"]'), '40');
  await typeInto(page, 'channel-cpl-1', '200');
  // Blended 0.6 × 50 + 0.4 × 200 = 110; 4,175 leads × 110 = 459,250.
  await waitForValue(page, 'blended-cpl', 110);
  await waitForValue(page, 'budget', 459250);
  const v = await values(page);
  assert.equal(v['channel-leads-0'], '2505');
  assert.equal(v['channel-budget-0'], String(2505 * 50));
  assert.equal(v['channel-budget-1'], String(1670 * 200));
  // CAC 459,250 ÷ 40 = 11,481.25; ROI (1,000,000 − 459,250) ÷ 459,250.
  assert.equal(v.cac, '11481.25');
  assert.ok(Math.abs(Number(v.roi) - (540750 / 459250) * 100) < 1e-9);
  assert.match((await address(page)), /channels=Search:60:50,Channel\+2:40:200/);

  await typeInto(page, 'channel-share-1', '20');
  await page.waitForSelector('[data-testid="channels-error"]:has-text("Shares total 80 %")');
  // Shares are scaled to 100 %, never dropped: (60 × 50 + 20 × 200) ÷ 80 = 87.5 per lead.
  await waitForValue(page, 'blended-cpl', 87.5);
  await waitForValue(page, 'budget', 4175 * 87.5);
  assert.equal(
    await seen(page, '[data-testid="channel-scaling"]'),
    'Shares total 80 %: scaled to 100 %, Search 75 %, Channel 2 25 %.',
  );
  await page.click('[data-testid="channels-scale"]');
  assert.equal(await page.inputValue('[data-testid="channel-share-0"]'), '75');
  assert.equal(await page.inputValue('[data-testid="channel-share-1"]'), '25');
  await waitForValue(page, 'budget', 4175 * 87.5);
  // Empty in the DOM itself, not just unrendered off screen.
  assert.equal(await page.textContent('[data-testid="channel-scaling"]'), '');
  await typeInto(page, 'channel-share-0', '60');
  await typeInto(page, 'channel-share-1', '40');
  await waitForValue(page, 'budget', 459250);

  await typeInto(page, 'cap', '300,000');
  // ⌊300,000 ÷ 110⌋ = 2,727 leads; budget gap 459,250 − 300,000.
  await waitForValue(page, 'affordable-leads', 2727);
  await waitForValue(page, 'budget-gap', 159250);
  assert.match(await seen(page, '[data-testid="cap-sentence"]'), /159,250 short/);
  await page.context().close();
});

test('the SLA panel states what marketing delivers and how fast sales follows up', async () => {
  const page = await openFresh(env, '#quota=1000000&deal=25000&start=2027-01');
  // 835 MQLs a quarter: ⌈835 ÷ 3⌉ = 279 a month, ⌈835 ÷ 13⌉ = 65 a week, 5 reps → 13 each.
  let v = await values(page);
  assert.deepEqual([v['sla-per-month'], v['sla-per-week'], v['sla-per-rep-week']], ['279', '65', '13']);
  assert.equal(
    await seen(page, '[data-testid="sla-sentence"]'),
    'Marketing delivers at least 279 MQLs per month (65 per week); sales follows up each within 24 hours — about 13 per rep per week.',
  );
  await openSection(page, 'handoff');
  await typeInto(page, 'followup', '4');
  await typeInto(page, 'ftereps', '2');
  await page.waitForSelector('[data-testid="sla-sentence"]:has-text("within 4 hours — about 33 per rep")');
  await page.selectOption('[data-testid="handoff"]', '3');
  // SQLs: 334 a quarter → ⌈334 ÷ 3⌉ = 112 a month.
  await waitForValue(page, 'sla-per-month', 112);
  v = await values(page);
  assert.match((await address(page)), /handoff=3/);
  assert.match((await address(page)), /followup=4/);
  await page.context().close();
});

test('team capacity says how many more reps the plan needs', async () => {
  const page = await openFresh(env, '#quota=1000000&deal=25000&start=2027-01');
  await openSection(page, 'team');
  await typeInto(page, 'reps', '4');
  await typeInto(page, 'attain', '80');
  // 4 × 250,000 × 80 % = 800,000: 200,000 short = 1 more rep.
  await waitForValue(page, 'capacity', 800000);
  await waitForValue(page, 'capacity-gap', 200000);
  await waitForValue(page, 'reps-short', 1);
  // SQLs per rep per month: 334 ÷ 3 ÷ 4.
  const v = await values(page);
  assert.ok(Math.abs(Number(v['per-rep-month-3']) - 334 / 3 / 4) < 1e-9);
  await typeInto(page, 'reps', '0');
  await page.waitForFunction(() => !document.querySelector('[data-testid="per-rep-month-3"]').hasAttribute('data-value'));
  assert.equal(await seen(page, '[data-testid="per-rep-month-3"]'), '—');
  await assertNoNonsense(page);
  await page.context().close();
});

test('a link with every planning parameter reopens with identical figures', async () => {
  const link = '#quota=3000000&deal=50000&period=year&existing=600000&share=60&reps=8'
    + '&repquota=400000&attain=85&leadstage=2&cpl=120&channels=Search:70:80,Events%2C+EU:30:300'
    + '&cap=500000&start=2027-02&cycle=90&season=1,1,1,1,1,1,0.5,0.5,1,1,1,2'
    + '&stagedays=20,30,40&handoff=3&followup=48&ftereps=3.5';
  const page = await openFresh(env, link);
  assert.equal(await seen(page, '[data-testid="notice"]'), '');
  const before = await values(page);
  const written = (await address(page)).slice(env.base.length);
  const other = await openFresh(env, written);
  assert.deepEqual(await values(other), before);
  await other.context().close();
  await page.context().close();
});

test('a plan saved by version 1 opens migrated, and bad new parameters explain themselves', async () => {
  const context = await env.browser.newContext();
  const page = await context.newPage();
  await page.goto(env.base);
  await ready(page);
  const v1 = '{"version":1,"scenario":{"quota":2000000.0,"deal":50000.0,"traffic":150000.0,'
    + '"round":"stage","stages":[{"name":"Leads"},{"name":"Won","rate":10.0}]}}';
  // A browser that has only version 1's saved plan.
  await page.evaluate((text) => {
    localStorage.clear();
    localStorage.setItem('funnel-planner.plan', text);
  }, v1);
  await page.goto(env.base + 'index.html');
  await ready(page);
  // 2,000,000 ÷ 50,000 = 40 deals ÷ 10 % = 400 leads.
  await waitForValue(page, 'need-0', 400);
  assert.match(await seen(page, '[data-testid="notice"]'), /^Your saved plan is now the scenario “My plan”/);
  await written(page);
  const saved = JSON.parse(await page.evaluate(() => localStorage.getItem('funnel-planner.workspace')));
  assert.equal(saved.version, 4);
  assert.equal(saved.scenarios[0].name, 'My plan');
  assert.equal(saved.scenarios[0].plan.quota, '2000000');
  assert.equal(saved.scenarios[0].plan.period, 'quarter');
  assert.equal(await page.evaluate(() => localStorage.getItem('funnel-planner.plan')), v1, 'left as it was');

  const bad = await openFresh(env, '#period=week&share=150&channels=A:50:1%3C0&start=2027-13&followup=0');
  const notice = await seen(bad, '[data-testid="notice"]');
  assert.match(notice, /period “week” is not usable/);
  assert.match(notice, /share “150” is not usable/);
  assert.match(notice, /channels “A:50:1<0” are not usable/);
  assert.match(notice, /start “2027-13” is not usable/);
  assert.match(notice, /followup “0” is not usable/);
  await assertNoNonsense(bad);
  await bad.context().close();
  await context.close();
});
