// Writes tests/e2e/screenshot.png, the README's picture of the default plan (`make screenshot`).
import { start, ready } from './helpers.mjs';

const env = await start();
try {
  const context = await env.browser.newContext({ viewport: { width: 1280, height: 940 } });
  const page = await context.newPage();
  await page.goto(env.base);
  await ready(page);
  await page.screenshot({ path: new URL('./screenshot.png', import.meta.url).pathname });
} finally {
  await env.close();
}
