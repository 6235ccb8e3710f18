// Symmetric eigendecomposition A = V diag(w) V^T of a dense real symmetric matrix, in four phases:
//
// 1. Householder reduction to tridiagonal form, T = Q^T A Q with Q = H_0 H_1 ... H_(n-3), where
//    H_k = I - tau_k v_k v_k^T acts on indices k+1..n-1 (Golub & Van Loan, Matrix Computations,
//    4th ed., section 8.3.1). The two-sided update B <- H B H is the symmetric rank-2 update
//    B - v w^T - w v^T with p = tau B v, w = p - (tau/2)(p^T v) v. The update of step k-1 and the
//    product B v of step k are fused into one pass over the trailing rows, so each step streams
//    the trailing matrix through the cache once instead of twice.
// 2. Q is accumulated backwards (H_k applied to the already formed H_(k+1)...H_(n-3), which is the
//    identity outside its trailing block), then stored transposed: W = Q^T, one eigenvector
//    candidate per row, so that every plane rotation of phase 3 combines two contiguous rows.
// 3. Implicit symmetric tridiagonal QL / QR iteration with Wilkinson's shift (Bowdler, Martin,
//    Reinsch & Wilkinson, "The QR and QL algorithms for symmetric matrices", Numer. Math. 11, 1968;
//    Parlett, The Symmetric Eigenvalue Problem, ch. 8). As in LAPACK's xSTEQR design, each unreduced
//    block is iterated with QL when its top diagonal entry is the smaller one in magnitude and with
//    QR otherwise, so that the bulge is chased from the large end towards the small end (graded
//    matrices keep their small eigenvalues to full absolute accuracy), and an off-diagonal e_i is
//    negligible when e_i^2 <= eps^2 |d_i d_(i+1)| (a relative test).
//    The rotations of many sweeps are buffered and then applied to W in strips of 8 columns held
//    in registers: W is streamed once per buffer instead of once per sweep.
// 4. One Newton-Schulz step V <- V (3I - V^T V)/2 (two matrix products) restores orthogonality to
//    rounding level: the rotations alone leave ||V^T V - I||_F near 0.25 n eps (2.4e-13 at n = 1000,
//    as LAPACK's xSTEQR), the step brings it to about 3e-14.
// The matrix is first scaled by a power of two (exact) so that max |a_ij| lies in [1/2, 1); the
// eigenvalues are scaled back by the inverse power at the end.

import { ldf, stf, ldi, sti, allocF64, transpose, dot } from "./blas";
import { gemm } from "./kron";

const EPS: f64 = 1.1102230246251565e-16;      // 2^-53, unit roundoff
const EPS2: f64 = EPS * EPS;
const SAFMIN: f64 = 2.2250738585072014e-308;  // 2^-1022, smallest normal
const MAXIT_PER_N: i32 = 30;

/** 2^k for -1022 <= k <= 1023, exactly. */
@inline function pow2(k: i32): f64 {
  return reinterpret<f64>(<u64>(k + 1023) << 52);
}

/** floor(log2 |x|) for a finite nonzero x (subnormals included). */
function exponentOf(x: f64): i32 {
  const b = reinterpret<u64>(x) & 0x7FFFFFFFFFFFFFFF;
  const e = <i32>(b >> 52);
  if (e != 0) return e - 1023;
  // subnormal: the leading bit of the 52-bit fraction
  return -1023 - <i32>clz(b << 12);
}

// ---- phase 1: tridiagonalisation ------------------------------------------------------------------

/** Row update of the pending rank-2 step fused with the next product:
 *  row[j] -= a y[j] + b x[j] (j < len), then returns sum_j row[j] v[j]. With a = x_i, b = y_i this
 *  is row i of B - x y^T - y x^T; the two products are the same pair for (i, j) and (j, i), so the
 *  updated matrix stays exactly symmetric. */
