// The Walsh-Hadamard family: the fast transform fwht and the randomized Hadamard rotation.
// Real data; output type follows input type (Float32Array -> f32 kernels, Float64Array -> f64).
//
// Conventions. Natural order is Sylvester order, y[k] = sum_j (-1)^popcount(j & k) x[j] (as FFHT
// and scipy.linalg.hadamard); sequency order lists the same coefficients by number of sign
// changes of the Walsh function, as MATLAB's fwht(x, [], 'sequency') (whose default scaling is
// 1/n: here norm: 'forward'). For n = m 2^k with m in {12, 20, 28, 40}, y = (H_m (x) H_2^k) x with
// H_m the Paley-construction matrices documented in assembly/wht/hadamard.ts: H_12 Paley II
// (q = 5), H_20 Paley I (q = 19), H_28 Paley II (q = 13), H_40 = H_20 (x) H_2 (so a length
// 40 2^k = 20 2^(k+1) reads the same either way). H_12, H_28 and the Sylvester matrices are
// symmetric, so fwht is its own inverse up to 1/n there; H_20 and H_40 are not (their inverse is
// H^T / n, which hadamardRotate's inverse applies). They are built from the constructions, not
// taken from Dao-AILab/fast-hadamard-transform's tables (a row-ordered Paley II listing for 12,
// Williamson-type matrices for 20 and 28): for n = m 2^k, m > 1, results differ from that
// library's, though both apply an orthogonal Hadamard matrix of the same order.

import { getCore } from './init.js';
import { stage, copyIn, copyOut } from './memory.js';
import { type FloatArray, type Norm, checkFloatArray, checkPositiveInt, checkOpts, normCode, typeError, rangeError } from './errors.js';

export type WhtOrder = 'natural' | 'sequency';

export interface FwhtOptions<T extends FloatArray = FloatArray> {
  /** 'natural' (Sylvester, default) or 'sequency' (Walsh/MATLAB order; powers of two only). */
  order?: WhtOrder;
  /** 'backward' (default, unscaled), 'ortho' (1/sqrt n), 'forward' (1/n). */
  norm?: Norm;
  /** Number of contiguous transforms in x (default 1). */
  batch?: number;
  /** Where to write the result; the input's type and length. */
  out?: T;
}

export interface HadamardRotateOptions<T extends FloatArray = FloatArray> {
  /** Integer seed of the Rademacher diagonal, 0 <= seed < 2^53 (default 0). */
  seed?: number;
  /** Number of contiguous vectors in x (default 1); every vector gets the same rotation. */
  batch?: number;
  /** Apply the inverse rotation D H^T / sqrt(n) instead. */
  inverse?: boolean;
  out?: T;
}

const MAX_N = 2 ** 27;
const FACTORS = [1, 12, 20, 28, 40];



function orderCode(order: unknown): number {
  if (order === undefined || order === 'natural') return 0;
  if (order === 'sequency') return 1;
  if (typeof order !== 'string') throw typeError('opts.order', "'natural' or 'sequency'", order);
  throw rangeError('opts.order', "'natural' or 'sequency'", order);
}

/** The factor m of n = m 2^k (m in {1, 12, 20, 28, 40}), or 0 when n has no such form. */
export function whtFactor(n: number): number {
  for (const m of FACTORS) {
    if (n % m !== 0) continue;
    const L = n / m;
    if (L >= 1 && (L & (L - 1)) === 0) return m;
  }
  return 0;
}

function lengthOf(name: string, x: FloatArray, batch: number): { n: number; m: number } {
  if (x.length === 0) throw rangeError(name, 'a non-empty array', x);
  const n = x.length / batch;
  if (!Number.isInteger(n)) throw rangeError(name, `a length divisible by batch (batch = ${batch})`, x);
  if (n > MAX_N) throw rangeError(name, `at most ${MAX_N} values per transform`, x);
  const m = whtFactor(n);
  if (m === 0) {
    throw rangeError(name, `a transform length 2^k or m * 2^k with m in {12, 20, 28, 40} (got length ${n} per transform${batch > 1 ? `, batch = ${batch}` : ''})`, x);
  }
  return { n, m };
}

