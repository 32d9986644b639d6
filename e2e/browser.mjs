// browser.mjs: how every e2e driver starts Debian's Chromium (never a downloaded browser):
// headless, with WebGPU on SwiftShader (DESIGN.md), and without the background traffic that
// a test machine cannot reach.
import { chromium } from 'playwright-core';

// launchChromium starts the browser that CHROMIUM names, /usr/bin/chromium by default.
export function launchChromium() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    timeout: 120_000,
    args: ['--no-sandbox', '--enable-unsafe-webgpu', '--enable-unsafe-swiftshader',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
      '--no-first-run', '--disable-quic'],
  });
}

// openPage opens url in a new page of browser and waits until ganplay's page has settled
// (body[data-state]: "ready", or an error it shows in #fatal). rec, the driver's record of the
// page, gets url, consoleErrors (console errors and uncaught exceptions, as they come),
// state0, fatal (when not ready) and readyMs. GANPLAY_E2E_VERBOSE echoes the console.
export async function openPage(browser, name, url, rec, viewport = { width: 1280, height: 760 }) {
  const page = await browser.newPage({ viewport });
  rec.url = url;
  rec.consoleErrors = [];
  page.on('console', (msg) => {
    if (process.env.GANPLAY_E2E_VERBOSE) console.error(`${name}: [${msg.type()}] ${msg.text()}`);
    if (msg.type() === 'error') rec.consoleErrors.push(msg.text());
  });
  page.on('pageerror', (err) => rec.consoleErrors.push(`uncaught: ${err.message}`));
  const start = Date.now();
  await page.goto(url, { waitUntil: 'load', timeout: 120_000 });
  await page.waitForSelector('body[data-state]', { timeout: 240_000 });
  rec.state0 = await page.evaluate(() => document.body.dataset.state);
  if (rec.state0 !== 'ready') rec.fatal = await page.textContent('#fatal');
  rec.readyMs = Date.now() - start;
  return page;
}
