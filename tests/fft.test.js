// Contracts of the FFT facade: argument errors, output types and buffers, batching, plans and
// their cache, numpy's irfft conventions, NaN propagation. Accuracy against high-precision
// references lives in fft.accuracy.test.js; cross-runtime identity in tests/conformance/.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import * as sk from '../dist/index.js';

const { init, fft, ifft, rfft, irfft, fft2, ifft2, fftbr, ifftbr, fftPlan, clearPlanCache, NotInitializedError } = sk;

// Deterministic inputs from integer arithmetic (xorshift32), exactly representable in f32.
function seeded(n, seed, Ctor = Float64Array) {
  let s = seed >>> 0 || 1;
  const a = new Ctor(n);
  for (let i = 0; i < n; i++) {
    s ^= s << 13; s >>>= 0; s ^= s >>> 17; s ^= s << 5; s >>>= 0;
    a[i] = ((s >>> 8) - 8388608) / 8388608;
  }
  return a;
}

function relErr(a, b) {
  let e = 0, r = 0;
  for (let i = 0; i < a.length; i++) { e += (a[i] - b[i]) ** 2; r += b[i] ** 2; }
  return Math.sqrt(e / (r || 1));
}

function bitsEqual(a, b) {
  if (a.length !== b.length || a.constructor !== b.constructor) return false;
  const ua = new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
  const ub = new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
  for (let i = 0; i < ua.length; i++) if (ua[i] !== ub[i]) return false;
  return true;
}

function throwsLike(fn, Ctor, ...needles) {
  try { fn(); } catch (e) {
    assert.instance(e, Ctor, `expected ${Ctor.name}, got ${e && e.constructor && e.constructor.name}: ${e && e.message}`);
    for (const s of needles) assert.ok(e.message.includes(s), `message ${JSON.stringify(e.message)} lacks ${JSON.stringify(s)}`);
    return;
  }
  assert.unreachable(`expected ${Ctor.name}`);
}

test('a kernel called before init says to await init()', () => {
  if (sk.isInitialized()) return; // another file in the same process loaded it first
  throwsLike(() => fft(new Float64Array(4)), NotInitializedError, 'await init()');
});

test('init is idempotent and concurrent-safe', async () => {
  await Promise.all([init(), init(), init()]);
  await init();
  assert.ok(sk.isInitialized());
});

test('output type follows input type; out buffers are used and returned', () => {
  const x32 = seeded(64, 1, Float32Array), x64 = seeded(64, 1);
  assert.instance(fft(x32), Float32Array);
  assert.instance(fft(x64), Float64Array);
  assert.instance(rfft(x32), Float32Array);
  assert.instance(irfft(rfft(x64), 64), Float64Array);
  const out = new Float64Array(64);
  assert.is(fft(x64, { out }), out);
  assert.ok(bitsEqual(out, fft(x64)));
  // out may alias the input: the input is copied into the arena before anything is written
  const y = x64.slice();
  fft(y, { out: y });
  assert.ok(bitsEqual(y, fft(x64)));
});

test('argument errors name the argument and value, and leave state intact', () => {
  throwsLike(() => fft([1, 2]), TypeError, '`x`', 'Float32Array or Float64Array', 'Array(2)');
  throwsLike(() => fft(new Int32Array(4)), TypeError, '`x`', 'Int32Array(4)');
  throwsLike(() => fft(new Float64Array(0)), RangeError, '`x`', 'non-empty');
  throwsLike(() => fft(new Float64Array(3)), RangeError, '`x`', 'even length', 'Float64Array(3)');
  throwsLike(() => fft(new Float64Array(4), { norm: 'unit' }), RangeError, '`opts.norm`', '"unit"');
  throwsLike(() => fft(new Float64Array(4), { norm: 1 }), TypeError, '`opts.norm`');
  throwsLike(() => fft(new Float64Array(4), { batch: 0 }), RangeError, '`opts.batch`', '0');
  throwsLike(() => fft(new Float64Array(4), { batch: 1.5 }), TypeError, '`opts.batch`', '1.5');
  throwsLike(() => fft(new Float64Array(6), { batch: 2 }), RangeError, '`x`', 'batch = 2');
  throwsLike(() => fft(new Float64Array(4), { out: new Float32Array(4) }), TypeError, '`opts.out`', 'Float32Array(4)');
  throwsLike(() => fft(new Float64Array(4), { out: new Float64Array(6) }), RangeError, '`opts.out`', 'length 4');
  throwsLike(() => fft(new Float64Array(4), 'ortho'), TypeError, '`opts`');
  throwsLike(() => fftbr(new Float64Array(12)), RangeError, '`x`', 'power-of-two');
  throwsLike(() => fft2(new Float64Array(12), 2, 2), RangeError, '`x`', 'rows * cols');
  throwsLike(() => fft2(new Float64Array(12), 0, 6), RangeError, '`rows`', '0');
  throwsLike(() => irfft(new Float64Array(2)), RangeError, '`n`');
  throwsLike(() => irfft(new Float64Array(8), -4), RangeError, '`n`', '-4');
  throwsLike(() => irfft(new Float64Array(7), 4), RangeError, '`X`', 'even length');
  throwsLike(() => fftPlan(0), RangeError, '`n`', '0');
  throwsLike(() => fftPlan(8, { dtype: 'f16' }), RangeError, '`opts.dtype`', '"f16"');
  throwsLike(() => fftPlan(8, { kind: 'hermitian' }), RangeError, '`opts.kind`');
  // after all of that, results are still right
  const x = seeded(32, 7);
  assert.ok(relErr(ifft(fft(x)), x) < 1e-15);
});

