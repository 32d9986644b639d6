// controls.js: loads ganplay.wasm with a progress bar, then wires the page's controls to
// window.ganplay (see wasm/main.go). index.html shows every control; embed.html (body
// data-embed) only a play/pause/step bar. Both show bad URL parameters in #errors.
const $ = (id) => document.getElementById(id);
const mb = (n) => (n / 1e6).toFixed(1) + ' MB';
const embed = document.body.dataset.embed !== undefined;

function fail(err) {
  console.error('ganplay:', err);
  $('loading').hidden = true;
  $('fatal').hidden = false;
  $('fatal').textContent = 'ganplay failed to start: ' + (err && err.message ? err.message : err);
  document.body.dataset.state = 'failed';
}

// fetchWithProgress reads url as bytes and reports (received, total); total is 0 when
// unknown (a gzip-encoded response's Content-Length counts compressed bytes; the dev
// server sends the decoded size in X-Decoded-Length).
async function fetchWithProgress(url, onProgress) {
  const resp = await fetch(url);
  if (!resp.ok) throw new Error(`${url}: HTTP ${resp.status}`);
  let total = Number(resp.headers.get('X-Decoded-Length')) || 0;
  if (!total && !resp.headers.get('Content-Encoding')) total = Number(resp.headers.get('Content-Length')) || 0;
  if (!resp.body || !resp.body.getReader) {
    const bytes = new Uint8Array(await resp.arrayBuffer());
    onProgress(bytes.length, bytes.length);
    return bytes;
  }
  const reader = resp.body.getReader();
  const chunks = [];
  let received = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    received += value.length;
    onProgress(received, received <= total ? total : 0);
  }
  const bytes = new Uint8Array(received);
  let off = 0;
  for (const c of chunks) { bytes.set(c, off); off += c.length; }
  return bytes;
}

function showProgress(received, total) {
  const bar = $('progress');
  if (total > 0) {
    bar.max = total;
    bar.value = received;
    $('progress-text').textContent = `ganplay.wasm: ${mb(received)} of ${mb(total)}`;
  } else {
    bar.removeAttribute('value');
    $('progress-text').textContent = `ganplay.wasm: ${mb(received)} received`;
  }
}

// The settings the full page edits, with their input elements' ids (the URL names).
const fields = ['scene', 'model', 'compare', 'data', 'opt-d', 'opt-g', 'lr-d', 'lr-g', 'k', 'k-g', 'batch', 'width', 'depth',
  'noise', 'noise-shape', 'seed', 'speed', 'eps', 'theta', 'iters', 'weights'];
// The buttons that hide= takes (demos.Buttons), with their element ids.
const buttons = { play: 'play', step: 'step', 'step-d': 'stepD', 'step-g': 'stepG', step10: 'step10', slow: 'slow', reset: 'reset', csv: 'csv-box' };
const layers = ['real', 'fake', 'heatmap', 'manifold', 'arrows', 'losses', 'metrics'];

function showErrors() {
  const errs = Array.from(window.ganplay.errors());
  const box = $('errors');
  box.replaceChildren(...errs.map((e) => { const d = document.createElement('div'); d.textContent = e; return d; }));
  box.hidden = errs.length === 0;
}

// sideBySide leaves the controls a margin on the right: Ebiten sizes its canvas to the
// body, and reads the body's size again on a resize event.
function sideBySide(on) {
  if (document.body.classList.contains('side') === on) return;
  document.body.classList.toggle('side', on);
  window.dispatchEvent(new Event('resize'));
}
sideBySide(!embed && !(new URLSearchParams(location.search).get('hide') || '').split(',').includes('controls'));

function fillControls(st) {
  for (const f of fields) {
    const el = document.getElementById('f-' + f);
    if (el && document.activeElement !== el) el.value = st[f];
  }
  const hidden = (st.hide || '').split(',');
  for (const l of layers) {
    const el = document.getElementById('l-' + l);
    if (el) el.checked = !hidden.includes(l);
  }
  const hide = hidden.filter(Boolean);
  // hide= also takes the controls one by one: an input by its URL parameter, a button by name.
  for (const f of fields) {
    const el = document.getElementById('f-' + f);
    const label = el && el.closest('label');
    if (label) label.hidden = hide.includes(f);
  }
  for (const [name, id] of Object.entries(buttons)) {
    const el = document.getElementById(id);
    if (el) el.hidden = hide.includes(name);
  }
  $('controls').hidden = embed || hide.includes('controls');
  sideBySide(!$('controls').hidden);
  $('mini').hidden = !embed || hide.includes('controls');
  $('backend').hidden = hide.includes('backend');
}

