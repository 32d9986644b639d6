// playground.mjs BASEURL OUTDIR: drives ganplay's pages in Debian's headless Chromium and
// prints one JSON line of observations for e2e_test.go to check (it decides what passes):
//   {pages: {NAME: {...}}, error: "..."}
// usage: node playground.mjs BASEURL OUTDIR [quick]
// Each page entry holds what window.ganplay reported, the page's texts and screenshot paths.
import { chromium } from 'playwright-core';
import path from 'node:path';
import fs from 'node:fs';

const [base, outDir, mode] = process.argv.slice(2); // mode "quick": the main page only
if (!base || !outDir) {
  console.error('usage: node playground.mjs BASEURL OUTDIR');
  process.exit(2);
}
fs.mkdirSync(outDir, { recursive: true });
const result = { base, pages: {} };
let browser;

async function open(name, query, viewport = { width: 1280, height: 760 }, file = 'index.html') {
  const page = await browser.newPage({ viewport });
  const rec = { url: base + file + query, consoleErrors: [] };
  result.pages[name] = rec;
  page.on('console', (msg) => {
    if (process.env.GANPLAY_E2E_VERBOSE) console.error(`${name}: [${msg.type()}] ${msg.text()}`);
    if (msg.type() === 'error') rec.consoleErrors.push(msg.text());
  });
  page.on('pageerror', (err) => rec.consoleErrors.push(`uncaught: ${err.message}`));
  const start = Date.now();
  await page.goto(rec.url, { waitUntil: 'load', timeout: 120_000 });
  await page.waitForSelector('body[data-state]', { timeout: 240_000 });
  rec.state0 = await page.evaluate(() => document.body.dataset.state);
  if (rec.state0 !== 'ready') {
    rec.fatal = await page.textContent('#fatal');
    return { page, rec };
  }
  rec.loadMs = Date.now() - start;
  rec.backend = await page.evaluate(() => window.ganplay.backend());
  rec.backendText = await page.textContent('#backend');
  rec.state = await page.evaluate(() => window.ganplay.state());
  return { page, rec };
}

