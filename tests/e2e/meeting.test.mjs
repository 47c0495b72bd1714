// End-to-end tests of issue 7's meeting mode: `present=1`, the Present button and the P key
// open it, Esc leaves it; the steppers change the plan itself, and the view says by how much
// against the plan the meeting started with. axe finds nothing to fix in it.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { address, openFresh, start, values } from './helpers.mjs';

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

let env;
before(async () => { env = await start(); });
after(async () => { await env?.close(); });

const PROJECTOR = { viewport: { width: 1920, height: 1080 } };

test('present=1 opens meeting mode with the headline, and a stepper shows what it changes', async () => {
  const page = await openFresh(env, '#present=1', async () => {}, PROJECTOR);
  await page.waitForSelector('[data-testid="meeting"]');
  const headline = async () => Number(await page.getAttribute('[data-testid="meeting-headline"]', 'data-value'));
  const start = await headline();
  assert.equal(start, Number((await values(page))['headline-value']));
  assert.equal(await page.textContent('[data-testid="meeting-change"]'), 'No change vs. before');
  assert.equal((await page.$$('[data-testid="meeting-levers"] li')).length, 3);
  // MQLs → SQLs at 41 %, then 42 %: the arrow keys step the focused assumption.
  await page.focus('[data-testid="stepper-stage-rate-3"]');
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowUp');
  await page.waitForFunction((s) => Number(document.querySelector('[data-testid="meeting-headline"]').dataset.value) !== s, start);
  const now = await headline();
  assert.ok(now < start);
  const change = Number(await page.getAttribute('[data-testid="meeting-change"]', 'data-value'));
  assert.equal(change, now - start);
  assert.equal(await page.textContent('[data-testid="meeting-change"]'), `−${(start - now).toLocaleString('en-US')} Leads vs. before`);
  // Compare from here: the plan as it stands becomes "before"; the next step is counted from it.
  assert.equal(await page.isDisabled('[data-testid="meeting-rebase"]'), false);
  await page.click('[data-testid="meeting-rebase"]');
  await page.waitForFunction(() => document.querySelector('[data-testid="meeting-change"]').dataset.value === '0');
  assert.equal(await page.textContent('[data-testid="meeting-change"]'), 'No change vs. before');
  assert.equal(await page.isDisabled('[data-testid="meeting-rebase"]'), true);
  await page.focus('[data-testid="stepper-stage-rate-3"]');
  await page.keyboard.press('ArrowUp');
  await page.waitForFunction((s) => Number(document.querySelector('[data-testid="meeting-headline"]').dataset.value) !== s, now);
  const further = await headline();
  assert.ok(further < now);
  assert.equal(Number(await page.getAttribute('[data-testid="meeting-change"]', 'data-value')), further - now);
  await page.keyboard.press('ArrowDown');
  await page.waitForFunction((s) => Number(document.querySelector('[data-testid="meeting-headline"]').dataset.value) === s, now);
  // The plan itself changed: the rate field and the link say 42 %, and the link keeps present=1.
  assert.equal(await page.inputValue('[data-testid="stage-rate-3"]'), '42');
  assert.match(await address(page), /MQLs:20,SQLs:42,.*&present=1$/);
  // The funnel chart in large type plots the same plan.
  const series = JSON.parse(await page.getAttribute('[data-testid="meeting-chart-funnel"]', 'data-series'));
  assert.equal(series.needed[1], now);
  // Esc leaves; the address drops present=1 and the page's headline shows the new plan.
  await page.keyboard.press('Escape');
  await page.waitForSelector('[data-testid="meeting"]', { state: 'detached' });
  assert.doesNotMatch(await address(page), /present=/);
  assert.equal(Number((await values(page))['headline-value']), now);
  await page.context().close();
});

test('the Present button and the P key open meeting mode; P inside a field types a p', async () => {
  const page = await openFresh(env, '', async () => {}, PROJECTOR);
  await page.click('[data-testid="present"]');
  await page.waitForSelector('[data-testid="meeting"]');
  await page.click('[data-testid="leave-meeting"]');
  await page.waitForSelector('[data-testid="meeting"]', { state: 'detached' });
  await page.click('[data-testid="stage-name-1"]');
  await page.keyboard.press('End');
  await page.keyboard.press('p');
  assert.equal(await page.inputValue('[data-testid="stage-name-1"]'), 'Leadsp');
  assert.equal(await page.$('[data-testid="meeting"]'), null);
  await page.click('h1');
  await page.keyboard.press('p');
  await page.waitForSelector('[data-testid="meeting"]');
  await page.context().close();
});

for (const colorScheme of ['light', 'dark']) {
  test(`axe finds no violations in meeting mode (${colorScheme})`, async () => {
    const page = await openFresh(env, '#present=1', async () => {}, { ...PROJECTOR, colorScheme });
    await page.waitForSelector('[data-testid="meeting"]');
    await page.evaluate(AXE);
    const found = await page.evaluate(async () => (await axe.run(document)).violations
      .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`));
    assert.deepEqual(found, []);
    await page.context().close();
  });
}
