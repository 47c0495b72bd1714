// End-to-end tests of the built page (dist/) in real Chromium.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { address, assertNoNonsense, openFresh, ready, start, typeInto, values, waitForValue, written, seen } from './helpers.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env?.close(); });

const PLAN_KEY = 'funnel-planner.workspace';
const UNREADABLE_KEY = 'funnel-planner.workspace.unreadable';

test('a fresh visitor sees the default B2B funnel worked backwards from the quota', async () => {
  const page = await openFresh(env);
  const names = await page.$$eval('[data-testid^="stage-name-"]', (inputs) =>
    inputs.filter((input) => input.tagName === 'INPUT').map((input) => input.value));
  assert.deepEqual(names, ['Visitors', 'Leads', 'MQLs', 'SQLs', 'Opportunities', 'Won']);
  const v = await values(page);
  // 1,000,000 ÷ 25,000 = 40 deals; ÷ 20 % = 200 opps; ÷ 60 % = 333.3 → 334 SQLs;
  // ÷ 40 % = 835 MQLs; ÷ 20 % = 4,175 leads; ÷ 2 % = 208,750 visitors.
  assert.deepEqual(
    [0, 1, 2, 3, 4, 5].map((i) => v[`need-${i}`]),
    ['208750', '4175', '835', '334', '200', '40'],
  );
  assert.equal(v['deals-needed'], '40');
  assert.equal(v['pipeline-needed'], String(200 * 25000));
  // Forecast: 200,000 × 2 % × 20 % × 40 % × 60 % × 20 % = 38.4 deals → 960,000; gap 40,000.
  assert.ok(Math.abs(Number(v['forecast-5']) - 38.4) < 1e-9);
  assert.ok(Math.abs(Number(v['forecast-revenue']) - 960000) < 1e-6);
  assert.ok(Math.abs(Number(v.gap) - 40000) < 1e-6);
  assert.match(await seen(page, '[data-testid="gap-sentence"]'), /short of the new-business target by \$40,000/);
  assert.match((await address(page)), /#v=1&quota=1000000&deal=25000&traffic=200000&.*&stages=Visitors,Leads:2,/);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('typing updates results, and bad text keeps the last valid value with a message', async () => {
  const page = await openFresh(env);
  await typeInto(page, 'quota', '1.5M');
  // 1,500,000 ÷ 25,000 = 60 deals.
  await waitForValue(page, 'deals-needed', 60);
  await typeInto(page, 'deal', '30,000');
  // 1,500,000 ÷ 30,000 = 50 deals; ÷ 20 % = 250 opportunities.
  await waitForValue(page, 'deals-needed', 50);
  await waitForValue(page, 'need-4', 250);
  await typeInto(page, 'stage-rate-5', '25%');
  // 50 ÷ 25 % = 200 opportunities.
  await waitForValue(page, 'need-4', 200);

  await typeInto(page, 'deal', 'abc');
  await page.waitForSelector('[data-testid="deal-error"]:has-text("is not a number")');
  assert.match(await seen(page, '[data-testid="deal-error"]'), /Still using 30,000/);
  assert.equal((await values(page))['deals-needed'], '50');
  assert.equal(await page.getAttribute('[data-testid="deal"]', 'aria-invalid'), 'true');
  // Pasted whole (typed key by key, "1e308" passes through the valid "1e3").
  for (const text of ['0', '-5', '1e308', '']) {
    await page.fill('[data-testid="deal"]', text);
    await page.waitForFunction(() =>
      document.querySelector('[data-testid="deal-error"]').textContent.length > 0);
    await assertNoNonsense(page);
    assert.equal((await values(page))['deals-needed'], '50', `deal "${text}"`);
  }
  for (const text of ['0', '150', 'x']) {
    await page.fill('[data-testid="stage-rate-2"]', text);
    await page.waitForSelector('[data-testid="stage-rate-2-error"]:not(:empty)');
    await assertNoNonsense(page);
  }
  await page.fill('[data-testid="stage-name-1"]', '<img src=x onerror=alert(1)>');
  await page.waitForSelector('[data-testid="stage-name-1-error"]:has-text("cannot contain")');
  assert.match(await seen(page, '[data-testid="stage-name-1-error"]'), /Still using “Leads”/);
  assert.equal(await page.$('img'), null);
  assert.match((await address(page)), /stages=Visitors,Leads:/);
  await page.waitForSelector('[data-testid="invalid-fields"]');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('exact rounding carries exact values and rounds up only for display', async () => {
  const page = await openFresh(env, '#quota=1000000&deal=30000&stages=SQLs,Won:25');
  // Stage rounding: 34 deals → 34 ÷ 25 % = 136 SQLs.
  await waitForValue(page, 'need-0', 136);
  await page.selectOption('[data-testid="round"]', 'exact');
  // Exact: 33.33 deals ÷ 25 % = 133.3 → 134 SQLs shown.
  await waitForValue(page, 'need-0', 134);
  assert.match(await seen(page, '[data-testid="round-explanation"]'), /only for display/);
  assert.match((await address(page)), /round=exact/);
  await page.context().close();
});

test('a reload restores the plan, and the bare address restores it from storage', async () => {
  const page = await openFresh(env);
  await typeInto(page, 'quota', '2,000,000');
  await typeInto(page, 'stage-name-2', 'Marketing qualified');
  await waitForValue(page, 'deals-needed', 80);
  const before = await values(page);

  await page.reload();
  await ready(page);
  assert.deepEqual(await values(page), before);
  assert.equal(await page.inputValue('[data-testid="stage-name-2"]'), 'Marketing qualified');

  await page.goto(env.base);
  await ready(page);
  assert.deepEqual(await values(page), before);
  assert.equal(await page.inputValue('[data-testid="quota"]'), '2,000,000');
  const saved = JSON.parse(await page.evaluate((key) => localStorage.getItem(key), PLAN_KEY));
  assert.equal(saved.version, 4);
  assert.equal(saved.scenarios[0].plan.quota, '2000000');
  await page.context().close();
});

test('a hand-written link reproduces its scenario', async () => {
  const link = '#v=1&quota=2000000&deal=60000'
    + '&stages=Site+visits,Leads:2.5,MQLs:20,SQLs:40,Opportunities:60,Closed%20won:20'
    + '&traffic=150000&round=exact';
  const page = await openFresh(env, link);
  const v = await values(page);
  // Exact: 2,000,000 ÷ 60,000 = 33.33 deals → 34; ÷ 20 % = 166.67 → 167 opps;
  // ÷ 60 % = 277.78 → 278 SQLs; ÷ 40 % = 694.44 → 695 MQLs; ÷ 20 % = 3,472.2 → 3,473 leads;
  // ÷ 2.5 % = 138,888.9 → 138,889 visits.
  assert.deepEqual(
    [0, 1, 2, 3, 4, 5].map((i) => v[`need-${i}`]),
    ['138889', '3473', '695', '278', '167', '34'],
  );
  assert.equal(await page.inputValue('[data-testid="stage-name-0"]'), 'Site visits');
  assert.equal(await page.inputValue('[data-testid="stage-name-5"]'), 'Closed won');
  assert.equal(await page.inputValue('[data-testid="stage-rate-1"]'), '2.5');
  assert.equal(await page.inputValue('[data-testid="round"]'), 'exact');
  assert.equal(await seen(page, '[data-testid="notice"]'), '');
  await page.context().close();
});

test('query-string links work too, and the address moves them into the fragment', async () => {
  const page = await openFresh(env, '?quota=500000&deal=25000');
  await waitForValue(page, 'deals-needed', 20);
  assert.ok(!(await address(page)).includes('?'), (await address(page)));
  assert.match((await address(page)), /#v=1&quota=500000&/);
  await page.context().close();
});

test('a copied link reopened in a fresh browser gives identical figures', async () => {
  const context = await env.browser.newContext();
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: env.base });
  const page = await context.newPage();
  await page.goto(env.base);
  await ready(page);
  await typeInto(page, 'quota', '750k');
  await typeInto(page, 'stage-name-3', 'SQLs, accepted: by sales & ops');
  await typeInto(page, 'stage-rate-3', '33.3333');
  await typeInto(page, 'traffic', '123,456.5');
  await page.selectOption('[data-testid="round"]', 'exact');
  await waitForValue(page, 'deals-needed', 30);
  await page.click('[data-testid="copy-link"]');
  await page.waitForSelector('[data-testid="copy-status"]:has-text("Link copied")');
  const shown = await page.inputValue('[data-testid="share-link"]');
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  assert.equal(copied, shown);
  assert.ok(shown.startsWith(env.base + '#v=1&'), shown);
  const before = await values(page);

  const other = await openFresh(env, shown.slice(env.base.length));
  assert.deepEqual(await values(other), before);
  assert.equal(await other.inputValue('[data-testid="stage-name-3"]'), 'SQLs, accepted: by sales & ops');
  await other.context().close();
  await context.close();
});

test('a malformed link explains itself, falls back per parameter, never shows NaN', async () => {
  const page = await openFresh(
    env,
    '#v=1&quota=abc&deal=45000&stages=Leads&traffic=1e308&round=up&colour=red',
  );
  const notice = await seen(page, '[data-testid="notice"]');
  assert.match(notice, /quota “abc” is not usable/);
  assert.match(notice, /at least 2 stages, not 1/);
  assert.match(notice, /traffic “1e308” is not usable: Too large/);
  assert.match(notice, /round “up” is not usable: Use stage or exact/);
  assert.match(notice, /“colour” is not one this page uses/);
  // deal=45000 was fine and is kept; the rest fell back: 1,000,000 ÷ 45,000 = 22.2 → 23 deals.
  await waitForValue(page, 'deals-needed', 23);
  await assertNoNonsense(page);

  for (const link of [
    `#stages=Top${',S:50'.repeat(499)}`,
    '#stages=%3Cscript%3Ealert(1)%3C%2Fscript%3E,Won:5',
    '#stages=Leads,Won:0',
    '#stages=Leads,Won:100.5',
    '#quota=-5&deal=0',
    '#quota=%ZZ',
  ]) {
    const bad = await openFresh(env, link);
    assert.notEqual(await seen(bad, '[data-testid="notice"]'), '', link);
    await assertNoNonsense(bad);
    assert.equal(await bad.$('script:has-text("alert")'), null);
    assert.deepEqual(bad.errors, [], link);
    await bad.context().close();
  }
  await page.context().close();
});

test('corrupt storage shows a notice, starts from defaults and keeps a backup', async () => {
  const context = await env.browser.newContext();
  const page = await context.newPage();
  await page.goto(env.base);
  await ready(page);
  const corrupt = '{"version":4,"current":"s1","scenarios":[{"plan":{"quota":';
  await page.evaluate(([key, text]) => localStorage.setItem(key, text), [PLAN_KEY, corrupt]);
  await page.goto(env.base + 'index.html');
  await ready(page);
  const notice = await seen(page, '[data-testid="notice"]');
  assert.match(notice, /Your saved scenarios could not be read/);
  assert.match(notice, new RegExp(UNREADABLE_KEY.replaceAll('.', '\\.')));
  assert.equal(await page.evaluate((key) => localStorage.getItem(key), UNREADABLE_KEY), corrupt);
  await waitForValue(page, 'deals-needed', 40);
  await context.close();
});

test('opening a link adds its plan as a scenario: nothing saved is overwritten, and Back to returns to your own', async () => {
  const context = await env.browser.newContext();
  const page = await context.newPage();
  await page.goto(env.base);
  await ready(page);
  await typeInto(page, 'quota', '3,000,000');
  await waitForValue(page, 'deals-needed', 120);
  await written(page);
  const mine = await values(page);

  const linked = await context.newPage();
  await linked.goto(env.base + '#quota=500000&deal=25000');
  await ready(linked);
  await waitForValue(linked, 'deals-needed', 20);
  await linked.waitForSelector('[data-testid="restore-saved"]');
  assert.match(await linked.textContent('[data-testid="restore-saved"]'), /Back to \u201cMy plan\u201d/);
  await written(linked);
  const stored = JSON.parse(await linked.evaluate((key) => localStorage.getItem(key), PLAN_KEY));
  assert.deepEqual(stored.scenarios.map((s) => s.plan.quota), ['3000000', '500000'], 'the saved plan is untouched');
  await linked.click('[data-testid="restore-saved"]');
  await waitForValue(linked, 'deals-needed', 120);
  assert.deepEqual(await values(linked), mine);
  assert.equal(await linked.inputValue('[data-testid="quota"]'), '3,000,000');
  assert.equal(await linked.$('[data-testid="restore-saved"]'), null);

  // An edit of a linked plan changes that scenario alone.
  await linked.goto(env.base + '#quota=600000&deal=25000');
  await waitForValue(linked, 'deals-needed', 24);
  await typeInto(linked, 'deal', '20000');
  await waitForValue(linked, 'deals-needed', 30);
  await written(linked);
  const after = JSON.parse(await linked.evaluate((key) => localStorage.getItem(key), PLAN_KEY));
  assert.deepEqual(after.scenarios.map((s) => [s.plan.quota, s.plan.deal]),
    [['3000000', '25000'], ['500000', '25000'], ['600000', '20000']]);
  await context.close();
});

test('stages can be added, reordered and removed from the keyboard', async () => {
  const page = await openFresh(env, '#stages=Leads,MQLs:20,SQLs:50,Won:10&quota=100&deal=1');
  const names = () => page.$$eval('input[data-testid^="stage-name-"]', (inputs) =>
    inputs.map((input) => input.value));
  await page.focus('[data-testid="stage-up-2"]');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() =>
    document.querySelector('[data-testid="stage-name-1"]').value === 'SQLs');
  assert.deepEqual(await names(), ['Leads', 'SQLs', 'MQLs', 'Won']);
  assert.equal(await page.evaluate(() => document.activeElement.dataset.testid), 'stage-up-1');
  // Rates travel with their stages: SQLs 50 %, MQLs 20 %.
  assert.equal(await page.inputValue('[data-testid="stage-rate-1"]'), '50');

  await page.focus('[data-testid="stage-add"]');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.querySelectorAll('input[data-testid^="stage-name-"]').length === 5);
  // Focus moves to the new stage's name once it is drawn (a frame after the row appears).
  await page.waitForFunction(() => document.activeElement?.dataset.testid === 'stage-name-3', null, { timeout: 5000 })
    .catch(() => {});
  assert.equal(await page.evaluate(() => document.activeElement.dataset.testid), 'stage-name-3');
  await page.keyboard.type(' (demo)');
  assert.deepEqual(await names(), ['Leads', 'SQLs', 'MQLs', 'New stage (demo)', 'Won']);

  await page.focus('[data-testid="stage-remove-3"]');
  await page.keyboard.press('Space');
  await page.waitForFunction(() => document.querySelectorAll('input[data-testid^="stage-name-"]').length === 4);
  // 100 deals ÷ 10 % = 1,000 MQLs ÷ 20 % = 5,000 SQLs ÷ 50 % = 10,000 leads.
  await waitForValue(page, 'need-0', 10000);
  await page.context().close();
});

