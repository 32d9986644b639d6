// smoke.mjs URL OUTDIR: opens the ganplay page in Debian's headless Chromium, waits for
// window.ganplay.ready, and prints one JSON line for e2e_test.go to check:
//   {"backend": {...}, "check": [...], "backendText": "...", "checkText": "...",
//    "screenshot": "OUTDIR/smoke.png", "consoleErrors": [...], "loadMs": N, "error": "..."}
// It exits 0 whenever it printed that line; the Go test decides what passes.
import { chromium } from 'playwright-core';
import path from 'node:path';
import fs from 'node:fs';

const [url, outDir] = process.argv.slice(2);
if (!url || !outDir) {
  console.error('usage: node smoke.mjs URL OUTDIR');
  process.exit(2);
}
fs.mkdirSync(outDir, { recursive: true });

const result = { url, consoleErrors: [] };
let browser;
let page;
try {
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    timeout: 120_000,
    args: ['--no-sandbox', '--enable-unsafe-webgpu', '--enable-unsafe-swiftshader',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
      '--no-first-run', '--disable-quic'],
  });
  result.browserVersion = browser.version();
  page = await browser.newPage({ viewport: { width: 900, height: 600 } });
  page.on('console', (msg) => {
    const line = `[${msg.type()}] ${msg.text()}`;
    if (process.env.GANPLAY_E2E_VERBOSE) console.error(line);
    if (msg.type() === 'error') result.consoleErrors.push(msg.text());
  });
  page.on('pageerror', (err) => result.consoleErrors.push(`uncaught: ${err.message}`));
  page.on('requestfailed', (req) => result.consoleErrors.push(`request failed: ${req.url()} ${req.failure()?.errorText}`));

  const start = Date.now();
  await page.goto(url, { waitUntil: 'load', timeout: 120_000 });
  await page.waitForFunction(() => window.ganplay !== undefined || document.querySelector('#error:not([hidden])'),
    null, { timeout: 180_000 });
  const state = await page.evaluate(async () => {
    if (!window.ganplay) return { error: document.querySelector('#error').textContent };
    await window.ganplay.ready;
    const check = window.ganplay.check();
    return { backend: window.ganplay.backend(), check: check === null ? null : Array.from(check) };
  });
  Object.assign(result, state);
  result.loadMs = Date.now() - start;
  if (!result.error) {
    await page.waitForSelector('body[data-state="ready"]', { timeout: 30_000 });
  }
  result.backendText = (await page.textContent('#backend')) ?? '';
  result.checkText = (await page.textContent('#check')) ?? '';
  result.screenshot = path.resolve(outDir, 'smoke.png');
  await page.screenshot({ path: result.screenshot, fullPage: true });
} catch (err) {
  result.error = String(err && err.stack ? err.stack : err);
  if (page) { // a picture of the failure helps more than the stack
    result.screenshot = path.resolve(outDir, 'smoke-error.png');
    await page.screenshot({ path: result.screenshot, fullPage: true }).catch(() => {});
  }
} finally {
  if (browser) await browser.close().catch(() => {});
}
console.log(JSON.stringify(result));
