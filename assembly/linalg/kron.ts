// Kronecker matrix-vector product y = (A_1 (x) A_2 (x) ... (x) A_d) x without forming the product.
//
// With x read as a row-major tensor X of shape (n_1, ..., n_d) (last index fastest, so that
// (A (x) B)[(i1,i2),(j1,j2)] = A[i1,j1] B[i2,j2] matches the flat index i1 n_2 + i2), the product
// is the multilinear map Y = X x_1 A_1 x_2 A_2 ... x_d A_d: each factor multiplies its own mode
// (Van Loan, "The ubiquitous Kronecker product", J. Comput. Appl. Math. 123, 2000; Saatci, PhD
// thesis, Cambridge 2011, ch. 5). Mode k is a batch of GEMMs: for every leading multi-index l,
// Y_l (n_k x R) = A_k X_l (n_k x R) with R = n_(k+1) ... n_d; for the last mode (R = 1) the batch
// is the single GEMM Y (L x n_k) = X (L x n_k) A_k^T. Cost sum_k N n_k instead of N^2.
//
// Factors may be rectangular (r_k x c_k; then x has prod c_k entries and y prod r_k), which is
// what predictions at new points need: y* = (K*_1 (x) ... (x) K*_D) alpha.
//
// Every output entry of every GEMM is sum_j p_ij q_jr accumulated from 0 in ascending j, in the
// vector tiles and the scalar edges alike, so results never depend on the tiling or the shape.

import { ldf, stf, ldi, allocF64, transpose } from "./blas";

const NB = 64; // columns of Q per panel: a K x 64 panel stays in L2 for K up to a few thousand

@inline function tile4x4(p: usize, ldp: usize, q: usize, ldq: usize, y: usize, ldy: usize, K: i32): void {
  let a00 = f64x2.splat(0), a01 = f64x2.splat(0), a10 = f64x2.splat(0), a11 = f64x2.splat(0);
  let a20 = f64x2.splat(0), a21 = f64x2.splat(0), a30 = f64x2.splat(0), a31 = f64x2.splat(0);
  let qj = q;
  for (let j = 0; j < K; j++, qj += ldq) {
    const q0 = v128.load(qj), q1 = v128.load(qj, 16);
    const o = <usize>j << 3;
    const p0 = f64x2.splat(load<f64>(p + o)), p1 = f64x2.splat(load<f64>(p + ldp + o));
    const p2 = f64x2.splat(load<f64>(p + 2 * ldp + o)), p3 = f64x2.splat(load<f64>(p + 3 * ldp + o));
    a00 = f64x2.add(a00, f64x2.mul(p0, q0)); a01 = f64x2.add(a01, f64x2.mul(p0, q1));
    a10 = f64x2.add(a10, f64x2.mul(p1, q0)); a11 = f64x2.add(a11, f64x2.mul(p1, q1));
    a20 = f64x2.add(a20, f64x2.mul(p2, q0)); a21 = f64x2.add(a21, f64x2.mul(p2, q1));
    a30 = f64x2.add(a30, f64x2.mul(p3, q0)); a31 = f64x2.add(a31, f64x2.mul(p3, q1));
  }
  v128.store(y, a00); v128.store(y, a01, 16);
  v128.store(y + ldy, a10); v128.store(y + ldy, a11, 16);
  v128.store(y + 2 * ldy, a20); v128.store(y + 2 * ldy, a21, 16);
  v128.store(y + 3 * ldy, a30); v128.store(y + 3 * ldy, a31, 16);
}

/** One row of P times columns [0, w) of Q (pairs in vectors, an odd last column in scalar). */
function rowTimes(p: usize, q: usize, ldq: usize, y: usize, K: i32, w: i32): void {
  let c = 0;
  for (; c + 1 < w; c += 2) {
    let acc = f64x2.splat(0);
    let qj = q + (<usize>c << 3);
    for (let j = 0; j < K; j++, qj += ldq) {
      acc = f64x2.add(acc, f64x2.mul(f64x2.splat(ldf(p, j)), v128.load(qj)));
    }
    v128.store(y + (<usize>c << 3), acc);
  }
  if (c < w) {
    let acc = 0.0;
    let qj = q + (<usize>c << 3);
    for (let j = 0; j < K; j++, qj += ldq) acc += ldf(p, j) * load<f64>(qj);
    stf(y, c, acc);
  }
}

