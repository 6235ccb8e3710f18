// log K_v(x) for 0 <= v < 17 and x > 2 by Temme's method (N. M. Temme, "On the numerical
// evaluation of the modified Bessel function of the third kind", J. Comput. Phys. 19 (1975)
// 324-337; the same equations as Steed's algorithm in Thompson & Barnett, Comput. Phys. Commun.
// 47 (1987) 245-257), derived here as follows.
//
// With v = n + mu, |mu| <= 1/2, a = mu + 1/2, b = 2 mu + 1 and z = 2x,
//   K_mu(x) = sqrt(pi) (2x)^mu e^-x U(a, b, 2x)                          (DLMF 10.39.6, 13.6.10)
// and z_k = U(a + k, b, 2x) satisfies (DLMF 13.3.7, a -> a + k)
//   z_{k-1} = 2 (k + x) z_k - a_k z_{k+1},   a_k = (k + 1/2)^2 - mu^2 = (a + k)(a - b + 1 + k),
// whose minimal solution z_k is what we want (the three-term recurrence's continued fraction, CF2,
// is z_1/z_0). Two relations close the system:
//   K_{mu+1} / K_mu = (mu + 1/2 + x - a_0 z_1/z_0) / x           (from U' = -a U(a+1, b+1) and
//                                                                  the contiguous relations)
//   sum_{k>=0} C_k z_k = (2x)^-a,  C_k = prod_{j<k} a_j / k!     (Temme's normalising sum)
// so that e^x K_mu = sqrt(pi / (2x)) z_0 / sum_k C_k z_k, a ratio in which any common scale of the
// z_k cancels. All a_k >= 0 and z_k > 0: the sum has positive terms, nothing cancels.
//
// Steed's algorithm evaluates the truncated continued fraction and the partial sum forward with a
// division per step. We evaluate the same truncation backward (Miller's form): z_{N+1} = 0,
// z_N = tiny, the recurrence down to z_0, and the sum by nested multiplication
//   T_N = z_N,  T_{k-1} = z_{k-1} + (a_{k-1} / k) T_k,  T_0 = sum_k C_k z_k,
// which needs no division (1/k and k (k + 1) come from tables) and no transcendental in the loop.
// Backward recurrence is stable for the minimal solution. Two steps are fused per iteration,
//   z_{k-1} = B_k z_k - a_k z_{k+1},  z_{k-2} = (B_{k-1} B_k - a_{k-1}) z_k - B_{k-1} a_k z_{k+1},
// (B_k = 2 (k + x)), so that the loop-carried chain is one multiply and one subtract per two steps.
// The depth N must be fixed in advance: the terms C_k z_k / z_0 decay only like
// exp(-2 sqrt(2 k x)) (the continued fraction's own error goes like exp(-4 sqrt(2 k x)), twice as
// fast in the exponent), so the sum sets N, which grows like 1/x (the depth rule is at logKTemmeCF).
// Then K_{j+1} = K_{j-1} + (2j/x) K_j upward to order v (stable for K: all terms positive), on the
// e^x scale, two steps per iteration as well.
//
// Against Temme's series (logKTemme in bessel.ts, used for x <= 2), measured over v in [0, 17):
// the series is faster up to x ~ 2.5 (110 vs 138 ns at x = 2, 100 vs 230 ns at x = 1), but
// loses accuracy above x ~ 1.5 (max error 1.2e-15 at 1.5, 2.1e-15 at 2, 1e-14 at 2.5, where
// this method stays below 7e-16), so the split at x = 2 is kept.
//
// This scalar form serves bessel.ts's reference path (logBesselKRef). logBesselK itself runs
// besselx2.ts's kcf4: the same recurrences four points at a time, each point at the depth of its
// quarter binade of x (the rule below at the bin's lower edge) and the order recurrence one step
// at a time.

import { KCF_INV, KCF_KK1, KCF_NMAX } from "./coeffs";

/** log(b e^-x) for b > 0 and 2 <= x <= 700: with m = round(x / log 2), log(b 2^-m) + (m log 2 - x).
 *  The second term is exact to ~1e-17 absolute (log 2 split Cody-Waite style: m LN2_HI is exact,
 *  and x - m LN2_HI is exact by Sterbenz), the first is O(1) wherever the result is; log(b) - x
 *  would leave an absolute error of up to half an ulp of log(b) where the result is near 0. */
// @ts-ignore: decorator
@inline function logScaled(b: f64, x: f64): f64 {
  const m = nearest(x * 1.4426950408889634);
  const s = reinterpret<f64>(<i64>(1023 - <i32>m) << 52);
  return Math.log(b * s) + ((m * 6.93147180369123816490e-01 - x) + m * 1.90821492927058770002e-10);
}

