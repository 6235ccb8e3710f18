// log I_v(x), log K_v(x), I_{v+1}/I_v and log Gamma against 40-digit references
// (tests/fixtures/special/generate.py), identities as properties, limits, domain and argument errors.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import {
  init, logBesselI, logBesselK, besselIRatio, logGamma, besselRegion,
} from '../dist/index.js';
import fx from './fixtures/special/bessel.json' with { type: 'json' };

await init();

const TARGET_MAX = 1e-14;
const TARGET_MEDIAN = 3e-16;

/** |got - exact| / max(1, |exact|) with exact = hi + lo; non-finite results where the exact value
 *  is finite are counted apart (and a finite result where the exact one is infinite too). */
function errors(got, hi, lo, relative = false) {
  const errs = [];
  let nonFinite = 0, worst = -1;
  for (let i = 0; i < got.length; i++) {
    if (!Number.isFinite(hi[i])) {
      if (got[i] !== hi[i]) nonFinite++;
      continue;
    }
    if (!Number.isFinite(got[i])) { nonFinite++; continue; }
    const scale = relative ? Math.abs(hi[i]) : Math.max(1, Math.abs(hi[i]));
    const e = Math.abs((got[i] - hi[i]) - lo[i]) / scale;
    if (worst < 0 || e > errs[worst]) worst = errs.length;
    errs.push(e);
  }
  const sorted = Float64Array.from(errs).sort();
  return {
    n: got.length, max: sorted[sorted.length - 1], median: sorted[sorted.length >> 1],
    p99: sorted[Math.floor(0.99 * (sorted.length - 1))], nonFinite, worstIndex: worst,
  };
}

function report(name, r, v, x) {
  const w = r.worstIndex;
  console.log(`  ${name}: n=${r.n} max=${r.max.toExponential(2)} median=${r.median.toExponential(2)} ` +
    `p99=${r.p99.toExponential(2)} non-finite=${r.nonFinite}` + (v ? ` (worst at v=${v[w]}, x=${x[w]})` : ''));
}

const v = Float64Array.from(fx.v), x = Float64Array.from(fx.x);

test('logBesselI matches the 40-digit fixtures (max, median, non-finite)', () => {
  const r = errors(logBesselI(v, x), fx.logI, fx.logI_lo);
  report('logBesselI', r, fx.v, fx.x);
  assert.is(r.nonFinite, 0);
  assert.ok(r.max <= TARGET_MAX, `max ${r.max}`);
  assert.ok(r.median <= TARGET_MEDIAN, `median ${r.median}`);
});

test('logBesselK matches the 40-digit fixtures (max, median, non-finite)', () => {
  const r = errors(logBesselK(v, x), fx.logK, fx.logK_lo);
  report('logBesselK', r, fx.v, fx.x);
  assert.is(r.nonFinite, 0);
  assert.ok(r.max <= TARGET_MAX, `max ${r.max}`);
  assert.ok(r.median <= TARGET_MEDIAN, `median ${r.median}`);
});

test('errors per region stay within the targets', () => {
  for (const kind of ['I', 'K']) {
    const by = {};
    for (let i = 0; i < v.length; i++) {
      const reg = besselRegion(v[i], x[i], kind);
      (by[reg] ??= []).push(i);
    }
    for (const [reg, idx] of Object.entries(by)) {
      const vv = Float64Array.from(idx, (i) => v[i]), xx = Float64Array.from(idx, (i) => x[i]);
      const ref = kind === 'I' ? fx.logI : fx.logK, lo = kind === 'I' ? fx.logI_lo : fx.logK_lo;
      const got = kind === 'I' ? logBesselI(vv, xx) : logBesselK(vv, xx);
      const r = errors(got, idx.map((i) => ref[i]), idx.map((i) => lo[i]));
      report(`${kind} ${reg}`, r, Array.from(vv), Array.from(xx));
      assert.ok(r.max <= TARGET_MAX && r.nonFinite === 0, `${kind} ${reg}: max ${r.max}`);
    }
  }
});

