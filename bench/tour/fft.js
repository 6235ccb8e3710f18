// Tour of the FFT family: each capability on built-in deterministic data, its error against a
// double-precision reference (naive DFT with compensated sums, bench/lib/data.js), round trips,
// conventions, input checks, and a quick look at speed beside pffft-wasm and fft.js.

import { lcgValues, typed, naiveDft, naiveRdft, relL2, bitReverse, flops } from '../lib/data.js';
import { spectrakit, loadPeers } from '../lib/contestants.js';
import { quickTime, quickCompare } from '../lib/quicktime.js';
import { us, ratio, sci, sizeLabel } from '../lib/format.js';

export const title = 'FFT family: fft/ifft, rfft/irfft, fft2, fftbr/ifftbr, plans, any length';

// The accuracy targets of issue 2: relative L2 error <= 2e-15 log2(n) in f64, <= 1e-6 in f32.
const target = (dtype, n) => (dtype === 'f64' ? 2e-15 * Math.max(1, Math.log2(n)) : 1e-6);
const DTYPES = ['f64', 'f32'];

const scale = (a, s) => a.map((v) => v * s);

/** Sum of squares with Neumaier compensation (so the yardstick adds no error of its own). */
function energy(a) {
  let s = 0;
  let c = 0;
  for (let i = 0; i < a.length; i++) {
    const v = a[i] * a[i];
    const t = s + v;
    c += Math.abs(s) >= v ? (s - t) + v : (v - t) + s;
    s = t;
  }
  return s + c;
}

function complexInput(n, seed = 3) {
  return lcgValues(2 * n, seed);
}

/** Reference inverse DFT (numpy's ifft: scaled 1/n). */
function naiveIdft(x, n) {
  return scale(naiveDft(x, n, +1), 1 / n);
}

function algorithmOf(sk, n, dtype, kind = 'complex') {
  const p = sk.fftPlan(n, { dtype, kind });
  const a = p.algorithm;
  p.dispose();
  return a;
}

// ---- sections --------------------------------------------------------------------------------

function complexSection(sk, log) {
  log.heading('fft(x) and ifft(x): interleaved complex, any n; error vs naive DFT in double');
  const rows = [];
  for (const n of [8, 1000, 1024, 4096]) {
    const x = complexInput(n);
    const ref = naiveDft(x, n);
    const iref = naiveIdft(x, n);
    for (const dt of DTYPES) {
      const xt = typed(x, dt);
      const t = target(dt, n);
      const ef = relL2(sk.fft(xt), ref);
      const ei = relL2(sk.ifft(xt), iref);
      const er = relL2(sk.ifft(sk.fft(xt)), x);
      const v = [
        log.check(`fft ${dt} n=${n}`, ef, t),
        log.check(`ifft ${dt} n=${n}`, ei, t),
        log.check(`ifft(fft) ${dt} n=${n}`, er, t),
      ];
      rows.push([String(n), dt, algorithmOf(sk, n, dt), sci(ef), sci(ei), sci(er), sci(t),
        v.every((q) => q === 'ok') ? 'ok' : 'ABOVE']);
    }
  }
  log.table(['n', 'dtype', 'algorithm', 'fft err', 'ifft err', 'round trip', 'target', ''], rows);

  log.heading("norm: 'backward' | 'ortho' | 'forward', as numpy (n = 1000, f64)");
  const n = 1000;
  const x = complexInput(n, 5);
  const F = naiveDft(x, n);
  const B = naiveDft(x, n, +1);
  const nrows = [];
  const expect = {
    backward: [F, scale(B, 1 / n), 'fft: 1, ifft: 1/n'],
    ortho: [scale(F, 1 / Math.sqrt(n)), scale(B, 1 / Math.sqrt(n)), 'both 1/sqrt(n)'],
    forward: [scale(F, 1 / n), B, 'fft: 1/n, ifft: 1'],
  };
  for (const norm of ['backward', 'ortho', 'forward']) {
    const [ef, ei, what] = expect[norm];
    const e1 = relL2(sk.fft(Float64Array.from(x), { norm }), ef);
    const e2 = relL2(sk.ifft(Float64Array.from(x), { norm }), ei);
    const v = log.check(`norm ${norm} fft`, e1, target('f64', n)) === 'ok'
      && log.check(`norm ${norm} ifft`, e2, target('f64', n)) === 'ok';
    nrows.push([norm, what, sci(e1), sci(e2), v ? 'ok' : 'ABOVE']);
  }
  log.table(['norm', 'scaling', 'fft err', 'ifft err', ''], nrows);
  const X = sk.fft(Float64Array.from(x), { norm: 'ortho' });
  // |(||X||^2 - ||x||^2)| / ||x||^2 <= 2 ||X - X*|| / ||X*|| to first order, hence 2x the target
  log.result("Parseval under 'ortho': | ||X||^2 / ||x||^2 - 1 |", Math.abs(energy(X) / energy(x) - 1), 2 * target('f64', n));

  log.heading('batch: many contiguous transforms in one call (opts.batch)');
  const nb = 256;
  const batch = 16;
  const xb = lcgValues(2 * nb * batch, 9);
  const yb = sk.fft(Float64Array.from(xb), { batch });
  let worst = 0;
  for (let b = 0; b < batch; b++) {
    const seg = xb.subarray(2 * nb * b, 2 * nb * (b + 1));
    worst = Math.max(worst, relL2(yb.subarray(2 * nb * b, 2 * nb * (b + 1)), naiveDft(seg, nb)));
  }
  log.result(`fft(x, { batch: ${batch} }) n=${nb}, worst item error`, worst, target('f64', nb));
}