async function shot(page, rec, key) {
  await page.waitForTimeout(400); // a few frames
  const file = path.resolve(outDir, `${key}.png`);
  await page.screenshot({ path: file });
  (rec.screenshots ||= {})[key] = file;
}

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

  // 1. The main page: each scene renders, training advances, buttons step.
  {
    const { page, rec } = await open('main', '?autoplay=0&width=32&data=grid&backend=webgpu');
    if (rec.state0 === 'ready') {
      rec.ready = await page.evaluate(async () => { await window.ganplay.ready; return true; });
      await page.evaluate(() => window.ganplay.step(20));
      await shot(page, rec, 'mixture');
      rec.metrics0 = await page.evaluate(() => window.ganplay.metrics());
      rec.metrics1 = await page.evaluate(() => window.ganplay.step(20));
      await page.click('#step10');
      await page.waitForFunction((s) => window.ganplay.metrics().step >= s + 10, rec.metrics1.step, { timeout: 60_000 });
      rec.metrics2 = await page.evaluate(() => window.ganplay.metrics());
      await page.click('#play');
      await page.waitForTimeout(1500);
      rec.playing = await page.evaluate(() => window.ganplay.playing());
      rec.metrics3 = await page.evaluate(() => window.ganplay.metrics());
      rec.fps = await page.evaluate(() => window.ganplay.fps());
      await page.selectOption('#f-scene', 'divergence');
      await page.waitForFunction(() => window.ganplay.state().scene === 'divergence', null, { timeout: 60_000 });
      rec.divergenceMetrics = await page.evaluate(() => window.ganplay.metrics());
      rec.urlAfterSet = page.url();
      await shot(page, rec, 'divergence');
      rec.transportState = await page.evaluate(() => window.ganplay.set({ scene: 'transport', eps: 0.05 }));
      rec.transportMetrics = await page.evaluate(() => window.ganplay.metrics());
      await shot(page, rec, 'transport');
    }
    await page.close();
  }

  // 2. URL parameters round-trip through state().
  if (mode !== 'quick') {
    const q = '?scene=transport&model=wgan-gp&data=bimodal&lr-d=0.001&k=3&batch=32&width=48&depth=3&noise=4&seed=7&speed=0.5&eps=0.2&theta=-1.25&iters=50&hide=arrows,losses&autoplay=0&backend=cpu';
    const { page, rec } = await open('roundtrip', q);
    rec.query = q;
    if (rec.state0 === 'ready') rec.errors = await page.evaluate(() => Array.from(window.ganplay.errors()));
    await page.close();
  }

  // 3. A bad parameter shows its message and falls back to the default.
  if (mode !== 'quick') {
    const { page, rec } = await open('bad', '?lr-d=abc&batch=0&frobnicate=1&autoplay=0&backend=cuda');
    if (rec.state0 === 'ready') {
      await page.waitForSelector('#errors:not([hidden])', { timeout: 10_000 }).catch(() => {});
      rec.errorsVisible = await page.isVisible('#errors');
      rec.errorsText = await page.textContent('#errors');
      await shot(page, rec, 'bad-param');
    }
    await page.close();
  }

  // 4. embed.html in an iframe-sized viewport, driven by postMessage.
  if (mode !== 'quick') {
    const { page, rec } = await open('embed', '?scene=mixture&autoplay=1&width=32', { width: 480, height: 300 }, 'embed.html');
    if (rec.state0 === 'ready') {
      rec.controlsVisible = await page.isVisible('#controls');
      rec.miniVisible = await page.isVisible('#mini');
      rec.playing0 = await page.evaluate(() => window.ganplay.playing());
      await page.evaluate(() => window.postMessage({ ganplay: 'pause' }, '*'));
      await page.waitForFunction(() => !window.ganplay.playing(), null, { timeout: 10_000 }).catch(() => {});
      rec.playing1 = await page.evaluate(() => window.ganplay.playing());
      const s0 = await page.evaluate(() => window.ganplay.metrics().step);
      await page.evaluate(() => window.postMessage({ ganplay: 'step', n: 5 }, '*'));
      await page.waitForFunction((s) => window.ganplay.metrics().step >= s + 5, s0, { timeout: 30_000 }).catch(() => {});
      rec.stepDelta = (await page.evaluate(() => window.ganplay.metrics().step)) - s0;
      await page.evaluate(() => window.postMessage({ ganplay: 'set', params: { scene: 'divergence', theta: 1 } }, '*'));
      await page.waitForFunction(() => window.ganplay.state().scene === 'divergence', null, { timeout: 30_000 }).catch(() => {});
      rec.stateAfterSet = await page.evaluate(() => window.ganplay.state());
      await shot(page, rec, 'embed');
    }
    await page.close();
  }

  // 5. WebGPU asked for; a simulated device loss mid-run falls back to the CPU backend,
  // which trains on from the last snapshot of the weights.
  if (mode !== 'quick') {
    const { page, rec } = await open('loss', '?backend=webgpu&autoplay=0&width=16&data=ring');
    if (rec.state0 === 'ready') {
      const loss = (rec.loss = {});
      loss.before = await page.evaluate(() => window.ganplay.step(30));
      loss.simulated = await page.evaluate(() => window.ganplay.simulateDeviceLoss('e2e'));
      loss.after = await page.evaluate(() => window.ganplay.step(10));
      loss.backend = await page.evaluate(() => window.ganplay.backend());
      await page.click('#play');
      await page.waitForFunction((s) => window.ganplay.metrics().step > s + 5, loss.after.step, { timeout: 60_000 }).catch(() => {});
      loss.later = await page.evaluate(() => window.ganplay.metrics());
      await page.waitForFunction(() => document.getElementById('backend').textContent.includes('device lost'), null, { timeout: 10_000 }).catch(() => {});
      loss.backendText = await page.textContent('#backend');
      loss.errors = await page.evaluate(() => Array.from(window.ganplay.errors()));
      await shot(page, rec, 'loss');
    }
    await page.close();
  }
} catch (err) {
  result.error = String(err && err.stack ? err.stack : err);
} finally {
  if (browser) await browser.close().catch(() => {});
}
console.log(JSON.stringify(result));