function rank2RowDot(row: usize, x: usize, y: usize, a: f64, b: f64, v: usize, len: i32): f64 {
  const va = f64x2.splat(a), vb = f64x2.splat(b);
  let acc0 = f64x2.splat(0), acc1 = f64x2.splat(0);
  let j = 0;
  for (; j + 3 < len; j += 4) {
    const o = <usize>j << 3;
    const r0 = f64x2.sub(v128.load(row + o),
      f64x2.add(f64x2.mul(va, v128.load(y + o)), f64x2.mul(vb, v128.load(x + o))));
    const r1 = f64x2.sub(v128.load(row + o + 16),
      f64x2.add(f64x2.mul(va, v128.load(y + o + 16)), f64x2.mul(vb, v128.load(x + o + 16))));
    v128.store(row + o, r0);
    v128.store(row + o + 16, r1);
    acc0 = f64x2.add(acc0, f64x2.mul(r0, v128.load(v + o)));
    acc1 = f64x2.add(acc1, f64x2.mul(r1, v128.load(v + o + 16)));
  }
  let s = 0.0;
  for (; j < len; j++) {
    const r = ldf(row, j) - (a * ldf(y, j) + b * ldf(x, j));
    stf(row, j, r);
    s += r * ldf(v, j);
  }
  return ((f64x2.extract_lane(acc0, 0) + f64x2.extract_lane(acc1, 0)) +
          (f64x2.extract_lane(acc0, 1) + f64x2.extract_lane(acc1, 1))) + s;
}

/** row[j] -= a y[j] + b x[j] for j < len (the pending update alone). */
function rank2Row(row: usize, x: usize, y: usize, a: f64, b: f64, len: i32): void {
  const va = f64x2.splat(a), vb = f64x2.splat(b);
  let j = 0;
  for (; j + 1 < len; j += 2) {
    const o = <usize>j << 3;
    v128.store(row + o, f64x2.sub(v128.load(row + o),
      f64x2.add(f64x2.mul(va, v128.load(y + o)), f64x2.mul(vb, v128.load(x + o)))));
  }
  for (; j < len; j++) stf(row, j, ldf(row, j) - (a * ldf(y, j) + b * ldf(x, j)));
}

/**
 * Reduces the symmetric n x n row-major matrix at `a` (both triangles valid) to tridiagonal form:
 * diagonal d (n), off-diagonal e (n-1, e_k couples k and k+1), reflector scalars tau (n). Row k of
 * `a` keeps v_k in columns k+2..n-1 (v_k's leading 1 at column k+1 is implicit).
 */
