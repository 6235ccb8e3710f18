// One-dimensional stationary kernels for grid GPs. Parameters live in the log domain (positive by
// construction, unconstrained for optimisers); kernel matrices and their derivatives with respect
// to each log-parameter are computed in Wasm (assembly/gp/kernels.ts), where every exp and sin is
// evaluated, so they are bit-identical in every runtime.

import { getCore } from '../init.js';
import { stage, copyIn, copyOut } from '../memory.js';
import { typeError, rangeError } from '../errors.js';

export type KernelKind = 'rbf' | 'matern12' | 'matern32' | 'matern52' | 'periodic' | 'spectralMixture' | 'studentTMixture';

// Highest total derivative order d^(a+b) k / dx^a dz^b that exists (the sample paths' smoothness).
const MAX_ORDER: Record<KernelKind, number> = {
  rbf: 4, matern12: 0, matern32: 2, matern52: 4, periodic: 4, spectralMixture: 4, studentTMixture: 4,
};

const KINDS: Record<KernelKind, number> = {
  rbf: 0, matern12: 1, matern32: 2, matern52: 3, periodic: 4, spectralMixture: 5, studentTMixture: 6,
};

/** A positive finite number; undefined gives dflt (required when dflt is NaN). */
function positive(name: string, v: unknown, dflt: number): number {
  if (v === undefined && !Number.isNaN(dflt)) return dflt;
  if (typeof v !== 'number') throw typeError(name, 'a positive number', v);
  if (!(v > 0) || v === Infinity) throw rangeError(name, 'a positive finite number', v);
  return v;
}

function checkPoints(name: string, x: unknown): Float64Array {
  if (!(x instanceof Float64Array)) throw typeError(name, 'a Float64Array', x);
  if (x.length === 0) throw rangeError(name, 'a non-empty array', x);
  for (let i = 0; i < x.length; i++) {
    if (x[i] - x[i] !== 0) throw rangeError(`${name}[${i}]`, 'a finite number', x[i]);
  }
  return x;
}

/**
 * A 1-D kernel k(x, z) = k(|x - z|) with log-parameters theta (variance, lengthscale[, period]).
 * Create with rbf(), matern12(), matern32(), matern52(), periodic().
 */
export class Kernel1D {
  readonly kind: KernelKind;
  /** Names of the parameters, in the order of logParams. */
  readonly names: readonly string[];
  /** log of each parameter; writable (an optimiser moves these). */
  readonly logParams: Float64Array;

  /** kind, parameter names and their (positive) values in the same order. */
  constructor(kind: KernelKind, names: readonly string[], values: readonly number[]) {
    if (typeof kind !== 'string' || KINDS[kind] === undefined) throw rangeError('kind', `one of ${Object.keys(KINDS).join(', ')}`, kind);
    if (!Array.isArray(names)) throw typeError('names', 'an array of parameter names', names);
    if (!Array.isArray(values)) throw typeError('values', 'an array of positive numbers', values);
    const c = getCore();
    const count = c.gpKernelParamCount(KINDS[kind], Math.floor(values.length / 3));
    if (values.length !== count || count === 0) {
      throw rangeError('values', `${kind === 'spectralMixture' || kind === 'studentTMixture' ? 'three values per component' : `${count} parameter values`} for a ${kind} kernel`, values);
    }
    if (names.length !== values.length) throw rangeError('names', `${values.length} names (one per value)`, names);
    values.forEach((v, i) => positive(`values[${i}]`, v, NaN));
    this.kind = kind;
    this.names = names.slice();
    this.logParams = Float64Array.from(values, (v) => c.gpLog(v));
  }

  /** The parameters themselves (exp of logParams). */
  get params(): Record<string, number> {
    const c = getCore();
    const out: Record<string, number> = {};
    this.names.forEach((n, i) => { out[n] = c.gpExp(this.logParams[i]); });
    return out;
  }

  /**
   * Kernel matrix K[i][j] = k(x_i, z_j), row-major x.length x z.length (z defaults to x); with
   * opts.dx / opts.dz, the derivative d^(dx+dz) k / dx^dx dz^dz (the covariances of derivatives
   * of the process, e.g. { dx: 2 } for K^(2,0) in U_xx = K^(2,0) K^-1 U). Total orders up to 4;
   * matern12 has none and matern32 only up to 2 (their sample paths are not smoother).
   */
  matrix(x: Float64Array, z?: Float64Array, opts?: { dx?: number; dz?: number }): Float64Array {
    if (opts === undefined) return this.#eval(x, z, -1);
    if (opts === null || typeof opts !== 'object') throw typeError('opts', 'an options object', opts);
    const dx = opts.dx ?? 0, dz = opts.dz ?? 0;
    const max = MAX_ORDER[this.kind];
    for (const [name, v] of [['opts.dx', dx], ['opts.dz', dz]] as const) {
      if (typeof v !== 'number' || !Number.isInteger(v)) throw typeError(name, 'a non-negative integer', v);
      if (v < 0 || v > max) throw rangeError(name, `a derivative order from 0 to ${max} for a ${this.kind} kernel`, v);
    }
    if (dx + dz > max) throw rangeError('opts', `dx + dz at most ${max} for a ${this.kind} kernel`, dx + dz);
    if (dx + dz === 0) return this.#eval(x, z, -1);
    return this.#eval(x, z, -1, dx, dz);
  }

  /** dK/d(logParams[which]), same layout as matrix(). */
  derivative(x: Float64Array, which: number, z?: Float64Array): Float64Array {
    if (!Number.isInteger(which) || which < 0 || which >= this.names.length) {
      throw rangeError('which', `a parameter index in [0, ${this.names.length - 1}]`, which);
    }
    return this.#eval(x, z, which);
  }

