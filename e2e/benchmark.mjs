// benchmark.mjs BASEURL MODE [SECONDS ROUNDS]: opens the benchmark page (e2e/bench/) in
// Debian's headless Chromium and prints one JSON line for benchmark_test.go.
//   MODE "check": calls window.ganplay.benchmark briefly on each workload and backend, with
//     bad options, and reads the demo's state and metrics before and after.
//   MODE "suite": measures every workload on every backend, TF.js's then ganplay's
//     (window.benchCell), ROUNDS times, and with each median the CPU time that Chromium's
//     processes (renderer, GPU process with SwiftShader, ...) spent per timed iteration,
//     read from /proc: on a shared machine it varies far less than wall time.
import { launchChromium } from './browser.mjs';
import fs from 'node:fs';

// chromiumCPUms sums the user and system CPU time of this process's descendants (not node
// itself), in milliseconds; 0 where /proc is missing.
function chromiumCPUms() {
  let dirs;
  try { dirs = fs.readdirSync('/proc').filter((d) => /^\d+$/.test(d)); } catch { return 0; }
  const parent = new Map(), ticks = new Map();
  for (const d of dirs) {
    try {
      const st = fs.readFileSync(`/proc/${d}/stat`, 'utf8');
      const f = st.slice(st.lastIndexOf(')') + 2).split(' ');
      parent.set(Number(d), Number(f[1]));
      ticks.set(Number(d), Number(f[11]) + Number(f[12]));
    } catch { /* exited */ }
  }
  let sum = 0;
  for (const [pid, t] of ticks) {
    let q = parent.get(pid);
    while (q && q !== process.pid) q = parent.get(q);
    if (q === process.pid) sum += t;
  }
  return sum * 10; // USER_HZ is 100 on Linux
}

const [base, mode, seconds = '3', rounds = '1'] = process.argv.slice(2);
if (!base || !['check', 'suite'].includes(mode)) {
  console.error('usage: node benchmark.mjs BASEURL check|suite [SECONDS ROUNDS]');
  process.exit(2);
}
const result = { mode, consoleErrors: [] };
let browser;
try {
  browser = await launchChromium();
  result.browserVersion = browser.version();
  const page = await browser.newPage();
  page.setDefaultTimeout(0);
  page.on('console', (msg) => {
    if (process.env.GANPLAY_E2E_VERBOSE) console.error(`[${msg.type()}] ${msg.text()}`);
    if (msg.type() === 'error') result.consoleErrors.push(msg.text());
  });
  page.on('pageerror', (err) => result.consoleErrors.push(`uncaught: ${err.message}`));
  await page.goto(base + 'bench/?autoplay=0', { waitUntil: 'load', timeout: 120_000 });
  await page.evaluate(() => window.benchBoot);
  if (mode === 'suite') {
    let mark = 0;
    await page.exposeFunction('cpuMark', () => { mark = chromiumCPUms(); });
    const rows = new Map();
    const cells = [];
    for (const workload of ['toygan', 'matmul256']) {
      for (const backend of ['webgpu', 'wasm', 'cpu']) cells.push({ impl: 'tfjs', backend, workload });
      for (const backend of ['webgpu', 'cpu']) cells.push({ impl: 'ganplay', backend, workload });
    }
    // The image GANs of the image-GAN issue (no TF.js twin: their ratio is against PyTorch
    // on this machine, from make bench).
    for (const workload of ['pix2pix64', 'cyclegan64']) {
      for (const backend of ['cpu', 'webgpu']) cells.push({ impl: 'ganplay', backend, workload });
    }
    for (let r = 0; r < Number(rounds); r++) {
      for (const c of cells) {
        const key = `${c.impl}/${c.backend}/${c.workload}`;
        if (!rows.has(key)) rows.set(key, { ...c, adapter: '', medians_ms: [], iterations: [], cpu_ms: [], errors: [] });
        const rec = rows.get(key);
        try {
          mark = 0;
          const m = await page.evaluate((o) => window.benchCell(o), { ...c, seconds: Number(seconds) });
          const end = chromiumCPUms();
          rec.adapter = m.adapter;
          rec.medians_ms.push(m.median_ms);
          rec.iterations.push(m.iterations);
          if (mark > 0 && end > 0) rec.cpu_ms.push((end - mark) / m.iterations);
        } catch (e) {
          rec.errors.push(String(e && e.message ? e.message : e));
        }
      }
    }
    result.suite = { env: { ...(await page.evaluate(() => window.benchEnv())), demoFramesHeld: true },
      rows: Array.from(rows.values()) };
  } else {
    result.check = await page.evaluate(async (secs) => {
      const gp = window.ganplay;
      const out = { hasGPU: !!navigator.gpu, runs: [], bad: [] };
      out.state0 = gp.state();
      out.metrics0 = gp.metrics();
      for (const backend of ['cpu', 'webgpu']) {
        for (const workload of ['matmul256', 'toygan']) {
          try {
            out.runs.push({ ok: true, result: await gp.benchmark({ workload, backend, seconds: secs }) });
          } catch (e) {
            out.runs.push({ ok: false, workload, backend, error: String(e && e.message ? e.message : e), isError: e instanceof Error });
          }
        }
      }
      try { // beside the running demo, without holding its frames
        out.runs.push({ ok: true, result: await gp.benchmark({ workload: 'matmul256', backend: 'cpu', seconds: secs, hold: false }) });
      } catch (e) {
        out.runs.push({ ok: false, backend: 'cpu', error: String(e && e.message ? e.message : e) });
      }
      const bad = [
        ['unknown workload', { workload: 'resnet', backend: 'cpu' }],
        ['unknown backend', { workload: 'toygan', backend: 'metal' }],
        ['seconds 0', { workload: 'toygan', backend: 'cpu', seconds: 0 }],
        ['seconds 1e6', { workload: 'toygan', backend: 'cpu', seconds: 1e6 }],
        ['seconds "3"', { workload: 'toygan', backend: 'cpu', seconds: '3' }],
        ['no options', undefined],
        ['profile on cpu', { workload: 'toygan', backend: 'cpu', profile: true }],
      ];
      for (const [name, opts] of bad) {
        try {
          const r = await gp.benchmark(opts);
          out.bad.push({ name, rejected: false, result: r });
        } catch (e) {
          out.bad.push({ name, rejected: true, isError: e instanceof Error, error: String(e && e.message ? e.message : e) });
        }
      }
      out.state1 = gp.state();
      out.metrics1 = gp.metrics();
      const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
      // Frames run again after the benchmarks, and stop while holdFrames(true) holds them.
      const f0 = gp.frames();
      await sleep(1000);
      out.framesAfter = gp.frames() - f0;
      gp.holdFrames(true);
      await sleep(200);
      const f1 = gp.frames();
      await sleep(1000);
      out.framesHeld = gp.frames() - f1;
      gp.holdFrames(false);
      await sleep(1000);
      out.framesReleased = gp.frames() - f1 - out.framesHeld;
      return out;
    }, Number(seconds));
  }
} catch (err) {
  result.error = String(err && err.stack ? err.stack : err);
} finally {
  if (browser) await browser.close().catch(() => {});
}
console.log(JSON.stringify(result));