function tridiagonalize(a: usize, n: i32, d: usize, e: usize, tau: usize): void {
  stf(tau, n - 1, 0);
  if (n == 1) { stf(d, 0, ldf(a, 0)); return; }
  // pending update (v, w) of the previous step, indexed from its first row; current (cv, cw)
  let pv = allocF64(n), pw = allocF64(n), cv = allocF64(n), cw = allocF64(n);
  let pend = false;
  const nB = <usize>n << 3;
  for (let k = 0; k < n - 1; k++) {
    const m = n - k - 1;
    const rowk = a + <usize>k * nB;
    // row k receives the pending update first: it defines this step's reflector
    if (pend) rank2Row(rowk + (<usize>k << 3), pv, pw, ldf(pv, 0), ldf(pw, 0), m + 1);
    stf(d, k, ldf(rowk, k));
    stf(tau, k, 0);
    if (m == 1) {
      const last = a + <usize>(n - 1) * nB + (<usize>(n - 1) << 3);
      if (pend) {
        const x1 = ldf(pv, 1), y1 = ldf(pw, 1);
        store<f64>(last, load<f64>(last) - (x1 * y1 + y1 * x1));
      }
      stf(e, k, ldf(rowk, k + 1));
      stf(d, n - 1, load<f64>(last));
      break;
    }
    // reflector H = I - tau v v^T with H x = beta e_1 for x = A[k, k+1..n-1] (v_0 = 1)
    const x = rowk + (<usize>(k + 1) << 3);
    const alpha = load<f64>(x);
    let ss = 0.0;
    for (let j = 1; j < m; j++) { const t = ldf(x, j); ss += t * t; }
    let t = 0.0;
    stf(cv, 0, 1);
    if (ss == 0) {
      // nothing to annihilate (also when the squares underflowed: max |a_ij| >= 1/2 after scaling,
      // so such entries are below 1e-150 |A| and dropping them is a backward error far under eps)
      for (let j = 1; j < m; j++) stf(cv, j, 0);
      stf(e, k, alpha);
    } else {
      const beta = -copysign<f64>(Math.sqrt(alpha * alpha + ss), alpha);
      t = (beta - alpha) / beta;
      const sc = 1.0 / (alpha - beta);
      for (let j = 1; j < m; j++) stf(cv, j, ldf(x, j) * sc);
      stf(e, k, beta);
    }
    stf(tau, k, t);
    // one pass over rows k+1..n-1: apply the pending update, then p_i = tau (B v)_i
    for (let i = k + 1; i < n; i++) {
      const row = a + <usize>i * nB + (<usize>(k + 1) << 3);
      let s: f64;
      if (pend) {
        const r = i - k; // index of row i in the pending vectors (they start at row k)
        s = rank2RowDot(row, pv + 8, pw + 8, ldf(pv, r), ldf(pw, r), cv, m);
      } else {
        s = dot(row, cv, m);
      }
      stf(cw, i - k - 1, t * s);
    }
    // w = p - (tau/2)(p^T v) v
    let pv2 = 0.0;
    for (let j = 0; j < m; j++) pv2 += ldf(cw, j) * ldf(cv, j);
    const c2 = -0.5 * t * pv2;
    for (let j = 0; j < m; j++) stf(cw, j, ldf(cw, j) + c2 * ldf(cv, j));
    // keep v_k (without its leading 1) in row k for the accumulation of Q
    for (let j = 1; j < m; j++) stf(x, j, ldf(cv, j));
    // the new step becomes the pending one
    let tmp = pv; pv = cv; cv = tmp;
    tmp = pw; pw = cw; cw = tmp;
    pend = t != 0;
  }
  heap.free(pv); heap.free(pw); heap.free(cv); heap.free(cw);
}

// ---- phase 2: accumulate Q ------------------------------------------------------------------------

/**
 * q <- Q = H_0 ... H_(n-3) (row-major n x n) from the reflectors kept in `a` and tau, by backward
 * accumulation M <- H_k M (M = H_(k+1) ... H_(n-3) is the identity outside rows and columns
 * k+2..n-1). With u_k = v_k^T M over the trailing block, H_k M = M - tau_k v_k u_k^T. One pass
 * over the block rows applies step k and, row by row while the row is in cache, accumulates
 * u_(k-1) = v_(k-1)^T M for the next step (its first entry is 1: row k of M is e_k there).
 */
