// Cholesky factorisation A = L L^T and triangular solves, row-major, float64.
//
// Cholesky-Banachiewicz (row by row): L_ij = (a_ij - sum_(k<j) L_ik L_jk) / L_jj and
// L_ii = sqrt(a_ii - sum_(k<i) L_ik^2) (Golub & Van Loan, Matrix Computations, 4th ed., 4.2.5).
// Every sum is a dot product of two contiguous row prefixes. Rows are produced four at a time so
// that each earlier row j is read once for four dot products; every entry is still computed by
// the same dot-product order as the single-row path, so the blocking never changes a result.

import { ldf, stf, dot } from "./blas";

/** Four dot products of rows r0..r3 with y over len elements, each in the order of dot(). */
@inline function dot4(r0: usize, r1: usize, r2: usize, r3: usize, y: usize, len: i32, out: usize): void {
  let a0 = f64x2.splat(0), a1 = f64x2.splat(0), a2 = f64x2.splat(0), a3 = f64x2.splat(0);
  let j = 0;
  for (; j + 1 < len; j += 2) {
    const o = <usize>j << 3;
    const v = v128.load(y + o);
    a0 = f64x2.add(a0, f64x2.mul(v128.load(r0 + o), v));
    a1 = f64x2.add(a1, f64x2.mul(v128.load(r1 + o), v));
    a2 = f64x2.add(a2, f64x2.mul(v128.load(r2 + o), v));
    a3 = f64x2.add(a3, f64x2.mul(v128.load(r3 + o), v));
  }
  let s0 = f64x2.extract_lane(a0, 0) + f64x2.extract_lane(a0, 1);
  let s1 = f64x2.extract_lane(a1, 0) + f64x2.extract_lane(a1, 1);
  let s2 = f64x2.extract_lane(a2, 0) + f64x2.extract_lane(a2, 1);
  let s3 = f64x2.extract_lane(a3, 0) + f64x2.extract_lane(a3, 1);
  if (j < len) {
    const v = ldf(y, j);
    s0 += ldf(r0, j) * v; s1 += ldf(r1, j) * v; s2 += ldf(r2, j) * v; s3 += ldf(r3, j) * v;
  }
  stf(out, 0, s0); stf(out, 1, s1); stf(out, 2, s2); stf(out, 3, s3);
}

/**
 * In place: the lower triangle of the n x n row-major `a` becomes L, the strict upper triangle is
 * zeroed. Returns -1, or the index i of the first pivot a_ii - sum L_ik^2 that is not positive
 * (NaN included); that pivot's value is then left in a[i][i] and the factorisation stops.
 */
export function choleskyExec(a: usize, n: i32): i32 {
  const nB = <usize>n << 3;
  const s = heap.alloc(32);
  for (let i0 = 0; i0 < n; i0 += 4) {
    const nb = min(4, n - i0);
    const r0 = a + <usize>i0 * nB;
    if (nb == 4) {
      const r1 = r0 + nB, r2 = r1 + nB, r3 = r2 + nB;
      for (let j = 0; j < i0; j++) {
        const rj = a + <usize>j * nB;
        dot4(r0, r1, r2, r3, rj, j, s);
        const ljj = ldf(rj, j);
        stf(r0, j, (ldf(r0, j) - ldf(s, 0)) / ljj);
        stf(r1, j, (ldf(r1, j) - ldf(s, 1)) / ljj);
        stf(r2, j, (ldf(r2, j) - ldf(s, 2)) / ljj);
        stf(r3, j, (ldf(r3, j) - ldf(s, 3)) / ljj);
      }
    } else {
      for (let j = 0; j < i0; j++) {
        const rj = a + <usize>j * nB;
        const ljj = ldf(rj, j);
        for (let q = 0; q < nb; q++) {
          const ri = r0 + <usize>q * nB;
          stf(ri, j, (ldf(ri, j) - dot(ri, rj, j)) / ljj);
        }
      }
    }
    // the triangle inside the block, row by row
    for (let i = i0; i < i0 + nb; i++) {
      const ri = a + <usize>i * nB;
      for (let j = i0; j < i; j++) {
        const rj = a + <usize>j * nB;
        stf(ri, j, (ldf(ri, j) - dot(ri, rj, j)) / ldf(rj, j));
      }
      const piv = ldf(ri, i) - dot(ri, ri, i);
      if (!(piv > 0)) {
        stf(ri, i, piv);
        heap.free(s);
        return i;
      }
      stf(ri, i, Math.sqrt(piv));
    }
  }
  heap.free(s);
  for (let i = 0; i < n - 1; i++) memory.fill(a + <usize>i * nB + (<usize>(i + 1) << 3), 0, <usize>(n - i - 1) << 3);
  return -1;
}

