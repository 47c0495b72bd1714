// End-to-end tests of named scenarios: the list, its undoable actions, storage format 4 and
// its migration, shared links opening as scenarios, two tabs, and storage that refuses.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { openFresh, ready, start, typeInto, values, waitForValue, written } from './helpers.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env?.close(); });

const KEY = 'funnel-planner.workspace';
const PLAN = '#quota=1000000&deal=25000&start=2027-01&traffic=200000';

/** The scenario list as shown: names in order, and the current one's name. */
async function scenarios(page) {
  return page.evaluate(() => {
    const items = [...document.querySelectorAll('[data-testid="scenario-item"]')];
    return {
      names: items.map((item) => item.dataset.name),
      current: items.filter((item) => item.getAttribute('aria-current') === 'true').map((item) => item.dataset.name),
    };
  });
}

/** Waits until the list shows `names`, with `current` the current one. */
async function waitForScenarios(page, names, current) {
  try {
    await page.waitForFunction(([names, current]) => {
      const items = [...document.querySelectorAll('[data-testid="scenario-item"]')];
      return JSON.stringify(items.map((item) => item.dataset.name)) === JSON.stringify(names)
        && items.filter((item) => item.getAttribute('aria-current') === 'true').map((item) => item.dataset.name).join() === current;
    }, [names, current], { timeout: 5000 });
  } catch {
    assert.deepEqual(await scenarios(page), { names, current: [current] });
  }
}

/** Clicks the scenario named `name` in the list. */
async function switchTo(page, name) {
  await page.click(`[data-testid="scenario-item"][data-name="${name}"]`);
}

/** The stored workspace, parsed. */
async function stored(page) {
  await written(page);
  return JSON.parse(await page.evaluate((key) => localStorage.getItem(key), KEY));
}

/** Renames the current scenario to `name` through the rename form. */
async function rename(page, name) {
  await page.click('[data-testid="scenario-rename"]');
  await page.fill('[data-testid="scenario-name"]', name);
  await page.press('[data-testid="scenario-name"]', 'Enter');
}