test('NaN and Inf propagate: they reach every output bin, as in numpy', () => {
  // A fast transform skips multiplications by exact 1 and 0 (numpy's pocketfft does too), so a
  // NaN in a real part need not reach every imaginary part; it does reach every complex bin.
  const bins = (X, pred) => { for (let k = 0; k < X.length; k += 2) if (!(pred(X[k]) || pred(X[k + 1]))) return false; return true; };
  for (const n of [16, 12, 1009]) for (const Ctor of [Float32Array, Float64Array]) {
    const x = seeded(2 * n, 3, Ctor);
    x[6] = NaN;
    assert.ok(bins(fft(x), Number.isNaN), `n=${n} ${Ctor.name}: NaN must reach every bin`);
    assert.ok(bins(ifft(x), Number.isNaN), `n=${n} ${Ctor.name}: NaN must reach every bin of ifft`);
    const y = seeded(2 * n, 3, Ctor);
    y[0] = Infinity;
    assert.ok(bins(fft(y), (v) => !Number.isFinite(v)), `n=${n}: Inf input gives a non-finite value in every bin`);
    const r = seeded(n, 4, Ctor);
    r[1] = NaN;
    assert.ok(bins(rfft(r), Number.isNaN), `n=${n} rfft`);
  }
});

test('batch gives bit-identical results to separate transforms', () => {
  for (const n of [1, 7, 16, 60, 1009]) for (const Ctor of [Float32Array, Float64Array]) {
    const b = 3;
    const x = seeded(2 * n * b, n, Ctor);
    const all = fft(x, { batch: b, norm: 'ortho' });
    for (let i = 0; i < b; i++) {
      const one = fft(x.slice(2 * n * i, 2 * n * (i + 1)), { norm: 'ortho' });
      assert.ok(bitsEqual(all.subarray(2 * n * i, 2 * n * (i + 1)).slice(), one), `n=${n} ${Ctor.name} item ${i}`);
    }
    const r = seeded(n * b, n + 1, Ctor);
    const R = rfft(r, { batch: b });
    const h = 2 * (Math.floor(n / 2) + 1);
    for (let i = 0; i < b; i++) {
      assert.ok(bitsEqual(R.subarray(h * i, h * (i + 1)).slice(), rfft(r.slice(n * i, n * (i + 1)))), `rfft n=${n} item ${i}`);
    }
    const back = irfft(R, n, { batch: b });
    assert.ok(relErr(back, r) < (Ctor === Float32Array ? 1e-6 : 1e-14), `irfft batch n=${n}`);
  }
});

test('plans: reuse equals one-shot, dtype enforced, dispose, Symbol.dispose', () => {
  const x = seeded(2 * 96, 11, Float32Array);
  const p = fftPlan(96, { dtype: 'f32' });
  assert.is(p.n, 96); assert.is(p.dtype, 'f32'); assert.is(p.kind, 'complex');
  assert.ok(bitsEqual(p.forward(x), fft(x)));
  assert.ok(bitsEqual(p.inverse(x, { norm: 'forward' }), ifft(x, { norm: 'forward' })));
  throwsLike(() => p.forward(seeded(192, 1)), TypeError, '`x`', 'Float32Array');
  throwsLike(() => p.forward(new Float32Array(10)), RangeError, '`x`', 'length');
  p.dispose();
  assert.ok(p.disposed);
  try { p.forward(x); assert.unreachable('disposed plan must throw'); } catch (e) { assert.match(e.message, 'disposed'); }
  p.dispose(); // twice is harmless
  const q = fftPlan(10, { kind: 'real' });
  const dispose = Symbol.dispose ?? Symbol.for('Symbol.dispose');
  q[dispose]();
  assert.ok(q.disposed);
});

test('real plans match rfft/irfft, and the algorithm choice is visible', () => {
  for (const n of [1, 2, 9, 64, 1000, 4099]) {
    const x = seeded(n, n);
    const p = fftPlan(n, { kind: 'real' });
    const X = p.forward(x);
    assert.ok(bitsEqual(X, rfft(x)), `n=${n}`);
    assert.ok(relErr(p.inverse(X), x) < 1e-14, `n=${n} round trip`);
    assert.is(p.algorithm, n % 2 === 0 ? 'real-half' : 'real-full');
    p.dispose();
  }
  assert.is(fftPlan(1024).algorithm, 'stockham');
  assert.is(fftPlan(3 * 5 * 7 * 16).algorithm, 'stockham');
  assert.is(fftPlan(65537).algorithm, 'bluestein');
  assert.is(fftPlan(2 * 4099).algorithm, 'bluestein');
});