function realSection(sk, log) {
  log.heading('rfft(x) -> n/2+1 bins and irfft(X, n); even and odd n');
  const rows = [];
  for (const n of [1000, 1023, 4096]) {
    const x = lcgValues(n, 7);
    const ref = naiveRdft(x, n);
    for (const dt of DTYPES) {
      const t = target(dt, n);
      const X = sk.rfft(typed(x, dt));
      const ef = relL2(X, ref);
      const ei = relL2(sk.irfft(typed(ref, dt), n), x); // inverse alone, from the exact spectrum
      const er = relL2(sk.irfft(X, n), x);
      const v = [log.check(`rfft ${dt} n=${n}`, ef, t), log.check(`irfft ${dt} n=${n}`, ei, t),
        log.check(`irfft(rfft) ${dt} n=${n}`, er, t)];
      rows.push([String(n), dt, algorithmOf(sk, n, dt, 'real'), String(X.length / 2), sci(ef), sci(ei), sci(er), sci(t),
        v.every((q) => q === 'ok') ? 'ok' : 'ABOVE']);
    }
  }
  log.table(['n', 'dtype', 'algorithm', 'bins', 'rfft err', 'irfft err', 'round trip', 'target', ''], rows);
}

function naive2d(x, rows, cols, sign = -1) {
  const y = new Float64Array(x.length);
  for (let r = 0; r < rows; r++) {
    y.set(naiveDft(x.subarray(2 * cols * r, 2 * cols * (r + 1)), cols, sign), 2 * cols * r);
  }
  const col = new Float64Array(2 * rows);
  for (let c = 0; c < cols; c++) {
    for (let r = 0; r < rows; r++) { col[2 * r] = y[2 * (r * cols + c)]; col[2 * r + 1] = y[2 * (r * cols + c) + 1]; }
    const f = naiveDft(col, rows, sign);
    for (let r = 0; r < rows; r++) { y[2 * (r * cols + c)] = f[2 * r]; y[2 * (r * cols + c) + 1] = f[2 * r + 1]; }
  }
  return y;
}

