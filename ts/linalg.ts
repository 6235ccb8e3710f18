// Dense linear algebra in float64: symmetric eigendecomposition, Cholesky, triangular solves and the
// Kronecker matrix-vector product. Matrices are row-major Float64Arrays; every kernel runs in Wasm
// on a staged copy (user arrays are never views of Wasm memory).

import { getCore } from './init.js';
import { stage, copyIn, copyOut, viewF64 } from './memory.js';
import { typeError, rangeError, checkPositiveInt, checkOpts, describe } from './errors.js';

// n^2 doubles must be addressable in 32-bit linear memory with room for scratch
const MAX_N = 16384;

export interface SymEigOptions {
  /** Compute eigenvectors (default true). false: eigenvalues only, O(n^2) after the reduction. */
  vectors?: boolean;
}

export interface SymEigResult {
  /** Eigenvalues in ascending order. */
  values: Float64Array;
  /** n x n row-major; column k (entries k, n + k, 2n + k, ...) is the unit eigenvector of
   *  values[k]. null when opts.vectors is false. */
  vectors: Float64Array | null;
}

export interface TriangularOptions {
  /** T is lower triangular (default true); only that triangle is read. */
  lower?: boolean;
  /** Solve T^T x = b instead of T x = b (default false). */
  transpose?: boolean;
  /** Take the diagonal of T as ones without reading it (default false). */
  unitDiagonal?: boolean;
  /** Where to write the solution (a Float64Array of b's length). */
  out?: Float64Array;
}

export interface KronOptions {
  /** Multiply by (A_1 (x) ... (x) A_d)^T = A_1^T (x) ... (x) A_d^T instead (default false). */
  transpose?: boolean;
  /** Where to write the result (a Float64Array of x's length). */
  out?: Float64Array;
}

/** Thrown by cholesky() when A is not (numerically) positive definite. */
export class NotPositiveDefiniteError extends RangeError {
  /** Index i of the first pivot a_ii - sum_k L_ik^2 that is not positive. */
  readonly pivot: number;
  /** That pivot's value (zero, negative or NaN). */
  readonly pivotValue: number;
  constructor(name: string, pivot: number, value: number, A: unknown) {
    super(`invalid argument \`${name}\`. Must provide a symmetric positive definite matrix: ` +
      `pivot ${pivot} is ${value} (not positive). Value: \`${describe(A)}\`.`);
    this.name = 'NotPositiveDefiniteError';
    this.pivot = pivot;
    this.pivotValue = value;
  }
}

function checkF64(name: string, x: unknown): Float64Array {
  if (!(x instanceof Float64Array)) throw typeError(name, 'a Float64Array', x);
  return x;
}


function checkBool(name: string, v: unknown, dflt: boolean): boolean {
  if (v === undefined) return dflt;
  if (typeof v !== 'boolean') throw typeError(name, 'a boolean', v);
  return v;
}

function checkOut(out: unknown, length: number): Float64Array {
  if (out === undefined) return new Float64Array(length);
  if (!(out instanceof Float64Array)) throw typeError('opts.out', 'a Float64Array', out);
  if (out.length !== length) throw rangeError('opts.out', `a Float64Array of length ${length}`, out);
  return out;
}

/** A square n x n matrix: checks the type and the length n^2. */
function checkSquare(name: string, A: unknown, n: number): Float64Array {
  const a = checkF64(name, A);
  if (a.length !== n * n) throw rangeError(name, `a Float64Array of length n * n = ${n * n} (n = ${n})`, a);
  return a;
}

/** Side of a square matrix given by its length alone. */
function sideOf(name: string, a: Float64Array): number {
  const n = Math.round(Math.sqrt(a.length));
  if (a.length === 0 || n * n !== a.length) {
    throw rangeError(name, 'a square matrix (a non-zero perfect-square length)', a);
  }
  if (n > MAX_N) throw rangeError(name, `a matrix of side at most ${MAX_N}`, a);
  return n;
}

/** Non-finite entries would silently corrupt a factorisation: they are refused up front. */
function checkFiniteLower(name: string, a: Float64Array, n: number): void {
  for (let i = 0; i < n; i++) {
    const r = i * n;
    for (let j = 0; j <= i; j++) {
      const v = a[r + j];
      if (v - v !== 0) throw rangeError(`${name}[${r + j}]`, 'a finite number (row ' + i + ', column ' + j + ')', v);
    }
  }
}

/**
 * Eigenvalues and eigenvectors of the real symmetric n x n matrix A (row-major; only its lower
 * triangle is read, as numpy's eigh). Householder tridiagonalisation, then implicit QL/QR with
 * Wilkinson shifts, in Wasm. Eigenvalues ascending; eigenvectors orthonormal, one per column.
 */
