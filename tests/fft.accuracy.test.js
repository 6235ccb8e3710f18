// Accuracy of the FFT family against an extended-precision reference (tests/fixtures/fft/, made by
// tests/fixtures/generate.py from numpy's longdouble FFT, verified against mpmath), numpy's norm
// conventions, QMCPy's fftbr/ifftbr, round trips at every length 1..4096, IEEE propagation of
// NaN/Inf, and correctness across Wasm memory growth.
//
// Error measure: relative L2 error ||got - ref||_2 / ||ref||_2 over the whole output vector.
// Bounds (issue 2): 2e-15 * log2(n) for f64 (so n = 1 must be exact), 1e-6 for f32. For outputs
// longer than the fixture's FULL_MAX the reference holds a fixed pseudo-random subset of bins and
// the error is estimated from them: sqrt(outLength / |bins| * sum_bins |got - ref|^2) / ||ref||.

import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { readFileSync } from 'node:fs';
import {
  init, fft, ifft, rfft, irfft, fft2, ifft2, fftbr, ifftbr, fftPlan, clearPlanCache,
} from '../dist/index.js';
// Internal: only to prove that the memory-growth test really grew the Wasm memory.
import { getCore } from '../dist/init.js';

const FIX = new URL('./fixtures/fft/', import.meta.url);
const manifest = JSON.parse(readFileSync(new URL('manifest.json', FIX), 'utf8'));
const CTOR = { f64: Float64Array, f32: Float32Array };
const DTYPES = ['f64', 'f32'];

// ---- the input generator, identical to generate.py's gen() ----------------------------------

// lowbias32 (C. Wellons): every step is exact 32-bit integer arithmetic (Math.imul, >>>).
function mix32(x) {
  x ^= x >>> 16;
  x = Math.imul(x, 0x7feb352d);
  x ^= x >>> 15;
  x = Math.imul(x, 0x846ca68b);
  x ^= x >>> 16;
  return x >>> 0;
}

/** count values k / 2^23, -2^23 <= k < 2^23: exact in f32 and f64. */
function gen(seed, count, Ctor = Float64Array) {
  const out = new Ctor(count);
  for (let i = 0; i < count; i++) {
    const u = mix32((seed + Math.imul(i, 0x9e3779b9)) >>> 0);
    out[i] = ((u >>> 8) - 8388608) / 8388608;
  }
  return out;
}

// ---- fixtures -------------------------------------------------------------------------------

const LITTLE = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
const binCache = new Map();
function binFile(name) {
  let f = binCache.get(name);
  if (!f) {
    const buf = readFileSync(new URL(name, FIX));
    const meta = manifest.files[name];
    if (!meta || buf.byteLength !== meta.bytes) {
      throw new Error(`fixture ${name}: ${buf.byteLength} bytes, manifest says ${meta && meta.bytes} (run npm run fixtures)`);
    }
    f = new Float64Array(buf.byteLength / 8);
    const dv = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
    if (LITTLE) f.set(new Float64Array(buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength)));
    else for (let i = 0; i < f.length; i++) f[i] = dv.getFloat64(8 * i, true);
    binCache.set(name, f);
  }
  return f;
}

const isComplexOut = (fn) => fn !== 'irfft';

/** Relative L2 error of `got` (the whole output) against a case's reference (hi + lo). */
function caseError(c, got) {
  const F = binFile(c.file);
  const hi = F.subarray(c.offset, c.offset + c.count);
  const lo = F.subarray(c.offset + c.count, c.offset + 2 * c.count);
  const w = isComplexOut(c.fn) ? 2 : 1;
  if (got.length !== w * c.outLength) return NaN;
  let e2 = 0;
  if (c.layout === 'full') {
    for (let i = 0; i < c.count; i++) {
      const d = (got[i] - hi[i]) - lo[i];
      e2 += d * d;
    }
    return Math.sqrt(e2) / c.refNorm;
  }
  const bins = c.bins;
  for (let b = 0; b < bins.length; b++) {
    for (let p = 0; p < w; p++) {
      const d = (got[w * bins[b] + p] - hi[w * b + p]) - lo[w * b + p];
      e2 += d * d;
    }
  }
  return Math.sqrt((c.outLength / bins.length) * e2) / c.refNorm;
}

function tolerance(dtype, n) {
  return dtype === 'f64' ? 2e-15 * Math.log2(n) : 1e-6;
}