function fft2Section(sk, log) {
  log.heading('fft2(x, rows, cols) and ifft2: row-major complex matrices');
  const rows = [];
  for (const [r, c] of [[48, 60], [64, 64], [17, 100]]) {
    const x = lcgValues(2 * r * c, 11);
    const ref = naive2d(x, r, c);
    const n = r * c;
    for (const dt of DTYPES) {
      const t = target(dt, n);
      const X = sk.fft2(typed(x, dt), r, c);
      const ef = relL2(X, ref);
      const er = relL2(sk.ifft2(X, r, c), x);
      const v = [log.check(`fft2 ${dt} ${r}x${c}`, ef, t), log.check(`ifft2(fft2) ${dt} ${r}x${c}`, er, t)];
      rows.push([`${r} x ${c}`, dt, sci(ef), sci(er), sci(t), v.every((q) => q === 'ok') ? 'ok' : 'ABOVE']);
    }
  }
  log.table(['shape', 'dtype', 'fft2 err', 'round trip', 'target', ''], rows);
}

function brSection(sk, log) {
  log.heading("fftbr / ifftbr: QMCPy's bit-reversed-order FFT, orthonormal, n a power of two");
  log('definition: fftbr(x) = DFT(x read in bit-reversed order) / sqrt(n); ifftbr is its exact inverse');
  const rows = [];
  for (const n of [64, 1024, 4096]) {
    const x = complexInput(n, 13);
    const xp = new Float64Array(2 * n);
    for (let j = 0; j < n; j++) {
      const s = bitReverse(j, n);
      xp[2 * j] = x[2 * s];
      xp[2 * j + 1] = x[2 * s + 1];
    }
    const ref = scale(naiveDft(xp, n), 1 / Math.sqrt(n));
    // ifftbr(y)[j] = w[bitrev(j)], w = unscaled inverse DFT of y / sqrt(n)
    const w = scale(naiveDft(x, n, +1), 1 / Math.sqrt(n));
    const iref = new Float64Array(2 * n);
    for (let j = 0; j < n; j++) {
      const s = bitReverse(j, n);
      iref[2 * j] = w[2 * s];
      iref[2 * j + 1] = w[2 * s + 1];
    }
    for (const dt of DTYPES) {
      const t = target(dt, n);
      const ef = relL2(sk.fftbr(typed(x, dt)), ref);
      const ei = relL2(sk.ifftbr(typed(x, dt)), iref);
      const er = relL2(sk.ifftbr(sk.fftbr(typed(x, dt))), x);
      const v = [log.check(`fftbr ${dt} n=${n}`, ef, t), log.check(`ifftbr ${dt} n=${n}`, ei, t),
        log.check(`ifftbr(fftbr) ${dt} n=${n}`, er, t)];
      rows.push([String(n), dt, sci(ef), sci(ei), sci(er), sci(t), v.every((q) => q === 'ok') ? 'ok' : 'ABOVE']);
    }
  }
  log.table(['n', 'dtype', 'fftbr err', 'ifftbr err', 'round trip', 'target', ''], rows);
}

function anyLengthSection(sk, log) {
  log.heading('any length: every n = 1..256, and primes (Bluestein, chosen by the cost model)');
  for (const dt of DTYPES) {
    let worst = 0;
    let worstN = 0;
    const algos = {};
    for (let n = 1; n <= 256; n++) {
      const x = complexInput(n, 17 + n);
      const e = relL2(sk.fft(typed(x, dt)), naiveDft(x, n)) / target(dt, n);
      if (!(e <= worst)) { worst = e; worstN = n; }
      const a = algorithmOf(sk, n, dt);
      algos[a] = (algos[a] ?? 0) + 1;
    }
    const v = log.check(`fft ${dt} every n=1..256 (error / target)`, worst, 1);
    log(`${dt}: worst error / target over n = 1..256: ${worst.toFixed(3)} (at n = ${worstN}) ${v}; `
      + `algorithms: ${Object.entries(algos).map(([a, c]) => `${a} ${c}`).join(', ')}`);
  }
  const rows = [];
  for (const n of [4099, 10007]) {
    const x = complexInput(n, 19);
    const ref = naiveDft(x, n);
    for (const dt of DTYPES) {
      const t = target(dt, n);
      const ef = relL2(sk.fft(typed(x, dt)), ref);
      const er = relL2(sk.ifft(sk.fft(typed(x, dt))), x);
      const v = [log.check(`fft ${dt} prime n=${n}`, ef, t), log.check(`ifft(fft) ${dt} prime n=${n}`, er, t)];
      rows.push([String(n), dt, algorithmOf(sk, n, dt), sci(ef), sci(er), sci(t), v.every((q) => q === 'ok') ? 'ok' : 'ABOVE']);
    }
  }
  for (const n of [65537, 1000003]) {
    const x = complexInput(n, 23);
    for (const dt of DTYPES) {
      const t = target(dt, n);
      const er = relL2(sk.ifft(sk.fft(typed(x, dt))), x);
      const v = log.check(`ifft(fft) ${dt} prime n=${n}`, er, t);
      rows.push([String(n), dt, algorithmOf(sk, n, dt), '(too big)', sci(er), sci(t), v]);
    }
  }
  log.table(['prime n', 'dtype', 'algorithm', 'fft err', 'round trip', 'target', ''], rows);
}

