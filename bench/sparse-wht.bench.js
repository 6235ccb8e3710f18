// sparseWht (SPRIGHT) on planted K-sparse spectra: samples used / (K n), our own time (wall time
// minus the time spent inside the oracle), and the exact-recovery rate (support and no spurious
// index), for n = 20, 40, 64 and K = 10, 100, 1000, noiseless and at 10 dB; plus the goal case
// n = 40, K = 100 at 10 dB. Usage: node bench/sparse-wht.bench.js [trials=20] [goalTrials=100]
import { init, sparseWht } from '../dist/index.js';
import { plant, oracle, sigmaFor } from '../tests/fixtures/wht/planted.js';

await init();

const trials = Number(process.argv[2] ?? 20);
const goalTrials = Number(process.argv[3] ?? 100);

async function measure(n, K, snr, T) {
  let ok = 0, samples = 0;
  const own = [];
  for (let t = 0; t < T; t++) {
    const pl = plant(n, K, 1000 * n + K + t);
    const clock = { calls: 0, ms: 0 };
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