test('besselIRatio matches the fixtures (relative error)', () => {
  const r = errors(besselIRatio(Float64Array.from(fx.rv), Float64Array.from(fx.rx)), fx.ratio, fx.ratio_lo, true);
  report('besselIRatio (relative)', r, fx.rv, fx.rx);
  assert.is(r.nonFinite, 0);
  assert.ok(r.max <= TARGET_MAX, `max ${r.max}`);
  assert.ok(r.median <= TARGET_MEDIAN, `median ${r.median}`);
});

test('logGamma matches the fixtures', () => {
  const r = errors(logGamma(Float64Array.from(fx.gx)), fx.lgamma, fx.lgamma_lo);
  report('logGamma', r, fx.gx, fx.gx);
  assert.is(r.nonFinite, 0);
  assert.ok(r.max <= 4e-16, `max ${r.max}`);
  assert.is(logGamma(1), 0);
  assert.is(logGamma(2), 0);
  assert.is(logGamma(0), Infinity);
  assert.ok(Number.isNaN(logGamma(-1)));
});

// ---- identities -------------------------------------------------------------------------------

// A seeded grid from integer arithmetic (LCG), v in [0, 1e5), x in [1e-12, 1e6) log-uniform.
function lcgGrid(n, seed) {
  let s = seed >>> 0;
  const next = () => { s = (Math.imul(s, 1664525) + 1013904223) >>> 0; return s / 4294967296; };
  const vs = new Float64Array(n), xs = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    // orders on a 2^-20 lattice, so that v + 1 and v - 1 are exact (the identities need them)
    vs[i] = next() < 0.2 ? Math.floor(next() * 40) / 2 : Math.round(10 ** (-3 + 8 * next()) * 1048576) / 1048576;
    xs[i] = 10 ** (-12 + 18 * next());
  }
  return [vs, xs];
}

test('Wronskian I_v K_{v+1} + I_{v+1} K_v = 1/x, in log form', () => {
  const [vs, xs] = lcgGrid(4000, 12345);
  const v1 = vs.map((a) => a + 1);
  const i0 = logBesselI(vs, xs), i1 = logBesselI(v1, xs), k0 = logBesselK(vs, xs), k1 = logBesselK(v1, xs);
  let worst = 0;
  for (let i = 0; i < vs.length; i++) {
    // log(x I_v K_{v+1}) + log1p(I_{v+1} K_v / (I_v K_{v+1})) = 0; its conditioning is the size of
    // the logs that cancel, so the residual is measured against them.
    const a = i0[i] + k1[i], b = i1[i] + k0[i];
    const m = Math.max(a, b);
    const res = Math.log(xs[i]) + m + Math.log(Math.exp(a - m) + Math.exp(b - m));
    const scale = Math.max(1, Math.abs(i0[i]), Math.abs(k1[i]), Math.abs(Math.log(xs[i])));
    worst = Math.max(worst, Math.abs(res) / scale);
  }
  console.log(`  Wronskian: worst scaled residual ${worst.toExponential(2)}`);
  assert.ok(worst < 2e-14, `worst ${worst}`);
});

