// SPRIGHT: the K-sparse Walsh spectrum of a signal on {0,1}^n from O(K n) of its samples.
// (X. Li, J. K. Bradley, S. Pawar, K. Ramchandran, "SPRIGHT: A Fast and Robust Framework for
// Sparse Walsh-Hadamard Transform", arXiv:1508.06336; noiseless front end after R. Scheibler,
// S. Haghighatshoar, M. Vetterli, "A Fast Hadamard Transform for Signals with Sub-linear
// Sparsity in the Transform Domain", 2013.)
//
// Convention: X[k] = sum_m (-1)^<k,m> x[m] over m in F2^n (natural order, unnormalised forward,
// as fwht), so x[m] = 2^-n sum_k X[k] (-1)^<k,m>. An index is n bits stored little-endian in
// words = ceil(n/32) 32-bit words: bit i of the index is bit (i mod 32) of word floor(i/32).
//
// Front end. Group c has a random full-rank hashing matrix M_c in F2^(n x b) and shares the
// delays d in D. Its samples u_(c,d)[l] = x[M_c l + d], l in F2^b, B = 2^b, have the B-point WHT
//   U_(c,d)[j] = (B/N) sum_(k : M_c^T k = j) X[k] (-1)^<k,d>            (aliasing property),
// computed in Wasm (batched f64 fwht). Bin j of group c is a zero-ton, a singleton or a multiton.
// Delays: 'identity' uses d in {0, e_1..e_n} (the noiseless scheme: the sign of U_(e_p)/U_0 is
// bit p of k); 'random' uses R = repeats random offsets d_r and d_r + e_p, and reads bit p as
// the sign of sum_r U_(d_r) U_(d_r + e_p) (a soft majority vote over the offsets, robust to
// Gaussian noise). A candidate singleton (k, a) is accepted when M_c^T k = j and the residual
// sum_d (U_d - a (-1)^<k,d>)^2 is at noise level (chi-square bound); it is then peeled from
// its bin in every group, and the sweep repeats until no bin changes. Bins left unexplained
// trigger a fresh round (new hashes and offsets) with the found coefficients subtracted.

import { getCore } from './init.js';
import { stage, viewF64 } from './memory.js';
import { typeError, rangeError, checkPositiveInt, checkOpts, describe } from './errors.js';

export type SparseQuery = (indices: Uint32Array, count: number) => Float64Array | Promise<Float64Array>;

export interface SparseWhtProgress {
  round: number;
  group: number;
  samples: number;
  found: number;
}

export interface SparseWhtOptions {
  /** K, the number of non-zero coefficients or an upper bound on it (default 1). */
  sparsity?: number;
  /** Standard deviation of additive noise on each sample, or 'auto' to estimate it (default 0). */
  noise?: number | 'auto';
  /** Integer seed of the hashing matrices and offsets (default 0). */
  seed?: number;
  /** Number of subsampling groups C (default 3). */
  groups?: number;
  /** 'identity' (noiseless scheme, default when noise is 0) or 'random' (robust scheme). */
  delays?: 'identity' | 'random';
  /** Random offsets per group in the 'random' scheme (default 1 noiseless, else 8: at n = 20,
   *  K = 50 that recovers the support in 100/100 trials at 5 dB and 99/100 at 2 dB). */
  repeats?: number;
  /** Upper bound on oracle samples; rounds stop before exceeding it. */
  maxSamples?: number;
  /** Most front-end rounds (default 6). */
  maxRounds?: number;
  signal?: AbortSignal;
  onProgress?: (p: SparseWhtProgress) => void;
}

export interface SparseWhtResult {
  /** Recovered support, words = ceil(n/32) little-endian words per index, sorted ascending. */
  indices: Uint32Array;
  /** X[k] for each recovered index (unnormalised forward convention). */
  values: Float64Array;
  /** Oracle samples used. */
  samples: number;
  /** Front-end rounds run. */
  rounds: number;
  /** Spectral energy sum X^2 left unexplained in the last round's bins (noise energy included). */
  residual: number;
}

// ---- seeded integer generator: xoshiro128** (Blackman, Vigna) seeded by splitmix32 ----------