/** Runs a fixture case through spectrakit in the given precision. */
function runCase(c, dtype) {
  const C = CTOR[dtype];
  const opts = { norm: c.norm };
  switch (c.fn) {
    case 'fft': return fft(gen(c.seed, 2 * c.n, C), opts);
    case 'ifft': return ifft(gen(c.seed, 2 * c.n, C), opts);
    case 'rfft': return rfft(gen(c.seed, c.n, C), opts);
    case 'irfft': return irfft(gen(c.seed, 2 * c.m, C), c.n === null ? undefined : c.n, opts);
    case 'fft2': return fft2(gen(c.seed, 2 * c.rows * c.cols, C), c.rows, c.cols, opts);
    case 'ifft2': return ifft2(gen(c.seed, 2 * c.rows * c.cols, C), c.rows, c.cols, opts);
    case 'fftbr': return fftbr(gen(c.seed, 2 * c.n, C));
    case 'ifftbr': return ifftbr(gen(c.seed, 2 * c.n, C));
    default: throw new Error(`unknown fixture fn ${c.fn}`);
  }
}

// Worst error seen per (dtype, size class), printed at the end.
const worst = new Map();
function record(dtype, cls, n, err, tol) {
  const key = `${dtype}\t${cls}`;
  const w = worst.get(key);
  const ratio = tol > 0 ? err / tol : (err === 0 ? 0 : Infinity);
  if (!w || err > w.err || Number.isNaN(err)) worst.set(key, { err, n, ratio: Math.max(ratio, w ? w.ratio : 0) });
  else if (ratio > w.ratio) w.ratio = ratio;
}

function describe(c, dtype) {
  const shape = c.fn === 'fft2' || c.fn === 'ifft2' ? `rows=${c.rows} cols=${c.cols}` : `n=${c.n}`;
  const m = c.fn === 'irfft' ? ` m=${c.m}` : '';
  return `${c.fn} ${dtype} ${shape}${m} norm=${c.norm}${c.layout === 'subset' ? ` (estimated on ${c.bins.length} bins)` : ''}`;
}

/** Checks every case of the given groups in both precisions; reports all failures at once. */
function checkGroups(groups) {
  const cases = manifest.cases.filter((c) => groups.includes(c.group));
  assert.ok(cases.length > 0, `no fixture cases for ${groups}`);
  const fails = [];
  for (const c of cases) {
    for (const dtype of DTYPES) {
      const n = c.fn === 'irfft' ? c.outLength : c.n;
      const tol = tolerance(dtype, n);
      let err;
      try {
        err = caseError(c, runCase(c, dtype));
      } catch (e) {
        fails.push(`${describe(c, dtype)}: threw ${e && e.message}`);
        continue;
      }
      record(dtype, `${c.group}:${c.class}`, n, err, tol);
      if (!(err <= tol)) fails.push(`${describe(c, dtype)}: relative L2 error ${err.toExponential(3)} > tolerance ${tol.toExponential(3)}`);
    }
    // large plans (hundreds of MB for a Bluestein 2^22) must not pile up in the plan cache
    if (c.outLength > 1 << 18) clearPlanCache();
  }
  assert.ok(fails.length === 0, `${fails.length} case(s) out of tolerance:\n  ${fails.join('\n  ')}`);
}

// ---- tests ----------------------------------------------------------------------------------

test.before(async () => {
  await init();
});

test('generator matches generate.py (integer arithmetic, exact values)', () => {
  const { seed, values } = manifest.generator.check;
  assert.equal(Array.from(gen(seed, values.length)), values);
  const f32 = gen(seed, values.length, Float32Array);
  assert.equal(Array.from(f32), values, 'inputs must be exact in f32');
});

