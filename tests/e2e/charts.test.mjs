// End-to-end tests of issue 7's charts in real Chromium: the plotted values (`data-series`)
// match the tables, the canvases are crisp on a HiDPI screen, redraw on edits, resizes and
// theme changes, and describe themselves to screen readers.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { openFresh, start, typeInto, values } from './helpers.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env?.close(); });

const PLAN = '#quota=1000000&deal=25000&traffic=200000&share=70&start=2027-01&cycle=90'
  + '&stages=Visitors,Leads:2,MQLs:20,SQLs:40,Opportunities:60,Won:20';

/** The chart's `data-series`, parsed. */
async function series(page, testid) {
  return JSON.parse(await page.getAttribute(`[data-testid="${testid}"]`, 'data-series'));
}

/** Waits until the chart's series satisfies `check`. */
async function seriesUntil(page, testid, check) {
  const deadline = Date.now() + 5000;
  let last;
  while (Date.now() < deadline) {
    last = await series(page, testid);
    if (check(last)) return last;
    await page.waitForTimeout(50);
  }
  assert.fail(`${testid} never matched: ${JSON.stringify(last)}`);
}

/**
 * What the canvas shows after its next drawing: the backing-store size, the CSS size and the
 * counts of pixels near each of `colours` (`[r, g, b]`).
 */
async function pixels(page, testid, colours) {
  const locator = page.locator(`[data-testid="${testid}"]`);
  await locator.scrollIntoViewIfNeeded();
  // A chart draws once its intersection observer has seen it on screen, in the frame after.
  // An observer made now is told in the same task, after the page's (observers are told in
  // the order they were made); two frames after that, the drawing is done.
  await locator.evaluate((canvas) => new Promise((done) => {
    const seen = new IntersectionObserver((entries) => {
      if (!entries.some((entry) => entry.isIntersecting)) return;
      seen.disconnect();
      requestAnimationFrame(() => requestAnimationFrame(done));
    });
    seen.observe(canvas);
  }));
  return locator.evaluate((canvas, colours) => {
    const data = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
    const counts = colours.map(() => 0);
    for (let p = 0; p < data.length; p += 4) {
      colours.forEach(([r, g, b], k) => {
        if (Math.abs(data[p] - r) + Math.abs(data[p + 1] - g) + Math.abs(data[p + 2] - b) < 12) counts[k] += 1;
      });
    }
    const rect = canvas.getBoundingClientRect();
    return { width: canvas.width, height: canvas.height, cssWidth: rect.width, cssHeight: rect.height, counts };
  }, colours);
}

const NEEDED_LIGHT = [0x0b, 0x5c, 0xad];
const WHITE = [0xff, 0xff, 0xff];
const NEEDED_DARK = [0x58, 0xa6, 0xff];
const PANEL_DARK = [0x16, 0x1b, 0x22];

