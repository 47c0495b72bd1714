// End-to-end tests of plan against actual: figures typed month by month, pace against the
// plan's all-source volumes, observed rates against the assumed ones, the re-forecast for
// the months left; bad text records nothing and is kept; undo; reload; a renamed stage.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { openFresh, openSection, start, typeInto, values } from './helpers.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env?.close(); });

const PLAN = '#quota=1000000&deal=25000&start=2027-01&traffic=200000&cycle=60';

/** The grid row index of the month labelled `label` ("Jan 2027"). */
async function monthIndex(page, label) {
  await page.waitForSelector('[data-testid="actuals-grid"] tbody tr');
  return page.$$eval('[data-testid="actuals-grid"] tbody tr th', (ths, want) => ths.findIndex((th) => th.textContent === want), label);
}

/** Types `text` into a grid cell and commits it, as a user does with Tab. */
async function record(page, testid, text) {
  await typeInto(page, testid, text);
  await page.keyboard.press('Tab');
}

async function attr(page, testid, name) {
  return page.getAttribute(`[data-testid="${testid}"]`, name);
}

test('actuals give pace, observed rates and a re-forecast that checks by hand; bad text records nothing; undo; reload; links only when asked', async () => {
  const page = await openFresh(env, PLAN, async () => {}, { acceptDownloads: true });
  await page.selectOption('[data-testid="month-sources"]', 'all');
  const plan = await values(page);
  // Closed until wanted: no grid in the page until the section is opened.
  assert.equal(await page.$('[data-testid="actuals-grid"]'), null);
  await openSection(page, 'actuals');
  const k = await monthIndex(page, 'Jan 2027');
  assert.ok(k >= 0, 'January is a row of the grid');
  assert.ok(await page.$('[data-testid="actuals-nothing"]'));

  // 900 leads in January, against the plan's all-source January leads.
  await record(page, `actual-${k}-1`, '900');
  await page.waitForSelector('[data-testid="pace-1"]');
  const planned = Number(plan[`plan-${k}-1`]);
  assert.equal(Number(await attr(page, 'pace-1', 'data-actual')), 900);
  assert.equal(Number(await attr(page, 'pace-1', 'data-planned')), planned);
  assert.equal(Number(await attr(page, 'pace-1', 'data-value')), 900 - planned);
  assert.ok(Math.abs(Number(await attr(page, 'pace-1', 'data-percent')) - (900 - planned) / planned * 100) < 1e-9);
  assert.match(await page.textContent('[data-testid="pace-1"]'), 900 > planned ? /ahead/ : /behind/);

  // 200 MQLs of 900 leads: 22.2 % observed against the assumed 20 %.
  await record(page, `actual-${k}-2`, '200');
  await page.waitForFunction(() => document.querySelector('[data-testid="observed-2"]')?.dataset.value);
  assert.ok(Math.abs(Number(await attr(page, 'observed-2', 'data-value')) - 200 / 900 * 100) < 1e-9);
  assert.equal(await attr(page, 'observed-2', 'data-assumed'), '20');
  assert.equal(await attr(page, 'observed-3', 'data-value'), '', 'no SQLs recorded: no observed rate');

  // The months after January share what is left of the plan's leads.
  const months = await page.$$eval('[data-testid="actuals-grid"] tbody tr', (trs) => trs.length);
  const allLeads = Array.from({ length: months }, (_, m) => Number(plan[`plan-${m}-1`])).reduce((a, b) => a + b, 0);
  const left = await page.$$eval('[data-testid^="reforecast-"][data-testid$="-1"]', (tds) => tds.map((td) => Number(td.dataset.value)));
  assert.equal(left.length, months - k - 1);
  // Whole leads that add up to what is left.
  assert.ok(left.every(Number.isInteger), `${left}`);
  assert.equal(left.reduce((a, b) => a + b, 0), Math.round(Math.max(0, allLeads - 900)));
  assert.match(await page.textContent('[data-testid="reforecast-sentence"]'), new RegExp(`the ${months - k - 1} months left need`));

  // Bad text records nothing, says so beside the grid, and survives another cell's change.
  await record(page, `actual-${k}-3`, 'lots');
  assert.match(await page.textContent('[data-testid="actuals-error"]'), /Jan 2027, SQLs: .*lots.* Nothing is recorded/);
  assert.equal(await page.$('[data-testid="pace-3"]'), null);
  // A second bad cell is said beside the first; clearing it leaves the first's message.
  await record(page, `actual-${k}-4`, '4O');
  assert.match(await page.textContent('[data-testid="actuals-error"]'), /SQLs: .*lots.*Opportunities: .*4O/);
  assert.equal(await page.getAttribute(`[data-testid="actual-${k}-3"]`, 'aria-invalid'), 'true');
  await typeInto(page, `actual-${k}-4`, '');
  await page.keyboard.press('Backspace');
  await page.keyboard.press('Tab');
  await page.waitForFunction(() => !/Opportunities/.test(document.querySelector('[data-testid="actuals-error"]').textContent));
  assert.match(await page.textContent('[data-testid="actuals-error"]'), /SQLs: .*lots/);
  await record(page, `actual-${k}-revenue`, '100,000');
  await page.waitForSelector('[data-testid="pace-revenue"]');
  assert.equal(await page.inputValue(`[data-testid="actual-${k}-3"]`), 'lots');
  // Revenue against January's planned deals × the deal size.
  assert.equal(Number(await attr(page, 'pace-revenue', 'data-planned')), Number(plan[`plan-deals-${k}`]) * 25000);

  // Each recorded figure is an undo step.
  await page.click('[data-testid="undo"]');
  await page.waitForSelector('[data-testid="pace-revenue"]', { state: 'detached' });
  assert.equal(await page.inputValue(`[data-testid="actual-${k}-revenue"]`), '');
  assert.ok(await page.$('[data-testid="pace-1"]'));

  // Saved with the scenario: a reload shows the same figures.
  await page.waitForFunction(() => localStorage.getItem('funnel-planner.workspace')?.includes('"actuals"'));
  const stored = JSON.parse(await page.evaluate(() => localStorage.getItem('funnel-planner.workspace')));
  assert.deepEqual(stored.scenarios[0].actuals, { '2027-01': { stages: { Leads: '900', MQLs: '200' } } });
  // And in the scenario's JSON export.
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="export-json"]')]);
  const exported = JSON.parse(readFileSync(await download.path(), 'utf8'));
  assert.deepEqual(exported.scenarios[0].actuals, stored.scenarios[0].actuals);
  await page.reload();
  await page.waitForSelector('[data-testid="pace-1"]');
  assert.equal(await page.inputValue(`[data-testid="actual-${k}-1"]`), '900');

  // Duplicate copies them with the plan.
  await page.click('[data-testid="scenario-duplicate"]');
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="scenario-item"]').length === 2);
  await page.waitForSelector('[data-testid="pace-1"]', { state: 'attached' });
  assert.equal(await page.inputValue(`[data-testid="actual-${k}-1"]`), '900');
  await page.click('[data-testid="undo"]');
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="scenario-item"]').length === 1);

  // Links carry actuals only when asked; such a link opens them in a browser that has none.
  await page.click('[data-testid="copy-link"]');
  assert.doesNotMatch(await page.inputValue('[data-testid="share-link"]'), /actuals=/);
  await page.check('[data-testid="copy-link-actuals"]');
  await page.click('[data-testid="copy-link"]');
  const link = await page.inputValue('[data-testid="share-link"]');
  assert.match(link, /&actuals=2027-01;Leads:900;MQLs:200$/);
  assert.doesNotMatch(await page.evaluate(() => location.hash), /actuals=/, 'the address bar never carries them');
  const elsewhere = await env.browser.newContext();
  const other = await elsewhere.newPage();
  await other.goto(link);
  await other.waitForSelector('[data-testid="pace-1"]', { state: 'attached' });
  assert.equal(Number(await other.getAttribute('[data-testid="pace-1"]', 'data-actual')), 900);
  await elsewhere.close();

  // A renamed stage: its figures are kept, not shown under another stage, and said.
  await typeInto(page, 'stage-name-2', 'Marketing qualified');
  await page.keyboard.press('Tab');
  await page.waitForFunction(() => /1 recorded figure is for a stage or month this plan no longer has/.test(document.querySelector('[data-testid="actuals-unplaced"]').textContent));
  assert.equal(await page.inputValue(`[data-testid="actual-${k}-2"]`), '');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});