export function symEig(A: Float64Array, n: number, opts?: SymEigOptions): SymEigResult {
  checkPositiveInt('n', n, MAX_N);
  const a = checkSquare('A', A, n);
  const o = checkOpts<SymEigOptions>(opts);
  const wantVectors = checkBool('opts.vectors', o.vectors, true);
  checkFiniteLower('A', a, n);
  const c = getCore();
  const nn = n * n;
  const ptr = stage((2 * nn + n) * 8); // A, then the values, then the vectors
  copyIn(a, ptr);
  const pValues = ptr + nn * 8, pVectors = pValues + n * 8;
  const info = c.symEigExec(ptr, n, pValues, pVectors, wantVectors ? 1 : 0);
  if (info !== 0) {
    throw new Error(`spectrakit: symEig did not converge within ${30 * n} QL iterations (n = ${n})`);
  }
  const values = new Float64Array(n);
  copyOut(values, pValues, n);
  let vectors: Float64Array | null = null;
  if (wantVectors) {
    vectors = new Float64Array(nn);
    copyOut(vectors, pVectors, nn);
  }
  return { values, vectors };
}

/**
 * Cholesky factor L (lower triangular, row-major, zeros above the diagonal) with A = L L^T, of the
 * symmetric positive definite n x n matrix A (only its lower triangle is read). Throws a
 * NotPositiveDefiniteError (a RangeError) naming the first non-positive pivot and its value.
 */
export function cholesky(A: Float64Array, n: number, opts?: { out?: Float64Array }): Float64Array {
  checkPositiveInt('n', n, MAX_N);
  const a = checkSquare('A', A, n);
  const o = checkOpts<{ out?: Float64Array }>(opts);
  const out = checkOut(o.out, n * n);
  checkFiniteLower('A', a, n);
  const c = getCore();
  const ptr = stage(n * n * 8);
  copyIn(a, ptr);
  const info = c.choleskyExec(ptr, n);
  if (info >= 0) {
    const value = viewF64()[ptr / 8 + info * n + info];
    throw new NotPositiveDefiniteError('A', info, value, A);
  }
  copyOut(out, ptr, n * n);
  return out;
}

function solveImpl(name: string, T: Float64Array, b: Float64Array, lower: boolean, trans: boolean,
                   unit: boolean, out: Float64Array, twice: boolean): Float64Array {
  const n = sideOf(name, T);
  if (b.length === 0 || b.length % n !== 0) {
    throw rangeError('b', `a length that is a non-zero multiple of n = ${n} (n x k right-hand sides, row-major)`, b);
  }
  const k = b.length / n;
  if (!unit) {
    for (let i = 0; i < n; i++) {
      const t = T[i * n + i];
      if (t === 0) throw rangeError(name, `a non-singular triangular matrix (diagonal entry ${i} is 0)`, T);
    }
  }
  const c = getCore();
  const ptr = stage((n * n + b.length) * 8);
  copyIn(T, ptr);
  const pb = ptr + n * n * 8;
  copyIn(b, pb);
  c.triSolveExec(ptr, n, pb, k, lower ? 1 : 0, trans ? 1 : 0, unit ? 1 : 0);
  if (twice) c.triSolveExec(ptr, n, pb, k, lower ? 1 : 0, trans ? 0 : 1, unit ? 1 : 0);
  copyOut(out, pb, b.length);
  return out;
}

/**
 * Solves T x = b (or T^T x = b) for a square triangular T (row-major, side inferred from its
 * length) by substitution. b is a vector of length n or an n x k row-major matrix of k right-hand
 * sides; the solution has b's shape. A zero diagonal entry is refused (RangeError).
 */
export function solveTriangular(T: Float64Array, b: Float64Array, opts?: TriangularOptions): Float64Array {
  checkF64('T', T);
  checkF64('b', b);
  const o = checkOpts<TriangularOptions>(opts);
  const lower = checkBool('opts.lower', o.lower, true);
  const trans = checkBool('opts.transpose', o.transpose, false);
  const unit = checkBool('opts.unitDiagonal', o.unitDiagonal, false);
  const out = checkOut(o.out, b.length);
  return solveImpl('T', T, b, lower, trans, unit, out, false);
}

/**
 * Solves A x = b given the Cholesky factor L of A (from cholesky()): L y = b, then L^T x = y.
 * b is a vector of length n or an n x k row-major matrix.
 */
export function choleskySolve(L: Float64Array, b: Float64Array, opts?: { out?: Float64Array }): Float64Array {
  checkF64('L', L);
  checkF64('b', b);
  const o = checkOpts<{ out?: Float64Array }>(opts);
  const out = checkOut(o.out, b.length);
  return solveImpl('L', L, b, true, false, false, out, true);
}

/** A rectangular Kronecker factor: row-major data of length rows * cols. */
export interface KronFactor {
  data: Float64Array;
  rows: number;
  cols: number;
}

/**
 * y = (A_1 (x) A_2 (x) ... (x) A_d) x without forming the Kronecker product: each factor is applied
 * along its own mode of x, read as a row-major tensor of shape (c_1, ..., c_d) (last index
 * fastest), which is exactly the ordering of the standard Kronecker product:
 * (A (x) B)[i1 r_2 + i2, j1 c_2 + j2] = A[i1, j1] B[i2, j2]. A factor is a square row-major
 * Float64Array (side inferred from its length) or { data, rows, cols } for a rectangular one.
 * x has c_1 ... c_d entries and y has r_1 ... r_d. opts.transpose multiplies by the transposed
 * product A_1^T (x) ... (x) A_d^T instead (x then has r_1 ... r_d entries). Cost
 * O(sum_k (r_1..r_k)(c_k..c_d) max(r_k, c_k)) instead of O(prod r_k c_k).
 */
