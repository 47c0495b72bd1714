// End-to-end tests of issue 7's one-page handout: printed to PDF by headless Chromium on A4
// and on Letter, it is one page, carries the share link and its QR code, writes out the
// assumptions of collapsed sections, and clips no table.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { openFresh, openSection, start, values } from './helpers.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env?.close(); });

/** Pages in a PDF: its page objects (`/Type /Page`, not `/Pages`). */
const pageCount = (pdf) => (pdf.toString('latin1').match(/\/Type\s*\/Page(?![a-z])/g) ?? []).length;

const PLAN = '#quota=1200000&deal=30000&traffic=250000&start=2027-01&cycle=60&existing=200000&currency=EUR'
  + '&stages=Visitors,Leads:2,MQLs:25,SQLs:40,Opportunities:60,Won:25';

for (const format of ['A4', 'Letter']) {
  test(`the handout prints on one ${format} page with the link, its QR code and unclipped tables`, async () => {
    const page = await openFresh(env, PLAN);
    // The handout's link follows the plan once input rests; printing brings it up to date.
    await page.emulateMedia({ media: 'print' });
    await page.evaluate(() => dispatchEvent(new Event('beforeprint')));
    await page.waitForFunction(() => document.querySelector('[data-testid="handout-link"]').textContent.includes('#'));
    const link = await page.textContent('[data-testid="handout-link"]');
    assert.ok(link.startsWith(env.base), link);
    assert.match(link, /quota=1200000/);
    assert.match(link, /currency=EUR/);
    assert.ok(await page.isVisible('[data-testid="handout-qr"]'));
    assert.ok(await page.isVisible('[data-testid="results-table"]'));
    assert.ok(await page.isVisible('[data-testid="chart-funnel"]'));
    assert.ok(await page.isVisible('[data-testid="sla-sentence"]'));
    assert.ok(await page.isVisible('[data-testid="month-table"]'));
    // Collapsed sections' assumptions are written out: the period start and the cycle.
    const assumptions = await page.textContent('[data-testid="handout-assumptions"]');
    assert.match(assumptions, /Quarter from Jan 2027/);
    assert.match(assumptions, /60 days/);
    assert.match(await page.textContent('[data-testid="handout-dateline"]'), /amounts in EUR/);
    // No buttons or inputs on paper, and no table wider than its box.
    const shown = await page.evaluate(() => [...document.querySelectorAll('button, input, select')]
      .filter((el) => el.getClientRects().length > 0).map((el) => el.dataset.testid ?? el.tagName));
    assert.deepEqual(shown, []);
    const clipped = await page.evaluate(() => [...document.querySelectorAll('table')]
      .filter((t) => t.getClientRects().length > 0)
      .filter((t) => t.scrollWidth > t.parentElement.clientWidth + 1 || t.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
      .map((t) => t.dataset.testid));
    assert.deepEqual(clipped, []);
    const pdf = await page.pdf({ format, printBackground: true });
    assert.equal(pageCount(pdf), 1);
    // The funnel chart on paper is drawn (charts draw only on screen, and before printing).
    const inked = await page.$eval('[data-testid="chart-funnel"]', (canvas) => {
      const data = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
      let count = 0;
      for (let p = 3; p < data.length; p += 4) if (data[p] > 0) count += 1;
      return count;
    });
    assert.ok(inked > 1000, `${inked} pixels drawn`);
    // The figures on paper are the plan's.
    assert.ok(Number((await values(page))['headline-value']) > 0);
    await page.context().close();
  });
}

test('an open comparison and recorded actuals stay off the handout: still one page', async () => {
  const page = await openFresh(env, PLAN);
  await page.click('[data-testid="scenario-duplicate"]');
  await page.click('[data-testid="scenario-compare"]');
  await page.waitForSelector('[data-testid="compare-table"]');
  await openSection(page, 'actuals');
  await page.waitForSelector('[data-testid="actual-0-0"]');
  await page.fill('[data-testid="actual-0-0"]', '1000');
  await page.press('[data-testid="actual-0-0"]', 'Tab');
  await page.waitForSelector('[data-testid="pace-0"]', { state: 'attached' });
  await page.emulateMedia({ media: 'print' });
  await page.evaluate(() => dispatchEvent(new Event('beforeprint')));
  assert.equal(await page.isVisible('[data-testid="compare"]'), false);
  assert.equal(await page.isVisible('[data-testid="actuals"]'), false);
  assert.ok(await page.isVisible('[data-testid="results-table"]'));
  assert.equal(pageCount(await page.pdf({ format: 'A4', printBackground: true })), 1);
  await page.context().close();
});