// First, while memory is still small: a plan and user arrays held across a forced growth.
test('memory growth: plans, inputs, outputs and out buffers held across growth stay correct', () => {
  const core = getCore();
  const c1 = manifest.cases.find((c) => c.group === 'fft-sizes' && c.n === 1000);
  const c2 = manifest.cases.find((c) => c.group === 'rfft' && c.fn === 'rfft' && c.n === 4099);
  const p = fftPlan(1000, { dtype: 'f64' });
  const pr = fftPlan(4099, { dtype: 'f32', kind: 'real' });
  const x = gen(c1.seed, 2000);
  const xr = gen(c2.seed, 4099, Float32Array);
  const x0 = x.slice(), xr0 = xr.slice();
  const y = p.forward(x), yr = pr.forward(xr), y1 = fft(x);
  const y0 = y.slice(), yr0 = yr.slice();
  const out = new Float64Array(2000);
  const buf = core.memory.buffer;
  const before = buf.byteLength;
  // a transform whose staging block alone is larger than the whole memory so far
  let big = 1 << 20;
  while (16 * big <= before && big < 1 << 26) big *= 2;
  const X = fft(gen(7, 2 * big));
  assert.ok(core.memory.buffer.byteLength > before, `memory did not grow (${before} bytes before, n = ${big})`);
  assert.is(buf.byteLength, 0, 'the old buffer should be detached by growth');
  assert.is(X.length, 2 * big);
  assert.ok(Number.isFinite(X[0]) && Number.isFinite(X[X.length - 1]));
  // user arrays are not views into Wasm memory: untouched by growth
  assert.equal(x, x0, 'input array changed');
  assert.equal(xr, xr0, 'input array changed');
  assert.equal(y, y0, 'an output returned before growth changed');
  assert.equal(yr, yr0, 'an output returned before growth changed');
  // plans made before growth give the same bits, and the right answer
  assert.equal(p.forward(x), y0, 'plan made before growth: result differs after growth');
  assert.equal(pr.forward(xr), yr0, 'real plan made before growth: result differs after growth');
  assert.equal(fft(x), y1, 'one-shot (cached plan): result differs after growth');
  const r = p.forward(x, { out });
  assert.ok(r === out, 'out buffer not returned');
  assert.equal(out, y0, 'out buffer allocated before growth: wrong result');
  const e1 = caseError(c1, p.forward(x)), e2 = caseError(c2, pr.forward(xr));
  assert.ok(e1 <= tolerance('f64', 1000), `fft f64 n=1000 after growth: relative L2 error ${e1} > ${tolerance('f64', 1000)}`);
  assert.ok(e2 <= tolerance('f32', 4099), `rfft f32 n=4099 after growth: relative L2 error ${e2} > ${tolerance('f32', 4099)}`);
  // and a round trip through the inverse of the old plan
  const back = p.inverse(p.forward(x));
  let d = 0, s = 0;
  for (let i = 0; i < x.length; i++) { d += (back[i] - x[i]) ** 2; s += x[i] ** 2; }
  assert.ok(Math.sqrt(d / s) <= tolerance('f64', 1000), 'round trip through an old plan after growth');
  p.dispose(); pr.dispose();
  clearPlanCache();
});

test('fft: every n = 1..64 against the reference (f64, f32)', () => checkGroups(['fft-small']));

test('fft: selected n up to 2^22 (powers of 2, 3, 5, 7, 11, 13; smooth; primes and Bluestein; 2^k +- 1)', () => {
  checkGroups(['fft-sizes']);
});

test('rfft: even and odd n', () => checkGroups(['rfft']));

test('irfft: even and odd n (Im X_0 and Im X_n/2 ignored as numpy does)', () => checkGroups(['irfft']));

test('norm: backward / ortho / forward identical to numpy for fft, ifft, rfft, irfft', () => checkGroups(['norms']));

test('irfft: numpy\'s crop / zero-pad / default n rules, every norm', () => checkGroups(['irfft-crop-pad']));

test('fft2 / ifft2: row-major, every norm', () => checkGroups(['fft2']));

test('fftbr / ifftbr: QMCPy\'s definition, reference from DFT(bit-reversed x) / sqrt(n)', () => checkGroups(['fftbr']));

test('fftbr / ifftbr: reproduce QMCPy\'s own doctest values (SFC64(11), printed to 2 decimals)', () => {
  const q = manifest.qmcpy_doctest;
  const half = 0.5 * 10 ** -q.printed_decimals + 1e-12;
  for (const dtype of DTYPES) {
    const x = CTOR[dtype].from(q.x);
    for (const [name, got, want] of [['fftbr', fftbr(x), q.fftbr_printed], ['ifftbr', ifftbr(x), q.ifftbr_printed]]) {
      for (let i = 0; i < want.length; i++) {
        assert.ok(Math.abs(got[i] - want[i]) <= half,
          `${name} ${dtype} n=8: component ${i} is ${got[i]}, QMCPy prints ${want[i]} (tolerance ${half})`);
      }
    }
  }
});

