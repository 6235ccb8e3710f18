// The FFT family: numpy's conventions, complex data interleaved [re0, im0, re1, im1, ...].
// Output type follows input type (Float32Array -> f32 kernels, Float64Array -> f64 kernels).

import { getCore, onCoreLoaded } from './init.js';
import { stage, copyIn, copyOut, copyOutOf, viewF32, viewF64 } from './memory.js';
import {
  type FloatArray, type Norm, checkFloatArray, checkPositiveInt, checkOpts, normCode, typeError, rangeError,
} from './errors.js';
export type { Norm } from './errors.js';

export type DType = 'f32' | 'f64';
export type FftKind = 'complex' | 'real';

export interface FftOptions<T extends FloatArray = FloatArray> {
  /** numpy's normalisation: 'backward' (default; inverse scaled 1/n), 'ortho' (both 1/sqrt n),
   *  'forward' (forward scaled 1/n). */
  norm?: Norm;
  /** Number of contiguous transforms in x (default 1). */
  batch?: number;
  /** Where to write the result; must have the output's type and exact length. */
  out?: T;
}

const MAX_N = 2 ** 27;



function batchOf(opts: FftOptions): number {
  return opts.batch === undefined ? 1 : checkPositiveInt('opts.batch', opts.batch);
}

/** A new array of x's type: direct constructors (a construct through `x.constructor` is
 *  megamorphic in V8 and costs more than a small transform). */
function alloc<T extends FloatArray>(x: T, length: number): T {
  return (x instanceof Float32Array ? new Float32Array(length) : new Float64Array(length)) as T;
}

function outFor<T extends FloatArray>(x: T, length: number, out: unknown): T {
  if (out === undefined || out === null) return alloc(x, length);
  if (out.constructor !== x.constructor) {
    throw typeError('opts.out', `a ${x.constructor.name} (the input's type)`, out);
  }
  if ((out as T).length !== length) throw rangeError('opts.out', `an array of length ${length}`, out);
  return out as T;
}

function elemOf(x: FloatArray): 4 | 8 {
  return x instanceof Float32Array ? 4 : 8;
}

function complexLength(name: string, x: FloatArray, batch: number): number {
  if (x.length === 0) throw rangeError(name, 'a non-empty array', x);
  if (x.length % 2 !== 0) throw rangeError(name, 'an even length (interleaved complex values)', x);
  const n = x.length / 2 / batch;
  if (!Number.isInteger(n)) throw rangeError(name, `a length divisible by 2 * batch (batch = ${batch})`, x);
  if (n > MAX_N) throw rangeError(name, `at most ${MAX_N} complex values per transform`, x);
  return n;
}

// ---- plans ----------------------------------------------------------------------------------

const registry = typeof FinalizationRegistry === 'function'
  ? new FinalizationRegistry<{ ptr: number; gen: number }>((h) => {
    if (h.gen === generation && h.ptr) getCore().fftPlanDestroy(h.ptr);
  })
  : null;
// Bumped on every (re)load so pointers from an older instance are never freed into a new one.
let generation = 0;

const disposeSym: symbol = (Symbol as { dispose?: symbol }).dispose ?? Symbol.for('Symbol.dispose');

/** Algorithm the plan's constructor chose (cost model in assembly/fft/plan.ts). */
export type FftAlgorithm = 'stockham' | 'bluestein' | 'real-half' | 'real-full';
const ALGOS: FftAlgorithm[] = ['stockham', 'bluestein', 'real-half', 'real-full'];

/**
 * A transform of one length, precision and kind, with its twiddles and scratch held in the
 * arena. Reusing a plan avoids all setup; dispose() (or `using`) releases its memory.
 */
export class FftPlan {
  readonly n: number;
  readonly dtype: DType;
  readonly kind: FftKind;
  #ptr: number;
  #gen: number;
  #token = {};

