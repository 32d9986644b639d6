// images.mjs BASEURL OUTDIR MODE: drives ganplay's image scenes in Debian's headless Chromium
// and prints one JSON line of observations for images_test.go to check (it decides what
// passes): {pages: {NAME: {...}}, error: "..."}.
//   MODE "scenes": opens each image scene, waits for its assets, steps once, screenshots;
//                  on pix2pix-edges clears the drawing and draws a stroke with the mouse.
//   MODE "errors": opens scenes whose assets are missing or corrupt and reads the message.
import { launchChromium, openPage } from './browser.mjs';
import path from 'node:path';
import fs from 'node:fs';

const [base, outDir, mode] = process.argv.slice(2);
if (!base || !outDir || !mode) {
  console.error('usage: node images.mjs BASEURL OUTDIR scenes|errors');
  process.exit(2);
}
fs.mkdirSync(outDir, { recursive: true });
const result = { base, mode, pages: {} };
let browser;

async function open(name, query) {
  const rec = {};
  result.pages[name] = rec;
  const page = await openPage(browser, name, base + 'index.html' + query, rec);
  return { page, rec };
}

// waitLoaded waits until the scene has its assets (or failed) and records the metrics then.
async function waitLoaded(page, rec) {
  const start = Date.now();
  rec.metricsLoading = await page.evaluate(() => window.ganplay.metrics());
  await page.waitForFunction(() => { const m = window.ganplay.metrics(); return m.loaded === 1 || m.failed === 1; }, null, { timeout: 180_000 });
  rec.loadMs = Date.now() - start;
  rec.metricsLoaded = await page.evaluate(() => window.ganplay.metrics());
}

// shot saves the canvas element (the page leaves the controls a margin beside it, so the
// canvas is not the whole page) as OUTDIR/KEY.png.
async function shot(page, rec, key) {
  await page.waitForTimeout(300); // a few frames
  const file = path.resolve(outDir, `${key}.png`);
  await page.locator('canvas').screenshot({ path: file });
  (rec.screenshots ||= {})[key] = file;
}

// toPage maps a point of the 960×560 scene canvas to page coordinates (Ebiten letterboxes
// the canvas into its element).
async function toPage(page, x, y) {
  return page.evaluate(([x, y]) => {
    const r = document.querySelector('canvas').getBoundingClientRect();
    const s = Math.min(r.width / 960, r.height / 560);
    return [r.left + (r.width - 960 * s) / 2 + x * s, r.top + (r.height - 560 * s) / 2 + y * s];
  }, [x, y]);
}

// The Pix2pix layout (demos/pix2pix.go): the input panel and the clear button.
const input = { x0: 12, y0: 64, x1: 188, y1: 240 };
const clearButton = [42, 273];

try {
  browser = await launchChromium();
  result.browserVersion = browser.version();

  if (mode === 'scenes') {
    for (const scene of ['dcgan', 'cgan', 'pix2pix-edges', 'pix2pix-sketch', 'cyclegan']) {
      const { page, rec } = await open(scene, `?scene=${scene}&autoplay=0`);
      if (rec.state0 === 'ready') {
        await waitLoaded(page, rec);
        rec.state = await page.evaluate(() => window.ganplay.state());
        rec.errors = await page.evaluate(() => Array.from(window.ganplay.errors()));
        await shot(page, rec, scene);
        rec.metricsStep = await page.evaluate(() => window.ganplay.step(1));
        if (scene === 'pix2pix-edges') {
          // A click held for a few frames: Ebiten reads the button once per tick, so a press
          // and release between two ticks would go unseen.
          const [cx, cy] = await toPage(page, ...clearButton);
          await page.mouse.move(cx, cy);
          await page.mouse.down();
          await page.waitForTimeout(150);
          await page.mouse.up();
          await page.waitForFunction(() => window.ganplay.metrics().input_mean === -1, null, { timeout: 60_000 });
          rec.metricsCleared = await page.evaluate(() => window.ganplay.metrics());
          await shot(page, rec, 'pix2pix-cleared');
          // A stroke down the middle of the input panel, then a bar across it.
          const mid = (input.x0 + input.x1) / 2;
          const pts = [];
          for (let y = input.y0 + 30; y <= input.y1 - 30; y += 6) pts.push([mid, y]);
          for (let x = mid; x >= input.x0 + 40; x -= 6) pts.push([x, input.y1 - 30]);
          const [sx, sy] = await toPage(page, ...pts[0]);
          await page.mouse.move(sx, sy);
          await page.mouse.down();
          await page.waitForTimeout(100); // let a tick see the button down
          for (const p of pts.slice(1)) {
            const [px, py] = await toPage(page, ...p);
            await page.mouse.move(px, py);
            await page.waitForTimeout(20);
          }
          await page.waitForTimeout(100);
          await page.mouse.up();
          await page.waitForFunction(() => window.ganplay.metrics().strokes >= 1, null, { timeout: 60_000 });
          await page.waitForFunction((m0) => window.ganplay.metrics().output_mean !== m0, rec.metricsCleared.output_mean, { timeout: 60_000 }).catch(() => {});
          rec.metricsDrawn = await page.evaluate(() => window.ganplay.metrics());
          await shot(page, rec, 'pix2pix-drawn');
        }
      }
      await page.close();
    }
  } else {
    for (const [name, scene] of [['corrupt', 'dcgan'], ['missing', 'cyclegan']]) {
      const { page, rec } = await open(name, `?scene=${scene}&autoplay=0`);
      if (rec.state0 === 'ready') {
        await waitLoaded(page, rec);
        await page.waitForSelector('#errors:not([hidden])', { timeout: 30_000 }).catch(() => {});
        rec.errorsVisible = await page.isVisible('#errors');
        rec.errorsText = await page.textContent('#errors');
        await shot(page, rec, name);
      }
      await page.close();
    }
  }
} catch (err) {
  result.error = String(err && err.stack ? err.stack : err);
} finally {
  if (browser) await browser.close().catch(() => {});
}
console.log(JSON.stringify(result));