// A batch must not change any item's arithmetic (rule 1 of the engine: reduction order never
// depends on batch size), so each item of a batched call equals its single call bit for bit;
// the single calls are held to the reference above.
test('batch: every item of a batched call equals its single transform bit for bit', () => {
  const fails = [];
  const B = 3;
  const same = (a, b) => a.length === b.length && a.every((v, i) => Object.is(v, b[i]));
  for (const dtype of DTYPES) {
    const C = CTOR[dtype];
    for (const n of [1, 2, 5, 8, 12, 64, 97, 1000, 4096, 4099]) {
      const m = (n >> 1) + 1;
      const kinds = [
        ['fft', 2 * n, (x, o) => fft(x, o)],
        ['ifft', 2 * n, (x, o) => ifft(x, o)],
        ['rfft', n, (x, o) => rfft(x, o)],
        ['irfft', 2 * m, (x, o) => irfft(x, n, o)],
      ];
      if ((n & (n - 1)) === 0) kinds.push(['fftbr', 2 * n, (x, o) => fftbr(x, o)], ['ifftbr', 2 * n, (x, o) => ifftbr(x, o)]);
      for (const [name, len, f] of kinds) {
        for (const norm of name.endsWith('br') ? ['ortho'] : ['backward', 'ortho']) {
          const o = name.endsWith('br') ? {} : { norm };
          const items = [0, 1, 2].map((i) => gen(mix32(1000 * n + 10 * i + len), len, C));
          const x = new C(B * len);
          items.forEach((it, i) => x.set(it, i * len));
          const y = attempt(() => f(x, { ...o, batch: B }), `${name} ${dtype} n=${n} batch=${B}`, fails);
          if (!y) continue;
          const w = y.length / B;
          items.forEach((it, i) => {
            if (!same(y.subarray(i * w, (i + 1) * w), f(it, o))) {
              fails.push(`${name} ${dtype} n=${n} norm=${norm} batch=${B}: item ${i} differs from its single transform`);
            }
          });
        }
      }
    }
    // irfft whose items are cropped or zero-padded to n/2+1 values (numpy's rule) per item
    for (const [m, n] of [[9, 8], [3, 12], [5, undefined]]) {
      const items = [0, 1, 2].map((i) => gen(mix32(77 * m + i), 2 * m, C));
      const x = new C(B * 2 * m);
      items.forEach((it, i) => x.set(it, i * 2 * m));
      const y = attempt(() => irfft(x, n, { batch: B }), `irfft ${dtype} m=${m} n=${n} batch=${B}`, fails);
      if (!y) continue;
      const w = y.length / B;
      items.forEach((it, i) => {
        if (!same(y.subarray(i * w, (i + 1) * w), irfft(it, n))) {
          fails.push(`irfft ${dtype} m=${m} n=${n} batch=${B}: item ${i} differs from its single transform`);
        }
      });
    }
    for (const [R, Cc] of [[3, 5], [8, 8], [31, 7]]) {
      const len = 2 * R * Cc;
      const items = [0, 1].map((i) => gen(mix32(R * 131 + Cc + i), len, C));
      const x = new C(2 * len);
      items.forEach((it, i) => x.set(it, i * len));
      for (const [name, f] of [['fft2', fft2], ['ifft2', ifft2]]) {
        const y = attempt(() => f(x, R, Cc, { batch: 2 }), `${name} ${dtype} ${R}x${Cc} batch=2`, fails);
        if (!y) continue;
        items.forEach((it, i) => {
          if (!same(y.subarray(i * len, (i + 1) * len), f(it, R, Cc))) {
            fails.push(`${name} ${dtype} ${R}x${Cc} batch=2: item ${i} differs from its single transform`);
          }
        });
      }
    }
  }
  assert.ok(fails.length === 0, `${fails.length} batch failure(s):\n  ${fails.slice(0, 40).join('\n  ')}`);
});

// ---- round trips: every length ----------------------------------------------------------------

function relDiff(a, b) {
  let d = 0, s = 0;
  for (let i = 0; i < a.length; i++) { d += (a[i] - b[i]) ** 2; s += b[i] * b[i]; }
  return Math.sqrt(d) / Math.sqrt(s);
}

