// playground.mjs BASEURL OUTDIR: drives ganplay's pages in Debian's headless Chromium and
// prints one JSON line of observations for e2e_test.go to check (it decides what passes):
//   {pages: {NAME: {...}}, error: "..."}
// usage: node playground.mjs BASEURL OUTDIR [quick]
// Each page entry holds what window.ganplay reported, the page's texts and screenshot paths.
import { launchChromium, openPage } from './browser.mjs';
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
  const rec = {};
  result.pages[name] = rec;
  const page = await openPage(browser, name, base + file + query, rec, viewport);
  if (rec.state0 !== 'ready') return { page, rec };
  rec.loadMs = rec.readyMs;
  rec.backend = await page.evaluate(() => window.ganplay.backend());
  rec.backendText = await page.textContent('#backend');
  rec.state = await page.evaluate(() => window.ganplay.state());
  return { page, rec };
}

// shot saves the canvas (what Ebiten draws, with whatever the page lays over it) as
// OUTDIR/KEY.png, and the whole page as KEY-page.png.
async function shot(page, rec, key) {
  await page.waitForTimeout(400); // a few frames
  const file = path.resolve(outDir, `${key}.png`);
  await page.locator('canvas').screenshot({ path: file });
  await page.screenshot({ path: path.resolve(outDir, `${key}-page.png`) });
  (rec.screenshots ||= {})[key] = file;
}

// canvasScaled reports whether the canvas's bitmap has its CSS size (else Ebiten's frame is
// stretched); overlap whether the controls card covers the canvas (the page lays them side by side).
const canvasScaled = (page) => page.evaluate(() => {
  const c = document.querySelector('canvas');
  const r = c.getBoundingClientRect();
  return Math.abs(c.width - r.width * devicePixelRatio) <= 1 && Math.abs(c.height - r.height * devicePixelRatio) <= 1;
});
const overlap = (page) => page.evaluate(() => {
  const c = document.querySelector('canvas').getBoundingClientRect();
  const k = document.getElementById('controls').getBoundingClientRect();
  return !document.getElementById('controls').hidden && k.left < c.right && k.right > c.left && k.top < c.bottom && k.bottom > c.top;
});