function formQ(a: usize, n: i32, tau: usize, q: usize): void {
  const nB = <usize>n << 3;
  memory.fill(q, 0, <usize>n * nB);
  for (let i = 0; i < n; i++) stf(q, i * n + i, 1);
  if (n < 3) return;
  let u = allocF64(n), un = allocF64(n);
  // u_(n-3) = v_(n-3)^T I = v_(n-3)
  {
    const k = n - 3;
    const v = a + <usize>k * nB + (<usize>(k + 1) << 3);
    stf(u, 0, 1);
    stf(u, 1, ldf(v, 1));
  }
  for (let k = n - 3; k >= 0; k--) {
    const t = ldf(tau, k);
    const m = n - k - 1;
    const v = a + <usize>k * nB + (<usize>(k + 1) << 3);     // v_k, v[0] = 1 implicit
    const hasNext = k > 0 && ldf(tau, k - 1) != 0;
    if (t == 0 && !hasNext) continue;
    const vn = a + <usize>(k - 1) * nB + (<usize>k << 3);   // v_(k-1), vn[0] = 1 implicit
    if (hasNext) { stf(un, 0, 1); memory.fill(un + 8, 0, <usize>m << 3); }
    const base = q + <usize>(k + 1) * nB + (<usize>(k + 1) << 3);
    for (let i = 0; i < m; i++) {
      const row = base + <usize>i * nB;
      if (t != 0) {
        const f = t * (i == 0 ? 1.0 : ldf(v, i));
        const vf = f64x2.splat(f);
        let j = 0;
        for (; j + 1 < m; j += 2) {
          const o = <usize>j << 3;
          v128.store(row + o, f64x2.sub(v128.load(row + o), f64x2.mul(vf, v128.load(u + o))));
        }
        if (j < m) stf(row, j, ldf(row, j) - f * ldf(u, j));
      }
      if (hasNext) {
        // un[1 + j] += vn[i + 1] * row[j]
        const c = ldf(vn, i + 1);
        if (c != 0) {
          const vc = f64x2.splat(c);
          const dst = un + 8;
          let j = 0;
          for (; j + 1 < m; j += 2) {
            const o = <usize>j << 3;
            v128.store(dst + o, f64x2.add(v128.load(dst + o), f64x2.mul(vc, v128.load(row + o))));
          }
          if (j < m) stf(dst, j, ldf(dst, j) + c * ldf(row, j));
        }
      }
    }
    const tmp = u; u = un; un = tmp;
  }
  heap.free(u); heap.free(un);
}

// ---- phase 3: tridiagonal QL / QR with buffered rotations ------------------------------------------

// Rotation buffer: rotation r is (c_r, s_r) acting on rows (i, i+1) of W as
//   W_(i+1) <- c W_(i+1) - s W_i,   W_i <- c W_i + s W_(i+1)   (right-hand sides use old rows).
// A sweep is (lo, hi, dir): dir 0 = QL (planes hi-1, hi-2, ..., lo), dir 1 = QR (lo, ..., hi-1).
@unmanaged class RotBuf {
  w: usize;      // W = V^T, n x n row-major (0 when vectors are not wanted)
  n: i32;
  c: usize;      // f64[cap]
  s: usize;      // f64[cap]
  sw: usize;     // i32[3 * cap]
  cap: i32;
  nrot: i32;
  nsw: i32;
}