/** Y (M x N) = P (M x K) Q (K x N); row-major with leading dimensions in elements. */
export function gemm(p: usize, ldp: i32, q: usize, ldq: i32, y: usize, ldy: i32, M: i32, K: i32, N: i32): void {
  const lp = <usize>ldp << 3, lq = <usize>ldq << 3, ly = <usize>ldy << 3;
  for (let c0 = 0; c0 < N; c0 += NB) {
    const w = min(NB, N - c0);
    const w4 = w & ~3;
    const qc = q + (<usize>c0 << 3), yc = y + (<usize>c0 << 3);
    let i = 0;
    for (; i + 3 < M; i += 4) {
      const pi = p + <usize>i * lp, yi = yc + <usize>i * ly;
      for (let c = 0; c < w4; c += 4) tile4x4(pi, lp, qc + (<usize>c << 3), lq, yi + (<usize>c << 3), ly, K);
      if (w4 < w) {
        for (let r = 0; r < 4; r++) {
          rowTimes(pi + <usize>r * lp, qc + (<usize>w4 << 3), lq, yi + <usize>r * ly + (<usize>w4 << 3), K, w - w4);
        }
      }
    }
    for (; i < M; i++) rowTimes(p + <usize>i * lp, qc, lq, yc + <usize>i * ly, K, w);
  }
}

/**
 * y = (A_1 (x) ... (x) A_d) x, or with every factor transposed when trans != 0. factors: the
 * row-major r_k x c_k matrices one after another; dims: i32[2d] = (r_1, c_1, ..., r_d, c_d).
 * x has prod c_k entries (prod r_k when transposed) and y prod r_k (prod c_k). x is only read.
 * Modes are applied in order k = 1..d; after mode k the tensor has shape
 * (out_1, .., out_k, in_(k+1), .., in_d), so the scratch holds the largest such size.
 */
export function kronMatvecExec(factors: usize, dims: usize, d: i32, x: usize, y: usize, trans: i32): void {
  let maxS: i64 = 1, maxSq = 1, Nin = 1;
  for (let k = 0; k < d; k++) {
    const r = ldi(dims, 2 * k), c = ldi(dims, 2 * k + 1);
    Nin *= trans ? r : c;
    maxSq = max(maxSq, r * c);
  }
  let S: i64 = Nin;
  maxS = S;
  for (let k = 0; k < d; k++) {
    const r = ldi(dims, 2 * k), c = ldi(dims, 2 * k + 1);
    S = trans ? S / r * c : S / c * r;
    if (S > maxS) maxS = S;
  }
  const tr = allocF64(maxSq);
  const b0 = allocF64(<i32>maxS), b1 = allocF64(<i32>maxS);
  let src = x, dst = b0;
  let L = 1, R = Nin, off: usize = 0;
  for (let k = 0; k < d; k++) {
    const r = ldi(dims, 2 * k), c = ldi(dims, 2 * k + 1);
    const a = factors + (off << 3);
    off += <usize>r * <usize>c;
    // B = A (r x c) or A^T (c x r): outK x inK
    const outK = trans ? c : r, inK = trans ? r : c;
    R /= inK;
    if (R > 1) {
      let b = a;
      if (trans) { transpose(a, tr, r, c); b = tr; }
      const sIn = <usize>inK * <usize>R << 3, sOut = <usize>outK * <usize>R << 3;
      for (let l = 0; l < L; l++) gemm(b, inK, src + <usize>l * sIn, R, dst + <usize>l * sOut, R, outK, inK, R);
    } else {
      // last mode: Y (L x outK) = X (L x inK) B^T, with B^T = A^T (inK x outK) or A itself
      let bt = a;
      if (!trans) { transpose(a, tr, r, c); bt = tr; }
      gemm(src, inK, bt, outK, dst, outK, L, inK, outK);
    }
    L *= outK;
    src = dst;
    dst = dst == b0 ? b1 : b0;
  }
  memory.copy(y, src, <usize>L << 3);
  heap.free(tr); heap.free(b0); heap.free(b1);
}

/** Exported product C (m x n) = A (m x k) B (k x n), all row-major and contiguous. */
export function gemmExec(a: usize, b: usize, c: usize, m: i32, k: i32, n: i32): void {
  gemm(a, k, b, n, c, n, m, k, n);
}
