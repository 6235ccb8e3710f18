// sparseWht (SPRIGHT) on planted K-sparse Walsh spectra: exact noiseless recovery, agreement with
// the dense fwht where n <= 20, support recovery under Gaussian noise, and bad input.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { init, sparseWht, fwht } from '../dist/index.js';
import { rng, plant, oracle, sigmaFor } from './fixtures/wht/planted.js';

await init();

function supportMap(pl) {
  const m = new Map();
  for (let i = 0; i < pl.vals.length; i++) m.set(pl.ks.slice(i * pl.W, (i + 1) * pl.W).join(), pl.vals[i]);
  return m;
}

/** Number of planted coefficients recovered, spurious ones, and the largest value error. */
function score(pl, res) {
  const want = supportMap(pl);
  let hit = 0, extra = 0, err = 0;
  for (let i = 0; i < res.values.length; i++) {
    const key = Array.from(res.indices.subarray(i * pl.W, (i + 1) * pl.W)).join();
    if (want.has(key)) { hit++; err = Math.max(err, Math.abs(want.get(key) - res.values[i])); } else extra++;
  }
  return { hit, extra, err };
}

// ---- noiseless exact recovery --------------------------------------------------------------

test('noiseless: exact recovery for n in {10,20,40,64,128}, K in {1,10,100,1000}, K <= 2^(n/2)', async () => {
  for (const n of [10, 20, 40, 64, 128]) {
    for (const K of [1, 10, 100, 1000]) {
      if (K > 2 ** (n / 2)) continue;
      const pl = plant(n, K, 31 * n + K);
      const res = await sparseWht(oracle(pl), n, { sparsity: K, seed: n + K });
      const s = score(pl, res);
      assert.is(s.hit, K, `n=${n} K=${K}: all recovered`);
      assert.is(s.extra, 0, `n=${n} K=${K}: nothing spurious`);
      assert.ok(s.err <= 1e-12, `n=${n} K=${K}: values (err ${s.err})`);
      assert.is(res.indices.length, K * pl.W);
      assert.ok(res.residual <= 1e-20 * K, `n=${n} K=${K}: residual ${res.residual}`);
      assert.ok(res.samples < 12 * K * n + 64 * n, `n=${n} K=${K}: ${res.samples} samples`);
    }
  }
});

test('n = 200 and 256 (several words per index); an underestimated K takes more rounds', async () => {
  for (const [n, K] of [[200, 30], [256, 10], [33, 20]]) {
    const pl = plant(n, K, n);
    const res = await sparseWht(oracle(pl), n, { sparsity: K, seed: 1 });
    const s = score(pl, res);
    assert.is(s.hit, K, `n=${n}`);
    assert.is(s.extra, 0, `n=${n}`);
    assert.is(res.indices.length, K * Math.ceil(n / 32));
  }
  const pl = plant(30, 40, 3);
  const under = await sparseWht(oracle(pl), 30, { sparsity: 8, seed: 2 });
  assert.is(score(pl, under).hit, 40, 'all 40 found with sparsity 8');
  assert.ok(under.rounds > 1, `rounds ${under.rounds}`);
  // a budget of one round leaves energy unexplained, and says so
  const perRound = 3 * 8 * 31;
  const cut = await sparseWht(oracle(pl), 30, { sparsity: 8, seed: 2, maxSamples: perRound });
  assert.is(cut.samples, perRound);
  assert.is(cut.rounds, 1);
  assert.ok(cut.residual > 1, `residual ${cut.residual}`);
});