test('rfft equals the first n/2+1 bins of fft of the real signal', () => {
  for (const n of [5, 8, 30, 127, 256]) {
    const x = seeded(n, 5 * n);
    const z = new Float64Array(2 * n);
    for (let i = 0; i < n; i++) z[2 * i] = x[i];
    const full = fft(z).subarray(0, 2 * (Math.floor(n / 2) + 1));
    assert.ok(relErr(rfft(x), full) < 1e-15, `n=${n}`);
  }
});

test('irfft follows numpy: default n, crop/pad, imaginary DC and Nyquist ignored', () => {
  const x = seeded(16, 21);
  const X = rfft(x); // 9 bins
  assert.is(irfft(X).length, 16);
  // crop: n = 10 keeps 6 bins
  const crop = irfft(X, 10);
  assert.ok(bitsEqual(crop, irfft(X.slice(0, 12), 10)));
  // pad: n = 24 needs 13 bins: zeros appended
  const padded = new Float64Array(26); padded.set(X);
  assert.ok(bitsEqual(irfft(X, 24), irfft(padded, 24)));
  // imaginary parts of bin 0 and bin n/2 do not matter
  const Y = X.slice(); Y[1] = 123; Y[17] = -4;
  assert.ok(bitsEqual(irfft(Y), irfft(X)));
  const Z = rfft(seeded(15, 2)); const Z2 = Z.slice(); Z2[1] = 9;
  assert.ok(bitsEqual(irfft(Z2, 15), irfft(Z, 15)));
});

test('fft2 is a row pass then a column pass; ifft2 inverts it; batch', () => {
  const rows = 6, cols = 10;
  const x = seeded(2 * rows * cols, 31);
  const rowPass = fft(x, { batch: rows });
  const col = new Float64Array(2 * rows);
  const want = new Float64Array(x.length);
  for (let j = 0; j < cols; j++) {
    for (let i = 0; i < rows; i++) { col[2 * i] = rowPass[2 * (i * cols + j)]; col[2 * i + 1] = rowPass[2 * (i * cols + j) + 1]; }
    const c = fft(col);
    for (let i = 0; i < rows; i++) { want[2 * (i * cols + j)] = c[2 * i]; want[2 * (i * cols + j) + 1] = c[2 * i + 1]; }
  }
  const got = fft2(x, rows, cols);
  assert.ok(relErr(got, want) < 1e-15);
  assert.ok(relErr(ifft2(got, rows, cols), x) < 1e-15);
  const two = new Float64Array(2 * x.length); two.set(x); two.set(seeded(x.length, 9), x.length);
  const both = fft2(two, rows, cols, { batch: 2 });
  assert.ok(bitsEqual(both.subarray(0, x.length).slice(), got));
});

test('fftbr/ifftbr: the doubling identity of SOURCES.md, and exact inverses', () => {
  // y_2n = [y1 + w y2, y1 - w y2] / sqrt 2, w_k = e^(-pi i k / n), where y1 = fftbr of the first
  // half of the bit-reversed-order input and y2 = fftbr of the second half.
  const n = 64;
  const x = seeded(2 * n, 77);
  const y = fftbr(x);
  const y1 = fftbr(x.slice(0, n)), y2 = fftbr(x.slice(n));
  const h = n / 2;
  const want = new Float64Array(2 * n);
  for (let k = 0; k < h; k++) {
    const wr = Math.cos(-Math.PI * k / h), wi = Math.sin(-Math.PI * k / h);
    const tr = wr * y2[2 * k] - wi * y2[2 * k + 1], ti = wr * y2[2 * k + 1] + wi * y2[2 * k];
    want[2 * k] = (y1[2 * k] + tr) / Math.SQRT2; want[2 * k + 1] = (y1[2 * k + 1] + ti) / Math.SQRT2;
    want[2 * (k + h)] = (y1[2 * k] - tr) / Math.SQRT2; want[2 * (k + h) + 1] = (y1[2 * k + 1] - ti) / Math.SQRT2;
  }
  assert.ok(relErr(y, want) < 1e-15);
  assert.ok(relErr(ifftbr(y), x) < 1e-15);
  assert.ok(relErr(fftbr(ifftbr(x)), x) < 1e-15);
  const f = seeded(2 * 256, 5, Float32Array);
  assert.ok(relErr(ifftbr(fftbr(f)), f) < 1e-6);
});

test('the plan cache stays bounded and clearPlanCache releases it', () => {
  for (let n = 100; n < 140; n++) fft(seeded(2 * n, n));
  clearPlanCache();
  const x = seeded(2 * 100, 100);
  assert.ok(relErr(ifft(fft(x)), x) < 1e-15);
});

test.run();