function planSection(sk, log) {
  log.heading('plans: fftPlan(n, { dtype, kind }) made once, reused; forward/inverse, out, batch, dispose');
  const n = 4096;
  const x = typed(complexInput(n, 29), 'f32');
  const plan = sk.fftPlan(n, { dtype: 'f32', kind: 'complex' });
  const out = new Float32Array(2 * n);
  plan.forward(x, { out });
  const oneShot = sk.fft(x);
  const same = Buffer.compare(Buffer.from(out.buffer), Buffer.from(oneShot.buffer)) === 0;
  log(`plan ${plan.n} ${plan.dtype} ${plan.kind}: algorithm '${plan.algorithm}'; `
    + `plan.forward(x, { out }) ${same ? 'is bit-identical to' : 'DIFFERS from'} fft(x)`);
  log.check('plan.forward bit-identical to fft', same ? 0 : 1, 0);
  log.result('plan.inverse(plan.forward(x)) round trip', relL2(plan.inverse(out), x), target('f32', n));
  const tOne = quickTime(() => sk.fft(x, { out: oneShot }), 100);
  const tPlan = quickTime(() => plan.forward(x, { out }), 100);
  log(`quick look: fft(x, { out }) ${us(tOne)} us, plan.forward(x, { out }) ${us(tPlan)} us `
    + '(one-shot calls reuse plans from a small cache)');
  plan.dispose();
  try {
    plan.forward(x);
    log('ERROR: a disposed plan still ran');
    log.check('disposed plan throws', 1, 0);
  } catch (e) {
    log(`after dispose(): ${e.message}`);
  }
  const rp = sk.fftPlan(1000, { dtype: 'f64', kind: 'real' });
  const xs = Float64Array.from(lcgValues(1000 * 4, 31));
  const Y = rp.forward(xs, { batch: 4 });
  let worst = 0;
  for (let b = 0; b < 4; b++) {
    worst = Math.max(worst, relL2(Y.subarray(1002 * b, 1002 * (b + 1)), naiveRdft(xs.subarray(1000 * b, 1000 * (b + 1)), 1000)));
  }
  log.result(`real plan n=1000 f64 ('${rp.algorithm}'), batch 4, worst item error`, worst, target('f64', 1000));
  rp.dispose();
  const algos = [8, 1000, 4096, 4097, 10007].map((m) => `${m}: ${algorithmOf(sk, m, 'f64')}`);
  log(`algorithms chosen (complex f64): ${algos.join(', ')}`);
}

