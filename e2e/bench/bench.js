// bench.js: the benchmark page's code. It starts ganplay's wasm build (window.ganplay) and
// defines the same workloads in TensorFlow.js, then publishes
//
//   window.benchBoot: Promise, resolved once ganplay is ready
//   window.benchCell({impl, backend, workload, seconds, hold}) => Promise of
//     {median_ms, iterations, adapter}
//   window.benchEnv() => Promise of a description of the browser
//
// Every measurement times one warm-up iteration (untimed) and then iterations until
// `seconds` have passed; it reports their median, as bench.Run does for ganplay.
'use strict';

const WASM_PATHS = '/node_modules/@tensorflow/tfjs-backend-wasm/dist/';

window.benchBoot = (async () => {
  const go = new Go();
  const resp = await fetch('/ganplay.wasm');
  if (!resp.ok) throw new Error(`GET /ganplay.wasm: ${resp.status}`);
  const { instance } = await WebAssembly.instantiate(await resp.arrayBuffer(), go.importObject);
  go.run(instance);
  await window.ganplay.ready;
  document.getElementById('log').textContent = 'ready';
  return true;
})();

// measure runs iter once to warm up, then until seconds have passed; it returns the median
// time of one iteration and the count.
async function measure(iter, seconds, started) {
  await iter();
  if (started) await started();
  const times = [];
  const start = performance.now();
  while (times.length === 0 || performance.now() - start < seconds * 1000) {
    const t0 = performance.now();
    await iter();
    times.push(performance.now() - t0);
  }
  const s = times.slice().sort((a, b) => a - b);
  const n = s.length;
  return { median_ms: n % 2 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2, iterations: n };
}

// mulberry32 is a small seeded PRNG for the data batches (no global randomness).
function mulberry32(seed) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// ring8 draws n points of the ring of 8 Gaussians (torch_bench.py's ring8).
function ring8(n, rnd) {
  const out = new Float32Array(2 * n);
  for (let i = 0; i < n; i++) {
    const a = (2 * Math.PI * Math.floor(8 * rnd())) / 8;
    const g1 = Math.sqrt(-2 * Math.log(1 - rnd())) * Math.cos(2 * Math.PI * rnd());
    const g2 = Math.sqrt(-2 * Math.log(1 - rnd())) * Math.cos(2 * Math.PI * rnd());
    out[2 * i] = (2 * Math.cos(a) + 0.02 * g1) / 1.414;
    out[2 * i + 1] = (2 * Math.sin(a) + 0.02 * g2) / 1.414;
  }
  return out;
}

// mlp makes the weights of a ReLU MLP with PyTorch's default init, U(±1/√fan_in).
function mlp(sizes, seed) {
  const vars = [];
  for (let i = 0; i + 1 < sizes.length; i++) {
    const bound = 1 / Math.sqrt(sizes[i]);
    vars.push(tf.variable(tf.randomUniform([sizes[i], sizes[i + 1]], -bound, bound, 'float32', seed + 2 * i)));
    vars.push(tf.variable(tf.randomUniform([sizes[i + 1]], -bound, bound, 'float32', seed + 2 * i + 1)));
  }
  return vars;
}

function forward(vars, x) {
  let h = x;
  for (let i = 0; i < vars.length; i += 2) {
    h = tf.add(tf.matMul(h, vars[i]), vars[i + 1]);
    if (i + 2 < vars.length) h = tf.relu(h);
  }
  return h;
}

// toyGAN is bench.ToyGAN in TF.js: G 2→128→128→2, D 2→128→128→1 (ReLU), Adam(2e-4,
// β = (0.5, 0.999)), the non-saturating loss, batch 256; one iteration is a D step, a G
// step and a read of the D loss.
function toyGAN() {
  const B = 256;
  const G = mlp([2, 128, 128, 2], 10), D = mlp([2, 128, 128, 1], 20);
  const optG = tf.train.adam(2e-4, 0.5, 0.999), optD = tf.train.adam(2e-4, 0.5, 0.999);
  const bce = (logits, one) =>
    tf.losses.sigmoidCrossEntropy(one ? tf.onesLike(logits) : tf.zerosLike(logits), logits);
  const rnd = mulberry32(1);
  let seed = 100;
  const iter = async () => {
    const real = tf.tensor2d(ring8(B, rnd), [B, 2]);
    const lossD = optD.minimize(() => {
      const fake = forward(G, tf.randomNormal([B, 2], 0, 1, 'float32', seed++));
      return tf.add(bce(forward(D, real), true), bce(forward(D, fake), false));
    }, true, D);
    real.dispose();
    const lossG = optG.minimize(() => bce(forward(D, forward(G, tf.randomNormal([B, 2], 0, 1, 'float32', seed++))), true), true, G);
    await lossD.data();
    lossD.dispose();
    lossG.dispose();
  };
  const dispose = () => { optG.dispose(); optD.dispose(); G.concat(D).forEach((v) => v.dispose()); };
  return { iter, dispose };
}

// matmul256 is one 256×256 by 256×256 product and a read of the result.
function matmul256() {
  const x = tf.randomNormal([256, 256], 0, 1, 'float32', 1), y = tf.randomNormal([256, 256], 0, 1, 'float32', 2);
  const iter = async () => {
    const z = tf.matMul(x, y);
    await z.data();
    z.dispose();
  };
  return { iter, dispose: () => { x.dispose(); y.dispose(); } };
}

const WORKLOADS = { toygan: toyGAN, matmul256 };

// tfRow measures one TF.js workload on one backend.
async function tfRow(backend, workload, seconds, started) {
  if (backend === 'wasm') tf.wasm.setWasmPaths(WASM_PATHS);
  if (!(await tf.setBackend(backend))) throw new Error(`tf.setBackend(${backend}) failed`);
  await tf.ready();
  const w = WORKLOADS[workload]();
  try {
    return await measure(w.iter, seconds, started);
  } finally {
    w.dispose();
  }
}

// benchCell measures one workload on one backend of one implementation ("tfjs" or
// "ganplay") and returns {median_ms, iterations, adapter}. With hold (the default) the
// demo's frames are held, as benchmark() holds them for its own runs, so that TF.js and
// ganplay meet the same page. window.cpuMark, when the driver defines it, is called once
// the warm-up iteration is done.
window.benchCell = async ({ impl, backend, workload, seconds = 3, hold = true }) => {
  await window.benchBoot;
  const started = () => { if (window.cpuMark) window.cpuMark(); };
  document.getElementById('log').textContent = `${impl} ${backend} ${workload}`;
  if (impl === 'ganplay') {
    const m = await window.ganplay.benchmark({ workload, backend, seconds, hold, started });
    return { median_ms: m.median_ms, iterations: m.iterations, adapter: m.adapter };
  }
  if (hold) window.ganplay.holdFrames(true);
  try {
    return { ...(await tfRow(backend, workload, seconds, started)), adapter: '' };
  } finally {
    if (hold) window.ganplay.holdFrames(false);
  }
};

// benchEnv describes the browser, the WebGPU adapter and TF.js.
window.benchEnv = async () => {
  const out = { userAgent: navigator.userAgent, hardwareConcurrency: navigator.hardwareConcurrency,
    tfjs: tf.version.tfjs, crossOriginIsolated: self.crossOriginIsolated };
  if (navigator.gpu) {
    const a = await navigator.gpu.requestAdapter();
    if (a && a.info) out.gpuAdapter = [a.info.vendor, a.info.architecture, a.info.description].filter(Boolean).join(' ');
  }
  return out;
};