  constructor(n: number, opts: { dtype?: DType; kind?: FftKind } = {}) {
    checkPositiveInt('n', n, MAX_N);
    const o = checkOpts<{ dtype?: DType; kind?: FftKind }>(opts);
    const dtype = o.dtype ?? 'f64';
    if (dtype !== 'f32' && dtype !== 'f64') throw rangeError('opts.dtype', "'f32' or 'f64'", dtype);
    const kind = o.kind ?? 'complex';
    if (kind !== 'complex' && kind !== 'real') throw rangeError('opts.kind', "'complex' or 'real'", kind);
    this.n = n;
    this.dtype = dtype;
    this.kind = kind;
    this.#ptr = getCore().fftPlanCreate(n, dtype === 'f32' ? 4 : 8, kind === 'real' ? 1 : 0);
    this.#gen = generation;
    registry?.register(this, { ptr: this.#ptr, gen: this.#gen }, this.#token);
  }

  /** Arena address of the plan, for the other families' kernels. */
  get pointer(): number {
    if (!this.#ptr) throw new Error('spectrakit: this FFT plan was disposed');
    if (this.#gen !== generation) throw new Error('spectrakit: this FFT plan belongs to a previous load of the module');
    return this.#ptr;
  }

  get algorithm(): FftAlgorithm {
    return ALGOS[getCore().fftPlanAlgorithm(this.pointer)];
  }

  get disposed(): boolean {
    return this.#ptr === 0;
  }

  #check(x: FloatArray): void {
    if ((x instanceof Float32Array ? 'f32' : 'f64') !== this.dtype) {
      throw typeError('x', `a ${this.dtype === 'f32' ? 'Float32Array' : 'Float64Array'} (the plan's dtype)`, x);
    }
  }

  /** Forward transform. Complex plans: n complex in, n complex out per batch item. Real plans:
   *  n reals in, n/2+1 complex out. */
  forward<T extends FloatArray>(x: T, opts?: FftOptions<T>): T {
    return this.#run(x, opts, 0);
  }

  /** Inverse transform (the exact inverse of forward() under the same norm). Real plans take
   *  n/2+1 complex values per batch item and return n reals; the imaginary parts of the DC (and,
   *  for even n, Nyquist) bins are ignored, as numpy does. */
  inverse<T extends FloatArray>(x: T, opts?: FftOptions<T>): T {
    return this.#run(x, opts, 1);
  }

  // Per-item lengths [forward, inverse] of input and output, and the normalisation factors by
  // norm * 2 + inverse (NaN until first asked of Wasm): the hot path of a reused plan does no
  // lookups beyond these.
  #inLen = [0, 0];
  #outLen = [0, 0];
  #fct = new Float64Array(6).fill(NaN);

  #run<T extends FloatArray>(x: T, opts: FftOptions<T> | undefined, inverse: 0 | 1): T {
    const ptr = this.#ptr;
    if (ptr === 0 || this.#gen !== generation) void this.pointer; // throws the reason
    if (!(this.dtype === 'f32' ? x instanceof Float32Array : x instanceof Float64Array)) {
      checkFloatArray('x', x);
      this.#check(x);
    }
    let batch = 1, norm = 0, given: unknown;
    if (opts !== undefined && opts !== null) {
      if (typeof opts !== 'object') throw typeError('opts', 'an options object', opts);
      if (opts.batch !== undefined) batch = checkPositiveInt('opts.batch', opts.batch);
      if (opts.norm !== undefined) norm = normCode(opts.norm);
      given = opts.out;
    }
    if (this.#inLen[0] === 0) {
      const h = Math.floor(this.n / 2) + 1;
      this.#inLen = this.kind === 'complex' ? [2 * this.n, 2 * this.n] : [this.n, 2 * h];
      this.#outLen = this.kind === 'complex' ? [2 * this.n, 2 * this.n] : [2 * h, this.n];
    }
    const inLen = this.#inLen[inverse] * batch;
    if (x.length !== inLen) {
      const what = this.kind === 'complex' ? '2 * n * batch' : inverse ? '2 * (floor(n/2)+1) * batch' : 'n * batch';
      throw rangeError('x', `length ${what} = ${inLen}`, x);
    }
    const outLen = this.#outLen[inverse] * batch;
    const out = outFor(x, outLen, given);
    const k = norm * 2 + inverse;
    let fct = this.#fct[k];
    if (fct !== fct) fct = this.#fct[k] = getCore().fftNormFactor(this.n, norm, inverse);
    if (this.kind === 'complex') return execComplexF(ptr, x, out, batch, inverse, fct);
    return execRealF(ptr, x, out, batch, inverse, fct);
  }

  dispose(): void {
    if (this.#ptr && this.#gen === generation) getCore().fftPlanDestroy(this.#ptr);
    registry?.unregister(this.#token);
    this.#ptr = 0;
  }

  [disposeSym](): void {
    this.dispose();
  }
}

/** Creates a plan owned by the caller (not shared with the one-shot functions' cache). */
export function fftPlan(n: number, opts?: { dtype?: DType; kind?: FftKind }): FftPlan {
  return new FftPlan(n, opts);
}

// One-shot calls reuse plans from a small LRU cache; evicted plans are disposed.
const CACHE_SIZE = 16;
const cache = new Map<number, FftPlan>();

onCoreLoaded(() => { generation++; cache.clear(); });

function cachedPlan(n: number, dtype: DType, kind: FftKind): FftPlan {
  const key = n * 4 + (kind === 'real' ? 2 : 0) + (dtype === 'f32' ? 1 : 0);
  let p = cache.get(key);
  if (p) {
    cache.delete(key);
    cache.set(key, p);
    return p;
  }
  p = new FftPlan(n, { dtype, kind });
  cache.set(key, p);
  if (cache.size > CACHE_SIZE) {
    const oldest = cache.keys().next().value as number;
    cache.get(oldest)!.dispose();
    cache.delete(oldest);
  }
  return p;
}

/** Disposes every cached plan (their memory returns to the arena). */
export function clearPlanCache(): void {
  for (const p of cache.values()) p.dispose();
  cache.clear();
}

// ---- execution ------------------------------------------------------------------------------

function run<T extends FloatArray>(x: T, inLen: number, out: T, outLen: number, body: (p: number) => void): T {
  const B = x.BYTES_PER_ELEMENT;
  const ptr = stage(Math.max(inLen, outLen) * B); // may grow memory: views taken after
  copyIn(x, ptr);
  body(ptr);
  copyOut(out, ptr, outLen);
  return out;
}

// Normalisation factors come from Wasm (so sqrt and division round identically everywhere) and
// are memoised per (n, norm, direction): a hot loop then makes a single call into the module.
const fctCache = new Map<number, number>();
function normFactor(n: number, norm: number, inverse: number): number {
  const key = n * 8 + norm * 2 + inverse;
  let f = fctCache.get(key);
  if (f === undefined) {
    f = getCore().fftNormFactor(n, norm, inverse);
    if (fctCache.size > 4096) fctCache.clear();
    fctCache.set(key, f);
  }
  return f;
}

function execComplex<T extends FloatArray>(plan: number, x: T, out: T, n: number, batch: number,
                                           inverse: number, norm: number): T {
  return execComplexF(plan, x, out, batch, inverse, normFactor(n, norm, inverse));
}

function execComplexF<T extends FloatArray>(plan: number, x: T, out: T, batch: number, inverse: number, fct: number): T {
  const c = getCore();
  const f32 = x instanceof Float32Array;
  const B = f32 ? 4 : 8;
  const ptr = stage(x.length * B);
  const v = f32 ? viewF32() : viewF64(); // taken after stage(), which may grow memory
  v.set(x, ptr / B);
  c.fftExec(plan, ptr, ptr, batch, inverse, fct);
  copyOutOf(v, out, ptr, out.length);
  return out;
}

/** Real transforms read and write arrays of different lengths, so input and output get separate
 *  regions of the staging block (batch items would otherwise overlap). */
function execReal<T extends FloatArray>(plan: number, x: T, out: T, n: number, batch: number, norm: number,
                                        inverse: number): T {
  return execRealF(plan, x, out, batch, inverse, normFactor(n, norm, inverse));
}

function execRealF<T extends FloatArray>(plan: number, x: T, out: T, batch: number, inverse: number, fct: number): T {
  const c = getCore();
  const f32 = x instanceof Float32Array;
  const B = f32 ? 4 : 8;
  const inBytes = x.length * B;
  const ptr = stage(inBytes + out.length * B);
  const v = f32 ? viewF32() : viewF64(); // taken after stage(), which may grow memory
  v.set(x, ptr / B);
  if (inverse) c.irfftExec(plan, ptr, ptr + inBytes, batch, fct);
  else c.rfftExec(plan, ptr, ptr + inBytes, batch, fct);
  copyOutOf(v, out, ptr + inBytes, out.length);
  return out;
}

function dtypeOf(x: FloatArray): DType {
  return x instanceof Float32Array ? 'f32' : 'f64';
}

// ---- one-shot API ---------------------------------------------------------------------------

function complexOneShot<T extends FloatArray>(x: T, opts: FftOptions<T> | undefined, inverse: number): T {
  checkFloatArray('x', x);
  const o = checkOpts<FftOptions<T>>(opts);
  const batch = batchOf(o);
  const norm = normCode(o.norm);
  const n = complexLength('x', x, batch);
  const out = outFor(x, x.length, o.out);
  return execComplex(cachedPlan(n, dtypeOf(x), 'complex').pointer, x, out, n, batch, inverse, norm);
}

/** Forward DFT, X[k] = sum_j x[j] e^(-2 pi i jk/n), of interleaved complex data (any n >= 1). */
export function fft<T extends FloatArray>(x: T, opts?: FftOptions<T>): T {
  return complexOneShot(x, opts, 0);
}

/** Inverse DFT, scaled 1/n under the default norm ('backward'). */
export function ifft<T extends FloatArray>(x: T, opts?: FftOptions<T>): T {
  return complexOneShot(x, opts, 1);
}

/** DFT of real data: n reals -> the n/2+1 non-negative-frequency bins, interleaved complex. */
export function rfft<T extends FloatArray>(x: T, opts?: FftOptions<T>): T {
  checkFloatArray('x', x);
  const o = checkOpts<FftOptions<T>>(opts);
  const batch = batchOf(o);
  const norm = normCode(o.norm);
  if (x.length === 0) throw rangeError('x', 'a non-empty array', x);
  const n = x.length / batch;
  if (!Number.isInteger(n)) throw rangeError('x', `a length divisible by batch (batch = ${batch})`, x);
  if (n > MAX_N) throw rangeError('x', `at most ${MAX_N} values per transform`, x);
  const out = outFor(x, 2 * (Math.floor(n / 2) + 1) * batch, o.out);
  return execReal(cachedPlan(n, dtypeOf(x), 'real').pointer, x, out, n, batch, norm, 0);
}

/**
 * Inverse of rfft: X holds m complex values per batch item; returns n reals per item. As numpy,
 * n defaults to 2(m - 1), X is cropped or zero-padded to n/2+1 values, and the imaginary parts of
 * the DC (and for even n the Nyquist) bins are ignored.
 */
export function irfft<T extends FloatArray>(X: T, n?: number, opts?: FftOptions<T>): T {
  checkFloatArray('X', X);
  const o = checkOpts<FftOptions<T>>(opts);
  const batch = batchOf(o);
  const norm = normCode(o.norm);
  if (X.length === 0) throw rangeError('X', 'a non-empty array', X);
  if (X.length % 2 !== 0) throw rangeError('X', 'an even length (interleaved complex values)', X);
  const m = X.length / 2 / batch;
  if (!Number.isInteger(m)) throw rangeError('X', `a length divisible by 2 * batch (batch = ${batch})`, X);
  if (n === undefined) {
    n = 2 * (m - 1);
    if (n < 1) throw rangeError('n', 'an output length (X has a single value, so n cannot be inferred)', n);
  } else {
    checkPositiveInt('n', n, MAX_N);
  }
  const nin = Math.floor(n / 2) + 1;
  let src = X;
  if (m !== nin) {
    // numpy semantics: crop or zero-pad each item to n/2+1 values
    src = alloc(X, 2 * nin * batch);
    const keep = 2 * Math.min(m, nin);
    for (let b = 0; b < batch; b++) src.set(X.subarray(2 * m * b, 2 * m * b + keep), 2 * nin * b);
  }
  const out = outFor(X, n * batch, o.out);
  return execReal(cachedPlan(n, dtypeOf(X), 'real').pointer, src, out, n, batch, norm, 1);
}

function fft2Impl<T extends FloatArray>(x: T, rows: number, cols: number, opts: FftOptions<T> | undefined, inverse: number): T {
  checkFloatArray('x', x);
  checkPositiveInt('rows', rows, MAX_N);
  checkPositiveInt('cols', cols, MAX_N);
  const o = checkOpts<FftOptions<T>>(opts);
  const batch = batchOf(o);
  const norm = normCode(o.norm);
  if (x.length !== 2 * rows * cols * batch) {
    throw rangeError('x', `length 2 * rows * cols * batch = ${2 * rows * cols * batch}`, x);
  }
  const out = outFor(x, x.length, o.out);
  const dt = dtypeOf(x);
  const pr = cachedPlan(cols, dt, 'complex');
  const pc = cachedPlan(rows, dt, 'complex');
  const c = getCore();
  const fct = normFactor(rows * cols, norm, inverse);
  return run(x, x.length, out, out.length, (p) => c.fft2Exec(pr.pointer, pc.pointer, p, p, rows, cols, batch, inverse, fct));
}

/** 2-D DFT of a row-major rows x cols complex matrix (interleaved). */
export function fft2<T extends FloatArray>(x: T, rows: number, cols: number, opts?: FftOptions<T>): T {
  return fft2Impl(x, rows, cols, opts, 0);
}

/** 2-D inverse DFT (scaled 1/(rows cols) under the default norm). */
export function ifft2<T extends FloatArray>(x: T, rows: number, cols: number, opts?: FftOptions<T>): T {
  return fft2Impl(x, rows, cols, opts, 1);
}

function brImpl<T extends FloatArray>(x: T, opts: Omit<FftOptions<T>, 'norm'> | undefined, inverse: number): T {
  checkFloatArray('x', x);
  const o = checkOpts<FftOptions<T>>(opts);
  const batch = batchOf(o);
  const n = complexLength('x', x, batch);
  if ((n & (n - 1)) !== 0) throw rangeError('x', 'a power-of-two number of complex values', x);
  const out = outFor(x, x.length, o.out);
  const plan = cachedPlan(n, dtypeOf(x), 'complex').pointer;
  const c = getCore();
  // the inverse permutes on the way out, so its input and output regions must differ
  const B = x.BYTES_PER_ELEMENT;
  const ptr = stage(2 * x.length * B);
  copyIn(x, ptr);
  c.fftbrExec(plan, ptr, ptr + x.length * B, batch, inverse);
  copyOut(out, ptr + x.length * B, out.length);
  return out;
}

/**
 * QMCPy's bit-reversed-order FFT: fftbr(x) = DFT(x read in bit-reversed order) / sqrt(n), output
 * in natural order; n a power of two. Diagonalises kernel matrices on lattice points generated
 * in radical-inverse order without a reorder pass.
 */
export function fftbr<T extends FloatArray>(x: T, opts?: Omit<FftOptions<T>, 'norm'>): T {
  return brImpl(x, opts, 0);
}

/** The exact inverse of fftbr: natural-order input, output in bit-reversed order. */
export function ifftbr<T extends FloatArray>(x: T, opts?: Omit<FftOptions<T>, 'norm'>): T {
  return brImpl(x, opts, 1);
}