test('scenarios are created, duplicated, renamed, switched and deleted; every change undoes, and all of it survives a reload', async () => {
  const page = await openFresh(env);
  await waitForScenarios(page, ['My plan'], 'My plan');
  assert.equal(await page.locator('[data-testid="scenario-delete"]').isEnabled(), false, 'the last scenario cannot be deleted');
  await typeInto(page, 'quota', '1000000');
  await page.keyboard.press('Tab');
  const baseline = (await values(page))['headline-value'];

  // A stretch case: a copy, renamed, with a higher quota.
  await page.click('[data-testid="scenario-duplicate"]');
  await waitForScenarios(page, ['My plan', 'My plan (2)'], 'My plan (2)');
  assert.equal(await page.inputValue('[data-testid="quota"]'), '1,000,000', 'a copy of the plan');
  await rename(page, 'Stretch <b>');
  await page.waitForFunction(() => document.querySelector('[data-testid="scenario-name-message"]').textContent.includes('\u201c<\u201d'));
  await waitForScenarios(page, ['My plan', 'My plan (2)'], 'My plan (2)');
  await page.fill('[data-testid="scenario-name"]', 'Stretch');
  await page.press('[data-testid="scenario-name"]', 'Enter');
  await waitForScenarios(page, ['My plan', 'Stretch'], 'Stretch');
  await typeInto(page, 'quota', '1500000');
  await page.keyboard.press('Tab');
  const stretch = (await values(page))['headline-value'];
  assert.ok(Number(stretch) > Number(baseline), `${stretch} > ${baseline}`);

  // Switching shows each scenario's own plan.
  await switchTo(page, 'My plan');
  await waitForValue(page, 'headline-value', baseline);
  assert.equal(await page.inputValue('[data-testid="quota"]'), '1,000,000');
  await switchTo(page, 'Stretch');
  await waitForValue(page, 'headline-value', stretch);

  // A new scenario starts from the default plan; deleting it, then Ctrl+Z, brings it back.
  await page.click('[data-testid="scenario-new"]');
  await waitForScenarios(page, ['My plan', 'Stretch', 'Untitled scenario'], 'Untitled scenario');
  await page.click('[data-testid="scenario-delete"]');
  await waitForScenarios(page, ['My plan', 'Stretch'], 'Stretch');
  await page.waitForFunction(() => document.querySelector('[data-testid="notice"]').textContent.includes('Deleted \u201cUntitled scenario\u201d'));
  await page.keyboard.press('Control+z');
  await waitForScenarios(page, ['My plan', 'Stretch', 'Untitled scenario'], 'Untitled scenario');
  await page.keyboard.press('Control+Shift+z');
  await waitForScenarios(page, ['My plan', 'Stretch'], 'Stretch');

  // Undo walks back through the stretch's quota, its rename and its creation, in order.
  await page.click('[data-testid="undo"]');
  await waitForScenarios(page, ['My plan', 'Stretch', 'Untitled scenario'], 'Untitled scenario');
  await page.click('[data-testid="undo"]');
  await waitForScenarios(page, ['My plan', 'Stretch'], 'Stretch');
  await page.click('[data-testid="undo"]');
  await waitForValue(page, 'headline-value', baseline);
  await page.click('[data-testid="undo"]');
  await waitForScenarios(page, ['My plan', 'My plan (2)'], 'My plan (2)');
  await page.click('[data-testid="undo"]');
  await waitForScenarios(page, ['My plan'], 'My plan');
  for (let step = 0; step < 3; step += 1) await page.click('[data-testid="redo"]');
  await waitForScenarios(page, ['My plan', 'Stretch'], 'Stretch');
  await waitForValue(page, 'headline-value', stretch);

  // Stored as format 4, every scenario with its plan; a reload (address and all) brings it back.
  const saved = await stored(page);
  assert.equal(saved.version, 4);
  assert.deepEqual(saved.scenarios.map((s) => [s.name, s.plan.quota]), [['My plan', '1000000'], ['Stretch', '1500000']]);
  assert.match(await page.evaluate(() => location.hash), /&name=Stretch/);
  await page.reload();
  await ready(page);
  await waitForScenarios(page, ['My plan', 'Stretch'], 'Stretch');
  await waitForValue(page, 'headline-value', stretch);
  await page.goto(env.base);
  await ready(page);
  await waitForScenarios(page, ['My plan', 'Stretch'], 'Stretch');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

/** A version-3 plan as issue 6's page saved it, with a draft deal size. */
const V3 = '{"version":3,"plan":{"quota":"2000000","deal":"40000","stages":"Visitors,Leads:2,MQLs:25,Won:10","start":"2027-01","currency":"EUR"},"drafts":{"deal":"450%"}}';
/** A version-1 plan, kept aside by an earlier page under `.previous`. */
const V1 = '{"version":1,"scenario":{"quota":500000.0,"deal":5000.0,"traffic":90000.0,"round":"exact","stages":[{"name":"Site visits"},{"name":"Leads","rate":2.5},{"name":"Won","rate":12.5}]}}';

test('the single saved plan and its kept-aside copy become scenarios; the old keys stay as they were', async () => {
  const page = await openFresh(env, '', async (page) => {
    await page.addInitScript(([v3, v1]) => {
      if (!sessionStorage.getItem('seeded')) {
        sessionStorage.setItem('seeded', '1');
        localStorage.setItem('funnel-planner.plan', v3);
        localStorage.setItem('funnel-planner.plan.previous.1700000000000', v1);
      }
    }, [V3, V1]);
  });
  await waitForScenarios(page, ['My plan', 'Previous plan'], 'My plan');
  assert.equal(await page.inputValue('[data-testid="quota"]'), '2,000,000');
  assert.equal(await page.inputValue('[data-testid="deal"]'), '450%', 'the draft text comes too');
  assert.match(await page.textContent('[data-testid="notice"]'), /now the scenario \u201cMy plan\u201d/);
  await switchTo(page, 'Previous plan');
  await page.waitForFunction(() => document.querySelector('[data-testid="quota"]').value === '500,000');
  const saved = await stored(page);
  assert.deepEqual(saved.scenarios.map((s) => s.name), ['My plan', 'Previous plan']);
  assert.equal(saved.scenarios[0].drafts.deal, '450%');
  assert.equal(await page.evaluate(() => localStorage.getItem('funnel-planner.plan')), V3, 'never deleted or rewritten');
  assert.equal(await page.evaluate(() => localStorage.getItem('funnel-planner.plan.previous.1700000000000')), V1);
  // Migrated once: a reload reads format 4 and says nothing more.
  await page.reload();
  await ready(page);
  await waitForScenarios(page, ['My plan', 'Previous plan'], 'Previous plan');
  assert.doesNotMatch(await page.textContent('[data-testid="notice"]'), /now the scenario/);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('a shared link opens as a new scenario named by the link, once; Back to returns to your own', async () => {
  const page = await openFresh(env);
  await typeInto(page, 'quota', '800000');
  await page.keyboard.press('Tab');
  await written(page);
  const mine = (await values(page))['headline-value'];
  const link = `${env.base}#quota=3000000&deal=60000&name=Q1%20stretch%2C%20EU`;
  await page.goto(link);
  await ready(page);
  await waitForScenarios(page, ['My plan', 'Q1 stretch, EU'], 'Q1 stretch, EU');
  assert.equal(await page.inputValue('[data-testid="quota"]'), '3,000,000');
  assert.match(await page.textContent('[data-testid="notice"]'), /open as a new scenario/);
  await page.click('[data-testid="restore-saved"]');
  await waitForScenarios(page, ['My plan', 'Q1 stretch, EU'], 'My plan');
  await waitForValue(page, 'headline-value', mine);
  // The same link again: no copy.
  await page.goto(`${env.base}#quota=1`);
  await page.goto(link);
  await ready(page);
  await waitForScenarios(page, ['My plan', 'Q1 stretch, EU', `Shared plan ${new Date().toISOString().slice(0, 10)}`], 'Q1 stretch, EU');
  // A link pasted into the open page's address bar (a hash change) opens the same way.
  await page.evaluate(() => { location.hash = 'quota=4000000&deal=60000'; });
  await page.waitForFunction(() => document.querySelector('[data-testid="quota"]').value === '4,000,000');
  assert.equal((await scenarios(page)).names.length, 4);
  const saved = await stored(page);
  assert.deepEqual(saved.scenarios.map((s) => s.plan.quota), ['800000', '3000000', '1', '4000000']);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('two tabs: an edit shows in the other; both editing one scenario keeps both; storage that refuses changes nothing saved', async () => {
  const context = await env.browser.newContext();
  const first = await context.newPage();
  await first.goto(env.base);
  await ready(first);
  const second = await context.newPage();
  await second.goto(env.base);
  await ready(second);
  await waitForScenarios(second, ['My plan'], 'My plan');

  // An edit in one tab shows in the other, in place.
  await typeInto(first, 'quota', '2000000');
  await first.keyboard.press('Tab');
  await second.waitForFunction(() => document.querySelector('[data-testid="quota"]').value === '2,000,000');
  await first.click('[data-testid="scenario-duplicate"]');
  await waitForScenarios(second, ['My plan', 'My plan (2)'], 'My plan');
  await waitForScenarios(first, ['My plan', 'My plan (2)'], 'My plan (2)');

  // The second tab's storage is full: its edit stays on screen, unsaved, and says so.
  await switchTo(first, 'My plan');
  const before = await first.evaluate((key) => localStorage.getItem(key), KEY);
  await second.evaluate(() => {
    window.realSetItem = Storage.prototype.setItem;
    Storage.prototype.setItem = function full() {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
  });
  await typeInto(second, 'deal', '50000');
  await second.keyboard.press('Tab');
  await second.waitForFunction(() => document.querySelector('[data-testid="notice"]').textContent.includes('could not be saved'));
  assert.equal(await second.evaluate((key) => localStorage.getItem(key), KEY), before, 'what was saved is intact');

  // Meanwhile the first tab edits the same scenario: neither edit is lost.
  await typeInto(first, 'quota', '2500000');
  await first.keyboard.press('Tab');
  await waitForScenarios(second, ['My plan', 'My plan (3)', 'My plan (2)'], 'My plan (3)');
  assert.match(await second.textContent('[data-testid="notice"]'), /Both versions are kept/);
  assert.equal(await second.inputValue('[data-testid="deal"]'), '50,000', 'this tab keeps its edit, as a copy');
  await switchTo(second, 'My plan');
  assert.equal(await second.inputValue('[data-testid="quota"]'), '2,500,000', 'the other tab\u2019s edit, under its name');

  // Storage works again: the copy is saved, and reaches the first tab.
  await second.evaluate(() => { Storage.prototype.setItem = window.realSetItem; });
  await switchTo(second, 'My plan (3)');
  await waitForScenarios(first, ['My plan', 'My plan (3)', 'My plan (2)'], 'My plan');
  const saved = JSON.parse(await first.evaluate((key) => localStorage.getItem(key), KEY));
  assert.deepEqual(saved.scenarios.map((s) => [s.name, s.plan.quota, s.plan.deal]),
    [['My plan', '2500000', '25000'], ['My plan (3)', '2000000', '50000'], ['My plan (2)', '2000000', '25000']]);
  assert.deepEqual([...first.errors ?? [], ...second.errors ?? []], []);
  await context.close();
});

/** Chooses a file in the import field: `contents` as `name`, or a file on disk at `path`. */
async function importFile(page, file) {
  await page.setInputFiles('[data-testid="import-json"]', file);
}

test('JSON: all scenarios download in one versioned file; import adds them with suffixes, lists every problem of a bad file, refuses huge or deep files at once, and undoes in one step', async () => {
  const context = await env.browser.newContext({ acceptDownloads: true });
  const page = await context.newPage();
  await page.goto(env.base + PLAN);
  await ready(page);
  await page.click('[data-testid="scenario-duplicate"]');
  await rename(page, 'Stretch');
  await waitForScenarios(page, ['Shared plan ' + new Date().toISOString().slice(0, 10), 'Stretch'], 'Stretch');
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="export-workspace"]')]);
  assert.equal(download.suggestedFilename(), 'funnel-planner-scenarios.json');
  const { readFile, writeFile, mkdtemp } = await import('node:fs/promises');
  const text = await readFile(await download.path(), 'utf8');
  const file = JSON.parse(text);
  assert.equal(file.version, 4);
  assert.deepEqual(file.scenarios.map((s) => s.name), (await scenarios(page)).names);

  // A bad file: every problem listed, nothing imported.
  const bad = JSON.stringify({ version: 4, scenarios: [{ name: 'Good', plan: { quota: 'abc' } }, { plan: {} }, { name: 'Bad<name', plan: { deal: '-5' } }] });
  await importFile(page, { name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from(bad) });
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="import-status"] li').length >= 3);
  const listed = await page.$$eval('[data-testid="import-status"] li', (items) => items.map((i) => i.textContent));
  assert.ok(listed.some((p) => /Scenario 1/.test(p) && /abc/.test(p)), listed.join('\n'));
  assert.ok(listed.some((p) => /Scenario 2 has no name/.test(p)), listed.join('\n'));
  assert.ok(listed.some((p) => /Scenario 3/.test(p) && /</.test(p)), listed.join('\n'));
  assert.match(await page.textContent('[data-testid="import-status"]'), /Nothing was imported/);
  assert.equal((await scenarios(page)).names.length, 2);

  // Too large (50 MB) or too deep: refused before parsing, and the page still answers.
  const dir = await mkdtemp('/tmp/funnel-import-');
  await writeFile(`${dir}/huge.json`, `{"version":4,"pad":"${'x'.repeat(50 * 1024 * 1024)}"}`);
  await importFile(page, `${dir}/huge.json`);
  await page.waitForFunction(() => /The file is 51 MB/.test(document.querySelector('[data-testid="import-status"]').textContent));
  await importFile(page, { name: 'deep.json', mimeType: 'application/json', buffer: Buffer.from('['.repeat(100000) + ']'.repeat(100000)) });
  await page.waitForFunction(() => /nests deeper/.test(document.querySelector('[data-testid="import-status"]').textContent));
  await typeInto(page, 'quota', '1200000');
  await page.waitForFunction(() => document.querySelector('[data-testid="quota"]').value === '1200000');

  // The exported file again: added beside the originals, names suffixed, values intact.
  await importFile(page, { name: 'scenarios.json', mimeType: 'application/json', buffer: Buffer.from(text) });
  const today = 'Shared plan ' + new Date().toISOString().slice(0, 10);
  await waitForScenarios(page, [today, 'Stretch', `${today} (2)`, 'Stretch (2)'], `${today} (2)`);
  assert.match(await page.textContent('[data-testid="import-status"]'), /Imported 2 scenarios/);
  assert.equal(await page.inputValue('[data-testid="quota"]'), '1,000,000');
  await switchTo(page, 'Stretch');
  assert.equal(await page.inputValue('[data-testid="quota"]'), '1,200,000', 'nothing already here replaced');
  // One undo removes the whole import.
  await page.click('[data-testid="undo"]');
  await waitForScenarios(page, [today, 'Stretch'], 'Stretch');
  assert.deepEqual(page.errors ?? [], []);
  await context.close();
});

test('compare: two scenarios side by side, each figure as its own plan shows it, changes from the first; CSV; axe finds nothing', async () => {
  const context = await env.browser.newContext({ acceptDownloads: true });
  const page = await context.newPage();
  await page.goto(env.base + PLAN);
  await ready(page);
  const base = await values(page);
  await page.click('[data-testid="scenario-duplicate"]');
  await typeInto(page, 'deal', '50000');
  await page.keyboard.press('Tab');
  const bigger = await values(page);
  await page.click('[data-testid="scenario-compare"]');
  await page.waitForSelector('[data-testid="compare-table"]');
  for (const key of ['headline-value', 'deals-needed', 'budget']) {
    assert.equal(await page.getAttribute(`[data-testid="compare-1-${key}"]`, 'data-value'), base[key], key);
    assert.equal(await page.getAttribute(`[data-testid="compare-2-${key}"]`, 'data-value'), bigger[key], key);
  }
  // The overlaid funnel chart plots each scenario's need at every stage, as its own plan does.
  await page.waitForFunction(() => document.querySelector('[data-testid="compare-chart"]')?.dataset.series);
  const series = JSON.parse(await page.getAttribute('[data-testid="compare-chart"]', 'data-series'));
  assert.equal(series.scale, 'log');
  assert.equal(series.needed.length, 2);
  series.stages.forEach((_, i) => {
    assert.equal(String(series.needed[0][i]), base[`mkt-need-${i}`], `stage ${i}`);
    assert.equal(String(series.needed[1][i]), bigger[`mkt-need-${i}`], `stage ${i}`);
  });
  assert.match(await page.getAttribute('[data-testid="compare-chart"]', 'aria-label'), /scenario by scenario/);
  // 1,000,000 ÷ 25,000 = 40 deals; ÷ 50,000 = 20: −20, −50 %.
  assert.equal(await page.getAttribute('[data-testid="compare-2-deals-needed-change"]', 'data-value'), '-20');
  assert.equal(await page.getAttribute('[data-testid="compare-2-deals-needed-change"]', 'data-percent'), '-50');
  assert.match(await page.textContent('[data-testid="compare-2-deals-needed-change"]'), /▼/);
  assert.match(await page.textContent('[data-testid="compare-table"] thead'), /baseline/);
  // A typo on screen: the column keeps the value before the edit, and the panel says so.
  await typeInto(page, 'deal', '5OOOO');
  await page.waitForFunction(() => /not valid/.test(document.querySelector('[data-testid="compare-drafts"]').textContent));
  assert.equal(await page.getAttribute('[data-testid="compare-2-deal"]', 'data-value'), '50000');
  await typeInto(page, 'deal', '50000');
  await page.keyboard.press('Tab');
  await page.waitForFunction(() => document.querySelector('[data-testid="compare-drafts"]').textContent === '');
  // Untick one: the other stays ticked (it cannot be unticked), so the panel stays open.
  await page.click('[data-testid="compare-pick"][data-name="' + (await scenarios(page)).names[1] + '"]');
  assert.ok(await page.isDisabled('[data-testid="compare-pick"]:checked'));
  await page.click('[data-testid="compare-pick"]:not(:checked)');
  await page.waitForSelector('[data-testid="compare-table"]');
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="compare-csv"]')]);
  const csv = readFileSync(await download.path(), 'utf8');
  assert.match(csv, /^Deals needed,40,20,-20,-50\r?$/m);
  // Injected by evaluation: the page's CSP refuses inline scripts.
  await page.evaluate(readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8'));
  const result = await page.evaluate(() => window.axe.run(document.querySelector('[data-testid="compare"]')));
  assert.deepEqual(result.violations.map((v) => v.id), []);

  // One link carries both: opened in a browser that has neither, it shows the same comparison.
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.click('[data-testid="compare-copy-link"]');
  await page.waitForFunction(() => document.querySelector('[data-testid="compare-copy-status"]').textContent.includes('copied'));
  const link = await page.inputValue('[data-testid="compare-link"]');
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), link);
  assert.match(link, /#compare=[^&]+,2$/);
  assert.equal(await page.$('[data-testid="compare-link-long"]'), null, 'a short link gets no warning');
  const elsewhere = await env.browser.newContext();
  const other = await elsewhere.newPage();
  await other.goto(link);
  await ready(other);
  await other.waitForSelector('[data-testid="compare-table"]');
  for (const key of ['headline-value', 'deals-needed', 'budget']) {
    assert.equal(await other.getAttribute(`[data-testid="compare-1-${key}"]`, 'data-value'), base[key], key);
    assert.equal(await other.getAttribute(`[data-testid="compare-2-${key}"]`, 'data-value'), bigger[key], key);
  }
  assert.equal((await scenarios(other)).names.length, 2, 'a browser with nothing saved holds just the two compared');
  // Cut short on the way (as some apps do with long links): the whole ones open, and it says so.
  const cut = await elsewhere.newPage();
  await cut.goto(link.slice(0, link.lastIndexOf(',') - 5));
  await ready(cut);
  assert.match(await cut.textContent('[data-testid="notice"]'), /cut short.*The 1 scenario that arrived whole/);
  await elsewhere.close();

  // A long comparison (many stages, accented names) warns beside its link.
  const stages = Array.from({ length: 16 }, (_, i) => `${encodeURIComponent(`Étape qualifiée numéro ${i + 1} — été`)}${i ? ':50' : ''}`).join(',');
  const longPage = await context.newPage();
  await longPage.goto(`${env.base}#quota=1000000&deal=25000&stages=${stages}&name=Long`);
  await ready(longPage);
  await longPage.click('[data-testid="scenario-compare"]');
  await longPage.click('[data-testid="compare-copy-link"]');
  await longPage.waitForSelector('[data-testid="compare-link-long"]');
  const longLink = await longPage.inputValue('[data-testid="compare-link"]');
  assert.ok(longLink.length > 2000, `${longLink.length}`);
  assert.match(await longPage.textContent('[data-testid="compare-link-long"]'), /characters long/);
  // Stages match by name: a scenario without MQLs shows no MQLs rate, and Won's against Won's.
  const byName = await context.newPage();
  await byName.goto(`${env.base}#quota=1000000&deal=25000&stages=Visitors,Leads:2,MQLs:20,Won:30&name=Four`);
  await ready(byName);
  await byName.click('[data-testid="scenario-duplicate"]');
  await byName.click('[data-testid="stage-remove-2"]');
  await byName.click('[data-testid="scenario-compare"]');
  await byName.waitForSelector('[data-testid="compare-table"]');
  const series2 = JSON.parse(await byName.getAttribute('[data-testid="compare-chart"]', 'data-series'));
  assert.deepEqual(series2.stages, ['Visitors', 'Leads', 'MQLs', 'Won']);
  assert.equal(series2.needed[1][2], null, 'no MQLs in the copy');
  assert.equal(await byName.getAttribute('[data-testid="compare-2-rate-2"]', 'data-value'), '');
  assert.equal(await byName.getAttribute('[data-testid="compare-1-rate-3"]', 'data-value'), '0.3');
  assert.equal(await byName.getAttribute('[data-testid="compare-2-rate-3"]', 'data-value'), '0.3');
  assert.match(await byName.textContent('[data-testid="compare-table"]'), /Rate into Won/);
  await byName.close();

  // Closing the comparison in the frame after an edit, before its chart redraws, harms nothing.
  const errors = [];
  longPage.on('pageerror', (error) => errors.push(error.message));
  await longPage.evaluate(() => {
    const deal = document.querySelector('[data-testid="deal"]');
    deal.value = '30000';
    deal.dispatchEvent(new Event('input', { bubbles: true }));
    requestAnimationFrame(() => document.querySelector('[data-testid="scenario-compare"]').click());
  });
  await longPage.waitForSelector('[data-testid="compare"]', { state: 'detached' });
  await typeInto(longPage, 'quota', '2000000');
  try {
    await waitForValue(longPage, 'deals-needed', '67');
  } catch (error) {
    // Say what the fields held, to tell a lost keystroke from a lost edit.
    const fields = await longPage.evaluate(() => ['quota', 'deal'].map((id) => `${id} “${document.querySelector(`[data-testid="${id}"]`).value}”`).join(', '));
    throw new Error(`${error.message}; ${fields}`);
  }
  assert.deepEqual(errors, []);
  await context.close();
});
