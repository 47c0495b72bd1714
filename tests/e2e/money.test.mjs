// End-to-end tests of issue 6 §5 in real Chromium: money in the plan's currency, numbers in
// the reader's locale, and huge figures in compact form without overflowing their cards.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { address, openFresh, start, typeInto, waitForValue, seen } from './helpers.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env?.close(); });

const NBSP = '\u00a0';

/** Opens `suffix` in a fresh context with the browser's locale set to `locale`. */
function openIn(locale, suffix, viewport = { width: 1280, height: 900 }) {
  return openFresh(env, suffix, undefined, { locale, viewport });
}

const shown = (page, testid) => page.evaluate(
  (id) => document.querySelector(`[data-testid="${id}"]`).textContent,
  testid,
);

test('a German browser sees German numbers and euros, and the link names the currency', async () => {
  const page = await openIn('de-DE', '');
  assert.equal(await shown(page, 'headline-value'), '4.175');
  assert.equal(await shown(page, 'forecast-revenue'), `960.000${NBSP}€`);
  assert.equal(await page.inputValue('[data-testid="currency"]'), 'EUR');
  assert.match(await address(page), /&currency=EUR&/);
  assert.match(await shown(page, 'gap-sentence'), new RegExp(`by 40\\.000${NBSP}€ \\(4${NBSP}% of target\\)`));
  // Inputs show numbers as a German types them: no grouping point that would read as a
  // decimal, so typing on after the digits means what it shows.
  assert.equal(await page.inputValue('[data-testid="deal"]'), '25000');
  const deal = page.locator('[data-testid="deal"]');
  await deal.click();
  await deal.press('End');
  await deal.pressSequentially('0');
  await waitForValue(page, 'deals-needed', 4);
  assert.equal(await page.getAttribute('[data-testid="deal"]', 'aria-invalid'), 'false');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('a shared link shows its own currency in every locale; the field changes it', async () => {
  const american = await openIn('en-US', '#quota=1000000&deal=25000&currency=EUR');
  assert.equal(await shown(american, 'forecast-revenue'), '€960,000');
  await american.context().close();

  const german = await openIn('de-DE', '#quota=1000000&deal=25000&currency=USD');
  assert.equal(await shown(german, 'forecast-revenue'), `960.000${NBSP}$`);
  // Amount fields name the currency.
  assert.match(await seen(german, '[data-testid="deal"] + .unit'), /USD/);
  await german.selectOption('[data-testid="month-sources"]', 'all');
  await typeInto(german, 'currency', 'gbp');
  await german.waitForFunction(() => document.querySelector('[data-testid="forecast-revenue"]').textContent.includes('£'));
  assert.match(await address(german), /&currency=GBP&/);
  // Every amount follows, and the month table keeps the sources chosen.
  assert.equal(await shown(german, 'budget'), `417.500${NBSP}£`);
  assert.equal(await shown(german, 'blended-cpl'), `100,00${NBSP}£`);
  assert.equal(await german.inputValue('[data-testid="month-sources"]'), 'all');
  // A code ISO 4217 does not list is refused beside the field; the plan keeps pounds.
  await german.locator('[data-testid="currency"]').blur();
  await typeInto(german, 'currency', 'EURO');
  assert.equal(
    await seen(german, '[data-testid="currency-error"]'),
    'Give a three-letter ISO 4217 currency code, such as EUR, GBP or USD. Still using GBP, the value before this edit.',
  );
  assert.equal(await shown(german, 'forecast-revenue'), `960.000${NBSP}£`);
  assert.match(await address(german), /&currency=GBP&/);
  // data-value stays plain whatever the locale.
  assert.equal(await german.getAttribute('[data-testid="forecast-revenue"]', 'data-value'), '960000');
  await german.context().close();
});

test('an Indian browser groups in lakhs and crores, and shortens in crores', async () => {
  const india = await openIn('en-IN', '#quota=123456789&deal=25000&start=2027-01');
  assert.equal(await shown(india, 'new-target'), '₹12,34,56,789');
  assert.equal(await india.inputValue('[data-testid="currency"]'), 'INR');
  await typeInto(india, 'quota', '1234567890');
  await waitForValue(india, 'new-target', 1234567890);
  const target = india.locator('[data-testid="new-target"]');
  assert.equal(await target.locator('[aria-hidden="true"]').textContent(), '₹123Cr');
  assert.equal(await target.locator('[aria-hidden="true"]').getAttribute('title'), '₹1,23,45,67,890');
  await india.context().close();
});

test('huge figures are compact, never overflow their cards, and keep their full value', async () => {
  for (const width of [375, 1280]) {
    const page = await openIn('en-US', '#quota=10000000000000&deal=0.01&currency=USD', { width, height: 900 });
    const headline = page.locator('[data-testid="headline-value"]');
    // 10^13 ÷ 0.01 = 10^15 deals; the leads needed run to 1.04 × 10^17.
    assert.equal(await headline.locator('[aria-hidden="true"]').textContent(), '104,000T');
    const full = await headline.locator('[aria-hidden="true"]').getAttribute('title');
    // 10^17 is past what an f64 holds exactly: 15 significant digits, then zeros.
    assert.equal(full, '104,166,666,666,667,000');
    assert.equal(await headline.locator('.visually-hidden').textContent(), full);
    assert.equal(await shown(page, 'new-target').then((t) => t.startsWith('$10T')), true);
    const overflowing = await page.evaluate(() => [...document.querySelectorAll('.key-figures > div, .headline')]
      .filter((card) => card.scrollWidth > card.clientWidth + 1)
      .map((card) => card.textContent.slice(0, 60)));
    assert.deepEqual(overflowing, [], `cards overflowing at ${width} px`);
    await page.context().close();
  }
});

test('yen costs show no cents, and German decimals are never taken for thousands', async () => {
  const japan = await openIn('ja-JP', '#quota=1000000&deal=25000&cpl=100&start=2027-01');
  assert.equal(await japan.inputValue('[data-testid="currency"]'), 'JPY');
  // 417,500 ÷ 4,175 leads = 100 per lead; the stage table's cost per visitor is 2.
  assert.equal(await shown(japan, 'blended-cpl'), '￥100');
  assert.equal(await shown(japan, 'cost-per-0'), '￥2');
  await japan.context().close();

  const german = await openIn('de-DE', '#quota=1000000&deal=12345.67&start=2027-01');
  const deal = german.locator('[data-testid="deal"]');
  await deal.click();
  await deal.press('End');
  await deal.pressSequentially('8');
  assert.match(
    await seen(german, '[data-testid="deal-error"]'),
    /^Use at most 2 decimal places\. Still using 12345,67, the value before this edit\./,
  );
  await german.context().close();
});
