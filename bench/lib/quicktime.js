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

/**
 * Quick look at several functions doing the same job: they are timed in interleaved slices
 * (rounds, the starting one rotated), so a slow spell of a shared machine hits all of them alike.
 * Returns the median microseconds per call of each, in the order given.
 */
export function quickCompare(fns, budgetMs = 150 * fns.length, rounds = 5) {
  const reps = fns.map((fn) => {
    let r = 1;
    const end = performance.now() + 30;
    while (performance.now() < end) {
      const a = performance.now();
      for (let i = 0; i < r; i++) fn();
      if (performance.now() - a < 1) r *= 2;
    }
    return r;
  });
  const slice = budgetMs / rounds / fns.length;
  const perRound = fns.map(() => []);
  for (let r = 0; r < rounds; r++) {
    for (let j = 0; j < fns.length; j++) {
      const k = (j + r) % fns.length;
      const fn = fns[k];
      const samples = [];
      const end = performance.now() + slice;
      while (performance.now() < end || samples.length < 3) {
        const a = performance.now();
        for (let i = 0; i < reps[k]; i++) fn();
        samples.push(((performance.now() - a) * 1000) / reps[k]);
      }
      samples.sort((p, q) => p - q);
      perRound[k].push(samples[samples.length >> 1]);
    }
  }
  return perRound.map((s) => {
    s.sort((p, q) => p - q);
    return s[s.length >> 1];
  });
}