test('a link pasted into the address bar of the open page is followed', async () => {
  const page = await openFresh(env);
  await page.evaluate(() => { window.location.hash = 'quota=250000&deal=25000'; });
  await waitForValue(page, 'deals-needed', 10);
  assert.equal(await page.inputValue('[data-testid="quota"]'), '250,000');
  await page.context().close();
});

test('once loaded, the page works offline, and the plan never goes into a request', async () => {
  const context = await env.browser.newContext();
  const page = await context.newPage();
  const requested = [];
  context.on('request', (request) => requested.push(request.url()));
  await page.goto(env.base + '#quota=777000&deal=7000');
  await ready(page);
  // The service worker has installed (precached the page) once it controls the page.
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 10000 });
  await context.setOffline(true);
  await page.reload();
  await ready(page);
  // 777,000 ÷ 7,000 = 111 deals.
  await waitForValue(page, 'deals-needed', 111);
  await context.setOffline(false);
  assert.ok(requested.length > 0);
  for (const url of requested) {
    assert.ok(!url.includes('777000') && !url.includes('#'), url);
  }
  await context.close();
});

test('on a phone the page never scrolls sideways: wide tables scroll within themselves', async () => {
  const context = await env.browser.newContext({ viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  await page.goto(env.base + '#start=2027-01&cycle=400&channels=Search:60:50,Events:40:200&cap=1000');
  await ready(page);
  for (const section of await page.$$('details.section')) await section.evaluate((d) => { d.open = true; });
  const widths = await page.evaluate(() => [document.documentElement.scrollWidth, innerWidth]);
  assert.ok(widths[0] <= widths[1], `page is ${widths[0]} px wide in a ${widths[1]} px window`);
  await context.close();
});