export function kronMatvec(factors: readonly (Float64Array | KronFactor)[], x: Float64Array, opts?: KronOptions): Float64Array {
  if (!Array.isArray(factors)) throw typeError('factors', 'an array of Float64Array square matrices or { data, rows, cols }', factors);
  if (factors.length === 0) throw rangeError('factors', 'at least one factor', factors);
  const d = factors.length;
  const dims = new Int32Array(2 * d);
  const datas: Float64Array[] = [];
  let total = 0;
  for (let k = 0; k < d; k++) {
    const f = factors[k] as unknown;
    const name = `factors[${k}]`;
    let data: Float64Array, rows: number, cols: number;
    if (f instanceof Float64Array) {
      data = f;
      rows = cols = sideOf(name, f);
    } else if (f !== null && typeof f === 'object' && !ArrayBuffer.isView(f)) {
      const o = f as Partial<KronFactor>;
      data = checkF64(`${name}.data`, o.data);
      rows = checkPositiveInt(`${name}.rows`, o.rows, MAX_N * MAX_N);
      cols = checkPositiveInt(`${name}.cols`, o.cols, MAX_N * MAX_N);
      if (data.length !== rows * cols) throw rangeError(`${name}.data`, `a Float64Array of length rows * cols = ${rows * cols}`, data);
    } else {
      throw typeError(name, 'a Float64Array (square matrix) or { data, rows, cols }', f);
    }
    dims[2 * k] = rows;
    dims[2 * k + 1] = cols;
    datas.push(data);
    total += data.length;
  }
  checkF64('x', x);
  const o = checkOpts<KronOptions>(opts);
  const trans = checkBool('opts.transpose', o.transpose, false);
  let Nin = 1, Nout = 1, S = 1, maxS = 1;
  for (let k = 0; k < d; k++) { Nin *= dims[2 * k + (trans ? 0 : 1)]; Nout *= dims[2 * k + (trans ? 1 : 0)]; }
  S = Nin; maxS = Nin;
  for (let k = 0; k < d; k++) {
    S = (S / dims[2 * k + (trans ? 0 : 1)]) * dims[2 * k + (trans ? 1 : 0)];
    maxS = Math.max(maxS, S);
  }
  if (x.length !== Nin) {
    throw rangeError('x', `a Float64Array of length ${trans ? 'r_1 * ... * r_d' : 'c_1 * ... * c_d'} = ${Nin}`, x);
  }
  if (maxS > 2 ** 27) throw rangeError('factors', `intermediate products of at most ${2 ** 27} entries (this product needs ${maxS})`, factors);
  const out = checkOut(o.out, Nout);
  const c = getCore();
  // factors, dims (i32 pairs), x, y
  const ptr = stage(total * 8 + d * 8 + (Nin + Nout) * 8);
  let off = 0;
  for (let k = 0; k < d; k++) { copyIn(datas[k], ptr + off * 8); off += datas[k].length; }
  const pDims = ptr + total * 8;
  new Int32Array(c.memory.buffer, pDims, 2 * d).set(dims);
  const px = pDims + d * 8, py = px + Nin * 8;
  copyIn(x, px);
  c.kronMatvecExec(ptr, pDims, d, px, py, trans ? 1 : 0);
  copyOut(out, py, Nout);
  return out;
}

/**
 * C = A B for row-major A (m x k) and B (k x n); C is m x n. Every entry is summed over ascending
 * inner index from zero, whatever the tiling, so results do not depend on the shape of the call.
 */
export function matmul(A: Float64Array, B: Float64Array, m: number, k: number, n: number,
                       opts?: { out?: Float64Array }): Float64Array {
  checkF64('A', A);
  checkF64('B', B);
  checkPositiveInt('m', m);
  checkPositiveInt('k', k);
  checkPositiveInt('n', n);
  if (A.length !== m * k) throw rangeError('A', `a Float64Array of length m * k = ${m * k}`, A);
  if (B.length !== k * n) throw rangeError('B', `a Float64Array of length k * n = ${k * n}`, B);
  const o = checkOpts<{ out?: Float64Array }>(opts);
  const out = checkOut(o.out, m * n);
  if (A.length + B.length + out.length > 2 ** 28) throw rangeError('A', 'operands of at most 2^28 entries in all', A);
  const c = getCore();
  const ptr = stage((A.length + B.length + m * n) * 8);
  copyIn(A, ptr);
  copyIn(B, ptr + A.length * 8);
  const pc = ptr + (A.length + B.length) * 8;
  c.gemmExec(ptr, ptr + A.length * 8, pc, m, k, n);
  copyOut(out, pc, m * n);
  return out;
}