try {
  browser = await launchChromium();
  result.browserVersion = browser.version();

  // 1. The main page: each scene renders, training advances, buttons step.
  {
    const { page, rec } = await open('main', '?autoplay=0&width=32&data=grid&backend=webgpu');
    if (rec.state0 === 'ready') {
      rec.ready = await page.evaluate(async () => { await window.ganplay.ready; return true; });
      rec.controlsOverCanvas = await overlap(page);
      await page.waitForFunction(() => { // a frame or two after the controls appear
        const c = document.querySelector('canvas'); return Math.abs(c.width - c.getBoundingClientRect().width * devicePixelRatio) <= 1;
      }, null, { timeout: 5_000 }).catch(() => {});
      rec.canvasScaled = await canvasScaled(page);
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
    const q = '?scene=transport&model=wgan-gp&data=bimodal&lr-d=0.001&k=3&batch=32&width=48&depth=3&noise=4&seed=7&speed=0.5&eps=0.2&theta=-1.25&iters=50&hide=arrows,losses,model,step-d&autoplay=0' +
      '&opt-d=sgd&opt-g=rmsprop&k-g=2&noise-shape=uniform&compare=wgan-gp&points=0,0+1,0+2,0+3,0+0,1+1,1+2,1+3,1.5&backend=cpu';
    const { page, rec } = await open('roundtrip', q);
    rec.query = q;
    if (rec.state0 === 'ready') {
      rec.errors = await page.evaluate(() => Array.from(window.ganplay.errors()));
      rec.visible = {};
      for (const sel of ['#f-model', '#stepD', '#f-data', '#stepG']) rec.visible[sel] = await page.isVisible(sel);
    }
    await page.close();
  }

  // 3. A bad parameter shows its message and falls back to the default.
  if (mode !== 'quick') {
    const { page, rec } = await open('bad', '?lr-d=abc&batch=0&frobnicate=1&autoplay=0&opt-d=lbfgs&k-g=0&noise-shape=cube&compare=vae&backend=cuda');
    if (rec.state0 === 'ready') {
      await page.waitForSelector('#errors:not([hidden])', { timeout: 10_000 }).catch(() => {});
      rec.errorsVisible = await page.isVisible('#errors');
      rec.errorsText = await page.textContent('#errors');
      await shot(page, rec, 'bad-param');
    }
    await page.close();
  }

  // 5. Compare mode: GAN and WGAN-GP side by side on the same data and seed.
  if (mode !== 'quick') {
    const { page, rec } = await open('compare', '?compare=wgan-gp&autoplay=0&width=32&data=ring&seed=3');
    if (rec.state0 === 'ready') {
      rec.metrics0 = await page.evaluate(() => window.ganplay.step(30));
      await page.waitForFunction(() => /B: /.test(document.getElementById('metrics').textContent), null, { timeout: 10_000 }).catch(() => {});
      rec.metricsText = await page.textContent('#metrics');
      rec.query = await page.evaluate(() => window.ganplay.query());
      await shot(page, rec, 'compare');
      rec.stateAfterSet = await page.evaluate(() => window.ganplay.set({ compare: 'none' }));
      rec.metrics1 = await page.evaluate(() => window.ganplay.metrics());
    }
    await page.close();
  }

  // 5b. The compare page's link gives the same pair of runs.
  if (mode !== 'quick' && result.pages.compare && result.pages.compare.query) {
    const { page, rec } = await open('compareLink', '?' + result.pages.compare.query);
    if (rec.state0 === 'ready') rec.metrics0 = await page.evaluate(() => window.ganplay.step(30));
    await page.close();
  }

  // 6. Step D / step G buttons, the step API's which, then points from a CSV file.
  if (mode !== 'quick') {
    const { page, rec } = await open('steps', '?autoplay=0&width=32&data=ring');
    if (rec.state0 === 'ready') {
      rec.metrics0 = await page.evaluate(() => window.ganplay.metrics());
      await page.click('#stepD');
      await page.click('#stepD');
      await page.waitForFunction(() => window.ganplay.metrics().steps_D >= 2, null, { timeout: 30_000 }).catch(() => {});
      rec.metrics1 = await page.evaluate(() => window.ganplay.metrics());
      await page.click('#stepG');
      await page.waitForFunction(() => window.ganplay.metrics().steps_G >= 1, null, { timeout: 30_000 }).catch(() => {});
      rec.metrics2 = await page.evaluate(() => window.ganplay.metrics());
      rec.metrics3 = await page.evaluate(() => window.ganplay.step(3, 'D'));
      await page.click('#slow');
      await page.waitForFunction(() => window.ganplay.state().speed === '0.1', null, { timeout: 10_000 }).catch(() => {});
      rec.slowState = await page.evaluate(() => window.ganplay.state());
      // A letter "L" of 12 points, in its own units: the page fits it into the plot.
      const csv = 'x,y\n' + Array.from({ length: 8 }, (_, i) => `0,${10 * i}`).concat(Array.from({ length: 4 }, (_, i) => `${10 * (i + 1)},0`)).join('\n') + '\n';
      await page.setInputFiles('#csv', { name: 'letter.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
      await page.waitForFunction(() => window.ganplay.state().data === 'points' && window.ganplay.metrics().points === 12, null, { timeout: 60_000 }).catch(() => {});
      rec.csvState = await page.evaluate(() => window.ganplay.state());
      rec.csvMetrics = await page.evaluate(() => window.ganplay.step(10));
      rec.csvErrorsVisible0 = await page.isVisible('#errors');
      await shot(page, rec, 'csv');
      await page.setInputFiles('#csv', { name: 'bad.csv', mimeType: 'text/csv', buffer: Buffer.from('x,y\n1,2\n3,oops\n') });
      await page.waitForSelector('#errors:not([hidden])', { timeout: 10_000 }).catch(() => {});
      rec.errorsVisible = await page.isVisible('#errors');
      rec.errorsText = await page.textContent('#errors');
      rec.badCSVMetrics = await page.evaluate(() => window.ganplay.metrics());
      rec.badCSVReject = await page.evaluate(() => window.ganplay.loadCSV('1,2\n').then(() => '', (e) => e.message));
      await shot(page, rec, 'csv-bad');
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
