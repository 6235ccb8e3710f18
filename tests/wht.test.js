// fwht and hadamardRotate against exact references built here independently of the kernels:
// the Sylvester matrix from (-1)^popcount(i & j), Paley matrices from quadratic residues found by
// squaring, MATLAB's sequency order from counting sign changes, and the plain radix-2 loop.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { readFileSync } from 'node:fs';
import { init, fwht, hadamardRotate } from '../dist/index.js';

await init();

// ---- references -----------------------------------------------------------------------------

function popcount(v) {
  let c = 0;
  while (v) { v &= v - 1; c++; }
  return c;
}

/** Sylvester H_L entry. */
const syl = (i, j) => (popcount(i & j) & 1 ? -1 : 1);

/** Quadratic character of a prime q from the set of squares (not Euler's criterion, as the kernel). */
function character(q) {
  const sq = new Set();
  for (let a = 1; a < q; a++) sq.add((a * a) % q);
  return (a) => { a = ((a % q) + q) % q; return a === 0 ? 0 : sq.has(a) ? 1 : -1; };
}

function paleyI(q) {
  const chi = character(q), m = q + 1;
  return Array.from({ length: m }, (_, i) => Array.from({ length: m }, (_, j) =>
    i === j ? 1 : i === 0 ? 1 : j === 0 ? -1 : chi(i - j)));
}

function paleyII(q) {
  const chi = character(q), h = q + 1;
  const C = Array.from({ length: h }, (_, a) => Array.from({ length: h }, (_, b) =>
    a === b ? 0 : a === 0 || b === 0 ? 1 : chi(a - b)));
  const A = [[1, -1], [-1, -1]], I2 = [[1, 1], [1, -1]];
  const H = [];
  for (let i = 0; i < 2 * h; i++) {
    H.push([]);
    for (let j = 0; j < 2 * h; j++) {
      const a = i >> 1, b = j >> 1, u = i & 1, v = j & 1;
      H[i].push(C[a][b] === 0 ? I2[u][v] : C[a][b] * A[u][v]);
    }
  }
  return H;
}

/** H (x) H_2 */
function kron2(H) {
  const m = H.length;
  return Array.from({ length: 2 * m }, (_, i) => Array.from({ length: 2 * m }, (_, j) =>
    ((i & 1) && (j & 1) ? -1 : 1) * H[i >> 1][j >> 1]));
}

const HM = { 1: [[1]], 12: paleyII(5), 20: paleyI(19), 28: paleyII(13) };
HM[40] = kron2(HM[20]);

/** Dense y = (H_m (x) H_L) x in float64 (exact for small integers). */
function dense(x, m) {
  const n = x.length, L = n / m, Hm = HM[m];
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const a = Math.floor(i / L), k = i % L;
    let s = 0;
    for (let j = 0; j < n; j++) s += Hm[a][Math.floor(j / L)] * syl(k, j % L) * x[j];
    y[i] = s;
  }
  return y;
}

/** The plain radix-2 loop, rounding every operation to the array's precision. */
function radix2(x) {
  const r = x instanceof Float32Array ? Math.fround : (v) => v;
  const y = Float64Array.from(x), n = y.length;
  for (let h = 1; h < n; h *= 2) {
    for (let i = 0; i < n; i += 2 * h) {
      for (let j = i; j < i + h; j++) {
        const a = y[j], b = y[j + h];
        y[j] = r(a + b);
        y[j + h] = r(a - b);
      }
    }
  }
  return y;
}

// seeded integer generator (LCG, 32-bit)
function rng(seed) {
  let s = seed >>> 0;
  return () => { s = (Math.imul(s, 1664525) + 1013904223) >>> 0; return s; };
}
function ints(T, n, seed, span = 17) {
  const r = rng(seed);
  const x = new T(n);
  for (let i = 0; i < n; i++) x[i] = (r() % span) - (span >> 1);
  return x;
}
function floats(T, n, seed) {
  const r = rng(seed);
  const x = new T(n);
  for (let i = 0; i < n; i++) x[i] = (r() / 4294967296 - 0.5) * 8;
  return x;
}

function same(got, want, what) {
  assert.is(got.length, want.length, `${what}: length`);
  for (let i = 0; i < want.length; i++) {
    if (!Object.is(got[i], want[i])) {
      assert.unreachable(`${what}: index ${i}: got ${got[i]}, expected ${want[i]}`);
    }
  }
}

// ---- natural order ---------------------------------------------------------------------------

test('natural order equals the dense Sylvester matrix, 2^k, k = 0..12, f64 and f32 (exact)', () => {
  for (const T of [Float64Array, Float32Array]) {
    for (let k = 0; k <= 12; k++) {
      const x = ints(T, 1 << k, 100 + k);
      same(fwht(x), T.from(dense(x, 1)), `${T.name} n=${1 << k}`);
    }
  }
});