function checksSection(sk, log) {
  log.heading('bad input is refused before any work; NaN and Inf propagate');
  const tries = [
    ['fft(new Float32Array(3))', () => sk.fft(new Float32Array(3))],
    ['fft([1, 0, 2, 0])', () => sk.fft([1, 0, 2, 0])],
    ['fftbr(new Float64Array(24))', () => sk.fftbr(new Float64Array(24))],
    ["fft(x, { norm: 'unit' })", () => sk.fft(new Float64Array(8), { norm: 'unit' })],
    ['fft(f32, { out: new Float64Array(8) })', () => sk.fft(new Float32Array(8), { out: new Float64Array(8) })],
  ];
  for (const [what, f] of tries) {
    try {
      f();
      log(`${what}: no error (unexpected)`);
      log.check(`${what} throws`, 1, 0);
    } catch (e) {
      log(`${what} -> ${e.constructor.name}: ${e.message}`);
    }
  }
  const x = Float64Array.from(complexInput(64, 37));
  x[10] = NaN; // the real part of x[5]
  const y = sk.fft(x);
  let hit = 0;
  for (let k = 0; k < 64; k++) if (Number.isNaN(y[2 * k]) || Number.isNaN(y[2 * k + 1])) hit++;
  log.check('a NaN input reaches every bin', 64 - hit, 0);
  log(`re(x[5]) = NaN, n = 64 -> ${hit} of 64 bins have a NaN part (every bin depends on x[5]); no throw`);
  x[10] = Infinity;
  const z = sk.fft(x);
  let inf = 0;
  for (let k = 0; k < 64; k++) if (!Number.isFinite(z[2 * k]) || !Number.isFinite(z[2 * k + 1])) inf++;
  log(`re(x[5]) = Infinity -> ${inf} of 64 bins non-finite`);
}

// ---- quick look at speed ---------------------------------------------------------------------

async function speedSection(sk, log) {
  log.heading('speed, a quick look (~0.2 s per figure, interleaved, median; `npm run bench` is the real measurement)');
  const peers = await loadPeers((m) => log(`warning: ${m}`), ['pffft-wasm', 'fft.js']);
  const ours = spectrakit(sk);
  const names = peers.map((p) => p.name);
  const cases = [
    ['f32', 'complex', [2 ** 8, 2 ** 12, 2 ** 16]],
    ['f32', 'real', [2 ** 12]],
    ['f64', 'complex', [2 ** 8, 2 ** 12, 2 ** 16]],
    ['f64', 'real', [2 ** 12]],
  ];
  const rows = [];
  for (const [dt, kind, sizes] of cases) {
    for (const n of sizes) {
      const x = typed(lcgValues(kind === 'real' ? n : 2 * n, 41), dt);
      const me = ours.make(n, kind, dt, x);
      me.run();
      const mine = me.result();
      // peers whose answer differs from ours are shown as such, never timed
      const cells = peers.map((p) => {
        if (!p.dtypes.includes(dt) || p.supports(n, kind) !== true) return { text: 'n/a' };
        const inst = p.make(n, kind, dt, x);
        inst.run();
        const e = relL2(inst.result(), mine);
        if (!(e <= (dt === 'f32' ? 1e-4 : 1e-9))) { inst.dispose(); return { text: 'mismatch' }; }
        return { inst };
      });
      const racing = cells.filter((c) => c.inst);
      const [tMe, ...tPeers] = quickCompare([me.run, ...racing.map((c) => c.inst.run)], 200 * (1 + racing.length));
      racing.forEach((c, i) => { c.text = `${us(tPeers[i])} us (${ratio(tPeers[i] / tMe)})`; c.inst.dispose(); });
      const cols = cells.map((c) => c.text);
      me.dispose();
      rows.push([`${dt} ${kind}`, sizeLabel(n), us(tMe), (flops(n, kind) / tMe).toFixed(0), ...cols]);
    }
  }
  log.table(['case', 'n', 'ours us', 'MFLOPS', ...names.map((p) => `${p} (peer/ours)`)], rows);
  log('MFLOPS = 5 N log2 N / us (complex), 2.5 N log2 N / us (real). Every contestant copies its input from');
  log('a JS typed array and its result back into one; plans and setups are made before timing.');
  log('pffft-wasm is f32 only; fft.js computes in doubles whatever the array type.');
}

export async function tour(sk, log) {
  complexSection(sk, log);
  realSection(sk, log);
  fft2Section(sk, log);
  brSection(sk, log);
  anyLengthSection(sk, log);
  planSection(sk, log);
  checksSection(sk, log);
  await speedSection(sk, log);
}