function roundTrips(kind) {
  const fails = [];
  for (const dtype of DTYPES) {
    const C = CTOR[dtype];
    for (let n = 1; n <= 4096; n++) {
      const tol = tolerance(dtype, n);
      const seed = mix32(n * 2 + (kind === 'real' ? 1 : 0)) || 1;
      let x, y;
      if (kind === 'complex') {
        x = gen(seed, 2 * n, C);
        y = ifft(fft(x));
      } else {
        x = gen(seed, n, C);
        y = irfft(rfft(x), n);
      }
      const err = y.length === x.length ? relDiff(y, x) : NaN;
      record(dtype, `roundtrip-${kind}:n<=4096`, n, err, tol);
      if (!(err <= tol)) {
        const what = kind === 'complex' ? 'ifft(fft(x))' : 'irfft(rfft(x), n)';
        fails.push(`${what} ${dtype} n=${n} norm=backward: relative L2 error ${err.toExponential(3)} > tolerance ${tol.toExponential(3)}`);
      }
    }
  }
  assert.ok(fails.length === 0, `${fails.length} length(s) out of tolerance:\n  ${fails.slice(0, 40).join('\n  ')}`);
}

test('round trip ifft(fft(x)) for every n = 1..4096 (f64, f32)', () => roundTrips('complex'));
test('round trip irfft(rfft(x), n) for every n = 1..4096 (f64, f32)', () => roundTrips('real'));

// ---- NaN / Inf --------------------------------------------------------------------------------
//
// One non-finite input value v at one place. Output component o has exact weight w_o on it; where
// w_o != 0 the output must be non-finite (NaN for a NaN input): IEEE arithmetic cannot turn a NaN
// or an Inf into a finite number through +, -, * by a nonzero factor, and every correct algorithm
// reaches each output through such steps. Where w_o == 0 exactly (e.g. cos(pi/2)) both outcomes
// are allowed: numpy itself returns 0 there, a naive DFT NaN (NaN * 0). Nothing may throw.

// cos / sin of 2 pi r / N are exactly zero only at these integer positions.
const cosZero = (r, N) => 4 * r === N || 4 * r === 3 * N;
const sinZero = (r, N) => r === 0 || 2 * r === N;

function checkPropagation(label, got, weights, bad, fails) {
  for (let o = 0; o < got.length; o++) {
    const v = got[o];
    const ok = bad === 'nan' ? Number.isNaN(v) : !Number.isFinite(v);
    if (weights(o) && !ok) {
      fails.push(`${label}: output component ${o} is ${v}, expected ${bad === 'nan' ? 'NaN' : 'non-finite'} (nonzero weight)`);
      return;
    }
  }
}

function attempt(fn, label, fails) {
  try {
    return fn();
  } catch (e) {
    fails.push(`${label}: threw ${e && e.message}`);
    return null;
  }
}

const bitrev = (k, bits) => {
  let r = 0;
  for (let b = 0; b < bits; b++) r |= ((k >> b) & 1) << (bits - 1 - b);
  return r;
};