test('recurrences: K_{v+1} = K_{v-1} + (2v/x) K_v and 1/r_{v-1} - r_v = 2v/x', () => {
  const [vs0, xs] = lcgGrid(4000, 777);
  const vs = vs0.map((a) => a + 1); // v >= 1
  const km = logBesselK(vs.map((a) => a - 1), xs), k0 = logBesselK(vs, xs), kp = logBesselK(vs.map((a) => a + 1), xs);
  let worstK = 0;
  for (let i = 0; i < vs.length; i++) {
    const res = Math.exp(km[i] - kp[i]) + (2 * vs[i] / xs[i]) * Math.exp(k0[i] - kp[i]) - 1;
    const scale = Math.max(1, Math.abs(kp[i]));
    worstK = Math.max(worstK, Math.abs(res) / scale);
  }
  const rm = besselIRatio(vs.map((a) => a - 1), xs), r0 = besselIRatio(vs, xs);
  let worstI = 0;
  for (let i = 0; i < vs.length; i++) {
    const t = 2 * vs[i] / xs[i];
    if (!Number.isFinite(t) || !Number.isFinite(1 / rm[i])) continue;
    const res = (1 / rm[i] - r0[i] - t) / (1 / rm[i] + r0[i]); // relative to the terms that cancel
    worstI = Math.max(worstI, Math.abs(res));
  }
  console.log(`  K recurrence: ${worstK.toExponential(2)}, ratio recurrence: ${worstI.toExponential(2)}`);
  assert.ok(worstK < 2e-14, `K ${worstK}`);
  assert.ok(worstI < 2e-14, `I ratio ${worstI}`);
});

// ---- limits, domain, API ----------------------------------------------------------------------

test('limits and special values', () => {
  assert.is(logBesselI(0, 0), 0);
  assert.is(logBesselI(2.5, 0), -Infinity);
  assert.is(logBesselK(0, 0), Infinity);
  assert.is(logBesselK(-3.5, 0), Infinity);
  assert.is(logBesselI(1, Infinity), Infinity);
  assert.is(logBesselK(1, Infinity), -Infinity);
  assert.is(besselIRatio(3, 0), 0);
  assert.is(besselIRatio(3, Infinity), 1);
  for (const [a, b] of [[0.3, 2], [7.25, 1e-5], [123.5, 80], [40000, 1e6]]) {
    assert.is(logBesselK(-a, b), logBesselK(a, b));
  }
  // closed forms: K_{1/2}(x) = sqrt(pi / (2x)) e^-x, I_{1/2}(x) = sqrt(2 / (pi x)) sinh x
  for (const t of [1e-8, 0.5, 3, 40, 700]) {
    const k = 0.5 * Math.log(Math.PI / (2 * t)) - t;
    assert.ok(Math.abs(logBesselK(0.5, t) - k) <= 2e-16 * Math.max(1, Math.abs(k)) * 4, `K1/2 at ${t}`);
  }
  // exact 1/2 for v = 1/2 and tiny x: log I_{1/2}(x) ~ 0.5 log(2x/pi)
  assert.ok(Math.abs(logBesselI(0.5, 1e-300) - 0.5 * Math.log(2e-300 / Math.PI)) < 1e-13);
  // no underflow or overflow at the ends of the grid and beyond
  for (const [a, b] of [[1e5, 1e-12], [1e5, 1e6], [0, 1e-300], [1e8, 1e8], [3, 1e300], [1e300, 1]]) {
    assert.ok(Number.isFinite(logBesselI(a, b)), `I(${a}, ${b})`);
    assert.ok(Number.isFinite(logBesselK(a, b)), `K(${a}, ${b})`);
    const r = besselIRatio(a, b);
    assert.ok(r >= 0 && r <= 1, `ratio(${a}, ${b}) = ${r}`);
  }
});

test('NaN and out-of-domain values give NaN inside a batch, never a throw', () => {
  const vs = Float64Array.of(1, NaN, 2, -1, 3);
  const xs = Float64Array.of(1, 1, NaN, 1, -2);
  const I = logBesselI(vs, xs), K = logBesselK(vs, xs), R = besselIRatio(vs, xs);
  assert.ok(Number.isFinite(I[0]) && Number.isFinite(K[0]) && Number.isFinite(R[0]));
  for (const i of [1, 2, 4]) assert.ok(Number.isNaN(I[i]) && Number.isNaN(K[i]) && Number.isNaN(R[i]), `${i}`);
  assert.ok(Number.isNaN(I[3]) && Number.isNaN(R[3])); // v < 0 is outside I's domain
  assert.is(K[3], logBesselK(1, 1)); // K_{-1} = K_1
});