async function apply(params) {
  const st = await window.ganplay.set(params);
  fillControls(st);
  showErrors();
  if (!embed) history.replaceState(null, '', '?' + window.ganplay.query());
}

function wire() {
  for (const f of fields) {
    const el = document.getElementById('f-' + f);
    if (el) el.addEventListener('change', () => apply({ [f]: el.value }));
  }
  for (const l of layers) {
    const el = document.getElementById('l-' + l);
    if (!el) continue;
    el.addEventListener('change', () => {
      const keep = (window.ganplay.state().hide || '').split(',').filter((h) => h && !layers.includes(h));
      const hide = layers.filter((x) => !document.getElementById('l-' + x).checked).concat(keep);
      apply({ hide: hide.join(',') });
    });
  }
  document.querySelectorAll('[data-cmd]').forEach((b) => b.addEventListener('click', async () => {
    const cmd = b.dataset.cmd;
    if (cmd === 'toggle') (window.ganplay.playing() ? window.ganplay.pause : window.ganplay.play)();
    else if (cmd === 'step') await window.ganplay.step(Number(b.dataset.n || 1), b.dataset.which || 'both');
    else if (cmd === 'reset') window.ganplay.reset();
    else if (cmd === 'slow') slowMotion();
  }));
  const csv = $('csv');
  if (csv) csv.addEventListener('change', () => { if (csv.files[0]) loadFile(csv.files[0]); csv.value = ''; });
  document.addEventListener('dragover', (e) => e.preventDefault());
  document.addEventListener('drop', (e) => {
    e.preventDefault();
    const f = e.dataTransfer && e.dataTransfer.files[0];
    if (f) loadFile(f);
  });
}

// slowMotion toggles 0.1 steps per frame; a second press restores the speed before it.
let fastSpeed = null;
function slowMotion() {
  const speed = Number(window.ganplay.state().speed);
  if (speed < 1 && fastSpeed !== null) { apply({ speed: fastSpeed }); fastSpeed = null; }
  else { fastSpeed = speed; apply({ speed: 0.1 }); }
}

// loadFile makes a CSV file's points the target (window.ganplay.loadCSV); a malformed file
// leaves the run alone and its message, naming the line, shows in #errors.
async function loadFile(file) {
  try {
    const st = await window.ganplay.loadCSV(await file.text());
    fillControls(st);
    if (!embed) history.replaceState(null, '', '?' + window.ganplay.query());
  } catch (err) {
    console.warn('ganplay:', err.message);
  }
  showErrors();
}

// showBackend states which engine backend runs and why; it changes when a lost WebGPU
// device makes the page fall back to the CPU.
let backendShown = '';
function showBackend() {
  const b = window.ganplay.backend();
  const key = JSON.stringify(b);
  if (key === backendShown) return;
  backendShown = key;
  const name = document.createElement('code');
  name.textContent = b.name;
  $('backend').replaceChildren('backend: ', name, b.adapter ? ` on ${b.adapter}` : '', b.reason ? ` (${b.reason})` : '');
  if (b.limits) $('backend').title = 'device limits: ' + b.limits;
}

function tick() {
  showBackend();
  fillControls(window.ganplay.state()); // set() and postMessage change settings too
  const m = window.ganplay.metrics();
  const line = (keys, strip) => keys.sort().map((k) => `${k.slice(strip)} ${Number(m[k]).toPrecision(4)}`).join(' · ');
  const a = Object.keys(m).filter((k) => !k.startsWith('b.'));
  const b = Object.keys(m).filter((k) => k.startsWith('b.'));
  const fps = `${window.ganplay.fps().toFixed(0)} fps · `;
  $('metrics').textContent = b.length ? `${fps}A: ${line(a, 0)}\nB: ${line(b, 2)}` : fps + line(a, 0);
  document.querySelectorAll('[data-cmd=toggle]').forEach((b) => { b.textContent = window.ganplay.playing() ? 'pause' : 'play'; });
  showErrors();
}

async function start() {
  const go = new Go();
  const bytes = await fetchWithProgress('ganplay.wasm', showProgress);
  $('progress-text').textContent = 'compiling…';
  const { instance } = await WebAssembly.instantiate(bytes, go.importObject);
  go.run(instance).then(() => fail(new Error('the Go program exited')), fail);
  if (!window.ganplay) throw new Error('the Go program did not set window.ganplay');
  await window.ganplay.ready;
  $('loading').hidden = true;
  showBackend();
  fillControls(window.ganplay.state());
  showErrors();
  wire();
  setInterval(tick, 250);
  document.body.dataset.state = 'ready';
}

start().catch(fail);