function outFor<T extends FloatArray>(x: T, out: unknown): T {
  if (out === undefined || out === null) return new (x.constructor as { new(n: number): T })(x.length);
  if (out.constructor !== x.constructor) throw typeError('opts.out', `a ${x.constructor.name} (the input's type)`, out);
  if ((out as T).length !== x.length) throw rangeError('opts.out', `an array of length ${x.length}`, out);
  return out as T;
}

/**
 * Fast Walsh-Hadamard transform of real data, y = H x (natural order) with H the Sylvester
 * matrix of order n = 2^k, or H_m (x) H_2^k for n = m 2^k, m in {12, 20, 28, 40}.
 * Unnormalised by default, so fwht(fwht(x)) = n x; norm 'ortho' makes it an involution.
 */
export function fwht<T extends FloatArray>(x: T, opts?: FwhtOptions<T>): T {
  checkFloatArray('x', x);
  const o = checkOpts<FwhtOptions<T>>(opts);
  const batch = o.batch === undefined ? 1 : checkPositiveInt('opts.batch', o.batch);
  const norm = normCode(o.norm);
  const order = orderCode(o.order);
  const { n, m } = lengthOf('x', x, batch);
  if (order === 1 && m !== 1) {
    throw rangeError('opts.order', `'natural' for a length that is not a power of two (n = ${n})`, o.order);
  }
  const out = outFor(x, o.out);
  const c = getCore();
  const fct = norm === 0 ? 1 : c.whtNormFactor(n, norm); // 'backward' is unscaled: no call
  const elem = x.BYTES_PER_ELEMENT;
  const len = x.length;
  if (order === 0 && m === 1 && batch === 1 && n > (1 << c.whtSuperLog(elem))) {
    // large: copy in one L2-sized superblock at a time and transform it while it is in cache
    // (saves a sweep of main memory), then the top stages
    const ptr = stage(len * elem);
    const span = 1 << c.whtSuperLog(elem);
    for (let i = 0; i < len; i += span) {
      copyIn(x.subarray(i, i + span), ptr + i * elem);
      c.whtSuperblock(ptr + i * elem, elem);
    }
    c.whtTopStages(ptr, 31 - Math.clz32(n), elem, fct);
    copyOut(out, ptr, len);
  } else if (order === 0) {
    const ptr = stage(len * elem); // may grow memory: views taken after
    copyIn(x, ptr);
    c.whtExec(ptr, ptr, n, m, batch, elem, 0, fct);
    copyOut(out, ptr, len);
  } else {
    const ptr = stage(2 * len * elem);
    copyIn(x, ptr);
    c.whtExec(ptr, ptr + len * elem, n, m, batch, elem, 1, fct);
    copyOut(out, ptr + len * elem, len);
  }
  return out;
}

function checkSeed(seed: unknown): [number, number] {
  if (seed === undefined) return [0, 0];
  if (typeof seed !== 'number' || !Number.isInteger(seed)) throw typeError('opts.seed', 'an integer', seed);
  if (seed < 0 || seed > Number.MAX_SAFE_INTEGER) throw rangeError('opts.seed', `an integer in [0, 2^53)`, seed);
  return [seed >>> 0, Math.floor(seed / 4294967296) >>> 0];
}

/**
 * Randomized Hadamard rotation y = H D x / sqrt(n) (QuaRot-style), D = diag of +-1 signs drawn
 * from a counter-based integer generator keyed by `seed` (the same signs in every runtime and
 * for every batch item). `inverse: true` applies D H^T / sqrt(n), its exact inverse. Lengths as
 * fwht.
 */
export function hadamardRotate<T extends FloatArray>(x: T, opts?: HadamardRotateOptions<T>): T {
  checkFloatArray('x', x);
  const o = checkOpts<HadamardRotateOptions<T>>(opts);
  const batch = o.batch === undefined ? 1 : checkPositiveInt('opts.batch', o.batch);
  const [lo, hi] = checkSeed(o.seed);
  if (o.inverse !== undefined && typeof o.inverse !== 'boolean') throw typeError('opts.inverse', 'a boolean', o.inverse);
  const { n, m } = lengthOf('x', x, batch);
  const out = outFor(x, o.out);
  const c = getCore();
  const elem = x.BYTES_PER_ELEMENT;
  const ptr = stage(x.length * elem);
  copyIn(x, ptr);
  c.whtRotate(ptr, n, m, batch, elem, lo, hi, o.inverse ? 1 : 0);
  copyOut(out, ptr, x.length);
  return out;
}