test('fixture: scipy.linalg.hadamard(n) @ x, exact in f64, f32 within 2 log2(n) eps (tests/fixtures/wht)', () => {
  const fx = JSON.parse(readFileSync(new URL('./fixtures/wht/hadamard.json', import.meta.url), 'utf8'));
  const s = 2 ** -23;
  for (const { n, k, y } of fx.cases) {
    const x64 = Float64Array.from(k, (v) => v * s);
    same(fwht(x64), Float64Array.from(y, (v) => v * s), `f64 n=${n}`);
    const got = fwht(Float32Array.from(k, (v) => v * s));
    let e2 = 0, y2 = 0;
    for (let i = 0; i < n; i++) { e2 += (got[i] - y[i] * s) ** 2; y2 += (y[i] * s) ** 2; }
    const tol = 2 * Math.max(1, Math.log2(n)) * 2 ** -24;
    assert.ok(Math.sqrt(e2 / y2) <= tol, `f32 n=${n}: relative L2 error ${Math.sqrt(e2 / y2)} > ${tol}`);
  }
});

test('m * 2^k natural order equals dense H_m (x) H_2^k, m in {12,20,28,40}, n up to 2560', () => {
  for (const m of [12, 20, 28, 40]) {
    for (let k = 0; k <= 6; k++) {
      for (const T of [Float64Array, Float32Array]) {
        const x = ints(T, m << k, 7 * m + k, 9);
        same(fwht(x), T.from(dense(x, m)), `${T.name} m=${m} n=${m << k}`);
      }
    }
  }
});

test('H_m H_m^T = m I for the matrices fwht uses (columns read back from fwht of unit vectors)', () => {
  for (const m of [12, 20, 28, 40]) {
    const H = [];
    for (let j = 0; j < m; j++) {
      const e = new Float64Array(m);
      e[j] = 1;
      H.push(fwht(e)); // column j
    }
    for (let a = 0; a < m; a++) {
      for (let b = 0; b < m; b++) {
        let s = 0;
        for (let j = 0; j < m; j++) s += H[j][a] * H[j][b];
        assert.is(s, a === b ? m : 0, `m=${m} rows ${a},${b}`);
      }
      for (let j = 0; j < m; j++) assert.ok(Math.abs(H[j][a]) === 1, `m=${m} entry (${a},${j}) is +-1`);
    }
  }
});

test('bit-identical to the plain radix-2 loop on random floats, every blocking path (2^0..2^22)', () => {
  // paths: scalar, in-register, L1 passes, L2 superblocks (f64 2^13+, f32 2^14+), direct top
  // sweeps (f64 2^18..2^20, f32 2^19..2^21), gathered top stages (f64 2^21+, f32 2^22+)
  for (const T of [Float32Array, Float64Array]) {
    for (let k = 0; k <= (T === Float32Array ? 22 : 21); k++) {
      const x = floats(T, 1 << k, 31 + k);
      same(fwht(x), T.from(radix2(x)), `${T.name} n=2^${k}`);
    }
  }
});

test('involution: fwht(fwht(x)) = n x where H is symmetric (2^k, 12 * 2^k, 28 * 2^k)', () => {
  for (const n of [1, 2, 16, 1024, 12, 12 * 64, 28 * 4, 28 * 32, 1 << 15]) {
    const x = ints(Float64Array, n, n);
    const y = fwht(fwht(x));
    same(y, x.map((v) => v * n), `n=${n}`);
    const z = fwht(fwht(x, { norm: 'ortho' }), { norm: 'ortho' });
    for (let i = 0; i < n; i++) assert.ok(Math.abs(z[i] - x[i]) <= 1e-12 * 16, `ortho n=${n} i=${i}`);
  }
});

test('norms: ortho scales by 1/sqrt(n), forward by 1/n (one rounding of the factor)', () => {
  for (const T of [Float32Array, Float64Array]) {
    for (const n of [8, 12, 1024, 40 * 16, 1 << 19]) {
      const x = ints(T, n, 5 + n);
      const base = fwht(x);
      const fo = T === Float32Array ? Math.fround(1 / Math.sqrt(n)) : 1 / Math.sqrt(n);
      const ff = T === Float32Array ? Math.fround(1 / n) : 1 / n;
      same(fwht(x, { norm: 'ortho' }), base.map((v) => v * fo), `${T.name} ortho ${n}`);
      same(fwht(x, { norm: 'forward' }), base.map((v) => v * ff), `${T.name} forward ${n}`);
      same(fwht(x, { norm: 'backward' }), base, `${T.name} backward ${n}`);
    }
  }
});

// ---- sequency order --------------------------------------------------------------------------