function flush(rb: RotBuf): void {
  if (rb.nsw == 0) return;
  const n = rb.n;
  const nB = <usize>n << 3;
  let c0 = 0;
  // 8 columns at a time: the moving row lives in four registers for the whole sweep
  for (; c0 + 8 <= n; c0 += 8) {
    const col = rb.w + (<usize>c0 << 3);
    let r = 0;
    for (let q = 0; q < rb.nsw; q++) {
      const lo = ldi(rb.sw, 3 * q), hi = ldi(rb.sw, 3 * q + 1), dir = ldi(rb.sw, 3 * q + 2);
      if (dir == 0) {
        let p = col + <usize>hi * nB;
        let x0 = v128.load(p), x1 = v128.load(p, 16), x2 = v128.load(p, 32), x3 = v128.load(p, 48);
        for (let i = hi - 1; i >= lo; i--, r++) {
          const cc = f64x2.splat(ldf(rb.c, r)), sv = f64x2.splat(ldf(rb.s, r));
          const pi = col + <usize>i * nB;
          const y0 = v128.load(pi), y1 = v128.load(pi, 16), y2 = v128.load(pi, 32), y3 = v128.load(pi, 48);
          v128.store(p, f64x2.sub(f64x2.mul(cc, x0), f64x2.mul(sv, y0)));
          v128.store(p, f64x2.sub(f64x2.mul(cc, x1), f64x2.mul(sv, y1)), 16);
          v128.store(p, f64x2.sub(f64x2.mul(cc, x2), f64x2.mul(sv, y2)), 32);
          v128.store(p, f64x2.sub(f64x2.mul(cc, x3), f64x2.mul(sv, y3)), 48);
          x0 = f64x2.add(f64x2.mul(cc, y0), f64x2.mul(sv, x0));
          x1 = f64x2.add(f64x2.mul(cc, y1), f64x2.mul(sv, x1));
          x2 = f64x2.add(f64x2.mul(cc, y2), f64x2.mul(sv, x2));
          x3 = f64x2.add(f64x2.mul(cc, y3), f64x2.mul(sv, x3));
          p = pi;
        }
        v128.store(p, x0); v128.store(p, x1, 16); v128.store(p, x2, 32); v128.store(p, x3, 48);
      } else {
        let p = col + <usize>lo * nB;
        let x0 = v128.load(p), x1 = v128.load(p, 16), x2 = v128.load(p, 32), x3 = v128.load(p, 48);
        for (let i = lo; i < hi; i++, r++) {
          const cc = f64x2.splat(ldf(rb.c, r)), sv = f64x2.splat(ldf(rb.s, r));
          const pn = col + <usize>(i + 1) * nB;
          const y0 = v128.load(pn), y1 = v128.load(pn, 16), y2 = v128.load(pn, 32), y3 = v128.load(pn, 48);
          v128.store(p, f64x2.add(f64x2.mul(cc, x0), f64x2.mul(sv, y0)));
          v128.store(p, f64x2.add(f64x2.mul(cc, x1), f64x2.mul(sv, y1)), 16);
          v128.store(p, f64x2.add(f64x2.mul(cc, x2), f64x2.mul(sv, y2)), 32);
          v128.store(p, f64x2.add(f64x2.mul(cc, x3), f64x2.mul(sv, y3)), 48);
          x0 = f64x2.sub(f64x2.mul(cc, y0), f64x2.mul(sv, x0));
          x1 = f64x2.sub(f64x2.mul(cc, y1), f64x2.mul(sv, x1));
          x2 = f64x2.sub(f64x2.mul(cc, y2), f64x2.mul(sv, x2));
          x3 = f64x2.sub(f64x2.mul(cc, y3), f64x2.mul(sv, x3));
          p = pn;
        }
        v128.store(p, x0); v128.store(p, x1, 16); v128.store(p, x2, 32); v128.store(p, x3, 48);
      }
    }
  }
  // remaining columns one at a time, same formulas in scalar form
  for (; c0 < n; c0++) {
    const col = rb.w + (<usize>c0 << 3);
    let r = 0;
    for (let q = 0; q < rb.nsw; q++) {
      const lo = ldi(rb.sw, 3 * q), hi = ldi(rb.sw, 3 * q + 1), dir = ldi(rb.sw, 3 * q + 2);
      if (dir == 0) {
        let p = col + <usize>hi * nB;
        let x = load<f64>(p);
        for (let i = hi - 1; i >= lo; i--, r++) {
          const cc = ldf(rb.c, r), sv = ldf(rb.s, r);
          const pi = col + <usize>i * nB;
          const y = load<f64>(pi);
          store<f64>(p, cc * x - sv * y);
          x = cc * y + sv * x;
          p = pi;
        }
        store<f64>(p, x);
      } else {
        let p = col + <usize>lo * nB;
        let x = load<f64>(p);
        for (let i = lo; i < hi; i++, r++) {
          const cc = ldf(rb.c, r), sv = ldf(rb.s, r);
          const pn = col + <usize>(i + 1) * nB;
          const y = load<f64>(pn);
          store<f64>(p, cc * x + sv * y);
          x = cc * y - sv * x;
          p = pn;
        }
        store<f64>(p, x);
      }
    }
  }
  rb.nrot = 0;
  rb.nsw = 0;
}

