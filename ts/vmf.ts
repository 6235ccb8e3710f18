// von Mises-Fisher distributions on the unit sphere S^{p-1} in R^p, in any dimension (p = 32768
// included): log normaliser, mean resultant length A_p, Wood's sampler and the maximum-likelihood
// fit. The transcendental arithmetic runs in Wasm (assembly/special/vmf.ts); samples from a seed
// are identical in every runtime.

import { getCore } from './init.js';
import { viewF64 } from './memory.js';
import { typeError, rangeError } from './errors.js';

// Bytes of samples produced or consumed per Wasm call (bounds the arena's staging).
const CHUNK_BYTES = 1 << 25;

function checkDim(p: unknown, min = 2): number {
  if (typeof p !== 'number' || !Number.isInteger(p)) throw typeError('p', 'an integer dimension', p);
  if (p < min || p > 2 ** 26) throw rangeError('p', `an integer dimension in [${min}, 2^26]`, p);
  return p;
}

function checkKappa(kappa: unknown): number {
  if (typeof kappa !== 'number') throw typeError('kappa', 'a number', kappa);
  if (kappa < 0) throw rangeError('kappa', 'a non-negative number', kappa);
  return kappa;
}

/** log C_p(kappa) with C_p(kappa) = kappa^{p/2-1} / ((2 pi)^{p/2} I_{p/2-1}(kappa)), the vMF
 *  density being C_p(kappa) exp(kappa mu.x). */
export function vmfLogNormalizer(p: number, kappa: number): number {
  checkDim(p, 1);
  checkKappa(kappa);
  return getCore().vmfLogNormalizer(p, kappa);
}

/** A_p(kappa) = I_{p/2}(kappa) / I_{p/2-1}(kappa) = E[mu.x], the mean resultant length. */
export function vmfMeanResultant(p: number, kappa: number): number {
  checkDim(p);
  checkKappa(kappa);
  return getCore().vmfMeanResultant(p, kappa);
}

/** m samples (rows of a Float64Array of m * p values) from vMF(mu / |mu|, kappa), Wood (1994),
 *  with xoshiro256** seeded from `seed` (an integer in [0, 2^53)). */
export function vmfSample(mu: Float64Array, kappa: number, m: number, seed = 0): Float64Array {
  if (!(mu instanceof Float64Array)) throw typeError('mu', 'a Float64Array', mu);
  const p = mu.length;
  if (p < 2) throw rangeError('mu', 'a Float64Array of length at least 2', mu);
  checkKappa(kappa);
  if (!Number.isFinite(kappa)) throw rangeError('kappa', 'a finite number', kappa);
  if (typeof m !== 'number' || !Number.isInteger(m)) throw typeError('m', 'a non-negative integer', m);
  if (m < 0 || m * p > 2 ** 32) throw rangeError('m', 'a non-negative integer with m * p <= 2^32', m);
  if (typeof seed !== 'number' || !Number.isInteger(seed)) throw typeError('seed', 'an integer', seed);
  if (seed < 0 || seed > Number.MAX_SAFE_INTEGER) throw rangeError('seed', 'an integer in [0, 2^53)', seed);
  const c = getCore();
  const out = new Float64Array(m * p);
  const rows = Math.max(1, Math.min(m, Math.floor(CHUNK_BYTES / (8 * p))));
  const st = c.alloc(48), mp = c.alloc(8 * p), buf = c.alloc(8 * p * Math.max(rows, 1));
  try {
    viewF64().set(mu, mp / 8);
    const nrm = c.vecNorm(mp, p);
    if (!(nrm > 0) || !Number.isFinite(nrm)) throw rangeError('mu', 'a non-zero finite vector', mu);
    const view = viewF64();
    for (let j = 0; j < p; j++) view[mp / 8 + j] = view[mp / 8 + j] / nrm;
    // the seed's two 32-bit halves, by integer arithmetic
    c.vmfSeed(st, seed % 4294967296, Math.floor(seed / 4294967296));
    for (let r = 0; r < m; r += rows) {
      const k = Math.min(rows, m - r);
      c.vmfSampleExec(mp, p, kappa, k, st, buf);
      out.set(viewF64().subarray(buf / 8, buf / 8 + k * p), r * p);
    }
  } finally {
    c.free(buf); c.free(mp); c.free(st);
  }
  return out;
}

export interface VmfFitOptions {
  /** Newton iterations at most (default 100). */
  maxIter?: number;
  /** Relative step at which Newton stops (default 1e-15). */
  tol?: number;
}

export interface VmfFit {
  mu: Float64Array;
  kappa: number;
  logLikelihood: number;
}

/**
 * Maximum-likelihood vMF fit to the m rows of X (m * p values, rows on the unit sphere):
 * mu = sum x / |sum x|, kappa solving A_p(kappa) = R = |sum x| / m by Newton from Banerjee et al.'s
 * closed form, logLikelihood = m (log C_p(kappa) + kappa R). Rows summing to zero give kappa = 0
 * and mu = NaN (no mean direction); identical rows give kappa = logLikelihood = Infinity.
 */
export function vmfFit(X: Float64Array, p: number, opts?: VmfFitOptions): VmfFit {
  if (!(X instanceof Float64Array)) throw typeError('X', 'a Float64Array', X);
  checkDim(p);
  if (X.length === 0 || X.length % p !== 0) throw rangeError('X', `a non-empty Float64Array whose length is a multiple of p = ${p}`, X);
  if (opts !== undefined && (opts === null || typeof opts !== 'object')) throw typeError('opts', 'an options object', opts);
  const maxIter = opts?.maxIter ?? 100;
  if (typeof maxIter !== 'number' || !Number.isInteger(maxIter) || maxIter < 1) throw rangeError('opts.maxIter', 'a positive integer', maxIter);
  const tol = opts?.tol ?? 1e-15;
  if (typeof tol !== 'number' || !(tol > 0)) throw rangeError('opts.tol', 'a positive number', tol);
  const m = X.length / p;
  const c = getCore();
  const rows = Math.max(1, Math.min(m, Math.floor(CHUNK_BYTES / (8 * p))));
  const acc = c.alloc(8 * p), buf = c.alloc(8 * p * rows);
  try {
    viewF64().fill(0, acc / 8, acc / 8 + p);
    for (let r = 0; r < m; r += rows) {
      const k = Math.min(rows, m - r);
      viewF64().set(X.subarray(r * p, (r + k) * p), buf / 8);
      c.vmfAccumulateRows(buf, k, p, acc);
    }
    const nrm = c.vecNorm(acc, p);
    const view = viewF64();
    const mu = new Float64Array(p);
    for (let j = 0; j < p; j++) mu[j] = view[acc / 8 + j] / nrm;
    const R = Math.min(1, nrm / m);
    const kappa = c.vmfFitKappa(p, R, maxIter, tol);
    // R = 1 (all rows equal): kappa = Infinity and the likelihood is unbounded
    const logLikelihood = kappa === Infinity ? Infinity : m * (c.vmfLogNormalizer(p, kappa) + kappa * R);
    return { mu, kappa, logLikelihood };
  } finally {
    c.free(buf); c.free(acc);
  }
}
