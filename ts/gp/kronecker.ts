// Exact GP regression on a Cartesian grid with a product kernel k(x, z) = prod_d k_d(x_d, z_d):
// the covariance of the N = n_1 ... n_D grid values is K = K_1 (x) ... (x) K_D, and with the
// eigendecompositions K_d = Q_d diag(lam_d) Q_d^T,
//   K + s2 I = Q (L + s2 I) Q^T,   Q = Q_1 (x) ... (x) Q_D,   L = lam_1 (x) ... (x) lam_D,
// so solves, the log-determinant and the gradient traces cost O(N sum n_d) after O(sum n_d^3)
// (Saatci, "Scalable inference for structured Gaussian process models", PhD thesis, Cambridge
// 2011, ch. 5; Wilson et al., "Fast kernel learning for multidimensional pattern extrapolation",
// NeurIPS 2014). (K + s2 I)^-1 is never formed.
//
// With alpha = (K + s2 I)^-1 y:
//   log p(y) = -y^T alpha / 2 - sum_i log(L_i + s2) / 2 - N log(2 pi) / 2
//   d log p / d theta = alpha^T (dK/dtheta) alpha / 2 - tr((K + s2 I)^-1 dK/dtheta) / 2
// (Rasmussen & Williams 2006, eq. 5.8 and 5.9). For a parameter of factor d,
// dK = K_1 (x) .. dK_d .. (x) K_D, and both terms reduce to Frobenius products of dK_d with one
// n_d x n_d matrix per dimension (see gradient()), so all gradients cost one Kronecker product
// per dimension plus O(n_d^2) per parameter. For the noise, dK/dlog s2 = s2 I.

import { getCore } from '../init.js';
import { typeError, rangeError } from '../errors.js';
import { symEig, kronMatvec, matmul } from '../linalg.js';
import { Kernel1D, sumLogShift } from './kernels.js';

// log(2 pi) to double precision
const LOG_2PI = 1.8378770664093453;

export interface KroneckerGPOptions {
  /** Grid coordinates per dimension, each strictly increasing. */
  grid: Float64Array[];
  /** One 1-D kernel per dimension; the covariance is their product. */
  kernels: Kernel1D[];
  /** Observation noise variance s2 > 0. */
  noise: number;
}

interface Fitted {
  y: Float64Array;
  K: Float64Array[];
  Q: Float64Array[];
  lam: Float64Array[];
  L: Float64Array;
  alpha: Float64Array;
}

/** kron(v_1, ..., v_D) with the last index fastest (products left to right). */
function kronVec(vs: Float64Array[]): Float64Array {
  let out = Float64Array.of(1);
  for (const v of vs) {
    const next = new Float64Array(out.length * v.length);
    for (let i = 0; i < out.length; i++) {
      const a = out[i], base = i * v.length;
      for (let j = 0; j < v.length; j++) next[base + j] = a * v[j];
    }
    out = next;
  }
  return out;
}

function dot(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
}

export interface OptimizeOptions {
  /** 'lbfgs' (default; limited-memory BFGS, Armijo backtracking) or 'adam'. */
  method?: 'adam' | 'lbfgs';
  /** Most iterations (default 100 for L-BFGS, 500 for Adam). */
  maxIter?: number;
  /** Adam's step size (default 0.05) in log-parameter units; L-BFGS ignores it. */
  lr?: number;
  /** Stop when max_i |d log p / d h_i| falls below this (default 1e-5). */
  gtol?: number;
  /** Stop when an iteration changes log p by less than ftol max(1, |log p|) (default 1e-10 for
   *  L-BFGS; Adam uses it over a window of 20 iterations). */
  ftol?: number;
  /** Checked before every iteration; when aborted the run stops with reason 'aborted'. */
  signal?: { aborted: boolean };
  /** Called after every iteration. */
  onProgress?: (p: { iteration: number; logMarginalLikelihood: number; gradientNorm: number }) => void;
}