/** Reserves room for a sweep of `count` rotations, flushing the buffer when it is full. */
@inline function beginSweep(rb: RotBuf, lo: i32, hi: i32, dir: i32): i32 {
  if (rb.nrot + (hi - lo) > rb.cap || rb.nsw == rb.cap) flush(rb);
  const q = rb.nsw++;
  sti(rb.sw, 3 * q, lo); sti(rb.sw, 3 * q + 1, hi); sti(rb.sw, 3 * q + 2, dir);
  return rb.nrot;
}

/** Plane rotation [c s; -s c] [g; f] = [r; 0]; returns r and leaves c, s in the globals. */
let rotC: f64 = 1, rotS: f64 = 0;
@inline function givens(g: f64, f: f64): f64 {
  if (f == 0) { rotC = 1; rotS = 0; return g; }
  if (g == 0) { rotC = 0; rotS = 1; return f; }
  const r = Math.hypot(g, f);
  rotC = g / r; rotS = f / r;
  return r;
}

@inline function negligible(e: f64, d0: f64, d1: f64): bool {
  return e * e <= EPS2 * Math.abs(d0) * Math.abs(d1) + SAFMIN;
}

/**
 * Eigenvalues of the tridiagonal (d, e) into d (unordered); rotations recorded in rb when rb.w != 0.
 * Returns 0, or 1 if 30 n iterations did not suffice (never observed; reported, not hidden).
 */
function tridiagQL(d: usize, e: usize, n: i32, rb: RotBuf): i32 {
  const vec = rb.w != 0;
  const maxit = MAXIT_PER_N * n;
  let iters = 0;
  let l1 = 0;
  while (l1 < n) {
    // split off the next unreduced block [l, lend]
    let m = l1;
    for (; m < n - 1; m++) {
      const t = Math.abs(ldf(e, m));
      if (t == 0) break;
      if (t <= Math.sqrt(Math.abs(ldf(d, m))) * Math.sqrt(Math.abs(ldf(d, m + 1))) * EPS) {
        stf(e, m, 0);
        break;
      }
    }
    let l = l1;
    let lend = m;
    l1 = m + 1;
    if (lend == l) continue;
    if (Math.abs(ldf(d, lend)) >= Math.abs(ldf(d, l))) {
      // QL: eigenvalues converge at the top of the block
      while (l <= lend) {
        let mm = l;
        for (; mm < lend; mm++) if (negligible(ldf(e, mm), ldf(d, mm), ldf(d, mm + 1))) break;
        if (mm < lend) stf(e, mm, 0);
        if (mm == l) { l++; continue; }
        if (iters == maxit) return 1;
        iters++;
        // Wilkinson shift from the leading 2 x 2 (the eigenvalue of it nearer to d_l)
        const el = ldf(e, l), dl = ldf(d, l);
        let g = (ldf(d, l + 1) - dl) / (2.0 * el);
        let r = Math.hypot(g, 1.0);
        g = ldf(d, mm) - dl + el / (g + copysign<f64>(r, g));
        let s = 1.0, c = 1.0, p = 0.0;
        let ri = vec ? beginSweep(rb, l, mm, 0) : 0;
        for (let i = mm - 1; i >= l; i--) {
          const ei = ldf(e, i);
          const f = s * ei, b = c * ei;
          r = givens(g, f);
          c = rotC; s = rotS;
          if (i != mm - 1) stf(e, i + 1, r);
          g = ldf(d, i + 1) - p;
          r = (ldf(d, i) - g) * s + 2.0 * c * b;
          p = s * r;
          stf(d, i + 1, g + p);
          g = c * r - b;
          if (vec) { stf(rb.c, ri, c); stf(rb.s, ri, -s); ri++; }
        }
        if (vec) rb.nrot = ri;
        stf(d, l, ldf(d, l) - p);
        stf(e, l, g);
      }
    } else {
      // QR: eigenvalues converge at the bottom of the block
      let hi = lend;
      const lo = l;
      while (hi >= lo) {
        let mm = hi;
        for (; mm > lo; mm--) if (negligible(ldf(e, mm - 1), ldf(d, mm), ldf(d, mm - 1))) break;
        if (mm > lo) stf(e, mm - 1, 0);
        if (mm == hi) { hi--; continue; }
        if (iters == maxit) return 1;
        iters++;
        const eh = ldf(e, hi - 1), dh = ldf(d, hi);
        let g = (ldf(d, hi - 1) - dh) / (2.0 * eh);
        let r = Math.hypot(g, 1.0);
        g = ldf(d, mm) - dh + eh / (g + copysign<f64>(r, g));
        let s = 1.0, c = 1.0, p = 0.0;
        let ri = vec ? beginSweep(rb, mm, hi, 1) : 0;
        for (let i = mm; i < hi; i++) {
          const ei = ldf(e, i);
          const f = s * ei, b = c * ei;
          r = givens(g, f);
          c = rotC; s = rotS;
          if (i != mm) stf(e, i - 1, r);
          g = ldf(d, i) - p;
          r = (ldf(d, i + 1) - g) * s + 2.0 * c * b;
          p = s * r;
          stf(d, i, g + p);
          g = c * r - b;
          if (vec) { stf(rb.c, ri, c); stf(rb.s, ri, s); ri++; }
        }
        if (vec) rb.nrot = ri;
        stf(d, hi, ldf(d, hi) - p);
        stf(e, hi - 1, g);
      }
    }
  }
  if (vec) flush(rb);
  return 0;
}