// ---- triangular solves ------------------------------------------------------------------------

/** x[j] /= a over len elements (a division, as the substitution formula is written). */
function divv(x: usize, a: f64, len: i32): void {
  const va = f64x2.splat(a);
  let j = 0;
  for (; j + 1 < len; j += 2) {
    const o = <usize>j << 3;
    v128.store(x + o, f64x2.div(v128.load(x + o), va));
  }
  if (j < len) stf(x, j, ldf(x, j) / a);
}

/** y[j] -= a x[j]: the elimination step, vector or scalar with the same rounding. */
@inline function elim(a: f64, x: usize, y: usize, len: i32): void {
  if (len == 1) { store<f64>(y, load<f64>(y) - a * load<f64>(x)); return; }
  const va = f64x2.splat(a);
  let j = 0;
  for (; j + 1 < len; j += 2) {
    const o = <usize>j << 3;
    v128.store(y + o, f64x2.sub(v128.load(y + o), f64x2.mul(va, v128.load(x + o))));
  }
  if (j < len) stf(y, j, ldf(y, j) - a * ldf(x, j));
}

/**
 * Solves op(T) X = B in place for the n x n row-major triangular T (lower or upper; op = identity
 * or transpose) and the n x k row-major B. Each x_i is b_i minus the products t x_j, subtracted
 * one at a time in a fixed order that depends only on (lower, trans), then divided by t_ii
 * (skipped when unit != 0). k = 1 and k > 1 therefore give identical columns. Right-hand sides are
 * processed in strips of 64 columns so that a strip of X stays in cache.
 */
export function triSolveExec(t: usize, n: i32, b: usize, k: i32, lower: i32, trans: i32, unit: i32): void {
  const nB = <usize>n << 3;
  const kB = <usize>k << 3;
  const STRIP = 64;
  for (let c0 = 0; c0 < k; c0 += STRIP) {
    const w = min(STRIP, k - c0);
    const x = b + (<usize>c0 << 3);
    if (lower != 0 && trans == 0) {
      // forward substitution by rows of L: x_i = (b_i - sum_(j<i) l_ij x_j) / l_ii, j ascending
      for (let i = 0; i < n; i++) {
        const ti = t + <usize>i * nB, xi = x + <usize>i * kB;
        for (let j = 0; j < i; j++) elim(ldf(ti, j), x + <usize>j * kB, xi, w);
        if (!unit) divv(xi, ldf(ti, i), w);
      }
    } else if (lower == 0 && trans == 0) {
      // back substitution by rows of U: x_i = (b_i - sum_(j>i) u_ij x_j) / u_ii, j ascending
      for (let i = n - 1; i >= 0; i--) {
        const ti = t + <usize>i * nB, xi = x + <usize>i * kB;
        for (let j = i + 1; j < n; j++) elim(ldf(ti, j), x + <usize>j * kB, xi, w);
        if (!unit) divv(xi, ldf(ti, i), w);
      }
    } else if (lower != 0) {
      // L^T x = b (upper system) by columns of L^T = rows of L: once x_j is final, remove
      // l_ji x_j from every b_i, i < j; j descending
      for (let j = n - 1; j >= 0; j--) {
        const tj = t + <usize>j * nB, xj = x + <usize>j * kB;
        if (!unit) divv(xj, ldf(tj, j), w);
        for (let i = 0; i < j; i++) elim(ldf(tj, i), xj, x + <usize>i * kB, w);
      }
    } else {
      // U^T x = b (lower system) by rows of U; j ascending
      for (let j = 0; j < n; j++) {
        const tj = t + <usize>j * nB, xj = x + <usize>j * kB;
        if (!unit) divv(xj, ldf(tj, j), w);
        for (let i = j + 1; i < n; i++) elim(ldf(tj, i), xj, x + <usize>i * kB, w);
      }
    }
  }
}