export interface OptimizeResult {
  iterations: number;
  /** log p(y) at the returned hyperparameters (the best point seen). */
  logMarginalLikelihood: number;
  converged: boolean;
  reason: 'gtol' | 'ftol' | 'maxIter' | 'aborted' | 'lineSearch' | 'nonFinite';
}

function maxAbs(g: Float64Array): number {
  let m = 0;
  for (let i = 0; i < g.length; i++) { const a = Math.abs(g[i]); if (a > m || a !== a) m = a !== a ? Infinity : a; }
  return m;
}

export class KroneckerGP {
  readonly grid: readonly Float64Array[];
  readonly kernels: readonly Kernel1D[];
  readonly size: number;
  #logNoise: number;
  #fit: Fitted | null = null;

  constructor(opts: KroneckerGPOptions) {
    if (opts === null || typeof opts !== 'object') throw typeError('opts', 'an options object', opts);
    const { grid, kernels, noise } = opts;
    if (!Array.isArray(grid) || grid.length === 0) throw typeError('opts.grid', 'a non-empty array of Float64Array', grid);
    if (!Array.isArray(kernels)) throw typeError('opts.kernels', 'an array of kernels (one per dimension)', kernels);
    if (kernels.length !== grid.length) {
      throw rangeError('opts.kernels', `one kernel per grid dimension (${grid.length})`, kernels);
    }
    let N = 1;
    grid.forEach((x, d) => {
      const name = `opts.grid[${d}]`;
      if (!(x instanceof Float64Array)) throw typeError(name, 'a Float64Array', x);
      if (x.length === 0) throw rangeError(name, 'a non-empty array', x);
      for (let i = 0; i < x.length; i++) {
        if (x[i] - x[i] !== 0) throw rangeError(`${name}[${i}]`, 'a finite number', x[i]);
        // a repeated point makes K_d singular: two identical rows
        if (i > 0 && !(x[i] > x[i - 1])) {
          throw rangeError(`${name}[${i}]`, `a strictly increasing grid (previous point ${x[i - 1]})`, x[i]);
        }
      }
      N *= x.length;
    });
    kernels.forEach((k, d) => {
      if (!(k instanceof Kernel1D)) throw typeError(`opts.kernels[${d}]`, 'a kernel made by rbf(), matern12(), matern32(), matern52() or periodic()', k);
    });
    if (typeof noise !== 'number') throw typeError('opts.noise', 'a positive number (noise variance)', noise);
    if (!(noise > 0) || noise === Infinity) throw rangeError('opts.noise', 'a positive finite noise variance', noise);
    if (N > 2 ** 26) throw rangeError('opts.grid', 'at most 2^26 grid points in all', grid);
    this.grid = grid.slice();
    this.kernels = kernels.slice();
    this.size = N;
    this.#logNoise = getCore().gpLog(noise);
  }

