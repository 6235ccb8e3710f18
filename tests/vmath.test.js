// The f64x2 log, exp and log1p of assembly/util/vmath.ts (core exports vlogBatch, vexpBatch,
// vlog1pBatch): error in ulps against 50-digit references (tests/fixtures/vmath/generate.py),
// IEEE special values, subnormals, and lane independence (a special value in one lane does not
// change the other lane's bits).
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { init } from '../dist/index.js';
// Internal: these are core exports, not facade functions.
import { getCore } from '../dist/init.js';
import fx from './fixtures/vmath/vmath.json' with { type: 'json' };

await init();
const core = getCore();

const MAX_ULP = 1;
const MEAN_ULP = 0.3;

function run(fn, xs) {
  const x = Float64Array.from(xs);
  const n = x.length;
  const px = core.alloc(n * 8 || 8), po = core.alloc(n * 8 || 8);
  try {
    new Float64Array(core.memory.buffer, px, n).set(x);
    core[fn](px, po, n);
    return new Float64Array(core.memory.buffer, po, n).slice();
  } finally {
    core.free(px);
    core.free(po);
  }
}

const f64 = new Float64Array(1), u32 = new Uint32Array(f64.buffer);
/** Exponent e of |h| = m 2^e, 1 <= m < 2 (h normal, nonzero). */
function exponentOf(h) {
  f64[0] = h;
  return ((u32[1] >>> 20) & 0x7ff) - 1023;
}

/** Errors in ulps of the exact value hi + lo (scaled by 2^sc). */
function ulpErrors(got, ref) {
  const errs = new Float64Array(got.length);
  const scaled = new Set(ref.scaled);
  for (let i = 0; i < got.length; i++) {
    const sc = scaled.has(i) ? fx.sc : 0;
    const hi = ref.hi[i], lo = ref.lo[i];
    if (hi === 0) { errs[i] = got[i] === 0 ? 0 : Infinity; continue; }
    const e = exponentOf(hi) - sc; // exponent of the unscaled exact value
    const ulp = 2 ** (Math.max(e - 52, -1074) + sc);
    const y = got[i] * 2 ** sc; // exact: a power-of-two scaling of a double in range
    errs[i] = Number.isFinite(y) ? Math.abs((y - hi) - lo) / ulp : Infinity;
  }
  return errs;
}

function check(name, fn) {
  const ref = fx[name];
  const got = run(fn, ref.x);
  const errs = ulpErrors(got, ref);
  let max = 0, at = 0, sum = 0;
  for (let i = 0; i < errs.length; i++) {
    sum += errs[i];
    if (!(errs[i] <= max)) { max = errs[i]; at = i; }
  }
  const mean = sum / errs.length;
  console.log(`  ${name}: n=${errs.length} max=${max.toFixed(3)} ulp (x=${ref.x[at]}) mean=${mean.toFixed(3)} ulp`);
  assert.ok(max <= MAX_ULP, `${name}: max error ${max} ulp at x = ${ref.x[at]}`);
  assert.ok(mean <= MEAN_ULP, `${name}: mean error ${mean} ulp`);
}

test('vlog: within 1 ulp of the 50-digit references (random bit patterns, subnormals, [0.5, 2], near 1)', () => {
  check('log', 'vlogBatch');
});

test('vexp: within 1 ulp (overflow and gradual-underflow edges included)', () => {
  check('exp', 'vexpBatch');
});

test('vlog1p: within 1 ulp (both signs, tiny, near -1, up to 1e300)', () => {
  check('log1p', 'vlog1pBatch');
});

const same = (a, b) => Object.is(a, b) || (Number.isNaN(a) && Number.isNaN(b));
function specials(fn, cases) {
  // each case alone (lane 0 of an odd tail), and paired with an ordinary value in either lane
  for (const [x, want] of cases) {
    for (const [xs, at] of [[[x], 0], [[x, 0.75], 0], [[0.75, x], 1]]) {
      const got = run(fn, xs)[at];
      assert.ok(same(got, want), `${fn}(${x}) = ${got}, want ${want}`);
    }
  }
}

test('vlog: special values', () => {
  specials('vlogBatch', [
    [0, -Infinity], [-0, -Infinity], [-1, NaN], [-5e-324, NaN], [-Infinity, NaN], [Infinity, Infinity],
    [NaN, NaN], [1, 0], [2, Math.LN2], [0.5, -Math.LN2],
    [5e-324, -744.4400719213812], [2 ** -1022, -708.3964185322641], [2 ** -1074 * 3, -743.3414596327132],
    [Number.MAX_VALUE, 709.782712893384],
  ]);
});

test('vexp: special values, overflow, gradual underflow', () => {
  specials('vexpBatch', [
    [0, 1], [-0, 1], [NaN, NaN], [Infinity, Infinity], [-Infinity, 0], [1, Math.E],
    [709.782712893384, 1.7976931348622732e308], [709.7827128933841, Infinity], [710, Infinity], [1e300, Infinity],
    [-708.3964185322641, 2.2250738585072626e-308], // just above the least normal
    [-720, 2.0322308024e-313], [-745.1332191019411, 5e-324], [-745.14, 0], [-746, 0], [-1e300, 0],
    [1e-300, 1], [-1e-300, 1],
  ]);
});

test('vlog1p: special values, tiny arguments returned exactly', () => {
  specials('vlog1pBatch', [
    [0, 0], [-0, -0], [-1, -Infinity], [-1.0000000000000002, NaN], [-2, NaN], [-Infinity, NaN],
    [Infinity, Infinity], [NaN, NaN], [1, Math.LN2],
    [5e-324, 5e-324], [-5e-324, -5e-324], [1e-300, 1e-300], [-1e-300, -1e-300], [2 ** -60, 2 ** -60],
    [Number.MAX_VALUE, 709.782712893384],
  ]);
});

test('odd and empty lengths: the last element goes alone; n = 0 writes nothing', () => {
  const xs = [0.1, 0.2, 0.3, 4, 5];
  const all = run('vlogBatch', xs);
  for (let i = 0; i < xs.length; i++) assert.is(all[i], run('vlogBatch', [xs[i]])[0]);
  assert.is(run('vexpBatch', []).length, 0);
});

test.run();
