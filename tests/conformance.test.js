// Tests of the conformance machinery itself (tests/conformance/): the hash encoding, the seeded
// inputs, the golden file's coverage, and that every public function is exercised by some case.

import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import * as sk from '../dist/index.js';
import { hashOutput, allCases, runCorpus, compareToGolden } from './conformance/corpus.js';
import { seedOf, xorshift32, f32s, f64s, specials, subnormals, nearOverflow, pow2, pow2neg } from './conformance/inputs.js';

const golden = JSON.parse(readFileSync(new URL('./conformance/golden.json', import.meta.url), 'utf8'));

function nodeHash(...parts) {
  const h = createHash('sha256');
  for (const p of parts) h.update(p);
  return h.digest('hex');
}

test('hashOutput: header then little-endian bytes, checked against node:crypto', async () => {
  const x = Float64Array.of(1, -0, 5e-324, Infinity);
  assert.is(await hashOutput(x), nodeHash('Float64Array[4];', Buffer.from(x.buffer)));
  const y = Float32Array.of(0.5, -2);
  assert.is(await hashOutput([x, y]),
    nodeHash('Float64Array[4];', Buffer.from(x.buffer), 'Float32Array[2];', Buffer.from(y.buffer)));
  // a number is hashed as a one-element Float64Array
  assert.is(await hashOutput(3), await hashOutput(Float64Array.of(3)));
});

test('hashOutput: NaN payload and sign are canonicalised, -0 and +0 are not', async () => {
  const a = new Float64Array(2);
  const u = new Uint32Array(a.buffer);
  u[0] = 1; u[1] = 0x7ff00000; // signalling-pattern NaN with payload 1
  u[2] = 0; u[3] = 0xfff80000; // negative quiet NaN (x86's default NaN)
  assert.is(await hashOutput(a), await hashOutput(Float64Array.of(NaN, NaN)));
  const f = new Float32Array(1);
  new Uint32Array(f.buffer)[0] = 0xffc00001;
  assert.is(await hashOutput(f), await hashOutput(Float32Array.of(NaN)));
  assert.is.not(await hashOutput(Float64Array.of(-0)), await hashOutput(Float64Array.of(0)));
  // same values, other precision: different hash
  assert.is.not(await hashOutput(Float32Array.of(1)), await hashOutput(Float64Array.of(1)));
  // Infinity is not a NaN
  assert.is.not(await hashOutput(Float64Array.of(Infinity)), await hashOutput(Float64Array.of(NaN)));
});

test('hashOutput rejects outputs that are not typed arrays or numbers', async () => {
  let threw = false;
  try { await hashOutput([[1, 2]]); } catch (e) { threw = e instanceof TypeError; }
  assert.ok(threw);
});

test('seedOf is FNV-1a 32 and xorshift32 is Marsaglia\'s (13, 17, 5)', () => {
  assert.is(seedOf(''), 0x811c9dc5);
  assert.is(seedOf('a'), 0xe40c292c);
  assert.is(seedOf('foobar'), 0xbf9cf968);
  const next = xorshift32(1);
  assert.equal([next(), next(), next()], [270369, 67634689, 2647435461]);
});

test('inputs are exact multiples of a power of two, in range, and reproducible', () => {
  const a = f32s(4096, 7);
  const b = f64s(4096, 7);
  for (let i = 0; i < a.length; i++) {
    assert.ok(Number.isInteger(a[i] * 8388608) && a[i] >= -1 && a[i] < 1);
    assert.ok(Number.isInteger(b[i] * 4503599627370496) && b[i] >= -1 && b[i] < 1);
  }
  assert.equal(Array.from(f64s(16, 9)), Array.from(f64s(16, 9)));
  assert.not.equal(Array.from(f64s(16, 9)), Array.from(f64s(16, 10)));
  assert.is(pow2neg(1074), Number.MIN_VALUE);
  assert.is(pow2(10), 1024);
});

test('specials contain every IEEE class; subnormals() and nearOverflow() are what they say', () => {
  for (const dt of ['f32', 'f64']) {
    const x = specials(dt, 4096, 3);
    const has = (p) => Array.prototype.some.call(x, p);
    assert.ok(has((v) => Number.isNaN(v)), `${dt} NaN`);
    assert.ok(has((v) => v === Infinity) && has((v) => v === -Infinity), `${dt} Inf`);
    assert.ok(has((v) => Object.is(v, -0)), `${dt} -0`);
    const minNormal = dt === 'f32' ? pow2neg(126) : pow2neg(1022);
    assert.ok(has((v) => v !== 0 && Math.abs(v) < minNormal), `${dt} subnormal`);
    assert.not.ok(Array.prototype.some.call(specials(dt, 4096, 3, { nan: false }), (v) => Number.isNaN(v)));
    assert.ok(Array.prototype.every.call(subnormals(dt, 512, 1), (v) => Math.abs(v) < minNormal));
    const big = dt === 'f32' ? pow2(120) : pow2(1000);
    assert.ok(Array.prototype.some.call(nearOverflow(dt, 64, 1), (v) => Math.abs(v) > big));
  }
});

test('case names are unique and golden.json has exactly the corpus\'s cases', () => {
  const names = allCases().map((c) => c.name);
  assert.is(new Set(names).size, names.length);
  assert.equal([...names].sort(), Object.keys(golden).sort(),
    'golden.json is stale: run `node tests/conformance/update-golden.js` and commit it');
});

test('compareToGolden reports mismatched, missing and extra cases', () => {
  const g = { a: '1', b: '2' };
  assert.ok(compareToGolden({ a: '1', b: '2' }, g).ok);
  const r = compareToGolden({ a: 'x', c: '3' }, g);
  assert.not.ok(r.ok);
  assert.equal(r.mismatched.map((m) => m.name), ['a']);
  assert.equal(r.missing, ['b']);
  assert.equal(r.extra, ['c']);
  assert.ok(compareToGolden({ a: '1' }, g, true).ok);
});

// Loading is covered by tests/conformance/scenarios.js in every runtime; every other export must
// be reached by at least one corpus case, so a family that adds a function must add its cases.
const LOADING = new Set(['init', 'initSync', 'isInitialized', 'NotInitializedError']);

test('every public function is called by some corpus case', async () => {
  await sk.init();
  const used = new Set();
  const tracked = {};
  for (const [name, value] of Object.entries(sk)) {
    tracked[name] = typeof value !== 'function' ? value : new Proxy(value, {
      apply(target, self, args) { used.add(name); return Reflect.apply(target, self, args); },
      construct(target, args) { used.add(name); return Reflect.construct(target, args); },
    });
  }
  const hashes = await runCorpus(tracked);
  const unused = Object.keys(sk).filter((n) => typeof sk[n] === 'function' && !LOADING.has(n) && !used.has(n));
  assert.equal(unused, [], `public functions with no conformance case: ${unused.join(', ')}`);
  const errors = Object.entries(hashes).filter(([, h]) => h.startsWith('error'));
  assert.equal(errors, [], 'corpus cases threw');
  // and in Node the hashes equal the golden file
  const cmp = compareToGolden(hashes, golden);
  assert.ok(cmp.ok, `differs from golden: ${cmp.mismatched.slice(0, 5).map((m) => m.name).join(', ')}`);
});

test.run();
