// Shared set-up for the end-to-end tests: serve dist/ on 127.0.0.1, drive Debian's Chromium.
import { chromium } from 'playwright-core';
import { serve } from './serve.mjs';

export const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

/** Starts the server (on `dir`, dist/ by default) and the browser; returns { base, browser, close }. */
export async function start(dir = new URL('../../dist', import.meta.url).pathname) {
  const server = await serve(dir);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  });
  const base = `http://127.0.0.1:${server.address().port}/`;
  return {
    base,
    browser,
    close: async () => {
      await browser.close();
      await new Promise((done) => server.close(done));
    },
  };
}

/**
 * Opens a page in a fresh context (empty storage) at `base` + `suffix`, waiting for results.
 * `before(page)` runs before navigation (for example to fix the page's clock); `options` are
 * the browser context's (a locale, a viewport).
 */
export async function openFresh(env, suffix = '', before = async () => {}, options = {}) {
  const context = await env.browser.newContext(options);
  const page = await context.newPage();
  await before(page);
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.errors = errors;
  await page.goto(env.base + suffix);
  await ready(page);
  return page;
}

/** Waits until the plan is on screen. */
export async function ready(page) {
  await page.waitForSelector('[data-testid="need-0"]', { timeout: 15000 });
  // The rest of the page mounts a frame after the first result.
  await page.waitForSelector('[data-testid="quota"]', { timeout: 15000 });
}

/**
 * Reads every `data-value` on the page, keyed by `data-testid`, once the Monte Carlo draws
 * (which run after input settles, off the typing path) have finished, so that their figures
 * are the plan's.
 */
export async function values(page) {
  await page.waitForFunction(
    () => document.querySelector('[data-testid="mc"]')?.dataset.state !== 'updating',
    null,
    { timeout: 20000 },
  );
  return page.evaluate(() => Object.fromEntries(
    [...document.querySelectorAll('[data-testid][data-value]')]
      .map((element) => [element.dataset.testid, element.dataset.value]),
  ));
}

/** Waits until the element `testid` has `data-value` equal to `expected`. */
export async function waitForValue(page, testid, expected) {
  try {
    await page.waitForFunction(
      ([id, want]) => document.querySelector(`[data-testid="${id}"]`)?.dataset.value === want,
      [testid, String(expected)],
      { timeout: 5000 },
    );
  } catch {
    const actual = await page.getAttribute(`[data-testid="${testid}"]`, 'data-value');
    throw new Error(`${testid}: expected data-value ${expected}, found ${actual}`);
  }
}

/** Opens the collapsed input section `name` (its `section-{name}` hook). */
export async function openSection(page, name) {
  await page.evaluate((id) => { document.querySelector(`[data-testid="section-${id}"]`).open = true; }, name);
}

/** Replaces the text of the input `testid` as a user would: select all, type. */
export async function typeInto(page, testid, text) {
  const input = page.locator(`[data-testid="${testid}"]`);
  await input.click();
  await input.press('Control+A');
  await input.pressSequentially(text);
}

/**
 * The text a reader sees in the first element matching `selector`: it is scrolled into view
 * first, as a reader would, since result sections off screen are not rendered
 * (content-visibility) and their innerText is empty until they are.
 */
export async function seen(page, selector) {
  // Scrolled by the DOM, not Playwright's action, which waits for a visible box: an empty
  // message has none. The section becomes rendered in the next frame.
  return page.locator(selector).first().evaluate((element) => new Promise((done, fail) => {
    element.scrollIntoView({ block: 'nearest' });
    requestAnimationFrame(() => requestAnimationFrame(() => {
      // Still skipped by content-visibility, it would read as empty: fail rather than pass.
      if (element.checkVisibility() && !element.checkVisibility({ contentVisibilityAuto: true })) {
        fail(new Error(`${element.dataset.testid ?? element.tagName} is not rendered`));
      } else {
        done(element.innerText);
      }
    }));
  }));
}

/** Asserts the page shows no NaN, Infinity or undefined, in text or in data-value. */
export async function assertNoNonsense(page) {
  const bad = await page.evaluate(() => {
    // Every text node, not innerText: sections off screen are not rendered
    // (content-visibility), and innerText is empty for them. Joined with spaces, so that a
    // word in one cell never runs into the next (`LeadsNaN` would hide a NaN).
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    const parts = [];
    while (walker.nextNode()) parts.push(walker.currentNode.data);
    const text = parts.join(' ');
    const found = ['NaN', 'Infinity', 'undefined'].filter((word) =>
      new RegExp(`\\b${word}\\b`).test(text));
    for (const element of document.querySelectorAll('[data-value]')) {
      if (!Number.isFinite(Number(element.dataset.value))) {
        found.push(`${element.dataset.testid}=${element.dataset.value}`);
      }
    }
    return found;
  });
  if (bad.length) throw new Error(`page shows ${bad.join(', ')}`);
}

/**
 * Waits until the page has written its address bar and storage after the last edit. It writes
 * them once the edit's frame is drawn, in a task after the next animation frame; this waits
 * for a task after the same frame, queued later.
 */
export async function written(page) {
  await page.evaluate(() => new Promise((done) => {
    requestAnimationFrame(() => setTimeout(done, 0));
  }));
}

/** Returns the page's address as the page last wrote it (see `written`). */
export async function address(page) {
  await written(page);
  return page.evaluate(() => location.href);
}