  /** Noise variance s2. */
  get noise(): number {
    return getCore().gpExp(this.#logNoise);
  }

  /** Names of the hyperparameters, in the order of hyperparameters and gradient(). */
  get hyperparameterNames(): string[] {
    const names: string[] = [];
    this.kernels.forEach((k, d) => k.names.forEach((n) => names.push(`kernels[${d}].log ${n}`)));
    names.push('log noise');
    return names;
  }

  /** Every log-hyperparameter: each kernel's logParams in order, then log s2. */
  get hyperparameters(): Float64Array {
    const out: number[] = [];
    for (const k of this.kernels) out.push(...k.logParams);
    out.push(this.#logNoise);
    return Float64Array.from(out);
  }

  set hyperparameters(v: Float64Array) {
    const count = this.kernels.reduce((a, k) => a + k.logParams.length, 0) + 1;
    if (!(v instanceof Float64Array)) throw typeError('hyperparameters', 'a Float64Array', v);
    if (v.length !== count) throw rangeError('hyperparameters', `a Float64Array of length ${count}`, v);
    for (let i = 0; i < count; i++) if (v[i] - v[i] !== 0) throw rangeError(`hyperparameters[${i}]`, 'a finite number', v[i]);
    let o = 0;
    for (const k of this.kernels) { k.logParams.set(v.subarray(o, o + k.logParams.length)); o += k.logParams.length; }
    this.#logNoise = v[o];
    if (this.#fit) this.fit(this.#fit.y);
  }

  /**
   * Conditions on y, the observations at every grid point (row-major: the last dimension's index
   * runs fastest). Eigendecomposes each K_d; eigenvalues below zero (rounding of a positive
   * semidefinite matrix) are clamped to zero.
   */
  fit(y: Float64Array): this {
    if (!(y instanceof Float64Array)) throw typeError('y', 'a Float64Array', y);
    if (y.length !== this.size) throw rangeError('y', `a Float64Array of length ${this.size} (the grid's size)`, y);
    for (let i = 0; i < y.length; i++) if (y[i] - y[i] !== 0) throw rangeError(`y[${i}]`, 'a finite number', y[i]);
    const K: Float64Array[] = [], Q: Float64Array[] = [], lam: Float64Array[] = [];
    this.kernels.forEach((k, d) => {
      const x = this.grid[d];
      const Kd = k.matrix(x);
      const e = symEig(Kd, x.length);
      for (let i = 0; i < e.values.length; i++) if (e.values[i] < 0) e.values[i] = 0;
      K.push(Kd); Q.push(e.vectors!); lam.push(e.values);
    });
    const L = kronVec(lam);
    const s2 = this.noise;
    const w = kronMatvec(Q, y, { transpose: true });
    for (let i = 0; i < w.length; i++) w[i] /= L[i] + s2;
    const alpha = kronMatvec(Q, w);
    this.#fit = { y: y.slice(), K, Q, lam, L, alpha };
    return this;
  }

  #fitted(): Fitted {
    if (!this.#fit) throw new Error('spectrakit: KroneckerGP: call fit(y) first');
    return this.#fit;
  }

  /** (K + s2 I)^-1 y. */
  alpha(): Float64Array {
    return this.#fitted().alpha.slice();
  }

  /** Posterior mean at the grid points: K alpha = y - s2 alpha. */
  mean(): Float64Array {
    const f = this.#fitted();
    const s2 = this.noise;
    const m = new Float64Array(this.size);
    for (let i = 0; i < m.length; i++) m[i] = f.y[i] - s2 * f.alpha[i];
    return m;
  }

  /**
   * Posterior variance of the latent function at the grid points (observation noise excluded):
   * diag(K - K (K + s2 I)^-1 K) = diag(Q diag(L s2 / (L + s2)) Q^T), i.e.
   * (Q_1 o Q_1 (x) ... (x) Q_D o Q_D) c with c_i = L_i s2 / (L_i + s2) (o: entrywise product).
   */
  variance(): Float64Array {
    const f = this.#fitted();
    const s2 = this.noise;
    const c = new Float64Array(this.size);
    for (let i = 0; i < c.length; i++) c[i] = (f.L[i] * s2) / (f.L[i] + s2);
    return kronMatvec(f.Q.map((q) => q.map((v) => v * v)), c);
  }

  /**
   * Posterior mean and (unless opts.variance is false) variance of the latent function, or of
   * one of its partial derivatives, at the points of another grid given per dimension (any
   * points, any order). With opts.derivative = [a_1, ..., a_D] (default all 0) the quantity is
   * d^(a_1 + ... + a_D) f / dx_1^a_1 ... dx_D^a_D, e.g. [2, 0] for f_xx (GP-HFM: U_xx =
   * K^(2,0) K^-1 U). With K*_d = d^a_d k_d(x*_d, x_d) / dx^a_d:
   *   mean = (K*_1 (x) ... (x) K*_D) alpha,
   *   variance = prod_d k_d^(a_d, a_d)(0) - ((K*_1 Q_1) o (K*_1 Q_1) (x) ...) (1 / (L + s2)).
   * The variance of a derivative of order a needs the kernel's derivatives of order 2a.
   * Rounding can make a variance that is zero in exact arithmetic slightly negative; such values
   * are clamped to 0. Both results are row-major over the new grid (last dimension fastest).
   */
  predict(points: Float64Array[], opts?: { variance?: boolean; derivative?: number[] }): { mean: Float64Array; variance: Float64Array | null } {
    const f = this.#fitted();
    const D = this.grid.length;
    if (!Array.isArray(points) || points.length !== D) {
      throw typeError('points', `an array of ${D} Float64Array (one per grid dimension)`, points);
    }
    if (opts !== undefined && (opts === null || typeof opts !== 'object')) throw typeError('opts', 'an options object', opts);
    const wantVar = opts?.variance ?? true;
    if (typeof wantVar !== 'boolean') throw typeError('opts.variance', 'a boolean', wantVar);
    const der = opts?.derivative ?? new Array<number>(D).fill(0);
    if (!Array.isArray(der) || der.length !== D) throw typeError('opts.derivative', `an array of ${D} derivative orders`, der);
    der.forEach((a, d) => {
      if (typeof a !== 'number' || !Number.isInteger(a) || a < 0) throw rangeError(`opts.derivative[${d}]`, 'a non-negative integer', a);
    });
    const cross = points.map((p, d) => {
      const name = `points[${d}]`;
      if (!(p instanceof Float64Array)) throw typeError(name, 'a Float64Array', p);
      if (p.length === 0) throw rangeError(name, 'a non-empty array', p);
      for (let i = 0; i < p.length; i++) if (p[i] - p[i] !== 0) throw rangeError(`${name}[${i}]`, 'a finite number', p[i]);
      const data = der[d] ? this.kernels[d].matrix(p, this.grid[d], { dx: der[d] }) : this.kernels[d].matrix(p, this.grid[d]);
      return { data, rows: p.length, cols: this.grid[d].length };
    });
    const mean = kronMatvec(cross, f.alpha);
    if (!wantVar) return { mean, variance: null };
    let prior = 1;
    this.kernels.forEach((k, d) => {
      const a = der[d];
      let v: Float64Array;
      try {
        v = a ? k.matrix(Float64Array.of(0), undefined, { dx: a, dz: a }) : k.matrix(Float64Array.of(0));
      } catch {
        throw rangeError(`opts.derivative[${d}]`, `an order whose variance exists for a ${k.kind} kernel (it needs derivatives of order ${2 * a}); pass { variance: false } for the mean alone`, a);
      }
      prior *= v[0];
    });
    const s2 = this.noise;
    const w = new Float64Array(this.size);
    for (let i = 0; i < w.length; i++) w[i] = 1 / (f.L[i] + s2);
    const sq = cross.map((c, d) => {
      const B = matmul(c.data, f.Q[d], c.rows, c.cols, c.cols);
      for (let i = 0; i < B.length; i++) B[i] *= B[i];
      return { data: B, rows: c.rows, cols: c.cols };
    });
    const variance = kronMatvec(sq, w);
    for (let i = 0; i < variance.length; i++) {
      const v = prior - variance[i];
      variance[i] = v > 0 ? v : 0;
    }
    return { mean, variance };
  }

  /** log p(y | hyperparameters). */
  logMarginalLikelihood(): number {
    const f = this.#fitted();
    const s2 = this.noise;
    return -0.5 * dot(f.y, f.alpha) - 0.5 * sumLogShift(f.L, s2) - 0.5 * this.size * LOG_2PI;
  }

  /**
   * Maximises log p(y) over every log-hyperparameter (kernel parameters and the noise), starting
   * from the current ones, and leaves the GP fitted at the best point found. Never throws for a
   * numerical failure: hyperparameters at which log p is not finite are treated as infinitely bad
   * (L-BFGS backtracks, Adam stops with reason 'nonFinite'); the result says how the run ended.
   * L-BFGS: two-loop recursion with the last 10 pairs (Nocedal & Wright, Numerical Optimization,
   * 2nd ed., alg. 7.4), pairs with s^T y <= 0 skipped, Armijo backtracking from the unit step.
   * Adam: Kingma & Ba (2015) with beta1 = 0.9, beta2 = 0.999, eps = 1e-8.
   */
  optimize(opts: OptimizeOptions = {}): OptimizeResult {
    const f = this.#fitted();
    if (opts === null || typeof opts !== 'object') throw typeError('opts', 'an options object', opts);
    const method = opts.method ?? 'lbfgs';
    if (method !== 'adam' && method !== 'lbfgs') throw rangeError('opts.method', "'adam' or 'lbfgs'", method);
    const maxIter = opts.maxIter ?? (method === 'adam' ? 500 : 100);
    if (!Number.isInteger(maxIter) || maxIter < 0) throw rangeError('opts.maxIter', 'a non-negative integer', maxIter);
    const lr = opts.lr ?? 0.05;
    if (typeof lr !== 'number' || !(lr > 0) || lr === Infinity) throw rangeError('opts.lr', 'a positive finite number', lr);
    const gtol = opts.gtol ?? 1e-5, ftol = opts.ftol ?? 1e-10;
    if (typeof gtol !== 'number' || !(gtol >= 0)) throw rangeError('opts.gtol', 'a non-negative number', gtol);
    if (typeof ftol !== 'number' || !(ftol >= 0)) throw rangeError('opts.ftol', 'a non-negative number', ftol);
    const { signal, onProgress } = opts;
    if (onProgress !== undefined && typeof onProgress !== 'function') throw typeError('opts.onProgress', 'a function', onProgress);
    if (signal !== undefined && (signal === null || typeof signal !== 'object')) throw typeError('opts.signal', 'an AbortSignal', signal);
    const y = f.y;

    // log p and its gradient at h, or -Infinity where they are not finite
    // log p at h (refitting), or -Infinity where it is not finite or the fit fails
    const value = (h: Float64Array): number => {
      try {
        this.hyperparameters = h;
        const lml = this.logMarginalLikelihood();
        return lml - lml === 0 ? lml : -Infinity;
      } catch {
        return -Infinity;
      }
    };
    // ... and its gradient at the point just fitted
    const withGradient = (lml: number, P: number): { lml: number; grad: Float64Array } => {
      if (lml === -Infinity) return { lml, grad: new Float64Array(P) };
      try {
        const grad = this.gradient();
        return maxAbs(grad) === Infinity ? { lml: -Infinity, grad } : { lml, grad };
      } catch {
        return { lml: -Infinity, grad: new Float64Array(P) };
      }
    };
    const evaluate = (h: Float64Array): { lml: number; grad: Float64Array } => withGradient(value(h), h.length);
    const start = this.hyperparameters;
    let x: Float64Array = start.slice();
    let cur = evaluate(x);
    let best: { x: Float64Array; lml: number } = { x: x.slice(), lml: cur.lml };
    const finish = (iterations: number, reason: OptimizeResult['reason']): OptimizeResult => {
      if (best.lml === -Infinity) best = { x: start, lml: -Infinity };
      this.hyperparameters = best.x;
      if (!this.#fit) this.fit(y);
      const lml = best.lml === -Infinity ? this.logMarginalLikelihood() : best.lml;
      return { iterations, logMarginalLikelihood: lml, converged: reason === 'gtol' || reason === 'ftol', reason };
    };
    if (cur.lml === -Infinity) return finish(0, 'nonFinite');
    const P = x.length;
    if (method === 'adam') {
      const m = new Float64Array(P), v = new Float64Array(P);
      let b1t = 1, b2t = 1, windowStart = cur.lml;
      for (let it = 1; it <= maxIter; it++) {
        if (signal?.aborted) return finish(it - 1, 'aborted');
        if (maxAbs(cur.grad) <= gtol) return finish(it - 1, 'gtol');
        b1t *= 0.9; b2t *= 0.999;
        for (let i = 0; i < P; i++) {
          const g = -cur.grad[i]; // minimise -log p
          m[i] = 0.9 * m[i] + 0.1 * g;
          v[i] = 0.999 * v[i] + 0.001 * g * g;
          x[i] -= (lr * (m[i] / (1 - b1t))) / (Math.sqrt(v[i] / (1 - b2t)) + 1e-8);
        }
        cur = evaluate(x);
        if (cur.lml === -Infinity) return finish(it, 'nonFinite');
        if (cur.lml > best.lml) best = { x: x.slice(), lml: cur.lml };
        onProgress?.({ iteration: it, logMarginalLikelihood: cur.lml, gradientNorm: maxAbs(cur.grad) });
        if (it % 20 === 0) {
          if (Math.abs(cur.lml - windowStart) <= ftol * Math.max(1, Math.abs(cur.lml))) return finish(it, 'ftol');
          windowStart = cur.lml;
        }
      }
      return finish(maxIter, 'maxIter');
    }
    // L-BFGS on phi(h) = -log p(h)
    const M = 10;
    const S: Float64Array[] = [], Y: Float64Array[] = [], rho: number[] = [];
    for (let it = 1; it <= maxIter; it++) {
      if (signal?.aborted) return finish(it - 1, 'aborted');
      const g = cur.grad.map((v) => -v);
      if (maxAbs(g) <= gtol) return finish(it - 1, 'gtol');
      // two-loop recursion: d = -H g
      const q = g.slice();
      const a = new Array<number>(S.length);
      for (let k = S.length - 1; k >= 0; k--) {
        let t = 0;
        for (let i = 0; i < P; i++) t += S[k][i] * q[i];
        a[k] = rho[k] * t;
        for (let i = 0; i < P; i++) q[i] -= a[k] * Y[k][i];
      }
      let gamma = 1;
      if (S.length) {
        const k = S.length - 1;
        let sy = 0, yy = 0;
        for (let i = 0; i < P; i++) { sy += S[k][i] * Y[k][i]; yy += Y[k][i] * Y[k][i]; }
        gamma = sy / yy;
      } else {
        // first step: at most 1 in every log-parameter
        gamma = 1 / Math.max(1, maxAbs(g));
      }
      for (let i = 0; i < P; i++) q[i] *= gamma;
      for (let k = 0; k < S.length; k++) {
        let t = 0;
        for (let i = 0; i < P; i++) t += Y[k][i] * q[i];
        const b = rho[k] * t;
        for (let i = 0; i < P; i++) q[i] += S[k][i] * (a[k] - b);
      }
      const d = q.map((v) => -v);
      let slope = 0;
      for (let i = 0; i < P; i++) slope += g[i] * d[i];
      if (!(slope < 0)) {
        // not a descent direction (curvature pairs gone stale): restart along -g
        S.length = 0; Y.length = 0; rho.length = 0;
        for (let i = 0; i < P; i++) d[i] = -g[i] / Math.max(1, maxAbs(g));
        slope = 0;
        for (let i = 0; i < P; i++) slope += g[i] * d[i];
      }
      // Armijo backtracking on phi = -log p
      let step = 1, next = cur, xn = x;
      let accepted = false;
      for (let ls = 0; ls < 40; ls++) {
        xn = x.map((v, i) => v + step * d[i]);
        // the gradient is only needed at the accepted point
        const lml = value(xn);
        if (lml !== -Infinity && -lml <= -cur.lml + 1e-4 * step * slope) {
          next = withGradient(lml, P);
          accepted = next.lml !== -Infinity;
          if (accepted) break;
        }
        step *= 0.5;
      }
      if (!accepted) return finish(it, 'lineSearch');
      const s = xn.map((v, i) => v - x[i]);
      const yv = next.grad.map((v, i) => -v - g[i]);
      let sy = 0;
      for (let i = 0; i < P; i++) sy += s[i] * yv[i];
      if (sy > 1e-12 * Math.sqrt(s.reduce((t, v) => t + v * v, 0) * yv.reduce((t, v) => t + v * v, 0))) {
        S.push(s); Y.push(yv); rho.push(1 / sy);
        if (S.length > M) { S.shift(); Y.shift(); rho.shift(); }
      }
      const prev = cur.lml;
      x = xn; cur = next;
      if (cur.lml > best.lml) best = { x: x.slice(), lml: cur.lml };
      onProgress?.({ iteration: it, logMarginalLikelihood: cur.lml, gradientNorm: maxAbs(cur.grad) });
      if (maxAbs(cur.grad) <= gtol) return finish(it, 'gtol');
      if (Math.abs(cur.lml - prev) <= ftol * Math.max(1, Math.abs(cur.lml))) return finish(it, 'ftol');
    }
    return finish(maxIter, 'maxIter');
  }

  /** d log p(y) / d(every log-hyperparameter), in the order of hyperparameterNames. */
  gradient(): Float64Array {
    const f = this.#fitted();
    const s2 = this.noise;
    const out: number[] = [];
    const D = this.kernels.length;
    const N = this.size;
    let R = N;
    for (let d = 0; d < D; d++) {
      const k = this.kernels[d], x = this.grid[d], n = x.length;
      R /= n;
      const L = N / (n * R);
      // Every parameter of factor d enters through one n x n matrix: with Z the product of alpha
      // by every factor but K_d (identity there), alpha^T (.. dK_d ..) alpha = <dK_d, S> for
      // S_ij = sum over the other indices of alpha[.., i, ..] Z[.., j, ..]; and
      // tr((K + s2 I)^-1 (.. dK_d ..)) = <dK_d, P> with P = Q_d diag(w) Q_d^T,
      // w_k = sum of prod_(e != d) lam_e / (L + s2) over the indices with i_d = k. So
      // d log p / d theta = <dK_d, S - P> / 2 costs O(n^2) per parameter.
      const eye = new Float64Array(n * n);
      for (let i = 0; i < n; i++) eye[i * n + i] = 1;
      const factors = f.K.slice();
      factors[d] = eye;
      const Z = kronMatvec(factors, f.alpha);
      const S = new Float64Array(n * n);
      const slab = n * R;
      const Zt = new Float64Array(slab);
      for (let l = 0; l < L; l++) {
        // S += alpha_l (n x R) Z_l^T (R x n)
        const a = f.alpha.subarray(l * slab, (l + 1) * slab), z = Z.subarray(l * slab, (l + 1) * slab);
        for (let i = 0; i < n; i++) for (let r = 0; r < R; r++) Zt[r * n + i] = z[i * R + r];
        if (R === 1 && L > 1) {
          // last mode: one product over all l, S = A^T Z with A, Z as L x n
          const At = new Float64Array(N);
          for (let ll = 0; ll < L; ll++) for (let i = 0; i < n; i++) At[i * L + ll] = f.alpha[ll * n + i];
          S.set(matmul(At, Z, n, L, n));
          break;
        }
        const part = matmul(a.slice(), Zt, n, R, n);
        for (let i = 0; i < S.length; i++) S[i] += part[i];
      }
      const vs = f.lam.slice();
      vs[d] = new Float64Array(n).fill(1);
      const g = kronVec(vs);
      const w = new Float64Array(n);
      for (let idx = 0; idx < N; idx++) w[Math.floor(idx / R) % n] += g[idx] / (f.L[idx] + s2);
      const Qw = f.Q[d].slice();
      for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) Qw[i * n + j] *= w[j];
      const Qt = new Float64Array(n * n);
      for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) Qt[j * n + i] = f.Q[d][i * n + j];
      const P = matmul(Qw, Qt, n, n, n);
      for (let p = 0; p < k.logParams.length; p++) {
        const dK = k.derivative(x, p);
        let t = 0;
        for (let i = 0; i < dK.length; i++) t += dK[i] * (S[i] - P[i]);
        out.push(0.5 * t);
      }
    }
    let aa = 0, tr = 0;
    for (let i = 0; i < N; i++) { aa += f.alpha[i] * f.alpha[i]; tr += 1 / (f.L[i] + s2); }
    out.push(0.5 * s2 * aa - 0.5 * s2 * tr);
    return Float64Array.from(out);
  }
}
