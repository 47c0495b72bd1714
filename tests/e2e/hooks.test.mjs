// The README documents every `data-testid` hook (they are public and stable): each hook the
// page shows, with every section open, a comparison open, actuals recorded and meeting mode
// on, must match a hook named in the README's test-hook table (`{k}`-style parts stand for
// any value).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { openFresh, start } from './helpers.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env?.close(); });

/** Every hook the README's table names, as a regular expression. */
function documented() {
  const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
  const start = readme.indexOf('## Test hooks');
  const table = readme.slice(start, readme.indexOf('\n## ', start + 1));
  const names = new Set();
  for (const line of table.split('\n').filter((l) => l.startsWith('|'))) {
    for (const [, name] of line.matchAll(/`([a-z0-9{}-]+)`/g)) names.add(name);
  }
  return [...names].map((name) => new RegExp(`^${name.replace(/\{[a-z]+\}/g, '[a-z0-9-]+')}$`));
}

/** Every `data-testid` in the page. */
const hooks = (page) => page.$$eval('[data-testid]', (all) => [...new Set(all.map((el) => el.dataset.testid))]);

test('every data-testid the page shows is documented in the README', async () => {
  const patterns = documented();
  const page = await openFresh(env, '#quota=1000000&deal=25000&start=2027-01&traffic=200000&limit=3000&cap=100000&channels=Search:60:50,Events:40:300');
  const seen = new Set(await hooks(page));
  await page.$$eval('details', (all) => all.forEach((d) => { d.open = true; }));
  await page.click('[data-testid="scenario-duplicate"]');
  await page.click('[data-testid="scenario-compare"]');
  await page.waitForSelector('[data-testid="compare-table"]');
  await page.click('[data-testid="compare-copy-link"]');
  await page.fill('[data-testid="actual-0-0"]', '1000');
  await page.press('[data-testid="actual-0-0"]', 'Tab');
  await page.fill('[data-testid="actual-0-1"]', 'lots');
  await page.press('[data-testid="actual-0-1"]', 'Tab');
  await page.waitForSelector('[data-testid="pace-0"]', { state: 'attached' });
  await page.click('[data-testid="copy-link"]');
  await page.click('[data-testid="scenario-rename"]');
  for (const hook of await hooks(page)) seen.add(hook);
  await page.keyboard.press('Escape');
  await page.click('[data-testid="present"]');
  await page.waitForSelector('[data-testid="meeting"]');
  for (const hook of await hooks(page)) seen.add(hook);
  const missing = [...seen].filter((hook) => !patterns.some((pattern) => pattern.test(hook))).sort();
  assert.deepEqual(missing, [], 'hooks the README does not document');
  assert.ok(seen.size > 150, `${seen.size} hooks seen`);
  await page.context().close();
});