// ---- phase 4: one Newton-Schulz step towards the nearest orthogonal matrix ---------------------------

/**
 * V <- V (3I - V^T V) / 2 = V - V E / 2 with E = V^T V - I: one step of the Newton-Schulz iteration
 * for the orthogonal polar factor (Higham, Functions of Matrices, SIAM 2008, eq. 8.20), which maps
 * ||E|| to about (3/4) ||E||^2 plus rounding. The QL rotations leave ||E||_F near 0.25 n eps (the
 * accuracy of LAPACK's xSTEQR); after this step the columns are orthonormal to rounding level
 * (about sqrt(n) eps) for two matrix products. Each column moves by about ||E e_k||, which is far
 * below the eigenvector's own accuracy, so the residual ||A V - V L|| does not change measurably.
 */
function orthoPolish(v: usize, n: i32): void {
  const t = allocF64(n * n), g = allocF64(n * n);
  transpose(v, t, n, n);
  // G = V^T V is symmetric: compute the blocks on and above the diagonal, mirror the rest
  const B = 64;
  for (let i0 = 0; i0 < n; i0 += B) {
    const mb = min(B, n - i0);
    gemm(t + (<usize>i0 * <usize>n << 3), n, v + (<usize>i0 << 3), n, g + (<usize>(i0 * n + i0) << 3), n, mb, n, n - i0);
  }
  for (let i = 1; i < n; i++) {
    for (let j = 0; j < min(i, (i / B) * B); j++) stf(g, i * n + j, ldf(g, j * n + i));
  }
  for (let i = 0; i < n; i++) stf(g, i * n + i, ldf(g, i * n + i) - 1.0);
  gemm(v, n, g, n, t, n, n, n, n);                 // T = V E
  const half = f64x2.splat(0.5);
  const nn = n * n;
  let i = 0;
  for (; i + 1 < nn; i += 2) {
    const o = <usize>i << 3;
    v128.store(v + o, f64x2.sub(v128.load(v + o), f64x2.mul(half, v128.load(t + o))));
  }
  if (i < nn) stf(v, i, ldf(v, i) - 0.5 * ldf(t, i));
  heap.free(t); heap.free(g);
}

// ---- entry point ------------------------------------------------------------------------------------

