// conformance.mjs URL TIMEOUT_MS: opens URL (conformance.html) in Debian's headless Chromium
// with WebGPU on SwiftShader, prints every console line of the page to stdout as it comes
// (the Go test binary's -test.v output), then one JSON line {navigatorGPU, result, error}.
// conformance_test.go parses both.
import { launchChromium } from './browser.mjs';

const [url, timeoutArg] = process.argv.slice(2);
if (!url) {
  console.error('usage: node conformance.mjs URL [TIMEOUT_MS]');
  process.exit(2);
}
const timeout = Number(timeoutArg || 15 * 60_000);
const out = { navigatorGPU: false };
let browser;
try {
  browser = await launchChromium();
  out.browserVersion = browser.version();
  const page = await browser.newPage();
  page.on('console', (msg) => {
    const text = msg.text();
    process.stdout.write(msg.type() === 'log' ? `${text}\n` : `[console ${msg.type()}] ${text}\n`);
  });
  page.on('pageerror', (err) => process.stdout.write(`[pageerror] ${err.message}\n`));
  await page.goto(url, { waitUntil: 'load', timeout: 120_000 });
  out.navigatorGPU = await page.evaluate(() => !!navigator.gpu);
  await page.waitForFunction(() => window.conformance, null, { timeout, polling: 1000 });
  out.result = await page.evaluate(() => window.conformance);
} catch (err) {
  out.error = String(err && err.stack ? err.stack : err);
} finally {
  if (browser) await browser.close().catch(() => {});
}
process.stdout.write('\n' + JSON.stringify(out) + '\n');