test('broadcasting, out buffers, scalars', () => {
  const xs = Float64Array.of(0.5, 5, 50, 500);
  const a = logBesselI(2, xs);
  for (let i = 0; i < xs.length; i++) assert.is(a[i], logBesselI(2, xs[i]));
  const b = logBesselK(Float64Array.of(0, 1, 2, 3), 7);
  for (let i = 0; i < 4; i++) assert.is(b[i], logBesselK(i, 7));
  const out = new Float64Array(4);
  assert.is(logBesselK(xs, xs, out), out);
  assert.is(typeof logBesselI(1, 2), 'number');
  // arrays longer than one Wasm chunk give the same values as one at a time
  const n = 70000;
  const big = new Float64Array(n).map((_, i) => 1e-3 * (i + 1));
  const got = logBesselI(7.5, big);
  for (const i of [0, 65535, 65536, n - 1]) assert.is(got[i], logBesselI(7.5, big[i]));
});

test('a point gives the same bits alone, in any batch order and beside any partner', () => {
  // batches run two points per f64x2, sorted by region: converged lanes must be frozen exactly,
  // so neither the partner nor the block a point falls in may change a bit
  let s = 12345;
  const u = () => { s = (Math.imul(s, 1664525) + 1013904223) >>> 0; return s / 4294967296; };
  const n = 4000;
  const v = new Float64Array(n), x = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const r = u();
    v[i] = r < 0.05 ? 0 : r < 0.1 ? Math.round(20 * u()) : r < 0.15 ? Math.round(20 * u()) + 0.5
      : r < 0.45 ? 17 * u() : 10 ** (-3 + 8 * u());
    const c = u();
    // the domain, Temme's band, and x down to 1e-120 (the scalar fallback below 1e-100)
    x[i] = c < 0.5 ? 10 ** (-12 + 18 * u()) : c < 0.75 ? 10 ** (-3 + 3.3 * u()) : 10 ** (-120 + 126 * u());
  }
  const perm = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) { const j = Math.floor(u() * (i + 1)); [perm[i], perm[j]] = [perm[j], perm[i]]; }
  const vp = Float64Array.from(perm, (i) => v[i]), xp = Float64Array.from(perm, (i) => x[i]);
  for (const f of [logBesselI, logBesselK]) {
    const a = f(v, x), b = f(vp, xp);
    for (let k = 0; k < n; k++) {
      const i = perm[k];
      assert.ok(Object.is(b[k], a[i]), `${f.name}(${v[i]}, ${x[i]}): shuffled ${b[k]} vs ${a[i]}`);
      if (k % 3 === 0) assert.ok(Object.is(f(v[i], x[i]), a[i]), `${f.name}(${v[i]}, ${x[i]}): scalar vs batch`);
    }
  }
});

test('argument errors name the argument', () => {
  assert.throws(() => logBesselI('1', 2), (e) => e instanceof TypeError && /`v`/.test(e.message));
  assert.throws(() => logBesselK(1, [2]), (e) => e instanceof TypeError && /`x`/.test(e.message));
  assert.throws(() => logBesselI(new Float32Array(2), 2), (e) => e instanceof TypeError && /`v`/.test(e.message));
  assert.throws(() => logBesselI(new Float64Array(2), new Float64Array(3)), (e) => e instanceof RangeError && /`x`/.test(e.message));
  assert.throws(() => logBesselK(new Float64Array(2), 1, new Float64Array(3)), (e) => e instanceof RangeError && /`out`/.test(e.message));
  assert.throws(() => besselIRatio(1, 2, new Float64Array(1)), (e) => e instanceof TypeError && /`out`/.test(e.message));
  assert.throws(() => logGamma('x'), (e) => e instanceof TypeError && /`x`/.test(e.message));
});

test.run();