test('the funnel chart plots what marketing must source and the forecast, as the stage table shows them', async () => {
  const page = await openFresh(env, PLAN, async () => {}, { deviceScaleFactor: 2 });
  const plotted = await series(page, 'chart-funnel');
  const shown = await values(page);
  const count = plotted.stages.length;
  assert.equal(count, 6);
  for (let i = 0; i < count; i += 1) {
    assert.equal(plotted.needed[i], Number(shown[`mkt-need-${i}`]), `stage ${i} needed`);
    assert.equal(plotted.forecast[i], Number(shown[`forecast-${i}`]), `stage ${i} forecast`);
    assert.equal(plotted.stages[i], await page.inputValue(`[data-testid="stage-name-${i}"]`));
  }
  assert.equal(plotted.scale, 'linear');
  // A crisp backing store: CSS size × devicePixelRatio, and bars drawn in the needed colour.
  const drawn = await pixels(page, 'chart-funnel', [NEEDED_LIGHT]);
  assert.equal(drawn.width, Math.round(drawn.cssWidth * 2));
  assert.equal(drawn.height, Math.round(drawn.cssHeight * 2));
  assert.ok(drawn.counts[0] > 500, JSON.stringify(drawn));
  // Described for screen readers with the headline's figure.
  const canvas = page.locator('[data-testid="chart-funnel"]');
  assert.equal(await canvas.getAttribute('role'), 'img');
  const label = await canvas.getAttribute('aria-label');
  const lead = Number(shown['headline-value']).toLocaleString('en-US');
  assert.ok(label.includes(`Leads ${lead} needed`), label);
  // The log scale: the series says so, and the small stages' bars grow.
  await page.check('[data-testid="funnel-log"]');
  await seriesUntil(page, 'chart-funnel', (s) => s.scale === 'log');
  const logged = await pixels(page, 'chart-funnel', [NEEDED_LIGHT]);
  assert.ok(logged.counts[0] > drawn.counts[0] * 2, `${logged.counts[0]} vs ${drawn.counts[0]}`);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('an edit redraws the funnel chart with the new plan, and Show data lists the plotted values', async () => {
  const page = await openFresh(env, PLAN);
  const before = (await series(page, 'chart-funnel')).needed[1];
  await typeInto(page, 'stage-rate-2', '25');
  const fresh = await seriesUntil(page, 'chart-funnel', (s) => s.needed[1] !== before);
  const shown = await values(page);
  assert.equal(fresh.needed[1], Number(shown['mkt-need-1']));
  assert.ok(fresh.needed[1] < before, `${fresh.needed[1]} < ${before}`);
  await page.click('[data-testid="chart-funnel"] + details > summary');
  // The table mounts once the <details> has opened (a reactive update after the toggle event).
  await page.waitForSelector('[data-testid="chart-funnel-data"] tbody tr');
  const rows = await page.$$eval('[data-testid="chart-funnel-data"] tbody tr', (trs) => trs.map((tr) => tr.textContent));
  assert.equal(rows.length, 6);
  assert.ok(rows[1].startsWith('Leads'), rows[1]);
  assert.ok(rows[1].includes(Number(shown['mkt-need-1']).toLocaleString('en-US')), rows[1]);
  await page.context().close();
});

test('the month chart plots the month table: lead-stage volume, deals closing, lead time and past months', async () => {
  // The clock says December 2026: the lead-time months before it are past.
  const page = await openFresh(env, PLAN.replace('cycle=90', 'cycle=120'), async (p) => {
    await p.clock.setFixedTime(new Date('2026-12-10T12:00:00'));
  });
  const check = async () => {
    const plotted = await series(page, 'chart-months');
    const shown = await values(page);
    const months = await page.$$eval('[data-testid^="plan-month-"]', (ths) => ths.map((th) => ({
      month: th.textContent.trim(), past: th.dataset.past === 'true', leadTime: th.closest('tr').classList.contains('lead-time'),
    })));
    assert.deepEqual(plotted.months, months.map((m) => m.month.slice(0, 7)));
    assert.deepEqual(plotted.past, months.map((m) => m.past));
    assert.deepEqual(plotted.leadTime, months.map((m) => m.leadTime));
    plotted.months.forEach((_, k) => {
      assert.equal(plotted.leads[k], Number(shown[`plan-${k}-1`]), `month ${k} leads`);
      assert.equal(plotted.deals[k], Number(shown[`plan-deals-${k}`]), `month ${k} deals`);
    });
    return plotted;
  };
  const marketing = await check();
  assert.ok(marketing.leadTime.some(Boolean) && marketing.past.some(Boolean), JSON.stringify(marketing));
  // The lead-stage volumes add up to the headline.
  const shown = await values(page);
  assert.equal(marketing.leads.reduce((a, b) => a + b, 0), Number(shown['headline-value']));
  // All sources: the chart follows the table's switch.
  await page.selectOption('[data-testid="month-sources"]', 'all');
  await seriesUntil(page, 'chart-months', (s) => s.leads.reduce((a, b) => a + b, 0) > marketing.leads.reduce((a, b) => a + b, 0));
  await check();
  const label = await page.getAttribute('[data-testid="chart-months"]', 'aria-label');
  assert.match(label, /^Month-by-month chart \(all sources\): Leads to generate/);
  assert.match(label, /\(lead time, past\)/);
  await page.context().close();
});

test('charts redraw for a narrower window and follow the dark theme and its toggle', async () => {
  const page = await openFresh(env, PLAN, async () => {}, { colorScheme: 'dark', viewport: { width: 1280, height: 800 } });
  const dark = await pixels(page, 'chart-funnel', [NEEDED_DARK, PANEL_DARK, WHITE]);
  assert.ok(dark.counts[0] > 200 && dark.counts[1] > dark.counts[2], JSON.stringify(dark));
  assert.equal(await page.getAttribute('[data-testid="theme-toggle"]', 'aria-pressed'), 'true');
  // Narrower: the backing store follows the CSS width.
  await page.setViewportSize({ width: 700, height: 800 });
  const narrow = await pixels(page, 'chart-funnel', [NEEDED_DARK]);
  assert.ok(narrow.width < dark.width, `${narrow.width} < ${dark.width}`);
  assert.equal(narrow.width, Math.round(narrow.cssWidth));
  // The toggle picks light, the charts redraw light, and the choice survives a reload.
  await page.click('[data-testid="theme-toggle"]');
  const light = await pixels(page, 'chart-funnel', [NEEDED_LIGHT, PANEL_DARK, WHITE]);
  assert.ok(light.counts[0] > 200 && light.counts[2] > light.counts[1], JSON.stringify(light));
  await page.reload();
  await page.waitForSelector('[data-testid="need-0"]');
  assert.equal(await page.getAttribute('html', 'data-theme'), 'light');
  assert.equal(await page.getAttribute('[data-testid="theme-toggle"]', 'aria-pressed'), 'false');
  const background = await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
  assert.equal(background, 'rgb(244, 246, 248)');
  await page.context().close();
});

test('the sensitivity tornado plots the ranked levers as the lever table lists them', async () => {
  const page = await openFresh(env, `${PLAN}&round=exact`, async () => {}, { deviceScaleFactor: 2 });
  const plotted = await series(page, 'chart-sensitivity');
  const rows = await page.$$eval('tr[data-testid^="sens-"]', (trs) => trs.map((tr) => ({
    name: tr.dataset.name, lead: Number(tr.dataset.leadChange ?? 0), revenue: Number(tr.dataset.revenueChange ?? 0),
  })));
  assert.equal(plotted.levers.length, rows.length);
  assert.deepEqual(plotted.levers, rows.map((r) => r.name));
  rows.forEach((row, k) => {
    assert.ok(Math.abs(plotted.leadChange[k] - row.lead) < 1e-9, `${row.name} lead`);
    assert.ok(Math.abs(plotted.revenueChange[k] - row.revenue) < 1e-9, `${row.name} revenue`);
  });
  // Under exact rounding a rate below the lead stage cuts the need by exactly 1/1.1 − 1.
  assert.ok(Math.abs(plotted.leadChange[0] - (100 / 1.1 - 100)) < 1e-9);
  const drawn = await pixels(page, 'chart-sensitivity', [NEEDED_LIGHT]);
  assert.equal(drawn.width, Math.round(drawn.cssWidth * 2));
  assert.ok(drawn.counts[0] > 500, JSON.stringify(drawn));
  const label = await page.getAttribute('[data-testid="chart-sensitivity"]', 'aria-label');
  assert.match(label, /^Tornado chart: .*Leads → MQLs: Leads needed −9\.1%, forecast revenue \+10%/);
  await page.context().close();
});

/**
 * Notes every chart drawing (each starts with the context's `setTransform`, in
 * src/browser/canvas.rs) with the series it drew (the canvas's `data-series` then), the
 * animation frame it fell in and whether that frame had already rendered: a rAF loop counts frames, and a task queued from each frame's first
 * callback runs once that frame has rendered.
 */
async function noteDrawings(page) {
  await page.addInitScript(() => {
    window.frames_ = { started: 0, rendered: 0 };
    const loop = () => {
      window.frames_.started += 1;
      const frame = window.frames_.started;
      setTimeout(() => { window.frames_.rendered = frame; }, 0);
      requestAnimationFrame(loop);
    };
    requestAnimationFrame(loop);
    window.drawings = [];
    const setTransform = CanvasRenderingContext2D.prototype.setTransform;
    CanvasRenderingContext2D.prototype.setTransform = function (...args) {
      const { started, rendered } = window.frames_;
      const { testid: chart, series } = this.canvas.dataset;
      window.drawings.push({ chart, series, frame: started, beforeRendering: rendered < started });
      return setTransform.apply(this, args);
    };
  });
}

/** The drawings of `chart` noted so far. */
const drawingsOf = (page, chart) => page.evaluate((chart) => window.drawings.filter((d) => d.chart === chart), chart);

/** Waits for `count` animation frames. */
const frames = (page, count) => page.evaluate((count) => new Promise((done) => {
  const step = (left) => (left === 0 ? done() : requestAnimationFrame(() => step(left - 1)));
  step(count);
}), count);

test('a chart on screen redraws in the frame that shows the edit; one off screen draws as it comes into view, or before printing', async () => {
  const page = await openFresh(env, PLAN, noteDrawings, { viewport: { width: 1280, height: 720 } });
  await page.locator('[data-testid="chart-funnel"]').scrollIntoViewIfNeeded();
  await frames(page, 3);
  const months = page.locator('[data-testid="chart-months"]');
  assert.equal(await months.evaluate((c) => c.getBoundingClientRect().top > innerHeight * 1.5), true, 'the month chart is well off screen');
  const [funnelBefore, monthsBefore] = [(await drawingsOf(page, 'chart-funnel')).length, (await drawingsOf(page, 'chart-months')).length];
  const monthsSeries = await months.getAttribute('data-series');
  // An edit, dispatched as typing does; the funnel's drawing must come before its frame renders.
  const editFrame = await page.evaluate(() => {
    const input = document.querySelector('[data-testid="stage-rate-2"]');
    input.value = '31';
    input.dispatchEvent(new Event('input', { bubbles: true }));
    return window.frames_.started;
  });
  await frames(page, 3);
  const funnel = (await drawingsOf(page, 'chart-funnel')).slice(funnelBefore);
  assert.equal(funnel.length, 1, JSON.stringify(funnel));
  assert.equal(funnel[0].frame, editFrame + 1, 'drawn in the next frame');
  assert.equal(funnel[0].beforeRendering, true, 'drawn before that frame rendered');
  // The month chart's data follows the edit at once; its canvas waits, unseen.
  assert.notEqual(await months.getAttribute('data-series'), monthsSeries);
  assert.equal((await drawingsOf(page, 'chart-months')).length, monthsBefore, 'no drawing off screen');
  await months.scrollIntoViewIfNeeded();
  await page.waitForFunction(([before]) => window.drawings.filter((d) => d.chart === 'chart-months').length > before, [monthsBefore]);
  await frames(page, 3);
  const shown = (await drawingsOf(page, 'chart-months')).slice(monthsBefore);
  assert.equal(shown.length, 1, 'drawn once on coming into view');
  assert.equal(shown[0].series, await months.getAttribute('data-series'), 'with the latest plan');
  // Scrolled away and back with nothing changed: no drawing.
  await page.evaluate(() => scrollTo(0, 0));
  await frames(page, 3);
  await months.scrollIntoViewIfNeeded();
  await frames(page, 4);
  assert.equal((await drawingsOf(page, 'chart-months')).length, monthsBefore + 1, 'nothing redrawn');
  // Off screen again, another edit; printing draws it at once, with the latest plan.
  await page.evaluate(() => scrollTo(0, 0));
  await frames(page, 3);
  await typeInto(page, 'stage-rate-2', '33');
  await frames(page, 3);
  assert.equal((await drawingsOf(page, 'chart-months')).length, monthsBefore + 1);
  await page.evaluate(() => dispatchEvent(new Event('beforeprint')));
  const printed = (await drawingsOf(page, 'chart-months')).slice(monthsBefore + 1);
  assert.equal(printed.length, 1, 'drawn for print');
  assert.equal(printed[0].series, await months.getAttribute('data-series'));
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('before printing, every chart shows the latest plan, even one never scrolled into view', async () => {
  const page = await openFresh(env, PLAN, noteDrawings, { viewport: { width: 1280, height: 720 } });
  await typeInto(page, 'stage-rate-2', '27');
  await typeInto(page, 'deal', '31000');
  await frames(page, 3);
  await page.evaluate(() => dispatchEvent(new Event('beforeprint')));
  const charts = await page.$$eval('canvas[data-testid^="chart-"]', (canvases) => canvases.map((c) => [c.dataset.testid, c.dataset.series]));
  assert.ok(charts.length >= 4, JSON.stringify(charts.map(([id]) => id)));
  for (const [chart, series] of charts) {
    const drawn = await drawingsOf(page, chart);
    assert.ok(drawn.length > 0, `${chart} drawn`);
    assert.equal(drawn.at(-1).series, series, `${chart} shows the latest plan`);
  }
  assert.deepEqual(page.errors, []);
  await page.context().close();
});