test('against the dense fwht for n <= 20 (oracle reads a dense signal)', async () => {
  for (const [n, K] of [[12, 8], [16, 40], [20, 1], [20, 10], [20, 100], [20, 1000]]) {
    const pl = plant(n, K, 5 * n + K);
    const N = 1 << n;
    const X = new Float64Array(N);
    for (let i = 0; i < K; i++) X[pl.ks[i]] = pl.vals[i];
    const x = fwht(X, { norm: 'forward' }); // x = H X / N
    const query = (idx, count) => Float64Array.from({ length: count }, (_, s) => x[idx[s]]);
    const res = await sparseWht(query, n, { sparsity: K, seed: 9 });
    const full = fwht(x); // the dense spectrum of the same signal
    const got = new Float64Array(N);
    for (let i = 0; i < res.values.length; i++) got[res.indices[i]] = res.values[i];
    let maxErr = 0, nz = 0;
    for (let k = 0; k < N; k++) {
      if (Math.abs(full[k]) > 1e-9) nz++;
      maxErr = Math.max(maxErr, Math.abs(full[k] - got[k]));
    }
    assert.is(nz, K);
    assert.is(res.values.length, K, `n=${n} K=${K}`);
    assert.ok(maxErr < 1e-9, `n=${n} K=${K}: max |dense - sparse| = ${maxErr}`);
    const sorted = Array.from(res.indices);
    assert.equal(sorted, [...sorted].sort((a, b) => a - b), 'indices ascending');
  }
});

test('small n reads every sample and matches fwht (n = 1..8, any K)', async () => {
  for (let n = 1; n <= 8; n++) {
    const N = 1 << n;
    const r = rng(n);
    const x = Float64Array.from({ length: N }, () => (r() % 7) - 3);
    const full = fwht(x);
    const res = await sparseWht((idx, c) => Float64Array.from({ length: c }, (_, s) => x[idx[s]]), n, { sparsity: N });
    assert.is(res.samples, N);
    const got = new Float64Array(N);
    for (let i = 0; i < res.values.length; i++) got[res.indices[i]] = res.values[i];
    for (let k = 0; k < N; k++) assert.ok(Math.abs(got[k] - full[k]) < 1e-12, `n=${n} k=${k}`);
  }
});

test('deterministic by seed; random delays work noiseless; async oracle; progress reports', async () => {
  const pl = plant(40, 30, 2);
  const a = await sparseWht(oracle(pl), 40, { sparsity: 30, seed: 11 });
  const b = await sparseWht(oracle(pl), 40, { sparsity: 30, seed: 11 });
  assert.equal(Array.from(a.indices), Array.from(b.indices));
  assert.equal(Array.from(a.values), Array.from(b.values));
  const events = [];
  const q = oracle(pl);
  const c = await sparseWht(async (idx, cnt) => q(idx, cnt), 40, {
    sparsity: 30, seed: 12, delays: 'random', repeats: 2, onProgress: (e) => events.push(e),
  });
  assert.is(score(pl, c).hit, 30);
  assert.is(score(pl, c).extra, 0);
  assert.ok(events.length >= 3 && events.at(-1).samples === c.samples, 'progress per group');
});

// ---- noise ---------------------------------------------------------------------------------


const rates = {};
for (const snr of [20, 10, 5]) {
  test(`noisy support recovery at n = 20, K = 50, SNR ${snr} dB over 100 seeded trials`, async () => {
    let ok = 0;
    for (let t = 0; t < 100; t++) {
      const pl = plant(20, 50, 7000 + t);
      const res = await sparseWht(oracle(pl, sigmaFor(pl, snr), 100 + t), 20, { sparsity: 50, noise: 'auto', seed: t });
      const s = score(pl, res);
      if (s.hit === 50 && s.extra === 0) ok++;
    }
    rates[snr] = ok;
    assert.ok(ok >= 95, `support recovered in ${ok}/100 trials`);
  });
}

test('known noise level works as well as auto', async () => {
  let ok = 0;
  for (let t = 0; t < 20; t++) {
    const pl = plant(20, 50, 9000 + t);
    const sigma = sigmaFor(pl, 10);
    const res = await sparseWht(oracle(pl, sigma, t), 20, { sparsity: 50, noise: sigma, seed: t });
    const s = score(pl, res);
    if (s.hit === 50 && s.extra === 0) ok++;
  }
  assert.ok(ok >= 19, `${ok}/20`);
});

// ---- bad input ------------------------------------------------------------------------------

