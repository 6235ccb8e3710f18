// sparseWht (SPRIGHT) on planted K-sparse spectra: samples used / (K n), our own time (wall time
// minus the time spent inside the oracle), and the exact-recovery rate (support and no spurious
// index), for n = 20, 40, 64 and K = 10, 100, 1000, noiseless and at 10 dB; plus the goal case
// n = 40, K = 100 at 10 dB. Usage: node bench/sparse-wht.bench.js [trials=20] [goalTrials=100]
import { init, sparseWht } from '../dist/index.js';

await init();

const trials = Number(process.argv[2] ?? 20);
const goalTrials = Number(process.argv[3] ?? 100);

function rng(seed) {
  let s = seed >>> 0;
  return () => { s = (Math.imul(s, 1664525) + 1013904223) >>> 0; return s; };
}

function plant(n, K, seed) {
  const W = (n + 31) >>> 5, r = rng(seed);
  const ks = new Uint32Array(K * W), vals = new Float64Array(K), seen = new Set();
  for (let i = 0; i < K;) {
    for (let w = 0; w < W; w++) {
      let v = r();
      if (w === W - 1 && (n & 31)) v &= 0xFFFFFFFF >>> (32 - (n & 31));
      ks[i * W + w] = v;
    }
    const key = ks.slice(i * W, (i + 1) * W).join();
    if (seen.has(key)) continue;
    seen.add(key);
    vals[i] = (r() & 1 ? -1 : 1) * (1 + (r() >>> 8) / 16777216);
    i++;
  }
  return { n, W, ks, vals };
}

/** Bit-sliced oracle (32 samples per word) with optional Gaussian noise; counts its own time. */
function oracle(pl, sigma, seed, clock) {
  const { n, W, ks, vals } = pl;
  const K = vals.length;
  const bits = [];
  for (let i = 0; i < K; i++) {
    const list = [];
    for (let p = 0; p < n; p++) if ((ks[i * W + (p >>> 5)] >>> (p & 31)) & 1) list.push(p);
    bits.push(Int32Array.from(list));
  }
  const scale = 2 ** -n, g = rng(seed);
  const gauss = () => {
    const u = (g() + 1) / 4294967297, v = g() / 4294967296;
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  };
  const S = new Int32Array(n), acc = new Float64Array(32);
  return (idx, count) => {
    const t0 = performance.now();
    const out = new Float64Array(count);
    for (let s0 = 0; s0 < count; s0 += 32) {
      const m = Math.min(32, count - s0);
      S.fill(0);
      for (let s = 0; s < m; s++) {
        for (let w = 0; w < W; w++) {
          let v = idx[(s0 + s) * W + w];
          while (v) { const t = 31 - Math.clz32(v & -v); S[w * 32 + t] |= 1 << s; v &= v - 1; }
        }
      }
      acc.fill(0);
      for (let i = 0; i < K; i++) {
        const b = bits[i];
        let par = 0;
        for (let t = 0; t < b.length; t++) par ^= S[b[t]];
        const v = vals[i];
        for (let s = 0; s < m; s++) acc[s] += (par >>> s) & 1 ? -v : v;
      }
      for (let s = 0; s < m; s++) out[s0 + s] = acc[s] * scale + (sigma ? sigma * gauss() : 0);
    }
    clock.ms += performance.now() - t0;
    return out;
  };
}

function sigmaFor(pl, snrDb) {
  let e = 0;
  for (const v of pl.vals) e += v * v;
  return Math.sqrt(e / 2 ** (2 * pl.n) / 10 ** (snrDb / 10));
}

async function measure(n, K, snr, T) {
  let ok = 0, samples = 0;
  const own = [];
  for (let t = 0; t < T; t++) {
    const pl = plant(n, K, 1000 * n + K + t);
    const clock = { ms: 0 };
    const sigma = snr === null ? 0 : sigmaFor(pl, snr);
    const q = oracle(pl, sigma, 77 + t, clock);
    const t0 = performance.now();
    const res = await sparseWht(q, n, { sparsity: K, seed: t, noise: snr === null ? 0 : 'auto' });
    own.push(performance.now() - t0 - clock.ms);
    samples += res.samples;
    const want = new Set();
    for (let i = 0; i < K; i++) want.add(pl.ks.slice(i * pl.W, (i + 1) * pl.W).join());
    let hit = 0;
    for (let i = 0; i < res.values.length; i++) if (want.has(res.indices.slice(i * pl.W, (i + 1) * pl.W).join())) hit++;
    if (hit === K && res.values.length === K) ok++;
  }
  own.sort((a, b) => a - b);
  return {
    n, K, noise: snr === null ? 'none' : `${snr} dB`, trials: T,
    'samples/(Kn)': (samples / T / (K * n)).toFixed(1),
    'own ms median': own[T >> 1].toFixed(2),
    'own ms best': own[0].toFixed(2),
    success: `${ok}/${T}`,
  };
}

// warm-up (JIT) so the first row is not charged for compilation
await measure(20, 10, null, 3);
await measure(20, 10, 10, 3);

const rows = [];
for (const n of [20, 40, 64]) {
  for (const K of [10, 100, 1000]) {
    const T = K === 1000 ? Math.max(2, Math.ceil(trials / 5)) : trials;
    rows.push(await measure(n, K, null, T));
    rows.push(await measure(n, K, 10, T));
  }
}
console.table(rows);
const goal = await measure(40, 100, 10, goalTrials);
console.log('goal case n = 40, K = 100, 10 dB (target: >= 99% exact, < 100 K n samples, < 20 ms own time):');
console.table([goal]);