/**
 * Eigenvalues (ascending, into `values`) and, when wantVectors != 0, orthonormal eigenvectors as the
 * columns of the row-major n x n matrix at `vectors`. Only the lower triangle of `a` is read; `a` is
 * overwritten. Returns 0 on success, 1 when the QL iteration did not converge.
 */
export function symEigExec(a: usize, n: i32, values: usize, vectors: usize, wantVectors: i32): i32 {
  const nB = <usize>n << 3;
  // mirror the lower triangle and find the scale
  let amax = 0.0;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      const v = ldf(a, i * n + j);
      stf(a, j * n + i, v);
      const t = Math.abs(v);
      if (t > amax) amax = t;
    }
  }
  if (amax == 0) {
    for (let i = 0; i < n; i++) stf(values, i, 0);
    if (wantVectors) {
      memory.fill(vectors, 0, <usize>n * nB);
      for (let i = 0; i < n; i++) stf(vectors, i * n + i, 1);
    }
    return 0;
  }
  // scale by 2^-(ex+1) so that max |a_ij| is in [1/2, 1); split into two exact factors
  const shift = -(exponentOf(amax) + 1);
  const s1 = shift / 2, s2 = shift - s1;
  if (shift != 0) {
    const f1 = pow2(s1), f2 = pow2(s2);
    for (let i = 0, nn = n * n; i < nn; i++) stf(a, i, ldf(a, i) * f1 * f2);
  }
  const d = allocF64(n), e = allocF64(n), tau = allocF64(n);
  tridiagonalize(a, n, d, e, tau);
  const rb = changetype<RotBuf>(heap.alloc(offsetof<RotBuf>()));
  rb.w = 0; rb.n = n; rb.nrot = 0; rb.nsw = 0; rb.cap = 0; rb.c = 0; rb.s = 0; rb.sw = 0;
  if (wantVectors) {
    formQ(a, n, tau, vectors);
    rb.w = heap.alloc(<usize>n * nB);
    transpose(vectors, rb.w, n, n);
    // about 256 KiB of rotations per flush (cache-resident while the strips of W stream by)
    rb.cap = max(n, 16384);
    rb.c = allocF64(rb.cap);
    rb.s = allocF64(rb.cap);
    rb.sw = heap.alloc(<usize>rb.cap * 12);
  }
  const info = tridiagQL(d, e, n, rb);
  // ascending order (stable selection of the permutation), undo the scaling
  const perm = heap.alloc(<usize>n << 2);
  for (let i = 0; i < n; i++) sti(perm, i, i);
  for (let i = 0; i < n - 1; i++) {
    let kmin = i;
    let vmin = ldf(d, ldi(perm, i));
    for (let k = i + 1; k < n; k++) {
      const v = ldf(d, ldi(perm, k));
      if (v < vmin) { vmin = v; kmin = k; }
    }
    if (kmin != i) {
      // shift to keep equal values in their original order
      const pk = ldi(perm, kmin);
      for (let k = kmin; k > i; k--) sti(perm, k, ldi(perm, k - 1));
      sti(perm, i, pk);
    }
  }
  const u1 = pow2(-s1), u2 = pow2(-s2);
  for (let i = 0; i < n; i++) stf(values, i, ldf(d, ldi(perm, i)) * u1 * u2);
  if (wantVectors) {
    // vectors[i][k] = W[perm[k]][i], in 16-column tiles
    const w = rb.w;
    for (let k0 = 0; k0 < n; k0 += 16) {
      const k1 = min(k0 + 16, n);
      for (let i = 0; i < n; i++) {
        const out = vectors + <usize>i * nB;
        for (let k = k0; k < k1; k++) stf(out, k, ldf(w, ldi(perm, k) * n + i));
      }
    }
    heap.free(rb.w); heap.free(rb.c); heap.free(rb.s); heap.free(rb.sw);
    if (n > 1) orthoPolish(vectors, n);
  }
  heap.free(changetype<usize>(rb));
  heap.free(perm); heap.free(d); heap.free(e); heap.free(tau);
  return info;
}