  #eval(x: Float64Array, z: Float64Array | undefined, which: number, dx = 0, dz = 0): Float64Array {
    checkPoints('x', x);
    const zz = z === undefined ? x : checkPoints('z', z);
    for (let i = 0; i < this.logParams.length; i++) {
      const v = this.logParams[i];
      if (v - v !== 0) throw rangeError(`logParams[${i}]`, 'a finite number', v);
    }
    const n = x.length, m = zz.length;
    const c = getCore();
    const np = this.logParams.length;
    const ptr = stage((np + n + m + n * m) * 8);
    copyIn(this.logParams, ptr);
    const px = ptr + np * 8, pz = px + n * 8, pOut = pz + m * 8;
    copyIn(x, px);
    copyIn(zz, pz);
    if (dx + dz > 0) c.gpKernelDerivMatrix(KINDS[this.kind], ptr, np, px, n, pz, m, pOut, dx, dz);
    else c.gpKernelMatrix(KINDS[this.kind], ptr, np, px, n, pz, m, pOut, which);
    const out = new Float64Array(n * m);
    copyOut(out, pOut, n * m);
    return out;
  }
}

export interface KernelParams {
  /** Signal variance s2 (default 1). */
  variance?: number;
  /** Length scale l (default 1). */
  lengthscale?: number;
}

function simple(kind: KernelKind, opts: KernelParams): Kernel1D {
  if (opts === null || typeof opts !== 'object') throw typeError('opts', 'an options object', opts);
  return new Kernel1D(kind, ['variance', 'lengthscale'],
    [positive('opts.variance', opts.variance, 1), positive('opts.lengthscale', opts.lengthscale, 1)]);
}

/** Squared exponential s2 exp(-r^2 / (2 l^2)). */
export function rbf(opts: KernelParams = {}): Kernel1D { return simple('rbf', opts); }
/** Matern 1/2 (exponential) s2 exp(-r / l). */
export function matern12(opts: KernelParams = {}): Kernel1D { return simple('matern12', opts); }
/** Matern 3/2: s2 (1 + sqrt3 r/l) exp(-sqrt3 r/l). */
export function matern32(opts: KernelParams = {}): Kernel1D { return simple('matern32', opts); }
/** Matern 5/2: s2 (1 + u + u^2/3) exp(-u), u = sqrt5 r/l. */
export function matern52(opts: KernelParams = {}): Kernel1D { return simple('matern52', opts); }

/** Periodic (MacKay): s2 exp(-2 sin^2(pi r / p) / l^2). */
export function periodic(opts: KernelParams & { period?: number } = {}): Kernel1D {
  if (opts === null || typeof opts !== 'object') throw typeError('opts', 'an options object', opts);
  return new Kernel1D('periodic', ['variance', 'lengthscale', 'period'], [
    positive('opts.variance', opts.variance, 1),
    positive('opts.lengthscale', opts.lengthscale, 1),
    positive('opts.period', opts.period, 1),
  ]);
}

export interface MixtureParams {
  /** Component weights w_q > 0. */
  weights: readonly number[] | Float64Array;
  /** Component scales rho_q > 0 (inverse length scales of the envelopes). */
  scales: readonly number[] | Float64Array;
  /** Component frequencies mu_q > 0 (cycles per unit of x). */
  frequencies: readonly number[] | Float64Array;
}

function mixture(kind: KernelKind, opts: MixtureParams): Kernel1D {
  if (opts === null || typeof opts !== 'object') throw typeError('opts', 'an options object with weights, scales, frequencies', opts);
  const { weights, scales, frequencies } = opts;
  for (const [name, a] of [['opts.weights', weights], ['opts.scales', scales], ['opts.frequencies', frequencies]] as const) {
    if (!Array.isArray(a) && !(a instanceof Float64Array)) throw typeError(name, 'an array of positive numbers', a);
  }
  const Q = weights.length;
  if (Q === 0) throw rangeError('opts.weights', 'at least one component', weights);
  if (scales.length !== Q) throw rangeError('opts.scales', `${Q} values (one per component)`, scales);
  if (frequencies.length !== Q) throw rangeError('opts.frequencies', `${Q} values (one per component)`, frequencies);
  const names: string[] = [], values: number[] = [];
  for (let q = 0; q < Q; q++) {
    names.push(`weight[${q}]`, `scale[${q}]`, `frequency[${q}]`);
    values.push(positive(`opts.weights[${q}]`, weights[q], NaN), positive(`opts.scales[${q}]`, scales[q], NaN),
      positive(`opts.frequencies[${q}]`, frequencies[q], NaN));
  }
  return new Kernel1D(kind, names, values);
}

/** Spectral mixture (Gaussian spectrum): sum_q w_q exp(-rho_q^2 r^2) cos(2 pi mu_q r). */
export function spectralMixture(opts: MixtureParams): Kernel1D { return mixture('spectralMixture', opts); }

/** Student-t spectrum mixture (GP-HFM): sum_q w_q (1 + u + u^2/3) e^-u cos(2 pi mu_q r),
 *  u = sqrt5 rho_q r (a Matern-5/2 envelope). */
export function studentTMixture(opts: MixtureParams): Kernel1D { return mixture('studentTMixture', opts); }

/** Sum of log(v_i + shift) in Wasm (index order). */
export function sumLogShift(v: Float64Array, shift: number): number {
  const c = getCore();
  const ptr = stage(v.length * 8);
  copyIn(v, ptr);
  return c.gpSumLogShift(ptr, v.length, shift);
}