/**
 * log K_v(x) for 0 <= v < 17 and 2 <= x <= 180 (besselRegion() gives it 2 < x < max(22, 0.6 v^2))
 * by Temme's CF2 and normalising sum (header above), then upward recurrence to v.
 *
 * Depth: N = trunc(8 + 177/x + 11.31/sqrt(x)), rounded up to even. It bounds the smallest depth
 * at which both e^x K_mu and K_{mu+1}/K_mu carry a truncation error below 2^-58 relative
 * (measured at 45 digits for 19 values of mu in [-1/2, 1/2] and x in [2, 180]; a least-squares
 * fit of that depth in 1, 1/x, 1/sqrt(x), raised until it bounds every point): N = 104 at x = 2,
 * 48 at x = 5, 30 at x = 10, 18 at x = 22, 10 at x = 174. Cost: N/2 iterations of ~22 flops, one
 * sqrt, three divisions, one log, and n/2 iterations of the order recurrence.
 */
export function logKTemmeCF(v: f64, x: f64): f64 {
  const n = Math.floor(v + 0.5);
  const mu = v - n; // exact
  const a0 = (0.5 - mu) * (0.5 + mu); // a_0 = 1/4 - mu^2 without cancellation
  const rs = 1.0 / Math.sqrt(x);
  const ix = 1.0 / x;
  let N = <i32>(8.0 + 177.0 * ix + 11.31 * rs);
  N += N & 1;
  if (N > KCF_NMAX) N = KCF_NMAX; // x >= 2 needs at most 104
  // z_{N+1} = 0, z_N = T_N = 1e-150: from there the z_k grow by at most ~1e201 (x = 2) and at
  // least ~1e25 (x = 180) down to z_0, so nothing over- or underflows
  const x2 = 2.0 * x;
  let zp = 0.0, z = 1e-150, T = 1e-150;
  let kk = 2.0 * <f64>N; // 2k
  let ak = load<f64>(KCF_KK1 + (<usize>N << 3)) + a0; // a_k = k (k + 1) + a_0
  for (let k = N; k >= 2; k -= 2) {
    const a1 = load<f64>(KCF_KK1 + (<usize>(k - 1) << 3)) + a0; // a_{k-1}
    const a2 = load<f64>(KCF_KK1 + (<usize>(k - 2) << 3)) + a0; // a_{k-2}
    const b0 = x2 + kk, b1 = b0 - 2.0; // B_k, B_{k-1}
    const z1 = b0 * z - ak * zp; // z_{k-1}
    const z2 = (b1 * b0 - a1) * z - (b1 * ak) * zp; // z_{k-2}
    const c0 = a1 * load<f64>(KCF_INV + (<usize>k << 3)); // a_{k-1} / k
    const c1 = a2 * load<f64>(KCF_INV + (<usize>(k - 1) << 3)); // a_{k-2} / (k - 1)
    T = (z2 + c1 * z1) + (c1 * c0) * T; // T_{k-2}
    zp = z1;
    z = z2;
    ak = a2;
    kk -= 4.0;
  }
  // z = z_0, zp = z_1, T = T_0; e^x K_mu = sqrt(pi/2) / sqrt(x) z_0 / T_0
  let a = 1.2533141373155003 * rs * (z / T);
  if (n == 0) return logScaled(a, x);
  let b = a * ((mu + 0.5 + x - a0 * (zp / z)) / x); // e^x K_{mu+1}
  // c_j = 2 (mu + j) / x with 2/x as a double-double (th + tl): a rounded 2/x would be the same
  // relative error in every c_j, and the recurrence would compound it to ~n ulp
  const th = 2.0 * ix;
  let t = 134217729.0 * x;
  const xh = t - (t - x), xl = x - xh;
  t = 134217729.0 * ix;
  const ih = t - (t - ix), il = ix - ih;
  const p = x * ix;
  const pe = ((xh * ih - p) + xh * il + xl * ih) + xl * il; // x ix = p + pe exactly (Dekker)
  const tl = th * ((1.0 - p) - pe);
  const ni = <i32>n;
  let j = 1;
  for (; j + 1 < ni; j += 2) {
    // (K_{j-1}, K_j) -> (K_{j+1}, K_{j+2}): K_{j+2} = c_{j+1} K_{j-1} + (1 + c_{j+1} c_j) K_j
    const m0 = mu + <f64>j, m1 = m0 + 1.0; // exact: multiples of ulp(v), at most v
    const c = m0 * th + m0 * tl, d = m1 * th + m1 * tl;
    const na = a + c * b;
    b = d * a + (1.0 + d * c) * b;
    a = na;
  }
  if (j < ni) {
    const m0 = mu + <f64>j;
    b = a + (m0 * th + m0 * tl) * b;
  }
  return logScaled(b, x);
}