test('20 * 2^(k+1) and 40 * 2^k read the same; H_20 is not symmetric, H^T H = n I still', () => {
  const x = ints(Float64Array, 160, 3);
  same(fwht(x), Float64Array.from(dense(x, 40)), 'as H_40 (x) H_4');
  same(fwht(x), Float64Array.from(dense(x, 20)), 'as H_20 (x) H_8');
  const y = fwht(fwht(x));
  assert.ok(y.some((v, i) => v !== 160 * x[i]), 'not an involution for m = 20');
});

test('sequency order: row k is the Walsh function with k sign changes (MATLAB fwht order)', () => {
  for (let k = 0; k <= 9; k++) {
    const n = 1 << k;
    // rows of the Sylvester matrix ordered by their number of sign changes
    const bySeq = new Array(n);
    for (let r = 0; r < n; r++) {
      let c = 0;
      for (let j = 1; j < n; j++) if (syl(r, j) !== syl(r, j - 1)) c++;
      assert.ok(bySeq[c] === undefined, 'sign-change counts are distinct');
      bySeq[c] = r;
    }
    const x = ints(Float64Array, n, 77 + k);
    const nat = dense(x, 1);
    const want = Float64Array.from({ length: n }, (_, s) => nat[bySeq[s]]);
    same(fwht(x, { order: 'sequency' }), want, `n=${n}`);
    // MATLAB's default scaling is 1/n
    same(fwht(x, { order: 'sequency', norm: 'forward' }), want.map((v) => v / n), `n=${n} /n`);
  }
});

test('sequency order of a Walsh function is a unit spike at its sequency', () => {
  const n = 64;
  for (const s of [0, 1, 5, 33, 63]) {
    // wal(s, t) sampled: the Sylvester row with s sign changes, built by Gray code + bit reversal
    const g = s ^ (s >> 1);
    let r = 0;
    for (let b = 0; b < 6; b++) if (g & (1 << b)) r |= 1 << (5 - b);
    const x = Float64Array.from({ length: n }, (_, t) => syl(r, t));
    const y = fwht(x, { order: 'sequency', norm: 'forward' });
    for (let i = 0; i < n; i++) assert.is(y[i], i === s ? 1 : 0, `s=${s} i=${i}`);
  }
});

// ---- batch, out, NaN ------------------------------------------------------------------------

test('batch: every item equals its own transform; out is written and returned', () => {
  for (const T of [Float32Array, Float64Array]) {
    // [2^19, 2]: single large calls take the streamed path, batches the whole-item path
    for (const [n, batch] of [[1, 5], [16, 3], [12, 4], [1 << 14, 2], [40 * 4, 3], [1 << 19, 2]]) {
      const x = floats(T, n * batch, n + batch);
      for (const order of n & (n - 1) ? ['natural'] : ['natural', 'sequency']) {
        const out = new T(n * batch);
        const y = fwht(x, { batch, out, order, norm: 'ortho' });
        assert.ok(y === out, 'returns out');
        for (let b = 0; b < batch; b++) {
          same(y.subarray(b * n, (b + 1) * n), fwht(x.slice(b * n, (b + 1) * n), { order, norm: 'ortho' }), `${T.name} n=${n} b=${b} ${order}`);
        }
      }
    }
  }
  const x = new Float64Array(8).fill(1);
  const x0 = x.slice();
  fwht(x);
  same(x, x0, 'input untouched');
  assert.is(fwht(x, { out: x }), x, 'out may be the input');
  same(x, [8, 0, 0, 0, 0, 0, 0, 0], 'in-place result');
});

test('NaN and Inf propagate per IEEE', () => {
  for (const T of [Float32Array, Float64Array]) {
    for (const n of [4, 64, 1 << 14, 24]) {
      const x = ints(T, n, n);
      x[n >> 1] = NaN;
      assert.ok(fwht(x).every(Number.isNaN), `${T.name} n=${n}: every output depends on the NaN`);
      const z = ints(T, n, n + 1);
      z[3] = Infinity;
      const y = fwht(z);
      assert.ok(y.every((v) => v === Infinity || v === -Infinity), `${T.name} n=${n}: Inf spreads`);
    }
  }
});