test('bad input throws clearly', async () => {
  const q = (idx, c) => new Float64Array(c);
  const rejects = async (fn, check, what) => {
    try { await fn(); } catch (e) { assert.ok(check(e), `${what}: ${e && e.message}`); return; }
    assert.unreachable(`${what}: did not throw`);
  };
  await rejects(() => sparseWht(q, 0), (e) => e instanceof RangeError && /`n`/.test(e.message) && /Value: `0`/.test(e.message), 'n = 0');
  await rejects(() => sparseWht(q, -3), (e) => e instanceof RangeError && /`n`/.test(e.message), 'n < 0');
  await rejects(() => sparseWht(q, 2.5), (e) => e instanceof TypeError && /`n`/.test(e.message), 'n not integer');
  await rejects(() => sparseWht(q, 20, { sparsity: 0 }), (e) => e instanceof RangeError && /opts\.sparsity/.test(e.message), 'K = 0');
  await rejects(() => sparseWht(q, 20, { sparsity: -1 }), (e) => e instanceof RangeError && /opts\.sparsity/.test(e.message), 'K < 0');
  await rejects(() => sparseWht('f', 20), (e) => e instanceof TypeError && /`query`/.test(e.message), 'query not a function');
  await rejects(() => sparseWht((i, c) => new Float64Array(c - 1), 20, { sparsity: 4 }),
    (e) => e instanceof RangeError && /`query`/.test(e.message) && /returned \d+/.test(e.message), 'wrong length');
  await rejects(() => sparseWht((i, c) => new Float64Array(c).fill(NaN), 20, { sparsity: 4 }),
    (e) => e instanceof RangeError && /`query`/.test(e.message) && /finite/.test(e.message) && /NaN/.test(e.message), 'NaN values');
  await rejects(() => sparseWht((i, c) => { const v = new Float64Array(c); v[5] = Infinity; return v; }, 20, { sparsity: 4 }),
    (e) => e instanceof RangeError && /Infinity/.test(e.message), 'Inf value');
  await rejects(() => sparseWht((i, c) => Array.from({ length: c }, () => 0), 20, { sparsity: 4 }),
    (e) => e instanceof TypeError && /Float64Array/.test(e.message), 'plain array');
  await rejects(() => sparseWht(q, 20, { noise: -1 }), (e) => e instanceof RangeError && /opts\.noise/.test(e.message), 'noise < 0');
  await rejects(() => sparseWht(q, 20, { noise: 'loud' }), (e) => e instanceof TypeError && /opts\.noise/.test(e.message), 'noise string');
  await rejects(() => sparseWht(q, 20, { delays: 'gray' }), (e) => e instanceof RangeError && /opts\.delays/.test(e.message), 'delays');
  await rejects(() => sparseWht(q, 20, { sparsity: 100, maxSamples: 1000 }), (e) => e instanceof RangeError && /opts\.maxSamples/.test(e.message), 'maxSamples too small');
  await rejects(() => sparseWht(q, 40, { sparsity: 2 ** 28 }), (e) => e instanceof RangeError && /opts\.sparsity/.test(e.message), 'K too large for the front end');
  await rejects(() => sparseWht(q, 30, { sparsity: 2 ** 27 }), (e) => e instanceof RangeError && /opts\.sparsity/.test(e.message), 'K so large that 2^30 samples would be read');
  await rejects(() => sparseWht(q, 20, { seed: -2 }), (e) => e instanceof RangeError && /opts\.seed/.test(e.message), 'seed');
  const ac = new AbortController();
  ac.abort(new Error('stop now'));
  await rejects(() => sparseWht(q, 20, { signal: ac.signal }), (e) => /stop now/.test(e.message), 'pre-aborted');
  const ac2 = new AbortController();
  let calls = 0;
  await rejects(() => sparseWht((i, c) => { if (++calls === 2) ac2.abort(); return new Float64Array(c); }, 30, { sparsity: 8, signal: ac2.signal }),
    (e) => e.name === 'AbortError' && calls === 2, 'aborted between groups');
});

test.after(() => {
  if (Object.keys(rates).length) console.log(`  sparseWht n=20 K=50 support recovery /100: 20 dB ${rates[20]}, 10 dB ${rates[10]}, 5 dB ${rates[5]}`);
});

test.run();
