// log Gamma(x) for x > 0, to a few ulp (absolute near the zeros at 1 and 2), used by the power
// series of log I_v (the factor 1 / Gamma(v + 1)) and by the vMF normaliser at kappa = 0.
//
// Reduction, in one place:
//   x >= 12          Stirling series (DLMF 5.11.1) with 10 terms: the first omitted term is
//                    below 1e-19 at x = 12.
//   1.5 <= x < 12    downward recurrence log Gamma(x) = log((x-1)...(x-n)) + log Gamma(x-n) to
//                    x - n in [1.5, 2.5): the product has at most 10 factors (no overflow) and
//                    log Gamma(x - n) >= -0.121, so no cancellation.
//   1.5 <= x < 2.5   Taylor series at 2 (DLMF 5.7.3 shifted by log(1 + e)): coefficients
//                    (-1)^k (zeta(k) - 1)/k fall like 2^-k, 30 terms for |e| <= 1/2.
//   0 < x < 1.5      upward recurrence log Gamma(x) = log Gamma(x + 1) - log x.

import { LGAMMA2_N, LGAMMA2_C, STIRLING_C, LN_SQRT_2PI } from "./coeffs";

/** log Gamma(2 + e), |e| <= 1/2, by Horner on the generated Taylor coefficients. */
// @ts-ignore: decorator
@inline function lgammaNear2(e: f64): f64 {
  let s = load<f64>(LGAMMA2_C + <usize>(LGAMMA2_N - 1) * 8);
  for (let k = LGAMMA2_N - 2; k >= 0; k--) s = s * e + load<f64>(LGAMMA2_C + <usize>k * 8);
  return s * e;
}

/** The series part of Stirling's formula, sum_k B_2k / (2k (2k-1) x^(2k-1)), for x >= 12. */
export function stirlingTail(x: f64): f64 {
  const r = 1.0 / x, r2 = r * r;
  let s = load<f64>(STIRLING_C + 9 * 8);
  for (let k = 8; k >= 0; k--) s = s * r2 + load<f64>(STIRLING_C + <usize>k * 8);
  return s * r;
}

function lgammaStirling(x: f64): f64 {
  // (x - 1/2)(log x - 1) - 1/2 rather than (x - 1/2) log x - x: the terms that cancel are smaller
  return (x - 0.5) * (Math.log(x) - 1.0) + (LN_SQRT_2PI - 0.5) + stirlingTail(x);
}

/** log Gamma(x): +Infinity at 0 and +Infinity, NaN for x < 0 and NaN (not needed by callers). */
export function logGamma(x: f64): f64 {
  if (!(x > 0)) return x == 0 ? Infinity : NaN;
  if (x >= 12) return x == Infinity ? Infinity : lgammaStirling(x);
  if (x < 1.5) {
    if (x < 0.5) {
      // two upward steps: log Gamma(x) = log Gamma(x + 2) - log(x (x + 1)), x + 2 in (2, 2.5)
      return lgammaNear2(x) - Math.log(x * (x + 1.0));
    }
    // x in [0.5, 1.5): log Gamma(x + 1) - log x, x + 1 in [1.5, 2.5); log x = log1p(x - 1)
    return lgammaNear2(x - 1.0) - Math.log1p(x - 1.0);
  }
  if (x < 2.5) return lgammaNear2(x - 2.0);
  let p = 1.0;
  let y = x;
  while (y >= 2.5) { y -= 1.0; p *= y; }
  return Math.log(p) + lgammaNear2(y - 2.0);
}