test('bad input throws naming the argument and value', () => {
  assert.throws(() => fwht([1, 2, 3, 4]), (e) => e instanceof TypeError && /`x`/.test(e.message) && /Array\(4\)/.test(e.message));
  assert.throws(() => fwht(new Float32Array(6)), (e) => e instanceof RangeError && /`x`/.test(e.message) && /Float32Array\(6\)/.test(e.message) && /2\^k/.test(e.message));
  assert.throws(() => fwht(new Float64Array(0)), (e) => e instanceof RangeError && /`x`/.test(e.message));
  assert.throws(() => fwht(new Float64Array(24 * 3)), (e) => e instanceof RangeError && /length 72/.test(e.message));
  assert.throws(() => fwht(new Float64Array(16), { batch: 3 }), (e) => e instanceof RangeError && /batch = 3/.test(e.message));
  assert.throws(() => fwht(new Float64Array(16), { batch: 0 }), (e) => e instanceof RangeError && /opts\.batch/.test(e.message));
  assert.throws(() => fwht(new Float64Array(16), { norm: 'none' }), (e) => e instanceof RangeError && /opts\.norm/.test(e.message) && /"none"/.test(e.message));
  assert.throws(() => fwht(new Float64Array(16), { order: 'dyadic' }), (e) => e instanceof RangeError && /opts\.order/.test(e.message));
  assert.throws(() => fwht(new Float64Array(12), { order: 'sequency' }), (e) => e instanceof RangeError && /opts\.order/.test(e.message) && /n = 12/.test(e.message));
  assert.throws(() => fwht(new Float64Array(16), { out: new Float32Array(16) }), (e) => e instanceof TypeError && /opts\.out/.test(e.message));
  assert.throws(() => fwht(new Float64Array(16), { out: new Float64Array(8) }), (e) => e instanceof RangeError && /opts\.out/.test(e.message));
  assert.throws(() => fwht(new Float64Array(16), 3), (e) => e instanceof TypeError && /`opts`/.test(e.message));
  assert.throws(() => hadamardRotate(new Float64Array(16), { seed: -1 }), (e) => e instanceof RangeError && /opts\.seed/.test(e.message));
  assert.throws(() => hadamardRotate(new Float64Array(16), { seed: 1.5 }), (e) => e instanceof TypeError && /opts\.seed/.test(e.message));
  assert.throws(() => hadamardRotate(new Float64Array(10)), (e) => e instanceof RangeError && /`x`/.test(e.message));
  assert.throws(() => hadamardRotate(new Float64Array(16), { inverse: 1 }), (e) => e instanceof TypeError && /opts\.inverse/.test(e.message));
});

// ---- hadamardRotate --------------------------------------------------------------------------

function norm2(x) {
  let s = 0;
  for (const v of x) s += v * v;
  return Math.sqrt(s);
}

test('hadamardRotate is H D x / sqrt(n) with a +-1 diagonal, orthogonal, exactly invertible', () => {
  for (const n of [1, 2, 64, 4096, 12, 20 * 2, 28 * 16, 40 * 64]) {
    const x = floats(Float64Array, n, n);
    const y = hadamardRotate(x, { seed: 42 });
    assert.ok(Math.abs(norm2(y) - norm2(x)) <= 1e-13 * norm2(x) * Math.log2(2 * n), `norm kept n=${n}`);
    // D x = H^T y sqrt(n) / n: recover the signs and check they are +-1
    const m = [1, 12, 20, 28, 40].find((m) => Number.isInteger(Math.log2(n / m)));
    const back = hadamardRotate(y, { seed: 42, inverse: true });
    for (let i = 0; i < n; i++) assert.ok(Math.abs(back[i] - x[i]) <= 1e-13 * 8, `round trip n=${n} i=${i}`);
    if (m === 1) {
      const dx = fwht(y, { norm: 'ortho' });
      let neg = 0;
      for (let i = 0; i < n; i++) {
        const d = dx[i] / x[i];
        assert.ok(Math.abs(Math.abs(d) - 1) < 1e-10, `sign ${i} is +-1 (${d})`);
        if (d < 0) neg++;
      }
      if (n >= 64) assert.ok(neg > n / 4 && neg < 3 * n / 4, `about half the signs negative (${neg}/${n})`);
    }
  }
});

test('hadamardRotate: f32 round trip, batch shares one rotation, seed determines the signs', () => {
  const n = 1024, batch = 3;
  const x = floats(Float32Array, n * batch, 9);
  const y = hadamardRotate(x, { seed: 7, batch });
  for (let b = 0; b < batch; b++) same(y.subarray(b * n, (b + 1) * n), hadamardRotate(x.slice(b * n, (b + 1) * n), { seed: 7 }), `item ${b}`);
  same(hadamardRotate(x, { seed: 7, batch }), y, 'deterministic');
  const z = hadamardRotate(x, { seed: 8, batch });
  let diff = 0;
  for (let i = 0; i < n; i++) if (z[i] !== y[i]) diff++;
  assert.ok(diff > n / 2, 'another seed gives another rotation');
  const big = hadamardRotate(x, { seed: 2 ** 40 + 7, batch });
  assert.ok(big.some((v, i) => v !== y[i]), 'the high word of the seed counts');
  const back = hadamardRotate(y, { seed: 7, batch, inverse: true });
  for (let i = 0; i < x.length; i++) assert.ok(Math.abs(back[i] - x[i]) <= 1e-5 * 4, `f32 round trip ${i}`);
});

test.run();
