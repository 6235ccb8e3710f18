// One-dimensional stationary kernels for grid GPs. Parameters live in the log domain (positive by
// construction, unconstrained for optimisers); kernel matrices and their derivatives with respect
// to each log-parameter are computed in Wasm (assembly/gp/kernels.ts), where every exp and sin is
// evaluated, so they are bit-identical in every runtime.

import { getCore } from '../init.js';
import { stage, copyIn, copyOut } from '../memory.js';
import { typeError, rangeError } from '../errors.js';

export type KernelKind = 'rbf' | 'matern12' | 'matern32' | 'matern52' | 'periodic';

const KINDS: Record<KernelKind, { code: number; names: readonly string[] }> = {
  rbf: { code: 0, names: ['variance', 'lengthscale'] },
  matern12: { code: 1, names: ['variance', 'lengthscale'] },
  matern32: { code: 2, names: ['variance', 'lengthscale'] },
  matern52: { code: 3, names: ['variance', 'lengthscale'] },
  periodic: { code: 4, names: ['variance', 'lengthscale', 'period'] },
};

function positive(name: string, v: unknown, dflt: number): number {
  if (v === undefined) return dflt;
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

  constructor(kind: KernelKind, params: Record<string, number>) {
    const k = KINDS[kind];
    if (!k) throw rangeError('kind', `one of ${Object.keys(KINDS).join(', ')}`, kind);
    this.kind = kind;
    this.names = k.names;
    const c = getCore();
    this.logParams = Float64Array.from(k.names, (n) => c.gpLog(params[n]));
  }

  /** The parameters themselves (exp of logParams). */
  get params(): Record<string, number> {
    const c = getCore();
    const out: Record<string, number> = {};
    this.names.forEach((n, i) => { out[n] = c.gpExp(this.logParams[i]); });
    return out;
  }

  /** Kernel matrix K[i][j] = k(x_i, z_j), row-major x.length x z.length (z defaults to x). */
  matrix(x: Float64Array, z?: Float64Array): Float64Array {
    return this.#eval(x, z, -1);
  }

  /** dK/d(logParams[which]), same layout as matrix(). */
  derivative(x: Float64Array, which: number, z?: Float64Array): Float64Array {
    if (!Number.isInteger(which) || which < 0 || which >= this.names.length) {
      throw rangeError('which', `a parameter index in [0, ${this.names.length - 1}]`, which);
    }
    return this.#eval(x, z, which);
  }

  #eval(x: Float64Array, z: Float64Array | undefined, which: number): Float64Array {
    checkPoints('x', x);
    const zz = z === undefined ? x : checkPoints('z', z);
    for (let i = 0; i < this.logParams.length; i++) {
      const v = this.logParams[i];
      if (v - v !== 0) throw rangeError(`logParams[${i}]`, 'a finite number', v);
    }
    const n = x.length, m = zz.length;
    const c = getCore();
    const ptr = stage((4 + n + m + n * m) * 8);
    copyIn(this.logParams, ptr);
    copyIn(x, ptr + 32);
    copyIn(zz, ptr + 32 + n * 8);
    const pOut = ptr + 32 + (n + m) * 8;
    c.gpKernelMatrix(KINDS[this.kind].code, ptr, ptr + 32, n, ptr + 32 + n * 8, m, pOut, which);
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

/** Squared exponential s2 exp(-r^2 / (2 l^2)). */
export function rbf(opts: KernelParams = {}): Kernel1D {
  return new Kernel1D('rbf', { variance: positive('opts.variance', opts.variance, 1), lengthscale: positive('opts.lengthscale', opts.lengthscale, 1) });
}
/** Matern 1/2 (exponential) s2 exp(-r / l). */
export function matern12(opts: KernelParams = {}): Kernel1D {
  return new Kernel1D('matern12', { variance: positive('opts.variance', opts.variance, 1), lengthscale: positive('opts.lengthscale', opts.lengthscale, 1) });
}
/** Matern 3/2: s2 (1 + sqrt3 r/l) exp(-sqrt3 r/l). */
export function matern32(opts: KernelParams = {}): Kernel1D {
  return new Kernel1D('matern32', { variance: positive('opts.variance', opts.variance, 1), lengthscale: positive('opts.lengthscale', opts.lengthscale, 1) });
}
/** Matern 5/2: s2 (1 + u + u^2/3) exp(-u), u = sqrt5 r/l. */
export function matern52(opts: KernelParams = {}): Kernel1D {
  return new Kernel1D('matern52', { variance: positive('opts.variance', opts.variance, 1), lengthscale: positive('opts.lengthscale', opts.lengthscale, 1) });
}
/** Periodic (MacKay): s2 exp(-2 sin^2(pi r / p) / l^2). */
export function periodic(opts: KernelParams & { period?: number } = {}): Kernel1D {
  return new Kernel1D('periodic', {
    variance: positive('opts.variance', opts.variance, 1),
    lengthscale: positive('opts.lengthscale', opts.lengthscale, 1),
    period: positive('opts.period', opts.period, 1),
  });
}

/** Sum of log(v_i + shift) in Wasm (index order). */
export function sumLogShift(v: Float64Array, shift: number): number {
  const c = getCore();
  const ptr = stage(v.length * 8);
  copyIn(v, ptr);
  return c.gpSumLogShift(ptr, v.length, shift);
}

