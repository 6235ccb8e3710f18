// A quick look at speed for the tour: a short warm-up, then batches of calls timed with
// performance.now() until a small time budget is spent; the median per-call time is reported.
// This is deliberately rough (a few hundred milliseconds per figure); `npm run bench` is the
// measurement (benchmark.js, many samples, every size).

import { performance } from 'node:perf_hooks';

/** Median microseconds per call of fn(), spending about budgetMs. */
export function quickTime(fn, budgetMs = 150) {
  // warm-up: let the JIT and the Wasm tier-up settle, and size the batches (>= ~2 ms each)
  let reps = 1;
  let t = 0;
  const warmEnd = performance.now() + Math.min(40, budgetMs / 3);
  while (performance.now() < warmEnd) {
    const a = performance.now();
    for (let i = 0; i < reps; i++) fn();
    t = performance.now() - a;
    if (t < 2) reps *= 2;
  }
  const samples = [];
  const end = performance.now() + budgetMs;
  while (performance.now() < end || samples.length < 5) {
    const a = performance.now();
    for (let i = 0; i < reps; i++) fn();
    samples.push(((performance.now() - a) * 1000) / reps);
  }
  samples.sort((p, q) => p - q);
  return samples[samples.length >> 1];
}
