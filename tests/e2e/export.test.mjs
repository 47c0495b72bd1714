// End-to-end tests of taking the plan to a spreadsheet: the stage table and the month plan as
// CSV files, and the stage table copied as tab-separated text.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { ready, start, typeInto, values } from './helpers.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env?.close(); });

/** Parses RFC 4180 CSV (quoted cells, doubled quotes, CRLF rows) into rows of cells. */
function parseCsv(text) {
  const rows = [];
  let row = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { cell += '"'; i += 1; }
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(cell); cell = ''; }
    else if (c === '\r' && text[i + 1] === '\n') { row.push(cell); rows.push(row); row = []; cell = ''; i += 1; }
    else cell += c;
  }
  assert.equal(cell, '', 'the file ends with CRLF');
  return rows;
}

/** Clicks `testid` and returns the text of the file it downloads, with its suggested name. */
async function download(page, testid) {
  const [file] = await Promise.all([page.waitForEvent('download'), page.click(`[data-testid="${testid}"]`)]);
  return { name: file.suggestedFilename(), text: await readFile(await file.path(), 'utf8') };
}

/** Every figure on the page as a number, keyed by `data-testid`. */
async function numbers(page) {
  return Object.fromEntries(Object.entries(await values(page)).map(([k, v]) => [k, Number(v)]));
}

/** A realistic plan whose third stage's name would run as a formula in a spreadsheet. */
async function open(context) {
  const page = await context.newPage();
  await page.goto(`${env.base}#quota=1000000&deal=25000&start=2027-01&traffic=200000`);
  await ready(page);
  await typeInto(page, 'stage-name-2', '=HYPERLINK("x.test","MQLs, scored")');
  await page.waitForSelector('[data-testid="results-table"] th:has-text("HYPERLINK")');
  return page;
}

test('the stage table downloads as RFC 4180 CSV holding the figures on the page, formulas neutralised', async () => {
  const context = await env.browser.newContext({ acceptDownloads: true });
  const page = await open(context);
  const shown = await numbers(page);
  const { name, text } = await download(page, 'export-csv');
  assert.equal(name, 'funnel-plan-stages.csv');
  const rows = parseCsv(text);
  const stages = Object.keys(shown).filter((k) => /^need-\d+$/.test(k)).length;
  assert.equal(rows.length, stages + 1, text);
  assert.equal(rows[0][0], 'Stage');
  for (let i = 0; i < stages; i += 1) {
    const row = rows[i + 1];
    assert.equal(row.length, rows[0].length, `row ${i}`);
    assert.equal(Number(row[2]), shown[`need-${i}`], `need of stage ${i}`);
    assert.equal(Number(row[5]), shown[`mkt-need-${i}`], `marketing need of stage ${i}`);
    assert.equal(Number(row[8]), Math.round(shown[`forecast-${i}`] * 10) / 10, `forecast of stage ${i}`);
    const name = await page.inputValue(`[data-testid="stage-name-${i}"]`);
    assert.equal(row[0], name.startsWith('=') ? `'${name}` : name, `name of stage ${i}`);
  }
  // The formula-like name is kept whole, as text: quoted for its comma and quotes, with an apostrophe first.
  assert.ok(text.includes('"\'=HYPERLINK(""x.test"",""MQLs, scored"")"'), text);
  assert.equal(rows[1][1], '', 'the top stage has no rate from above');
  assert.equal(rows[2][1], (await page.inputValue('[data-testid="stage-rate-1"]')).replace('%', '').trim());
  await page.waitForSelector('[data-testid="table-export-status"]:has-text("Downloaded funnel-plan-stages.csv")');
  assert.deepEqual(page.errors ?? [], []);
  await context.close();
});

test('Copy stage table puts tab-separated rows on the clipboard, one per stage', async () => {
  const context = await env.browser.newContext();
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: env.base });
  const page = await open(context);
  const shown = await numbers(page);
  await page.click('[data-testid="copy-table"]');
  await page.waitForSelector('[data-testid="table-export-status"]:has-text("Stage table copied")');
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  const rows = copied.trimEnd().split('\n').map((line) => line.split('\t'));
  const stages = Object.keys(shown).filter((k) => /^need-\d+$/.test(k)).length;
  assert.equal(rows.length, stages + 1, copied);
  for (const row of rows) assert.equal(row.length, rows[0].length, copied);
  for (let i = 0; i < stages; i += 1) assert.equal(Number(rows[i + 1][2]), shown[`need-${i}`]);
  assert.equal(rows[3][0], '\'=HYPERLINK("x.test","MQLs, scored")');
  await context.close();
});

test('the month plan downloads for the volumes shown, each cell as on the page', async () => {
  const context = await env.browser.newContext({ acceptDownloads: true });
  const page = await open(context);
  for (const sources of ['marketing', 'all']) {
    await page.selectOption('[data-testid="month-sources"]', sources);
    await page.waitForFunction((s) => document.querySelector('[data-testid="month-sources"]').value === s, sources);
    const shown = await numbers(page);
    const { name, text } = await download(page, 'export-month-csv');
    assert.equal(name, 'funnel-plan-months.csv');
    const rows = parseCsv(text);
    const months = Object.keys(shown).filter((k) => /^plan-\d+-0$/.test(k)).length;
    assert.equal(rows.length, months + 2, text);
    assert.equal(rows[0][0], 'Month');
    assert.equal(rows.at(-1)[0], 'Total');
    for (let k = 0; k < months; k += 1) {
      assert.equal(rows[k + 1][0], await page.textContent(`[data-testid="plan-month-${k}"]`));
      for (let i = 0; i + 1 < rows[0].length; i += 1) {
        assert.equal(Number(rows[k + 1][i + 1]), shown[`plan-${k}-${i}`], `${sources} month ${k} stage ${i}`);
      }
    }
  }
  await context.close();
});

test('the plan downloads as JSON in the workspace format: the link’s values, and text not yet valid', async () => {
  const context = await env.browser.newContext({ acceptDownloads: true });
  const page = await open(context);
  await typeInto(page, 'deal', '450%');
  await page.keyboard.press('Tab');
  const { name, text } = await download(page, 'export-json');
  assert.equal(name, 'funnel-plan.json');
  assert.match(await page.textContent('[data-testid="table-export-status"]'), /Downloaded funnel-plan\.json/);
  const file = JSON.parse(text);
  assert.equal(file.version, 4);
  assert.equal(file.scenarios.length, 1);
  const [scenario] = file.scenarios;
  // Named as the scenario list names it.
  assert.equal(scenario.name, await page.getAttribute('[data-testid="scenario-item"][aria-current="true"]', 'data-name'));
  assert.equal(file.current, scenario.id);
  // Every value is the link's raw text, as the page wrote it to the address bar (whose
  // `name` is the scenario's name, beside the plan).
  const hash = await page.evaluate(() => location.hash);
  const link = new Map(hash.slice(1).split('&').map((pair) => pair.split('=')));
  assert.equal(decodeURIComponent(link.get('name').replaceAll('+', ' ')), scenario.name);
  link.delete('name');
  for (const [key, value] of Object.entries(scenario.plan)) assert.equal(value, link.get(key), key);
  assert.equal(Object.keys(scenario.plan).length, link.size, 'every parameter of the link');
  assert.equal(scenario.plan.deal, '25000', 'the plan keeps the value before the typo');
  assert.equal(scenario.drafts.deal, '450%', 'the typo travels beside it, as storage keeps it');
  assert.match(scenario.plan.stages, /HYPERLINK/);
  await context.close();
});