class Rng {
  private s0: number; private s1: number; private s2: number; private s3: number;
  constructor(lo: number, hi: number) {
    let z = (lo ^ Math.imul(hi, 0x9E3779B9)) >>> 0;
    const next = () => {
      z = (z + 0x9E3779B9) >>> 0;
      let t = z ^ (z >>> 16);
      t = Math.imul(t, 0x21F0AAAD);
      t ^= t >>> 15;
      t = Math.imul(t, 0x735A2D97);
      return (t ^ (t >>> 15)) >>> 0;
    };
    this.s0 = next(); this.s1 = next(); this.s2 = next(); this.s3 = next() | 1;
  }
  u32(): number {
    const r = Math.imul(rotl(Math.imul(this.s1, 5), 7), 9) >>> 0;
    const t = this.s1 << 9;
    this.s2 ^= this.s0; this.s3 ^= this.s1; this.s1 ^= this.s2; this.s0 ^= this.s3;
    this.s2 ^= t; this.s3 = rotl(this.s3, 11);
    return r;
  }
}
function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}

function popcount32(v: number): number {
  v = v - ((v >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (Math.imul((v + (v >>> 4)) & 0x0F0F0F0F, 0x01010101) >>> 24);
}

/** Parity of <a, b> for index vectors stored at offsets ia, ib. */
function dot(a: Uint32Array, ia: number, b: Uint32Array, ib: number, words: number): number {
  let x = 0;
  for (let w = 0; w < words; w++) x ^= a[ia + w] & b[ib + w];
  return popcount32(x) & 1;
}

/** Random n-bit vector (top word masked). */
function randomVector(rng: Rng, n: number, dst: Uint32Array, at: number): void {
  const words = (n + 31) >>> 5;
  for (let w = 0; w < words; w++) dst[at + w] = rng.u32();
  const r = n & 31;
  if (r) dst[at + words - 1] &= 0xFFFFFFFF >>> (32 - r);
}

/** b random columns of n bits, linearly independent over F2 (so the B sample points of a
 *  delay are distinct and the hash is balanced). */
function hashingMatrix(rng: Rng, n: number, b: number): Uint32Array {
  const words = (n + 31) >>> 5;
  const cols = new Uint32Array(b * words);
  const basis: Uint32Array[] = []; // echelon rows for the rank test, pivot = lowest set bit
  const pivots: number[] = [];
  for (let i = 0; i < b;) {
    randomVector(rng, n, cols, i * words);
    const v = cols.slice(i * words, (i + 1) * words);
    for (let r = 0; r < basis.length; r++) {
      const p = pivots[r];
      if ((v[p >>> 5] >>> (p & 31)) & 1) for (let w = 0; w < words; w++) v[w] ^= basis[r][w];
    }
    let p = -1;
    for (let w = 0; w < words && p < 0; w++) if (v[w]) p = w * 32 + (31 - Math.clz32(v[w] & -v[w]));
    if (p < 0) continue; // dependent: draw again
    basis.push(v);
    pivots.push(p);
    i++;
  }
  return cols;
}


function abortError(signal: AbortSignal): unknown {
  if (signal.reason !== undefined) return signal.reason;
  const e = new Error('spectrakit: sparseWht was aborted');
  e.name = 'AbortError';
  return e;
}

/** 2^e exactly, for integer e (repeated doubling: no pow in a numeric path). */
function pow2(e: number): number {
  let r = 1;
  if (e >= 0) for (let i = 0; i < e; i++) r *= 2;
  else for (let i = 0; i < -e; i++) r /= 2;
  return r;
}

interface Found { key: string; k: Uint32Array; a: number } // a: coefficient X[k]

// Largest single oracle call: one group's samples, or every sample of a small-n dense pass.
const MAX_QUERY = 2 ** 26;
const MAX_DENSE = 2 ** 26;

/**
 * Recovers the K-sparse Walsh spectrum X of x over {0,1}^n from samples x[m] returned by the
 * batched oracle `query(indices, count)`. Returns the support, the coefficients, the number of
 * samples used, the rounds run, and the unexplained energy.
 */
export async function sparseWht(query: SparseQuery, n: number, opts?: SparseWhtOptions): Promise<SparseWhtResult> {
  if (typeof query !== 'function') throw typeError('query', 'a function (indices, count) => Float64Array', query);
  checkPositiveInt('n', n, 1 << 20);
  const o = checkOpts<SparseWhtOptions>(opts);
  const K = o.sparsity === undefined ? 1 : checkPositiveInt('opts.sparsity', o.sparsity);
  const C = o.groups === undefined ? 3 : checkPositiveInt('opts.groups', o.groups, 64);
  let noise: number | 'auto' = 0;
  if (o.noise !== undefined) {
    if (o.noise === 'auto') noise = 'auto';
    else if (typeof o.noise !== 'number') throw typeError('opts.noise', "a standard deviation (number) or 'auto'", o.noise);
    else if (!(o.noise >= 0) || !Number.isFinite(o.noise)) throw rangeError('opts.noise', "a finite number >= 0 or 'auto'", o.noise);
    else noise = o.noise;
  }
  const delays = o.delays === undefined ? (noise === 0 ? 'identity' : 'random') : o.delays;
  if (delays !== 'identity' && delays !== 'random') throw rangeError('opts.delays', "'identity' or 'random'", delays);
  const R = o.repeats === undefined ? (noise === 0 ? 1 : 8) : checkPositiveInt('opts.repeats', o.repeats, 4096);
  let seedLo = 0, seedHi = 0;
  if (o.seed !== undefined) {
    if (typeof o.seed !== 'number' || !Number.isInteger(o.seed)) throw typeError('opts.seed', 'an integer', o.seed);
    if (o.seed < 0 || o.seed > Number.MAX_SAFE_INTEGER) throw rangeError('opts.seed', 'an integer in [0, 2^53)', o.seed);
    seedLo = o.seed >>> 0;
    seedHi = Math.floor(o.seed / 4294967296) >>> 0;
  }
  const maxSamples = o.maxSamples === undefined ? Infinity : checkPositiveInt('opts.maxSamples', o.maxSamples, Number.MAX_SAFE_INTEGER);
  const maxRounds = o.maxRounds === undefined ? 6 : checkPositiveInt('opts.maxRounds', o.maxRounds, 1000);
  const signal = o.signal;
  if (signal !== undefined && (typeof signal !== 'object' || signal === null || typeof (signal as AbortSignal).aborted !== 'boolean')) {
    throw typeError('opts.signal', 'an AbortSignal', signal);
  }
  const onProgress = o.onProgress;
  if (onProgress !== undefined && typeof onProgress !== 'function') throw typeError('opts.onProgress', 'a function', onProgress);
  if (signal?.aborted) throw abortError(signal);

  const words = (n + 31) >>> 5;
  const rng = new Rng(seedLo, seedHi);

  // B = 2^b, the smallest power of two >= K (K/B in (1/2, 1], far below the peeling threshold
  // of about 2.45 for three groups), at least 4.
  let b = 2;
  while ((1 << b) < K && b < 30) b++;
  const P = R * (n + 1);
  const perRound = C * (1 << b) * P;
  const N = n <= 52 ? pow2(n) : Infinity;
  if (b >= n || N <= perRound) {
    if (N > MAX_DENSE) throw rangeError('opts.sparsity', `a sparsity for which 2^n = ${N} samples are not needed (n = ${n}); at most about 2^n / (${C} (n + 1) repeats)`, K);
    return dense(query, n, noise, maxSamples, signal);
  }
  if (P * (1 << b) > MAX_QUERY) {
    throw rangeError('opts.sparsity', `a sparsity whose front end fits: 2^b * repeats * (n + 1) = ${P * (1 << b)} samples per group exceeds ${MAX_QUERY}`, K);
  }
  if (perRound > maxSamples) {
    throw rangeError('opts.maxSamples', `at least ${perRound} (one round: groups * 2^b * repeats * (n + 1))`, maxSamples);
  }
  let B = 1 << b;
  let roundCost = perRound;

  const found = new Map<string, Found>();
  let samples = 0, rounds = 0, residual = 0;
  let unit = pow2(n - b); // N / B: U-domain amplitude to X

  for (let round = 0; round < maxRounds; round++) {
    if (samples + roundCost > maxSamples) break;
    rounds++;
    const foundBefore = found.size;
    // front end: hashing matrices, offsets, samples, B-point transforms
    const Ms: Uint32Array[] = [];
    const U: Float64Array[] = [];
    const offsets = new Uint32Array(R * words);
    for (let r = 0; r < R; r++) {
      if (delays === 'random') randomVector(rng, n, offsets, r * words);
    }
    for (let c = 0; c < C; c++) {
      const M = hashingMatrix(rng, n, b);
      Ms.push(M);
      // M l for every l, by Gray code (one column xor per step)
      const ml = new Uint32Array(B * words);
      const cur = new Uint32Array(words);
      for (let g = 1; g < B; g++) {
        const bit = 31 - Math.clz32(g & -g);
        for (let w = 0; w < words; w++) cur[w] ^= M[bit * words + w];
        const l = g ^ (g >>> 1);
        ml.set(cur, l * words);
      }
      const idx = new Uint32Array(P * B * words);
      for (let r = 0; r < R; r++) {
        for (let p = 0; p <= n; p++) {
          const row = (r * (n + 1) + p) * B * words;
          for (let l = 0; l < B; l++) {
            const at = row + l * words;
            for (let w = 0; w < words; w++) idx[at + w] = ml[l * words + w] ^ offsets[r * words + w];
            if (p > 0) idx[at + ((p - 1) >>> 5)] ^= 1 << ((p - 1) & 31);
          }
        }
      }
      if (signal?.aborted) throw abortError(signal);
      const vals = await query(idx, P * B);
      if (signal?.aborted) throw abortError(signal);
      checkSamples(vals, P * B);
      samples += P * B;
      // delay-major transforms to bin-major rows: every per-bin loop below reads contiguously
      const T = transformBatch(vals, B, P);
      const bins = new Float64Array(P * B);
      for (let d = 0; d < P; d++) for (let j = 0; j < B; j++) bins[j * P + d] = T[d * B + j];
      U.push(bins);
      onProgress?.({ round: rounds, group: c, samples, found: found.size });
    }

    // bins to (re)examine: all at first, then only those a peel touched
    const dirty = new Uint8Array(C * B).fill(1);
    // subtract what earlier rounds found
    for (const f of found.values()) peel(f.k, U, Ms, offsets, B, n, words, R, f.a / unit, dirty);

    // noise level in the U domain: sample variance sigma^2 gives B sigma^2 per bin and delay
    let energyAll = 0;
    const binEnergy = new Float64Array(C * B);
    for (let c = 0; c < C; c++) {
      const u = U[c];
      for (let j = 0; j < B; j++) {
        let e = 0;
        for (let d = 0; d < P; d++) { const v = u[j * P + d]; e += v * v; }
        binEnergy[c * B + j] = e;
        energyAll += e;
      }
    }
    let var0: number;
    if (noise === 'auto') {
      // the lower quartile of bin energies is noise alone when most bins are zero-tons
      const sorted = Float64Array.from(binEnergy).sort();
      const q = sorted[Math.floor(sorted.length / 4)] / P;
      var0 = q / Math.max(0.25, 1 - 0.6745 * Math.sqrt(2 / P));
    } else {
      var0 = B * noise * noise;
    }
    // floating-point floor: sums of B samples rounded in f64
    const floor = 1e-24 * energyAll / (C * P) + 1e-300;
    const sigma2 = Math.max(var0, floor);
    const zeroTh = P * sigma2 + 5 * Math.sqrt(2 * P) * sigma2;
    const singleTh = (P - 1) * sigma2 + 5 * Math.sqrt(2 * P) * sigma2;

    // peeling
    const kbuf = new Uint32Array(words);
    let changed = true;
    while (changed) {
      changed = false;
      for (let c = 0; c < C; c++) {
        const u = U[c];
        for (let j = 0; j < B; j++) {
          if (!dirty[c * B + j]) continue;
          dirty[c * B + j] = 0;
          let e = 0;
          for (let d = 0; d < P; d++) { const v = u[j * P + d]; e += v * v; }
          if (e <= zeroTh) continue;
          const a = decode(u, j, B, n, words, R, offsets, delays, kbuf);
          if (a === 0) continue;
          // residual test: the singleton must explain every delay
          let res = 0;
          for (let r = 0; r < R; r++) {
            const base = dot(kbuf, 0, offsets, r * words, words);
            for (let p = 0; p <= n; p++) {
              const s = p === 0 ? base : base ^ ((kbuf[(p - 1) >>> 5] >>> ((p - 1) & 31)) & 1);
              const v = u[j * P + r * (n + 1) + p] - (s ? -a : a);
              res += v * v;
            }
          }
          if (res > singleTh) continue;
          // hash consistency: M_c^T k must be j
          if (hashOf(Ms[c], kbuf, b, words) !== j) continue;
          const key = keyOf(kbuf);
          const prev = found.get(key);
          const f: Found = prev ?? { key, k: kbuf.slice(), a: 0 };
          f.a += a * unit;
          if (prev === undefined) found.set(key, f);
          peel(f.k, U, Ms, offsets, B, n, words, R, a, dirty);
          if (f.a === 0) found.delete(key);
          changed = true;
        }
      }
    }
    // unexplained energy, in X^2 units: each group's bins hold every coefficient once
    let left = 0;
    let worst = 0; // most unexplained bins in one group
    for (let c = 0; c < C; c++) {
      const u = U[c];
      let count = 0;
      for (let j = 0; j < B; j++) {
        let e = 0;
        for (let d = 0; d < P; d++) { const v = u[j * P + d]; e += v * v; }
        left += e;
        if (e > zeroTh) count++;
      }
      worst = Math.max(worst, count);
    }
    residual = left / (C * P) * unit * unit;
    if (worst === 0) break;
    // Bins left over: coefficients that collide in every group (a stopping set), or more than
    // K of them. Found ones are subtracted in the next round, so without noise it only has to
    // hash the rest: B' >= 2 x (unexplained bins of a group). Under noise B stays (a bin's noise,
    // in X units N^2 sigma^2 / B, grows as B shrinks). Twice B when this round found nothing.
    // Capped at b <= n - 2 (still a subsampling).
    let nb = 2;
    while ((1 << nb) < 2 * worst && nb < 26) nb++;
    if (noise !== 0) nb = Math.max(nb, b);
    if (found.size === foundBefore) nb = Math.max(nb, b + 1);
    b = Math.min(nb, n - 2, 26);
    B = 1 << b;
    unit = pow2(n - b);
    roundCost = C * B * P;
  }

  const list = [...found.values()].filter((f) => f.a !== 0);
  list.sort((x, y) => compareIdx(x.k, y.k));
  const indices = new Uint32Array(list.length * words);
  const values = new Float64Array(list.length);
  list.forEach((f, i) => { indices.set(f.k, i * words); values[i] = f.a; });
  return { indices, values, samples, rounds, residual };
}

function compareIdx(a: Uint32Array, b: Uint32Array): number {
  for (let w = a.length - 1; w >= 0; w--) if (a[w] !== b[w]) return a[w] - b[w];
  return 0;
}

function keyOf(k: Uint32Array): string {
  let s = '';
  for (let w = 0; w < k.length; w++) s += k[w].toString(16) + ',';
  return s;
}

function hashOf(M: Uint32Array, k: Uint32Array, b: number, words: number): number {
  let j = 0;
  for (let i = 0; i < b; i++) j |= dot(M, i * words, k, 0, words) << i;
  return j >>> 0;
}

function checkSamples(vals: unknown, count: number): asserts vals is Float64Array {
  if (!(vals instanceof Float64Array)) {
    throw typeError('query', `a function returning a Float64Array (or a Promise of one); it returned ${describe(vals)}`, vals);
  }
  if (vals.length !== count) {
    throw rangeError('query', `a function returning ${count} values for ${count} indices; it returned ${vals.length}`, vals);
  }
  for (let i = 0; i < count; i++) {
    if (!Number.isFinite(vals[i])) {
      throw rangeError('query', `a function returning finite values; value ${i} is ${vals[i]}`, vals);
    }
  }
}

/** P contiguous B-point WHTs in Wasm (f64, unnormalised). */
function transformBatch(vals: Float64Array, B: number, P: number): Float64Array {
  const c = getCore();
  const ptr = stage(vals.length * 8);
  viewF64().set(vals, ptr / 8);
  c.whtExec(ptr, ptr, B, 1, P, 8, 0, 1);
  const out = new Float64Array(vals.length);
  const v = viewF64();
  out.set(v.subarray(ptr / 8, ptr / 8 + vals.length));
  return out;
}

/**
 * Reads the index of bin j as if it were a singleton; returns its U-domain amplitude a (0 when
 * the delays say it cannot be one) and the index in kbuf.
 */
function decode(u: Float64Array, j: number, B: number, n: number, words: number, R: number,
                offsets: Uint32Array, delays: string, kbuf: Uint32Array): number {
  const P = R * (n + 1);
  kbuf.fill(0);
  for (let p = 1; p <= n; p++) {
    let s = 0;
    for (let r = 0; r < R; r++) {
      const row = j * P + r * (n + 1);
      s += u[row] * u[row + p];
    }
    if (s < 0) kbuf[(p - 1) >>> 5] |= 1 << ((p - 1) & 31);
    else if (s === 0 && delays === 'identity') return 0;
  }
  // amplitude: mean of the sign-corrected observations over every delay
  let acc = 0;
  for (let r = 0; r < R; r++) {
    const base = dot(kbuf, 0, offsets, r * words, words);
    for (let p = 0; p <= n; p++) {
      const s = p === 0 ? base : base ^ ((kbuf[(p - 1) >>> 5] >>> ((p - 1) & 31)) & 1);
      const v = u[j * P + r * (n + 1) + p];
      acc += s ? -v : v;
    }
  }
  return acc / (R * (n + 1));
}

/** Removes amplitude a (U domain) of index k from its bin in every group. */
function peel(k: Uint32Array, U: Float64Array[], Ms: Uint32Array[], offsets: Uint32Array, B: number,
              n: number, words: number, R: number, a: number, dirty: Uint8Array): void {
  const b = 31 - Math.clz32(B);
  const P = R * (n + 1);
  for (let c = 0; c < U.length; c++) {
    const j = hashOf(Ms[c], k, b, words);
    dirty[c * B + j] = 1;
    const u = U[c];
    for (let r = 0; r < R; r++) {
      const base = dot(k, 0, offsets, r * words, words);
      for (let p = 0; p <= n; p++) {
        const s = p === 0 ? base : base ^ ((k[(p - 1) >>> 5] >>> ((p - 1) & 31)) & 1);
        u[j * P + r * (n + 1) + p] -= s ? -a : a;
      }
    }
  }
}

/** Small n: every sample, one dense transform, coefficients above the noise floor. */
async function dense(query: SparseQuery, n: number, noise: number | 'auto', maxSamples: number,
                     signal: AbortSignal | undefined): Promise<SparseWhtResult> {
  const N = 1 << n;
  if (N > maxSamples) throw rangeError('opts.maxSamples', `at least ${N} (n = ${n} is small enough that every sample is read)`, maxSamples);
  const words = (n + 31) >>> 5;
  const idx = new Uint32Array(N * words);
  for (let i = 0; i < N; i++) idx[i * words] = i;
  if (signal?.aborted) throw abortError(signal);
  const vals = await query(idx, N);
  if (signal?.aborted) throw abortError(signal);
  checkSamples(vals, N);
  const X = transformBatch(vals, N, 1);
  let energy = 0;
  for (const v of X) energy += v * v;
  let th2: number;
  if (noise === 'auto') {
    // median |X|^2 is noise when fewer than half the coefficients are non-zero
    const s = Float64Array.from(X, (v) => v * v).sort();
    th2 = 25 * s[N >> 1] / 0.4549;
  } else {
    th2 = 25 * N * noise * noise;
  }
  th2 = Math.max(th2, 1e-24 * energy, 1e-300);
  const keep: number[] = [];
  for (let i = 0; i < N; i++) if (X[i] * X[i] > th2) keep.push(i);
  const indices = new Uint32Array(keep.length * words);
  const values = new Float64Array(keep.length);
  let left = 0;
  keep.forEach((i, t) => { indices[t * words] = i; values[t] = X[i]; });
  for (let i = 0; i < N; i++) if (!(X[i] * X[i] > th2)) left += X[i] * X[i];
  return { indices, values, samples: N, rounds: 1, residual: left };
}
