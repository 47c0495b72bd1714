// End-to-end tests of the workspace: undo and redo of every kind of edit.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { address, openFresh, openSection, start, typeInto, values, waitForValue } from './helpers.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env?.close(); });

const PLAN = '#quota=1000000&deal=25000&start=2027-01&traffic=200000';

/** The figures the tests follow, as numbers. */
async function figures(page) {
  const all = await values(page);
  return { headline: Number(all['headline-value']), stages: Object.keys(all).filter((k) => /^need-\d+$/.test(k)).length };
}

/** Whether the button `testid` is enabled. */
async function enabled(page, testid) {
  return page.locator(`[data-testid="${testid}"]`).isEnabled();
}

test('typing in a field is one undo step; stage and channel edits are steps; keys and buttons undo and redo', async () => {
  const page = await openFresh(env, PLAN);
  const start = await figures(page);
  const deal = await page.inputValue('[data-testid="deal"]');
  assert.equal(await enabled(page, 'undo'), false, 'nothing to undo on opening');
  assert.equal(await enabled(page, 'redo'), false);

  // Deal size typed key by key (3, 30, 300, …), then the field is left.
  await typeInto(page, 'deal', '30000');
  await page.keyboard.press('Tab');
  const typed = await figures(page);
  assert.notEqual(typed.headline, start.headline);
  await page.click('[data-testid="stage-remove-2"]');
  const removed = await figures(page);
  assert.equal(removed.stages, start.stages - 1);
  await openSection(page, 'costs');
  await page.click('[data-testid="channel-add"]');
  await page.waitForSelector('[data-testid="channel-name-0"]');

  // Ctrl+Z three times: the channel, the stage, then all of the typing at once.
  await page.locator('body').press('Control+z');
  await page.waitForSelector('[data-testid="channel-name-0"]', { state: 'detached' });
  await page.keyboard.press('Control+z');
  await waitForValue(page, 'headline-value', typed.headline);
  assert.equal((await figures(page)).stages, start.stages);
  assert.equal(await enabled(page, 'redo'), true);
  await page.keyboard.press('Control+z');
  await waitForValue(page, 'headline-value', start.headline);
  assert.equal(await page.inputValue('[data-testid="deal"]'), deal);
  assert.equal(await enabled(page, 'undo'), false, 'the typing was a single step');
  assert.match(await address(page), /[#&]deal=25000(&|$)/, 'the link follows the undo');

  // Redo by each shortcut and by the button.
  await page.keyboard.press('Control+Shift+Z');
  await waitForValue(page, 'headline-value', typed.headline);
  assert.equal(await page.inputValue('[data-testid="deal"]'), '30000');
  await page.keyboard.press('Control+y');
  await waitForValue(page, 'headline-value', removed.headline);
  await page.click('[data-testid="redo"]');
  await page.waitForSelector('[data-testid="channel-name-0"]');
  assert.equal(await enabled(page, 'redo'), false);

  // The button undoes too, and a new edit drops what could be redone.
  await page.click('[data-testid="undo"]');
  await page.waitForSelector('[data-testid="channel-name-0"]', { state: 'detached' });
  await page.click('[data-testid="stage-add"]');
  assert.equal(await enabled(page, 'redo'), false);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('undo inside a field being typed in gives back the value before the typing, and storage follows', async () => {
  const page = await openFresh(env, PLAN);
  const start = await figures(page);
  const quota = await page.inputValue('[data-testid="quota"]');
  await typeInto(page, 'quota', '450%');
  await page.waitForFunction(() => document.querySelector('[data-testid="quota-error"]').textContent !== '');
  // Still focused in the field: the page's undo, not the browser's, so field and plan agree.
  await page.keyboard.press('Control+z');
  assert.equal(await page.inputValue('[data-testid="quota"]'), quota);
  await page.waitForFunction(() => document.querySelector('[data-testid="quota-error"]').textContent === '');
  await waitForValue(page, 'headline-value', start.headline);
  await address(page);
  const saved = await page.evaluate(() => localStorage.getItem('funnel-planner.workspace'));
  assert.doesNotMatch(saved, /450%/, 'the draft text left storage with the undo');
  await page.reload();
  await page.waitForSelector('[data-testid="quota"]');
  assert.equal(await page.inputValue('[data-testid="quota"]'), quota);
  await page.context().close();
});

test('applying a solved lever and moving a stage are undoable', async () => {
  const page = await openFresh(env, `${PLAN}&limit=3000`);
  const start = await values(page);
  await page.click('[data-testid="apply-0"]');
  await page.waitForFunction((before) =>
    document.querySelector('[data-testid="headline-value"]').dataset.value !== before, start['headline-value']);
  await page.click('[data-testid="stage-down-1"]');
  const moved = await page.inputValue('[data-testid="stage-name-1"]');
  assert.notEqual(moved, await page.inputValue('[data-testid="stage-name-2"]'));
  await page.click('[data-testid="undo"]');
  await page.click('[data-testid="undo"]');
  const back = await values(page);
  for (const key of Object.keys(start).filter((k) => /^(need|forecast)-\d+$|^headline-value$/.test(k))) {
    assert.equal(back[key], start[key], key);
  }
  await page.context().close();
});

test('a preset sets stages, rates, deal size, cycle and cost per lead, cites its source, keeps the targets, and undoes', async () => {
  const page = await openFresh(env, `${PLAN}&period=year`);
  const start = await values(page);
  const names = await page.$$eval('[data-testid="preset"] option', (options) => options.map((o) => o.textContent));
  assert.equal(names.length, 7);
  for (const name of ['SMB', 'mid-market', 'enterprise', 'Product-led', 'E-commerce', 'Agency', 'waterfall']) {
    assert.ok(names.some((n) => n.includes(name)), `a ${name} preset`);
  }
  await page.selectOption('[data-testid="preset"]', { label: 'Demand waterfall' });
  assert.match(await page.textContent('[data-testid="preset-source"]'), /mv3marketing/);
  await page.click('[data-testid="preset-apply"]');
  await page.waitForFunction(() => document.querySelector('[data-testid="stage-name-3"]')?.value === 'SALs');
  assert.match(await page.textContent('[data-testid="preset-status"]'), /Demand waterfall/);
  assert.equal(await page.inputValue('[data-testid="stage-rate-3"]'), '50');
  assert.equal(await page.inputValue('[data-testid="cycle"]'), '84');
  const applied = await values(page);
  // The quota and the yearly period stay; the deal size is the preset's, so 40 deals a year
  // (1,000,000 ÷ 25,000), and with won 25 % there are 160 SQLs, as a hand check gives.
  assert.equal(await page.inputValue('[data-testid="period"]'), 'year');
  assert.equal(applied['deals-needed'], '40');
  assert.equal(applied['need-4'], '160');
  assert.match(await address(page), /stages=Visitors,Inquiries:2,MQLs:15,SALs:50,SQLs:60,Won:25/);
  await page.click('[data-testid="undo"]');
  await waitForValue(page, 'headline-value', start['headline-value']);
  assert.equal(await page.inputValue('[data-testid="stage-name-3"]'), 'SQLs');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});