test('NaN and Inf propagate as IEEE says, never throw, and stay in their batch item', () => {
  const fails = [];
  const values = { nan: NaN, inf: Infinity };
  for (const dtype of DTYPES) {
    const C = CTOR[dtype];
    for (const n of [1, 2, 3, 4, 5, 7, 8, 12, 16, 31, 64, 97, 1000, 4099]) {
      for (const j of new Set([0, 1 % n, n >> 1, n - 1])) {
        for (const part of [0, 1]) {
          for (const bad of ['nan', 'inf']) {
            const tag = `${dtype} n=${n} input ${bad} at ${part ? 'Im' : 'Re'} x[${j}]`;
            // complex fft / ifft, batch of 2 with the bad value in item 0
            for (const [name, f] of [['fft', fft], ['ifft', ifft]]) {
              const x = gen(mix32(n + 17 * j), 4 * n, C);
              x[2 * j + part] = values[bad];
              let y;
              try { y = f(x, { batch: 2 }); } catch (e) { fails.push(`${name} ${tag}: threw ${e.message}`); continue; }
              // X_k += v w^(jk) (times i for an imaginary v), w = e^(-+ 2 pi i / n)
              const wts = (o) => {
                const r = (j * (o >> 1)) % n;
                const onRe = (o & 1) === part; // re<-re, im<-im weight cos; cross terms sin
                return onRe ? !cosZero(r, n) : !sinZero(r, n);
              };
              checkPropagation(`${name} ${tag}`, y.subarray(0, 2 * n), wts, bad, fails);
              const clean = f(x.subarray(2 * n));
              if (!y.subarray(2 * n).every((v, i) => Object.is(v, clean[i]))) {
                fails.push(`${name} ${tag}: the other batch item changed`);
              }
            }
            // rfft: one real bad value
            if (part === 0) {
              const x = gen(mix32(n + 31 * j), n, C);
              x[j] = values[bad];
              const y = attempt(() => rfft(x), `rfft ${tag}`, fails);
              if (y) {
                checkPropagation(`rfft ${tag}`, y, (o) => {
                  const r = (j * (o >> 1)) % n;
                  return (o & 1) === 0 ? !cosZero(r, n) : !sinZero(r, n);
                }, bad, fails);
              }
            }
            // irfft: the bad value in X_k, k = j mod (n/2+1)
            {
              const m = (n >> 1) + 1, k = j % m;
              const X = gen(mix32(n + 53 * j), 2 * m, C);
              X[2 * k + part] = values[bad];
              const y = attempt(() => irfft(X, n), `irfft ${tag} (X_${k})`, fails);
              const ignored = part === 1 && (k === 0 || 2 * k === n);
              if (!y) {
                // threw: already reported
              } else if (ignored) {
                // numpy's documented rule, which spectrakit follows: Im X_0 and Im X_n/2 are
                // discarded, so the result is that of the same X with them zeroed.
                const X0 = X.slice();
                X0[2 * k + 1] = 0;
                const ref = irfft(X0, n);
                if (!y.every((v, i) => Object.is(v, ref[i]))) fails.push(`irfft ${tag} (X_${k}): ignored imaginary part changed the result`);
              } else {
                // x_o = (1/n) sum_k c_k Re(X_k e^(2 pi i k o / n)), c_k = 2 except DC / Nyquist
                checkPropagation(`irfft ${tag} (X_${k})`, y, (o) => {
                  const r = (k * o) % n;
                  return part === 0 ? !cosZero(r, n) : !sinZero(r, n);
                }, bad, fails);
              }
            }
          }
        }
      }
    }
    // fft2: a NaN at (a, b) reaches (k, l) with weight e^(-2 pi i (ak/R + bl/C))
    for (const [R, Cc] of [[4, 4], [3, 5], [8, 12], [31, 7]]) {
      const a = R - 1, b = Cc >> 1, N = R * Cc;
      const x = gen(mix32(N), 2 * N, C);
      x[2 * (a * Cc + b)] = NaN;
      let y;
      try { y = fft2(x, R, Cc); } catch (e) { fails.push(`fft2 ${dtype} ${R}x${Cc}: threw ${e.message}`); continue; }
      checkPropagation(`fft2 ${dtype} ${R}x${Cc} NaN at (${a}, ${b})`, y, (o) => {
        const q = o >> 1, k = Math.floor(q / Cc), l = q % Cc;
        const r = (((a * k) % R) * Cc + ((b * l) % Cc) * R) % N;
        return (o & 1) === 0 ? !cosZero(r, N) : !sinZero(r, N);
      }, 'nan', fails);
    }
    // fftbr reads x[j] at DFT position bitrev(j); ifftbr writes z_p to position bitrev(p)
    for (const n of [1, 2, 8, 64, 1024]) {
      const bits = Math.log2(n);
      for (const j of new Set([0, 1 % n, n - 1])) {
        const x = gen(mix32(3 * n + j), 2 * n, C);
        x[2 * j] = NaN;
        const y = fftbr(x), z = ifftbr(x);
        const p = bitrev(j, bits);
        checkPropagation(`fftbr ${dtype} n=${n} NaN at Re x[${j}]`, y, (o) => {
          const r = (p * (o >> 1)) % n;
          return (o & 1) === 0 ? !cosZero(r, n) : !sinZero(r, n);
        }, 'nan', fails);
        checkPropagation(`ifftbr ${dtype} n=${n} NaN at Re y[${j}]`, z, (o) => {
          const r = (j * bitrev(o >> 1, bits)) % n;
          return (o & 1) === 0 ? !cosZero(r, n) : !sinZero(r, n);
        }, 'nan', fails);
      }
    }
  }
  assert.ok(fails.length === 0, `${fails.length} propagation failure(s):\n  ${fails.slice(0, 40).join('\n  ')}`);
});

test.after(() => {
  const rows = [...worst.entries()].sort(([a], [b]) => (a < b ? -1 : 1));
  const lines = rows.map(([k, w]) => {
    const [dtype, cls] = k.split('\t');
    return `  ${dtype}  ${cls.padEnd(34)} max rel L2 err ${w.err.toExponential(2)} (n=${w.n})  worst err/tol ${w.ratio.toFixed(3)}`;
  });
  console.log(`\nFFT accuracy, worst case per (dtype, size class):\n${lines.join('\n')}`);
});

test.run();
