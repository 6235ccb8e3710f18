// log I_v(x) and log K_v(x), two points at a time: every kernel below takes (v, x) as f64x2 lanes
// and runs the expansion of bessel.ts with lane-wise IEEE operations, so one pair costs about what
// one point did. Batches are sorted by region first (classify(), the region switch), so all
// lanes of a step take the same expansion. The Hankel, series, Temme and continued-fraction
// kernels take two pairs per call, written statement by statement for both so that their
// dependency chains overlap; Debye takes one. Each lane's term counts are its own and a lane past
// its count is frozen (its next terms are exactly zero), so a point's result does not depend on
// the points beside it, and the scalar entry points (a list of one) give the same bits as a batch.
// Points that the vector kernels do not serve (special values, arguments near the f64 limits,
// K at x < 1e-100) take the scalar code of bessel.ts (REGION_RARE).

import { vlog, vexp, vlog1p } from "../util/vmath";
import { debyeTailX2, debyeTailTinyX2, KTAB_TINY, KTAB_LARGE } from "./debyetail";
import { temmeTerms } from "./temmeterms";
import { seriesTerms } from "./seriesterms";
import { RGF } from "./rgammafit";
import {
  DEBYE_KMAX, DEBYE_VMIN, LN2, LN_SQRT_2PI, LN_SQRT_PI_2,
  UC_HI, UC_LO, QC_HI, QC_LO, RGAMMA_C, STIRLING_C, KCF_INV, KCF_KK1, KCF_NMAX,
} from "./coeffs";
import {
  V_DEBYE, hankelMinX,
  logBesselIRef, logBesselKRef, besselRegion,
  REGION_SERIES, REGION_HANKEL, REGION_DEBYE, REGION_CF, REGION_TEMME,
} from "./bessel";

// ---- the region switch ----------------------------------------------------------------------------
//
// Fine regions are the batch lists. Several share a kernel and differ only in which points they
// pair, so that both lanes of a pair need similar term counts:
//   id           kernel               points (z = x/v)
//   17 / 0 / 12  series               I, v < 11;        x < 2^-8 (two terms) / x < 2 / 2 <= x < max(22, 0.6 v^2)
//   18 / 1 / 13  seriesStirling       I, 11 <= v < 17;  same split in x
//    2           hankel               v < 17, x >= max(22, 0.6 v^2)
//    3 /  9      debye, double-double 1e-3 <= z < 0.35; v >= 64 / 17 <= v < 64
//    4 / 10      debye, log1p form    0.35 <= z <= 4;   same split in v
//    5 / 11      debye, plain         z > 4;            same split in v
//   15 / 16      debye, t ~ 1         z < 1e-3;         same split in v (debyeTiny: series in z^2)
//    6 / 14      temme                K, v < 17, 2^-15 <= x <= 2; v < 1.5 / v >= 1.5
//   17 / 18      temme                K, the same for 1e-100 <= x < 2^-15 (at most two terms)
//    7           kRec                 K, v < 17, 2 < x < max(22, 0.6 v^2)
//    8           scalar (bessel.ts)   everything else (R_RARE)
// (17 and 18 name different lists for I and K.)
// besselRegionFine maps them to bessel.ts's coarse names (REGION_*), which besselRegion() shows.

/** I: power series with 1/Gamma(v+1) from a fit (v < 11). */
export const R_SERIES: i32 = 0;
/** I: power series with Stirling's formula merged into the lead (11 <= v < 17). */
export const R_SERIES_STIRLING: i32 = 1;
export const R_HANKEL: i32 = 2;
/** Debye, 1e-3 <= z = x/v < 0.35: double-double s and q, log q = log(q_hi) + q_lo/q_hi. */
export const R_DEBYE_SMALL: i32 = 3;
/** Debye, 0.35 <= z <= 4: around z_c = 0.6627, where v eta(z) cancels: log q = -u_c + log1p(q/q_c - 1). */
export const R_DEBYE_MID: i32 = 4;
/** Debye, z > 4: plain arithmetic. Its error is about (s + v (|log q| + 1)) / |v eta(z)| ulp of
 *  the exponent, below 1.5 at z > 4 (eta ~ z). */
export const R_DEBYE_LARGE: i32 = 5;
/** K: Temme's series, 1e-100 <= x <= 2. */
export const R_TEMME: i32 = 6;
/** K: x > 2 below Hankel's threshold: Temme's continued fraction (kcf.ts; kcf4 here). */
export const R_KREC: i32 = 7;
/** Everything else: the scalar code of bessel.ts, lane by lane. */
export const R_RARE: i32 = 8;
/** Offset of the Debye lists for 17 <= v < 64 (R_DEBYE_SMALL..LARGE + 6 = 9..11): there the sum
 *  needs 8 to 19 terms, above 4 to 9. */
export const R_DEBYE_LOWV: i32 = 6;
/** Offset of the series lists for x >= 2 (12, 13): 12 to ~130 terms there, at most 13 below. */
export const R_SERIES_WIDE: i32 = 12;
/** Temme's series for v >= 1.5: an upward recurrence to order v of 1 to 16 steps (none below). */
export const R_TEMME_REC: i32 = 14;
/** Debye, z < 1e-3 (debyeTiny): the exponent v (log(z/2) + 1 + g(z^2)) with g a short series;
 *  t ~ 1, so each term of the sum is a short series in d = 1 - t^2, and fewer terms serve
 *  (debyeTailTinyX2). 16: the same for v < 64. */
export const R_DEBYE_TINY: i32 = 15;
export const R_DEBYE_TINY_LOWV: i32 = 16;
/** I: the series lists (0, 1) for x < SERIES_SMALLX = 2^-8, where two terms serve (17, 18). */
export const R_SERIES_SMALLX: i32 = 17;
/** K: the Temme lists (6, 14) for x < TEMME_SMALLX = 2^-15, where at most two terms are needed
 *  (17, 18): split off so that a four-point step of either list runs few terms. */
export const R_TEMME_SMALLX: i32 = 17;
export const N_REGIONS: i32 = 19;
/** Points per block of a batch (runBatch): each block is sorted into its regions' lists. */
const BLOCK: i32 = 1024;
const SERIES_SMALLX: f64 = 0.00390625;
const TEMME_SMALLX: f64 = 3.0517578125e-05;

/**
 * The region of (v, x) for kind 0 (I) or 1 (K, v already |v|). Arguments outside
 * 1e-150 < x < 1e150, v < 1e150 (where squares would overflow), NaN, zero and infinities are
 * R_RARE. Then, as in bessel.ts: v >= 17 Debye (split by z = x/v and at v = 64, as in the table
 * above); x >= max(22, 0.6 v^2) Hankel; otherwise the series for I (split at v = 11 and x = 2),
 * for K Temme's series at x <= 2 (split at v = 1.5) and the continued fraction above.
 */
// Constants of classifyX2 as splatted pairs, read with v128.load at fixed offsets (V8 rebuilds a
// v128.const at every use): region codes and offsets (i64), then thresholds (f64).
const CLS_I: usize = memory.data<i64>([2, 2, 5, 5, 6, 6, 7, 7, 8, 8, 12, 12, 14, 14, 5, 5, 17, 17, 11, 11, 7, 7], 16);
const CLS_F: usize = memory.data<f64>([1e-3, 1e-3, 0.35, 0.35, 4.0, 4.0, 64.0, 64.0, 17.0, 17.0, 22.0, 22.0,
  0.6, 0.6, 11.0, 11.0, 2.0, 2.0, 1.5, 1.5, 1e-100, 1e-100, 0.0, 0.0, 1e150, 1e150, 1e-150, 1e-150,
  TEMME_SMALLX, TEMME_SMALLX, SERIES_SMALLX, SERIES_SMALLX], 16);

/** The regions of two points (lanes; kind 0: I, 1: K with v already |v|), as i64 lanes. Branch-free
 *  and two points per step: on mixed inputs a branch per point would be mispredicted often, and
 *  the sort costs as much as a light kernel when done one point at a time. Comparison masks are
 *  -1 per lane, so codes are built by adding masks (and masked constants) rather than selecting. */
// @ts-ignore: decorator
@inline function classifyX2(v: v128, x: v128, kind: i32): v128 {
  const tiny = f64x2.lt(x, f64x2.mul(v, v128.load(CLS_F, 0)));
  const small = f64x2.lt(x, f64x2.mul(v, v128.load(CLS_F, 16)));
  const le4 = f64x2.le(x, f64x2.mul(v, v128.load(CLS_F, 32)));
  const lowv = f64x2.lt(v, v128.load(CLS_F, 48));
  const isDebye = f64x2.ge(v, v128.load(CLS_F, 64));
  // pmax, not max: they differ only for NaN v, which is R_RARE below either way
  const hankel = f64x2.ge(x, f64x2.pmax(v128.load(CLS_F, 80), f64x2.mul(f64x2.mul(v128.load(CLS_F, 96), v), v)));
  const two = v128.load(CLS_F, 128);
  // Debye (v >= 17, where tiny => small => le4): 5, minus 1 for le4 and 1 for small (4 / 3), plus
  // 12 for tiny (15); v < 64 adds 6 (9 / 10 / 11), or 1 to tiny (16)
  const lowv6 = v128.and(lowv, v128.load(CLS_I, 32));
  let rD = i64x2.add(i64x2.add(v128.load(CLS_I, 16), le4), i64x2.add(small, lowv6));
  rD = i64x2.add(rD, v128.and(tiny, i64x2.sub(v128.load(CLS_I, 80), v128.and(lowv, v128.load(CLS_I, 112)))));
  let rLow: v128;
  if (kind == 0) {
    // 0 / 1 by v < 11, plus 12 for x >= 2 or 17 for x < SERIES_SMALLX
    rLow = i64x2.sub(v128.or(v128.and(v128.load(CLS_I, 80), f64x2.ge(x, two)),
      v128.and(v128.load(CLS_I, 128), f64x2.lt(x, v128.load(CLS_F, 240)))), f64x2.ge(v, v128.load(CLS_F, 112)));
  } else {
    // 7 above x = 2; below, 14 / 6 by v >= 1.5 (under 1e-100: R_RARE by ok below), and those
    // below TEMME_SMALLX 18 / 17 (+4 / +11)
    const gt2 = f64x2.gt(x, two);
    const ge15 = f64x2.ge(v, v128.load(CLS_F, 144));
    rLow = i64x2.sub(i64x2.add(v128.load(CLS_I, 32),
      v128.and(v128.andnot(ge15, gt2), v128.load(CLS_I, 64))), gt2);
    rLow = i64x2.add(rLow, v128.and(f64x2.lt(x, v128.load(CLS_F, 224)),
      i64x2.sub(v128.load(CLS_I, 144), v128.and(ge15, v128.load(CLS_I, 160)))));
  }
  const r = v128.bitselect(rD, v128.bitselect(v128.load(CLS_I, 0), rLow, hankel), isDebye);
  let ok = v128.and(
    v128.and(f64x2.ge(v, v128.load(CLS_F, 176)), f64x2.lt(v, v128.load(CLS_F, 192))),
    v128.and(f64x2.gt(x, v128.load(CLS_F, 208)), f64x2.lt(x, v128.load(CLS_F, 192))));
  if (kind != 0) ok = v128.and(ok, v128.or(f64x2.ge(x, v128.load(CLS_F, 160)), isDebye));
  return v128.bitselect(r, v128.load(CLS_I, 64), ok);
}

/**
 * The region of one point (v, x): classifyX2 with both lanes equal, so a point's region is the
 * same alone as in a batch.
 */
// @ts-ignore: decorator
@inline export function classify(v: f64, x: f64, kind: i32): i32 {
  return <i32>i64x2.extract_lane(classifyX2(f64x2.splat(v), f64x2.splat(x), kind), 0);
}

/** The coarse name (bessel.ts's REGION_*) of the region that serves (v, x). */
export function besselRegionFine(v: f64, x: f64, kind: i32): i32 {
  switch (classify(v, x, kind)) {
    case 0: case 1: case 12: case 13: return REGION_SERIES;
    case 2: return REGION_HANKEL;
    case 3: case 4: case 5: case 9: case 10: case 11: case 15: case 16: return REGION_DEBYE;
    case 6: case 14: return REGION_TEMME;
    case 7: return REGION_CF;
    case 17: case 18: return kind == 0 ? REGION_SERIES : REGION_TEMME;
    default: return besselRegion(v, x, kind);
  }
}

// ---- f64x2 shorthands --------------------------------------------------------------------------

// @ts-ignore: decorator
@inline function sp(a: f64): v128 { return f64x2.splat(a); }
// @ts-ignore: decorator
@inline function ad(a: v128, b: v128): v128 { return f64x2.add(a, b); }
// @ts-ignore: decorator
@inline function sb(a: v128, b: v128): v128 { return f64x2.sub(a, b); }
// @ts-ignore: decorator
@inline function ml(a: v128, b: v128): v128 { return f64x2.mul(a, b); }
// @ts-ignore: decorator
@inline function dv(a: v128, b: v128): v128 { return f64x2.div(a, b); }
// @ts-ignore: decorator
@inline function pair(a: f64, b: f64): v128 { return f64x2.replace_lane(f64x2.splat(a), 1, b); }
// @ts-ignore: decorator
@inline function l0(a: v128): f64 { return f64x2.extract_lane(a, 0); }
// @ts-ignore: decorator
@inline function l1(a: v128): f64 { return f64x2.extract_lane(a, 1); }
/** a where mask is clear, +0 where it is set: a frozen lane adds exactly nothing. */
// @ts-ignore: decorator
@inline function unless(a: v128, mask: v128): v128 { return v128.andnot(a, mask); }

// error-free transformations, lane-wise (as in bessel.ts: Dekker's product, Veltkamp split)
// @ts-ignore: decorator
@inline function twoSumErr(a: v128, b: v128, s: v128): v128 {
  const bb = sb(s, a);
  return ad(sb(a, sb(s, bb)), sb(b, bb));
}
/** The rounding error of p = a a (Dekker's product with one split). */
// @ts-ignore: decorator
@inline function sqrErr(a: v128, p: v128): v128 {
  const t = ml(sp(134217729.0), a);
  const ah = sb(t, sb(t, a)), al = sb(a, ah);
  return ad(ad(sb(ml(ah, ah), p), ml(ad(ah, ah), al)), ml(al, al));
}
/** The rounding error of p = a c for a constant c (its split folded at compile time). */
// @ts-ignore: decorator
@inline function twoProdErrC(a: v128, c: f64, p: v128): v128 {
  const ch = c * 134217729.0 - (c * 134217729.0 - c), cl = c - ch;
  const t = ml(sp(134217729.0), a);
  const ah = sb(t, sb(t, a)), al = sb(a, ah);
  return ad(ad(ad(sb(ml(ah, sp(ch)), p), ml(ah, sp(cl))), ml(al, sp(ch))), ml(al, sp(cl)));
}
// @ts-ignore: decorator
@inline function twoProdErr(a: v128, b: v128, p: v128): v128 {
  const C = sp(134217729.0);
  let t = ml(C, a);
  const ah = sb(t, sb(t, a)), al = sb(a, ah);
  t = ml(C, b);
  const bh = sb(t, sb(t, b)), bl = sb(b, bh);
  return ad(ad(ad(sb(ml(ah, bh), p), ml(ah, bl)), ml(al, bh)), ml(al, bl));
}

// ---- Debye (DLMF 10.41.3, 10.41.4) -------------------------------------------------------------

/** Number of terms K (k < K) that Debye's sum needs at order v (DEBYE_VMIN, see gen_coeffs.py). */
function debyeTermsAt(v: f64): i32 {
  let K = 1;
  while (K < DEBYE_KMAX && load<f64>(DEBYE_VMIN + (<usize>K << 3)) > v) K++;
  return K;
}

// K per quarter octave of v from 16 up (index: exponent and top two mantissa bits), taken at the
// bin's lower end: K falls with v, so that K serves the whole bin. Filled once, at instantiation.
const KTAB: usize = memory.data(256);
for (let i = 0; i < 256; i++) {
  store<u8>(KTAB + <usize>i, <u8>debyeTermsAt(reinterpret<f64>(<u64>(i + ((1023 + 4) << 2)) << 50)));
}

// @ts-ignore: decorator
@inline function debyeTerms(v: f64, tab: usize): i32 {
  let i = <i32>(reinterpret<u64>(v) >> 50) - ((1023 + 4) << 2); // v >= 17: i >= 0
  return load<u8>(tab + <usize>(i < 255 ? i : 255));
}

/** K of the sum at t ~ 1 (R_DEBYE_TINY; generated table, see gen_debye_tail.py), v >= 16. */
// @ts-ignore: decorator
@inline function debyeTermsTiny(v: f64): i32 {
  let i = <i32>(reinterpret<u64>(v) >> 50) - ((1023 + 4) << 2);
  return load<u8>(KTAB_TINY + <usize>(i < 255 ? i : 255));
}

/** The Debye mode (R_DEBYE_SMALL, _MID, _LARGE, _TINY) of a Debye region. */
// @ts-ignore: decorator
@inline function debyeMode(r: i32): i32 {
  return r >= R_DEBYE_TINY ? R_DEBYE_TINY : r > R_RARE ? r - R_DEBYE_LOWV : r;
}

/** sum_{k=1}^{K-1} (sgn t / v)^k P_k(t^2) per lane, with each lane's own K (later terms masked),
 *  K from tab: KTAB (any t), or KTAB_LARGE where t < 1/sqrt(17) (z > 4). */
// @ts-ignore: decorator
@inline function debyeTail(v: v128, t: v128, sgn: f64, tab: usize): v128 {
  const K0 = debyeTerms(l0(v), tab), K1 = debyeTerms(l1(v), tab);
  return debyeTailX2(ml(t, t), dv(ml(sp(sgn), t), v), pair(<f64>K0, <f64>K1), K0 > K1 ? K0 : K1);
}

/**
 * Debye's expansion for both kinds (kind 0: I, 1: K). The exponent v eta(x/v) = s + v log q,
 * s = sqrt(v^2 + x^2), q = x / (v + s), is formed per the region's mode (see R_DEBYE_*): near
 * z_c it cancels, so s, v + s and q are double-doubles and log q = -u_c + log1p(q/q_c - 1) with
 * u_c to 106 bits (bessel.ts's debyeExponent explains the error budget).
 */
// @ts-ignore: decorator
@inline function debye(v: v128, x: v128, mode: i32, kind: i32): v128 {
  if (mode == R_DEBYE_TINY) return debyeTiny(v, x, kind);
  const v2 = ml(v, v), x2 = ml(x, x);
  const S = ad(v2, x2);
  const sh = f64x2.sqrt(S);
  // 1/s serves t = v/s, the correction sl and 1/sqrt(s) (each of those only needs a rounded
  // product: t and sl are small corrections, 1/sqrt(s) enters a logarithm near its ulp)
  const rs = dv(sp(1.0), sh);
  let e: v128;
  if (mode == R_DEBYE_LARGE) {
    e = ad(sh, ml(v, vlog(dv(x, ad(v, sh)))));
  } else {
    const Se = ad(ad(twoSumErr(v2, x2, S), sqrErr(v, v2)), sqrErr(x, x2));
    const p = ml(sh, sh);
    const sl = ml(ad(sb(sb(S, p), sqrErr(sh, p)), Se), ml(sp(0.5), rs));
    const dh = ad(v, sh);
    const dl = ad(twoSumErr(v, sh, dh), sl);
    // q = x / (v + s) as qh + ql: qh from a rounded reciprocal, ql from the exact remainder
    const rd = dv(sp(1.0), dh);
    const qh = ml(x, rd);
    const p2 = ml(qh, dh);
    const ql = ml(sb(sb(sb(x, p2), twoProdErr(qh, dh, p2)), ml(qh, dl)), rd);
    if (mode == R_DEBYE_MID) {
      const d = ml(ad(sb(qh, sp(QC_HI)), sb(ql, sp(QC_LO))), sp(1.0 / QC_HI));
      const lq = vlog1p(d);
      const pu = ml(v, sp(UC_HI));
      const pe = ad(twoProdErrC(v, UC_HI, pu), ml(v, sp(UC_LO)));
      const h = sb(sh, pu);
      const he = twoSumErr(sh, f64x2.neg(pu), h);
      e = ad(h, ad(sb(ad(he, sl), pe), ml(v, lq)));
    } else {
      e = ad(sh, ad(sl, ml(v, ad(vlog(qh), dv(ql, qh)))));
    }
  }
  const T = debyeTail(v, ml(v, rs), kind == 0 ? 1.0 : -1.0, mode == R_DEBYE_LARGE ? KTAB_LARGE : KTAB);
  const L = vlog(ml(ad(sp(1.0), T), f64x2.sqrt(rs)));
  return kind == 0 ? ad(sb(e, sp(LN_SQRT_2PI)), L) : ad(sb(sp(LN_SQRT_PI_2), e), L);
}

/**
 * Debye at z = x/v < 1e-3 (R_DEBYE_TINY): with a = z^2 < 1e-6, sqrt(1 + a) and log(1 + sqrt(1 + a))
 * are short series, so the exponent needs no square root and no division beyond 1/v:
 *   v eta = s + v log(x / (v + s)) = v (log(z/2) + 1 + g(a)),
 *   g(a) = sqrt(1 + a) - 1 - log((1 + sqrt(1 + a))/2) = a/4 - a^2/32 + a^3/96 - O(a^4),
 * and log((1 + T) / sqrt(s)) = log1p(T) - log(v)/2 - log1p(a)/4, log1p of |T| <= 0.005 (about
 * 1/(12 v), v >= 17) and of a by their Taylor series: each series stops where its omitted terms are
 * below 1e-18 absolute (g: 1e-26 relative), while the result is at least 6.6 v >= 112 in size.
 * z = x (1/v) has two roundings: log(z/2) then moves by 2.2e-16 absolute, 3e-17 of
 * |log(z/2) + 1| >= 6.6.
 */
// @ts-ignore: decorator
@inline function debyeTiny(v: v128, x: v128, kind: i32): v128 {
  const one = sp(1.0);
  const w = dv(one, v);
  const z = ml(x, w);
  const a = ml(z, z);
  const g = ml(a, sb(sp(0.25), ml(a, sb(sp(0.03125), ml(a, sp(0.010416666666666666))))));
  const e = ml(v, ad(ad(vlog(ml(z, sp(0.5))), one), g));
  const lv = vlog(v);
  // d = 1 - t^2 = a / (1 + a) = a - a^2 + a^3 - ...
  const d = ml(a, sb(one, ml(a, sb(one, a))));
  const K0 = debyeTermsTiny(l0(v)), K1 = debyeTermsTiny(l1(v));
  const T = debyeTailTinyX2(d, kind == 0 ? w : f64x2.neg(w), pair(<f64>K0, <f64>K1), K0 > K1 ? K0 : K1);
  // log1p(T) = T (1 - T/2 + T^2/3 - T^3/4 + T^4/5 - T^5/6 + T^6/7), error < T^8/8
  const T2 = ml(T, T);
  const p0 = sb(one, ml(T, sp(0.5))), p1 = sb(sp(0.3333333333333333), ml(T, sp(0.25)));
  const p2 = sb(sp(0.2), ml(T, sp(0.16666666666666666)));
  const lp = ml(T, ad(ad(p0, ml(T2, p1)), ml(ml(T2, T2), ad(p2, ml(T2, sp(0.14285714285714285))))));
  const L = sb(lp, ad(ml(sp(0.5), lv), ml(sp(0.25), sb(a, ml(sp(0.5), ml(a, a))))));
  return kind == 0 ? ad(sb(e, sp(LN_SQRT_2PI)), L) : ad(sb(sp(LN_SQRT_PI_2), e), L);
}

// ---- Hankel (DLMF 10.40.1, 10.40.2) ------------------------------------------------------------

// Terms of Hankel's sum per lane, fixed in advance (a test on the term chain in the loop cost more
// than the terms): HTAB[17 e + b] for orders v in [b, b + 1) and x in binade [2^(e+4), 2^(e+5)),
// the first k at which the bound prod_{j<=k} max(4 v_hi^2, (2j-1)^2) / (8 j x_lo) on |a_k(v)| / x^k
// is below 1.4e-18 (a tenth of the old test's 1.4e-17 |1 + T|: |T| <= 0.84 here), x_lo the
// smallest x of the bin inside the region (x >= max(22, 0.6 v^2)). Filled once, at instantiation;
// binades from 2^68 up need one term.
const HTAB: usize = memory.data(17 * 64);
for (let e = 0; e < 64; e++) {
  for (let b = 0; b < 17; b++) {
    const vh = <f64>(b + 1), vl = <f64>b;
    let xl = Math.pow(2.0, <f64>(e + 4));
    if (xl < 22.0) xl = 22.0;
    if (xl < 0.6 * vl * vl) xl = 0.6 * vl * vl;
    let bound = 1.0, best = 1.0, kBest = 1, k = 1;
    for (; k <= 64; k++) {
      const a = <f64>(2 * k - 1);
      const m = 4.0 * vh * vh > a * a ? 4.0 * vh * vh : a * a;
      bound *= m / (8.0 * <f64>k * xl);
      if (bound < best) { best = bound; kBest = k; }
      if (bound <= 1.4e-18) break;
    }
    store<u8>(HTAB + <usize>(17 * e + b), <u8>(k <= 64 ? k : kBest));
  }
}

// @ts-ignore: decorator
@inline function hankelTerms(v: f64, x: f64): f64 {
  const e = <i32>(reinterpret<u64>(x) >> 52) - (1023 + 4); // x >= 22: e >= 0
  return <f64>load<u8>(HTAB + <usize>(17 * (e < 63 ? e : 63) + <i32>v));
}


/** Results of the four-point kernels (hankel4, series4, seriesStirling4, temme4): pair A at Q4OUT,
 *  pair B at Q4OUT + 16. */
const Q4OUT: usize = memory.data(32, 16);

/**
 * Hankel's sum for I (kind 0) or K on two independent pairs of points (A, B), each step written for A
 * then B so that their dependency chains overlap in the CPU's window (the four-point kernels below
 * share this form; a single pair runs with A = B). Both pairs run to the smaller pair's term count,
 * then the pair with more terms goes on alone; a lane past its own count (HTAB) adds +0, so a lane's
 * bits do not depend on the other three. Results go to Q4OUT.
 */
// @ts-ignore: decorator
@inline function hankel4(vA: v128, xA: v128, vB: v128, xB: v128, kind: i32): void {
  const one = sp(1.0), two = sp(2.0);
  const muA = ml(sp(4.0), ml(vA, vA));
  const muB = ml(sp(4.0), ml(vB, vB));
  const sg = sp(kind == 0 ? -0.125 : 0.125);
  const rA = dv(sg, xA);
  const rB = dv(sg, xB);
  const NA0 = hankelTerms(l0(vA), l0(xA)), NA1 = hankelTerms(l1(vA), l1(xA));
  const NB0 = hankelTerms(l0(vB), l0(xB)), NB1 = hankelTerms(l1(vB), l1(xB));
  const NvA = pair(NA0, NA1);
  const NvB = pair(NB0, NB1);
  const nA = <i32>(NA0 > NA1 ? NA0 : NA1), nB = <i32>(NB0 > NB1 ? NB0 : NB1);
  const nAB = nA < nB ? nA : nB;
  let termA = one, TA = sp(0.0);
  let termB = one, TB = sp(0.0);
  let kf = sp(0.0), a = sp(-1.0);
  let k = 1;
  for (; k <= nAB; k += 2) {
    const k1 = ad(kf, one), a1 = ad(a, two);
    kf = ad(k1, one);
    a = ad(a1, two);
    const i1 = sp(load<f64>(KCF_INV + (<usize>k << 3))), i2 = sp(load<f64>(KCF_INV + (<usize>(k + 1) << 3)));
    const aa1 = ml(a1, a1), aa = ml(a, a);
    const t1A = unless(ml(termA, ml(ml(sb(muA, aa1), rA), i1)), f64x2.gt(k1, NvA));
    const t1B = unless(ml(termB, ml(ml(sb(muB, aa1), rB), i1)), f64x2.gt(k1, NvB));
    termA = unless(ml(t1A, ml(ml(sb(muA, aa), rA), i2)), f64x2.gt(kf, NvA));
    termB = unless(ml(t1B, ml(ml(sb(muB, aa), rB), i2)), f64x2.gt(kf, NvB));
    TA = ad(ad(TA, t1A), termA);
    TB = ad(ad(TB, t1B), termB);
  }
  // the pair with more terms goes on alone (the same step)
  const bLong = nB > nA;
  const mu = bLong ? muB : muA, r = bLong ? rB : rA, Nv = bLong ? NvB : NvA;
  let term = bLong ? termB : termA, T = bLong ? TB : TA;
  for (const n = bLong ? nB : nA; k <= n; k += 2) {
    const k1 = ad(kf, one), a1 = ad(a, two);
    kf = ad(k1, one);
    a = ad(a1, two);
    const t1 = unless(ml(term, ml(ml(sb(mu, ml(a1, a1)), r), sp(load<f64>(KCF_INV + (<usize>k << 3))))), f64x2.gt(k1, Nv));
    term = unless(ml(t1, ml(ml(sb(mu, ml(a, a)), r), sp(load<f64>(KCF_INV + (<usize>(k + 1) << 3))))), f64x2.gt(kf, Nv));
    T = ad(ad(T, t1), term);
  }
  if (bLong) TB = T; else TA = T;
  const LA = vlog(dv(ad(one, TA), f64x2.sqrt(xA)));
  const LB = vlog(dv(ad(one, TB), f64x2.sqrt(xB)));
  if (kind == 0) {
    v128.store(Q4OUT, ad(sb(xA, sp(LN_SQRT_2PI)), LA));
    v128.store(Q4OUT, ad(sb(xB, sp(LN_SQRT_2PI)), LB), 16);
  } else {
    v128.store(Q4OUT, ad(sb(sp(LN_SQRT_PI_2), xA), LA));
    v128.store(Q4OUT, ad(sb(sp(LN_SQRT_PI_2), xB), LB), 16);
  }
}

// ---- power series of I (DLMF 10.25.2) -----------------------------------------------------------

/** 1/Gamma(1 + f), 0 <= f < 1: 1 + f P(f), P of degree 15 (rgammafit.ts, gen_rgamma_fit.py) by
 *  Estrin's scheme (depth 4), its coefficients read as splatted pairs. */
// @ts-ignore: decorator
@inline function rgamma1p(f: v128): v128 {
  const f2 = ml(f, f), f4 = ml(f2, f2), f8 = ml(f4, f4);
  const e0 = ad(v128.load(RGF, 0), ml(v128.load(RGF, 16), f));
  const e1 = ad(v128.load(RGF, 32), ml(v128.load(RGF, 48), f));
  const e2 = ad(v128.load(RGF, 64), ml(v128.load(RGF, 80), f));
  const e3 = ad(v128.load(RGF, 96), ml(v128.load(RGF, 112), f));
  const e4 = ad(v128.load(RGF, 128), ml(v128.load(RGF, 144), f));
  const e5 = ad(v128.load(RGF, 160), ml(v128.load(RGF, 176), f));
  const e6 = ad(v128.load(RGF, 192), ml(v128.load(RGF, 208), f));
  const e7 = ad(v128.load(RGF, 224), ml(v128.load(RGF, 240), f));
  const g0 = ad(ad(e0, ml(e1, f2)), ml(ad(e2, ml(e3, f2)), f4));
  const g1 = ad(ad(e4, ml(e5, f2)), ml(ad(e6, ml(e7, f2)), f4));
  return ad(sp(1.0), ml(f, ad(g0, ml(g1, f8))));
}

/**
 * S_v(x) = sum_k (x^2/4)^k / (k! (v+1)_k), positive terms, for pairs A and B (interleaved as in
 * hankel4). Each lane sums a fixed number of terms N(v, x) from seriesterms.ts (gen_series_terms.py:
 * the omitted tail is below 2e-18 S), not a convergence test; a lane's terms past its own N are +0.
 * Two terms per step with one division: with D_k = k (v + k), t_k = t_{k-1} q / D_k, and
 * u = q / (D_k D_{k+1}), t_k = t_{k-1} (u D_{k+1}), t_{k+1} = t_{k-1} (u D_{k+1})(u D_k).
 * Both pairs run to the smaller pair's count, then the longer one goes on alone. Sums go to Q4OUT.
 */
// @ts-ignore: decorator
@inline function seriesSum4(vA: v128, xA: v128, vB: v128, xB: v128, smallx: bool): void {
  const one = sp(1.0), two = sp(2.0);
  const qA = ml(sp(0.25), ml(xA, xA));
  const qB = ml(sp(0.25), ml(xB, xB));
  if (smallx) {
    // x < SERIES_SMALLX (R_SERIES_SMALLX): seriesTerms gives 2 there, or 0 below 2^-28.5, where the
    // two terms are below 2e-18 and dropped all the same (the same step as the loop below)
    const d1A = ad(vA, one), d2A = ml(two, ad(vA, two));
    const d1B = ad(vB, one), d2B = ml(two, ad(vB, two));
    const tiny = sp(2.1073424255447017e-09); // 2^-28.5 rounded down
    const uA = unless(dv(qA, ml(d1A, d2A)), f64x2.lt(xA, tiny));
    const uB = unless(dv(qB, ml(d1B, d2B)), f64x2.lt(xB, tiny));
    const r1A = ml(uA, d2A), r1B = ml(uB, d2B);
    v128.store(Q4OUT, ad(one, ad(r1A, ml(r1A, ml(uA, d1A)))));
    v128.store(Q4OUT, ad(one, ad(r1B, ml(r1B, ml(uB, d1B)))), 16);
    return;
  }
  const NA0 = seriesTerms(l0(vA), l0(xA)), NA1 = seriesTerms(l1(vA), l1(xA));
  const NB0 = seriesTerms(l0(vB), l0(xB)), NB1 = seriesTerms(l1(vB), l1(xB));
  const nvA = pair(<f64>NA0, <f64>NA1);
  const nvB = pair(<f64>NB0, <f64>NB1);
  const kA = NA0 > NA1 ? NA0 : NA1, kB = NB0 > NB1 ? NB0 : NB1;
  const kAB = kA < kB ? kA : kB;
  let termA = one, TA = sp(0.0);
  let termB = one, TB = sp(0.0);
  let k1 = one;
  let k = 1;
  for (; k < kAB; k += 2) {
    const k2 = ad(k1, one);
    const d1A = ml(k1, ad(vA, k1)), d2A = ml(k2, ad(vA, k2));
    const d1B = ml(k1, ad(vB, k1)), d2B = ml(k2, ad(vB, k2));
    const uA = unless(dv(qA, ml(d1A, d2A)), f64x2.lt(nvA, k1));
    const uB = unless(dv(qB, ml(d1B, d2B)), f64x2.lt(nvB, k1));
    const r1A = ml(uA, d2A), r2A = ml(uA, d1A);
    const r1B = ml(uB, d2B), r2B = ml(uB, d1B);
    const t1A = ml(termA, r1A);
    const t1B = ml(termB, r1B);
    termA = ml(termA, ml(r1A, r2A));
    termB = ml(termB, ml(r1B, r2B));
    TA = ad(TA, ad(t1A, termA));
    TB = ad(TB, ad(t1B, termB));
    k1 = ad(k1, two);
  }
  // the pair with more terms goes on alone (the same step)
  const bLong = kB > kA;
  const v = bLong ? vB : vA, q = bLong ? qB : qA, nv = bLong ? nvB : nvA;
  let term = bLong ? termB : termA, T = bLong ? TB : TA;
  for (const n = bLong ? kB : kA; k < n; k += 2) {
    const k2 = ad(k1, one);
    const d1 = ml(k1, ad(v, k1)), d2 = ml(k2, ad(v, k2));
    const u = unless(dv(q, ml(d1, d2)), f64x2.lt(nv, k1));
    const r1 = ml(u, d2), r2 = ml(u, d1);
    const t1 = ml(term, r1);
    term = ml(term, ml(r1, r2));
    T = ad(T, ad(t1, term));
    k1 = ad(k1, two);
  }
  if (bLong) TB = T; else TA = T;
  v128.store(Q4OUT, ad(one, TA));
  v128.store(Q4OUT, ad(one, TB), 16);
}

/**
 * log I_v(x) = v log(x/2) + log(S_v(x) / Gamma(v + 1)) for v < 11, pairs A and B: v = n + f,
 * n = floor(v), 1/Gamma(v+1) = 1/Gamma(1+f) / (v (v-1) ... (1+f)), a product of at most 10 factors
 * (no overflow: Gamma(11) = 4e6), so only two logarithms per point. The product is the fixed
 * product of max(v - i, 1), i = 0..9, in two chains: v - i is exact, >= 1 + f for i < n and < 1
 * beyond, where it gives exactly 1. x/2 is exact (x > 1e-150). Results to Q4OUT.
 */
// @ts-ignore: decorator
@inline function series4(vA: v128, xA: v128, vB: v128, xB: v128, smallx: bool): void {
  seriesSum4(vA, xA, vB, xB, smallx);
  const SA = v128.load(Q4OUT), SB = v128.load(Q4OUT, 16);
  const fA = sb(vA, f64x2.floor(vA));
  const fB = sb(vB, f64x2.floor(vB));
  const one = sp(1.0), two = sp(2.0);
  let waA = vA, wbA = sb(vA, one);
  let waB = vB, wbB = sb(vB, one);
  let paA = f64x2.pmax(one, waA), pbA = f64x2.pmax(one, wbA);
  let paB = f64x2.pmax(one, waB), pbB = f64x2.pmax(one, wbB);
  for (let i = 0; i < 4; i++) {
    waA = sb(waA, two); wbA = sb(wbA, two);
    waB = sb(waB, two); wbB = sb(wbB, two);
    paA = ml(paA, f64x2.pmax(one, waA));
    paB = ml(paB, f64x2.pmax(one, waB));
    pbA = ml(pbA, f64x2.pmax(one, wbA));
    pbB = ml(pbB, f64x2.pmax(one, wbB));
  }
  const prodA = ml(paA, pbA);
  const prodB = ml(paB, pbB);
  const leadA = ml(vA, vlog(ml(xA, sp(0.5))));
  const leadB = ml(vB, vlog(ml(xB, sp(0.5))));
  const gA = rgamma1p(fA);
  const gB = rgamma1p(fB);
  const lA = vlog(dv(ml(SA, gA), prodA));
  const lB = vlog(dv(ml(SB, gB), prodB));
  v128.store(Q4OUT, ad(leadA, lA));
  v128.store(Q4OUT, ad(leadB, lB), 16);
}

/**
 * For 11 <= v < 17 the lead v log(x/2) - log Gamma(v+1) is O(1) where x ~ 2v/e while each part is
 * ~50, so (as in bessel.ts) Stirling's formula is merged into one logarithm, w = v + 1 as a
 * double-double:
 *   v (log(x / (2w)) + 1) + 1 - log(w)/2 - log sqrt(2 pi) - stirlingTail(w) + log S_v(x),
 * with -log(w)/2 + log S = log(S / sqrt(w_hi)) - (w_lo / w_hi) / 2; Stirling's series
 * sum_k B_2k / (2k (2k-1) w^(2k-1)) to k = 8 (the next < 1e-19 at w = 12) by Estrin's scheme in
 * 1/w^2. Pairs A and B; results to Q4OUT.
 */
// @ts-ignore: decorator
@inline function seriesStirling4(vA: v128, xA: v128, vB: v128, xB: v128, smallx: bool): void {
  seriesSum4(vA, xA, vB, xB, smallx);
  const SA = v128.load(Q4OUT), SB = v128.load(Q4OUT, 16);
  const one = sp(1.0);
  const whA = ad(vA, one);
  const whB = ad(vB, one);
  const wlA = twoSumErr(vA, one, whA);
  const wlB = twoSumErr(vB, one, whB);
  const rA = dv(one, whA), r2A = ml(rA, rA);
  const rB = dv(one, whB), r2B = ml(rB, rB);
  const wrA = ml(wlA, rA);
  const wrB = ml(wlB, rB);
  const lbA = sb(vlog(dv(xA, ad(whA, whA))), wrA);
  const lbB = sb(vlog(dv(xB, ad(whB, whB))), wrB);
  const r4A = ml(r2A, r2A);
  const r4B = ml(r2B, r2B);
  const e0A = ad(sp(0.08333333333333333), ml(sp(-0.002777777777777778), r2A));
  const e0B = ad(sp(0.08333333333333333), ml(sp(-0.002777777777777778), r2B));
  const e1A = ad(sp(0.0007936507936507937), ml(sp(-0.0005952380952380953), r2A));
  const e1B = ad(sp(0.0007936507936507937), ml(sp(-0.0005952380952380953), r2B));
  const e2A = ad(sp(0.0008417508417508417), ml(sp(-0.0019175269175269176), r2A));
  const e2B = ad(sp(0.0008417508417508417), ml(sp(-0.0019175269175269176), r2B));
  const e3A = ad(sp(0.00641025641025641), ml(sp(-0.029550653594771242), r2A));
  const e3B = ad(sp(0.00641025641025641), ml(sp(-0.029550653594771242), r2B));
  const stA = ml(ad(ad(e0A, ml(e1A, r4A)), ml(ad(e2A, ml(e3A, r4A)), ml(r4A, r4A))), rA);
  const stB = ml(ad(ad(e0B, ml(e1B, r4B)), ml(ad(e2B, ml(e3B, r4B)), ml(r4B, r4B))), rB);
  const restA = sb(sb(sp(1.0 - LN_SQRT_2PI), ml(sp(0.5), wrA)), stA);
  const restB = sb(sb(sp(1.0 - LN_SQRT_2PI), ml(sp(0.5), wrB)), stB);
  const lsA = vlog(dv(SA, f64x2.sqrt(whA)));
  const lsB = vlog(dv(SB, f64x2.sqrt(whB)));
  v128.store(Q4OUT, ad(ad(ml(vA, ad(lbA, one)), restA), lsA));
  v128.store(Q4OUT, ad(ad(ml(vB, ad(lbB, one)), restB), lsB), 16);
}

// ---- K by Temme's series (see bessel.ts's logKTemme for the recurrences) --------------------------

/** sum_{k<12} c_k y^k, Estrin's scheme (depth 4 instead of Horner's 11). */
// @ts-ignore: decorator
@inline function estrin12(y: v128, c0: f64, c1: f64, c2: f64, c3: f64, c4: f64, c5: f64,
                          c6: f64, c7: f64, c8: f64, c9: f64, c10: f64, c11: f64): v128 {
  const y2 = ml(y, y), y4 = ml(y2, y2), y8 = ml(y4, y4);
  const e0 = ad(sp(c0), ml(sp(c1), y)), e1 = ad(sp(c2), ml(sp(c3), y));
  const e2 = ad(sp(c4), ml(sp(c5), y)), e3 = ad(sp(c6), ml(sp(c7), y));
  const e4 = ad(sp(c8), ml(sp(c9), y)), e5 = ad(sp(c10), ml(sp(c11), y));
  const f0 = ad(e0, ml(e1, y2)), f1 = ad(e2, ml(e3, y2)), f2 = ad(e4, ml(e5, y2));
  return ad(ad(f0, ml(f1, y4)), ml(f2, y8));
}

/** x / sin(x) = 1 / (1 - (y/6) P(y)), y = x^2, P(y) = sum_k (-1)^k 6 y^k / (2k+3)! (Estrin, to
 *  y^10/23!: the next < 1e-20), |x| <= pi/2; only the last step cancels, as in Horner's form. */
// @ts-ignore: decorator
@inline function xOverSin(x: v128): v128 {
  const y = ml(x, x);
  const P = estrin12(y, 1.0, -0.05, 0.0011904761904761906, -1.6534391534391536e-05,
    1.5031265031265032e-07, -9.635426302092969e-10, 4.58829823909189e-12, -1.6868743526073125e-14,
    4.932381147974598e-17, -1.1743764638034756e-19, 2.3209021023784102e-22, 0.0);
  return dv(sp(1.0), sb(sp(1.0), ml(ml(y, sp(0.16666666666666666)), P)));
}

// @ts-ignore: decorator
@inline function rgf(k: i32): f64 { return load<f64>(RGAMMA_C + (<usize>k << 3)); }
// @ts-ignore: decorator
@inline function rgc(k: i32): v128 { return f64x2.splat(rgf(k)); }

const LN2_HI: f64 = 6.93147180369123816490e-01; // 0x3fe62e42fee00000: n * LN2_HI exact for |n| < 2^21
const LN2_LO: f64 = 1.90821492927058770002e-10;


/**
 * log K_v(x) by Temme's series (bessel.ts's logKTemme has the recurrences), pairs A and B written
 * statement by statement so that the two dependency chains (log x -> e^s -> p, q -> series ->
 * recurrence -> log) overlap in the CPU's window. The loops run to the maximum over the four lanes;
 * a lane past its own count adds +0 (series) or takes the identity step (recurrence), so a lane's
 * bits do not depend on the other three. Results go to Q4OUT.
 */
// @ts-ignore: decorator
@inline function temme4(vA: v128, xA: v128, vB: v128, xB: v128): void {
  const nA = f64x2.floor(ad(vA, sp(0.5)));
  const nB = f64x2.floor(ad(vB, sp(0.5)));
  const muA = sb(vA, nA);
  const muB = sb(vB, nB);
  const l2xA = sb(sp(LN2), vlog(xA));
  const l2xB = sb(sp(LN2), vlog(xB));
  const sgA = ml(muA, l2xA);
  const sgB = ml(muB, l2xB);
  const esA = vexp(sgA);
  const esB = vexp(sgB);
  const mu2A = ml(muA, muA);
  const mu2B = ml(muB, muB);
  const g2A = ad(rgc(0), ml(mu2A, estrin12(mu2A, rgf(2), rgf(4), rgf(6), rgf(8), rgf(10), rgf(12),
    rgf(14), rgf(16), rgf(18), rgf(20), rgf(22), rgf(24))));
  const g2B = ad(rgc(0), ml(mu2B, estrin12(mu2B, rgf(2), rgf(4), rgf(6), rgf(8), rgf(10), rgf(12),
    rgf(14), rgf(16), rgf(18), rgf(20), rgf(22), rgf(24))));
  const g1A = f64x2.neg(ad(rgc(1), ml(mu2A, estrin12(mu2A, rgf(3), rgf(5), rgf(7), rgf(9), rgf(11),
    rgf(13), rgf(15), rgf(17), rgf(19), rgf(21), rgf(23), rgf(25)))));
  const g1B = f64x2.neg(ad(rgc(1), ml(mu2B, estrin12(mu2B, rgf(3), rgf(5), rgf(7), rgf(9), rgf(11),
    rgf(13), rgf(15), rgf(17), rgf(19), rgf(21), rgf(23), rgf(25)))));
  const emsA = dv(sp(1.0), esA);
  const emsB = dv(sp(1.0), esB);
  const coshsA = ml(sp(0.5), ad(esA, emsA));
  const coshsB = ml(sp(0.5), ad(esB, emsB));
  const s2A = ml(sgA, sgA);
  const s2B = ml(sgB, sgB);
  const stA = estrin12(s2A, 1.0, 0.16666666666666666, 0.008333333333333333, 0.0001984126984126984,
    2.7557319223985893e-06, 2.505210838544172e-08, 1.6059043836821613e-10, 7.647163731819816e-13,
    2.8114572543455206e-15, 8.22063524662433e-18, 0.0, 0.0);
  const stB = estrin12(s2B, 1.0, 0.16666666666666666, 0.008333333333333333, 0.0001984126984126984,
    2.7557319223985893e-06, 2.505210838544172e-08, 1.6059043836821613e-10, 7.647163731819816e-13,
    2.8114572543455206e-15, 8.22063524662433e-18, 0.0, 0.0);
  const sinhcsA = v128.bitselect(stA, ml(sb(esA, emsA), dv(sp(0.5), sgA)), f64x2.lt(f64x2.abs(sgA), sp(1.0)));
  const sinhcsB = v128.bitselect(stB, ml(sb(esB, emsB), dv(sp(0.5), sgB)), f64x2.lt(f64x2.abs(sgB), sp(1.0)));
  const facA = xOverSin(ml(sp(3.141592653589793), muA));
  const facB = xOverSin(ml(sp(3.141592653589793), muB));
  let fA = ml(facA, ad(ml(coshsA, g1A), ml(ml(sinhcsA, l2xA), g2A)));
  let fB = ml(facB, ad(ml(coshsB, g1B), ml(ml(sinhcsB, l2xB), g2B)));
  let pA = dv(ml(sp(0.5), esA), sb(g2A, ml(muA, g1A)));
  let pB = dv(ml(sp(0.5), esB), sb(g2B, ml(muB, g1B)));
  let qA = dv(ml(sp(0.5), emsA), ad(g2A, ml(muA, g1A)));
  let qB = dv(ml(sp(0.5), emsB), ad(g2B, ml(muB, g1B)));
  const one = sp(1.0);
  let cA = one, cB = one;
  const x2A = ml(sp(0.25), ml(xA, xA));
  const x2B = ml(sp(0.25), ml(xB, xB));
  const NA0 = temmeTerms(l0(xA)), NA1 = temmeTerms(l1(xA));
  const NB0 = temmeTerms(l0(xB)), NB1 = temmeTerms(l1(xB));
  const nvA = pair(<f64>NA0, <f64>NA1);
  const nvB = pair(<f64>NB0, <f64>NB1);
  const kA = NA0 > NA1 ? NA0 : NA1, kB = NB0 > NB1 ? NB0 : NB1;
  const kmax = kA > kB ? kA : kB;
  let sumA = fA, sum1A = pA;
  let sumB = fB, sum1B = pB;
  for (let k = 1; k <= kmax; k++) {
    const kf = sp(<f64>k);
    const ik = sp(1.0 / <f64>k);
    const rA = dv(one, ml(sb(kf, muA), ad(kf, muA)));
    const rB = dv(one, ml(sb(kf, muB), ad(kf, muB)));
    fA = ml(ad(ad(ml(kf, fA), pA), qA), rA);
    fB = ml(ad(ad(ml(kf, fB), pB), qB), rB);
    pA = ml(pA, ml(ad(kf, muA), rA));
    pB = ml(pB, ml(ad(kf, muB), rB));
    qA = ml(qA, ml(sb(kf, muA), rA));
    qB = ml(qB, ml(sb(kf, muB), rB));
    cA = ml(cA, ml(x2A, ik));
    cB = ml(cB, ml(x2B, ik));
    sumA = ad(sumA, unless(ml(cA, fA), f64x2.lt(nvA, kf)));
    sumB = ad(sumB, unless(ml(cB, fB), f64x2.lt(nvB, kf)));
    sum1A = ad(sum1A, unless(ml(cA, sb(pA, ml(kf, fA))), f64x2.lt(nvA, kf)));
    sum1B = ad(sum1B, unless(ml(cB, sb(pB, ml(kf, fB))), f64x2.lt(nvB, kf)));
  }
  const xeA = v128.and(xA, i64x2.splat(0x7ff0000000000000));
  const xeB = v128.and(xB, i64x2.splat(0x7ff0000000000000));
  const smallA = f64x2.lt(xA, sp(9.094947017729282e-13)); // 2^-40
  const smallB = f64x2.lt(xB, sp(9.094947017729282e-13));
  const scA = v128.bitselect(i64x2.sub(xeA, i64x2.splat(0x0010000000000000)), one, smallA);
  const scB = v128.bitselect(i64x2.sub(xeB, i64x2.splat(0x0010000000000000)), one, smallB);
  const ssA = ml(scA, scA), tsA = dv(ml(sp(2.0), scA), xA);
  const ssB = ml(scB, scB), tsB = dv(ml(sp(2.0), scB), xB);
  let aA = sumA, bA = ml(sum1A, tsA);
  let aB = sumB, bB = ml(sum1B, tsB);
  const nm = f64x2.max(nA, nB);
  const nmax = f64x2.extract_lane(f64x2.max(nm, f64x2.shuffle(nm, nm, 1, 0)), 0);
  for (let j = 1; <f64>j < nmax; j++) {
    const jf = sp(<f64>j);
    const goA = f64x2.lt(jf, nA);
    const goB = f64x2.lt(jf, nB);
    const nbA = ad(ml(v128.and(ssA, goA), aA), ml(v128.bitselect(ml(ad(muA, jf), tsA), one, goA), bA));
    const nbB = ad(ml(v128.and(ssB, goB), aB), ml(v128.bitselect(ml(ad(muB, jf), tsB), one, goB), bB));
    aA = bA; aB = bB;
    bA = nbA; bB = nbB;
  }
  const topA = v128.bitselect(sumA, bA, f64x2.eq(nA, sp(0.0)));
  const topB = v128.bitselect(sumB, bB, f64x2.eq(nB, sp(0.0)));
  const e1A = sb(v128.or(i64x2.shr_u(xeA, 52), i64x2.splat(0x4330000000000000)), sp(4503599627370496.0 + 1024.0));
  const e1B = sb(v128.or(i64x2.shr_u(xeB, 52), i64x2.splat(0x4330000000000000)), sp(4503599627370496.0 + 1024.0));
  const neA = ml(nA, v128.and(e1A, smallA));
  const neB = ml(nB, v128.and(e1B, smallB));
  const lA = vlog(topA);
  const lB = vlog(topB);
  v128.store(Q4OUT, sb(lA, ad(ml(neA, sp(LN2_HI)), ml(neA, sp(LN2_LO)))));
  v128.store(Q4OUT, sb(lB, ad(ml(neB, sp(LN2_HI)), ml(neB, sp(LN2_LO)))), 16);
}

// ---- K for x > 2 below Hankel's threshold ---------------------------------------------------------
//
// Temme's continued fraction with his normalising sum (kcf.ts has the derivation, the depth rule
// and the scalar form), four points per step. The backward recurrence's depth N falls with x
// (104 at x = 2, 18 at x = 22), so the list is first sorted by quarter binade of x and every point
// of a bin runs the depth of the bin's lower edge (the rule is decreasing in x, so that depth
// serves the whole bin; deeper only shrinks the truncation error): all four lanes of a step then
// run the same loop, with no masks and no lane waiting on a deeper one. The upward recurrence to
// order v = n + mu runs lane by lane (a lane past its n keeps its values).

/** Depth per quarter binade of x from 2 (index as in kcfBin), filled once at instantiation. */
const KCF_BIN_N: usize = memory.data(32 * 4, 16);
for (let i = 0; i < 32; i++) {
  const xl = reinterpret<f64>(<u64>(((1023 + 1) << 2) + i) << 50);
  let N = <i32>(8.0 + 177.0 / xl + 11.31 / Math.sqrt(xl));
  N += N & 1;
  store<i32>(KCF_BIN_N + (<usize>i << 2), N < KCF_NMAX ? N : KCF_NMAX);
}

/** Quarter binade of x in (2, 256): 0 .. 27 (x < max(22, 0.6 * 17^2) < 174 in this region). */
// @ts-ignore: decorator
@inline function kcfBin(x: f64): i32 {
  const i = <i32>(reinterpret<u64>(x) >> 50) - ((1023 + 1) << 2);
  return i < 0 ? 0 : i > 31 ? 31 : i;
}

/** log K for pairs A and B, all four lanes at depth N; results to Q4OUT. */
// @ts-ignore: decorator
@inline function kcf4(vA: v128, xA: v128, vB: v128, xB: v128, N: i32): void {
  const one = sp(1.0), half = sp(0.5);
  const nA = f64x2.floor(ad(vA, half)), nB = f64x2.floor(ad(vB, half));
  const muA = sb(vA, nA), muB = sb(vB, nB); // exact
  const a0A = ml(sb(half, muA), ad(half, muA));
  const a0B = ml(sb(half, muB), ad(half, muB));
  const x2A = ad(xA, xA), x2B = ad(xB, xB);
  // z_(N+1) = 0, z_N = T_N = 1e-150 (kcf.ts: nothing over- or underflows down to z_0)
  let zpA = sp(0.0), zA = sp(1e-150), TA = sp(1e-150);
  let zpB = sp(0.0), zB = sp(1e-150), TB = sp(1e-150);
  for (let k = N; k >= 2; k -= 2) {
    const q0 = sp(load<f64>(KCF_KK1 + (<usize>k << 3)));
    const q1 = sp(load<f64>(KCF_KK1 + (<usize>(k - 1) << 3)));
    const q2 = sp(load<f64>(KCF_KK1 + (<usize>(k - 2) << 3)));
    const i0 = sp(load<f64>(KCF_INV + (<usize>k << 3)));
    const i1 = sp(load<f64>(KCF_INV + (<usize>(k - 1) << 3)));
    const kk = sp(<f64>(2 * k)), two = sp(2.0);
    // a_k, a_(k-1), a_(k-2); B_k = 2 (k + x), B_(k-1)
    const akA = ad(q0, a0A), a1A = ad(q1, a0A), a2A = ad(q2, a0A);
    const akB = ad(q0, a0B), a1B = ad(q1, a0B), a2B = ad(q2, a0B);
    const b0A = ad(x2A, kk), b0B = ad(x2B, kk);
    const b1A = sb(b0A, two), b1B = sb(b0B, two);
    const z1A = sb(ml(b0A, zA), ml(akA, zpA));
    const z1B = sb(ml(b0B, zB), ml(akB, zpB));
    const z2A = sb(ml(sb(ml(b1A, b0A), a1A), zA), ml(ml(b1A, akA), zpA));
    const z2B = sb(ml(sb(ml(b1B, b0B), a1B), zB), ml(ml(b1B, akB), zpB));
    const c1A = ml(a2A, i1), c1B = ml(a2B, i1);
    TA = ad(ad(z2A, ml(c1A, z1A)), ml(ml(c1A, ml(a1A, i0)), TA));
    TB = ad(ad(z2B, ml(c1B, z1B)), ml(ml(c1B, ml(a1B, i0)), TB));
    zpA = z1A; zA = z2A;
    zpB = z1B; zB = z2B;
  }
  // e^x K_mu = sqrt(pi/2) / sqrt(x) z_0 / T_0 and e^x K_(mu+1) (kcf.ts)
  let aA = ml(dv(sp(1.2533141373155003), f64x2.sqrt(xA)), dv(zA, TA));
  let aB = ml(dv(sp(1.2533141373155003), f64x2.sqrt(xB)), dv(zB, TB));
  let bA = ml(aA, dv(sb(ad(ad(muA, half), xA), ml(a0A, dv(zpA, zA))), xA));
  let bB = ml(aB, dv(sb(ad(ad(muB, half), xB), ml(a0B, dv(zpB, zB))), xB));
  // K_(j+1) = K_(j-1) + c_j K_j, c_j = 2 (mu + j) / x, 2/x as a double-double (th + tl): a rounded
  // 2/x would put the same relative error in every c_j, compounding to ~n ulp
  const ixA = dv(one, xA), ixB = dv(one, xB);
  const thA = ad(ixA, ixA), thB = ad(ixB, ixB);
  const pA = ml(xA, ixA), pB = ml(xB, ixB);
  const tlA = ml(thA, sb(sb(one, pA), twoProdErr(xA, ixA, pA)));
  const tlB = ml(thB, sb(sb(one, pB), twoProdErr(xB, ixB, pB)));
  const nm = f64x2.max(nA, nB);
  const nmax = <i32>f64x2.extract_lane(f64x2.max(nm, f64x2.shuffle(nm, nm, 1, 0)), 0);
  for (let j = 1; j < nmax; j++) {
    const jf = sp(<f64>j);
    const goA = f64x2.lt(jf, nA), goB = f64x2.lt(jf, nB);
    const jA = ad(muA, jf), jB = ad(muB, jf);
    const nbA = ad(aA, ml(ad(ml(jA, thA), ml(jA, tlA)), bA));
    const nbB = ad(aB, ml(ad(ml(jB, thB), ml(jB, tlB)), bB));
    aA = v128.bitselect(bA, aA, goA); aB = v128.bitselect(bB, aB, goB);
    bA = v128.bitselect(nbA, bA, goA); bB = v128.bitselect(nbB, bB, goB);
  }
  const yA = v128.bitselect(aA, bA, f64x2.eq(nA, sp(0.0)));
  const yB = v128.bitselect(aB, bB, f64x2.eq(nB, sp(0.0)));
  // log(y e^-x) = log(y 2^-m) + (m log 2 - x), m = round(x / log 2): kcf.ts's logScaled (exact
  // to ~1e-17 absolute where log(y) - x would lose half an ulp of log(y))
  const mA = f64x2.nearest(ml(xA, sp(1.4426950408889634)));
  const mB = f64x2.nearest(ml(xB, sp(1.4426950408889634)));
  const sA = i64x2.shl(ad(sb(sp(1023.0), mA), sp(4503599627370496.0)), 52); // 2^-m
  const sB = i64x2.shl(ad(sb(sp(1023.0), mB), sp(4503599627370496.0)), 52);
  v128.store(Q4OUT, ad(vlog(ml(yA, sA)), ad(sb(ml(mA, sp(LN2_HI)), xA), ml(mA, sp(LN2_LO)))));
  v128.store(Q4OUT, ad(vlog(ml(yB, sB)), ad(sb(ml(mB, sp(LN2_HI)), xB), ml(mB, sp(LN2_LO)))), 16);
}

// The continued fraction's list sorted by bin: counts, then the indices bin after bin.
const KCF_COUNT: usize = memory.data(32 * 4, 16);
const KCF_SORTED: usize = memory.data(BLOCK * 4, 16);

/** Runs the continued fraction's list (R_KREC; K only, v >= 0 after abs) bin by bin. */
function kRecK(list: usize, cnt: i32, v: usize, vStep: usize, x: usize, xStep: usize, out: usize): void {
  memory.fill(KCF_COUNT, 0, 32 * 4);
  for (let j = 0; j < cnt; j++) {
    const a = KCF_COUNT + (<usize>kcfBin(load<f64>(x + <usize>load<i32>(list + (<usize>j << 2)) * xStep)) << 2);
    store<i32>(a, load<i32>(a) + 1);
  }
  // counts -> start offsets
  let sum = 0;
  for (let b = 0; b < 32; b++) {
    const c = load<i32>(KCF_COUNT + (<usize>b << 2));
    store<i32>(KCF_COUNT + (<usize>b << 2), sum);
    sum += c;
  }
  for (let j = 0; j < cnt; j++) {
    const i = load<i32>(list + (<usize>j << 2));
    const a = KCF_COUNT + (<usize>kcfBin(load<f64>(x + <usize>i * xStep)) << 2);
    const p = load<i32>(a);
    store<i32>(KCF_SORTED + (<usize>p << 2), i);
    store<i32>(a, p + 1);
  }
  // KCF_COUNT[b] is now the end of bin b
  let start = 0;
  for (let b = 0; b < 32; b++) {
    const end = load<i32>(KCF_COUNT + (<usize>b << 2));
    const N = load<i32>(KCF_BIN_N + (<usize>b << 2));
    quadList(1, R_KREC, KCF_SORTED + (<usize>start << 2), end - start, v, vStep, x, xStep, out, N);
    start = end;
  }
}

// ---- dispatch -------------------------------------------------------------------------------------
//
// Each region's list runs in a loop of its own with the region's kernel inlined (one function per
// kernel and kind below): a call per pair cost about a nanosecond per point, and constants of the
// kernel are set up once per list. Single points (logBesselI, logBesselK) run through the same
// loops as a list of one, so they give the bits of a batch by construction.

/** Four points per step: two independent pairs interleaved in the kernel's source (a short last
 *  step repeats its first point). kind and r are constants at each use; depth is the continued
 *  fraction's (R_KREC). */
// @ts-ignore: decorator
@inline function quadList(kind: i32, r: i32, list: usize, cnt: i32, v: usize, vStep: usize, x: usize,
                          xStep: usize, out: usize, depth: i32 = 0): void {
  for (let j = 0; j < cnt; j += 4) {
    const i0 = load<i32>(list + (<usize>j << 2));
    const i1 = j + 1 < cnt ? load<i32>(list + (<usize>(j + 1) << 2)) : i0;
    const i2 = j + 2 < cnt ? load<i32>(list + (<usize>(j + 2) << 2)) : i0;
    const i3 = j + 3 < cnt ? load<i32>(list + (<usize>(j + 3) << 2)) : i0;
    let vA = pair(load<f64>(v + <usize>i0 * vStep), load<f64>(v + <usize>i1 * vStep));
    const xA = pair(load<f64>(x + <usize>i0 * xStep), load<f64>(x + <usize>i1 * xStep));
    let vB = pair(load<f64>(v + <usize>i2 * vStep), load<f64>(v + <usize>i3 * vStep));
    const xB = pair(load<f64>(x + <usize>i2 * xStep), load<f64>(x + <usize>i3 * xStep));
    if (kind == 1) {
      vA = f64x2.abs(vA);
      vB = f64x2.abs(vB);
    }
    if (r == R_HANKEL) hankel4(vA, xA, vB, xB, kind);
    else if (r == R_KREC) kcf4(vA, xA, vB, xB, depth);
    else if (kind == 1) temme4(vA, xA, vB, xB);
    else if (r == R_SERIES) series4(vA, xA, vB, xB, false);
    else if (r == R_SERIES_SMALLX) series4(vA, xA, vB, xB, true);
    else if (r == R_SERIES_STIRLING) seriesStirling4(vA, xA, vB, xB, false);
    else seriesStirling4(vA, xA, vB, xB, true);
    store<f64>(out + (<usize>i0 << 3), load<f64>(Q4OUT));
    store<f64>(out + (<usize>i1 << 3), load<f64>(Q4OUT, 8));
    store<f64>(out + (<usize>i2 << 3), load<f64>(Q4OUT, 16));
    store<f64>(out + (<usize>i3 << 3), load<f64>(Q4OUT, 24));
  }
}

/** Two points per step (Debye in mode r); kind and r are constants at each use. */
// @ts-ignore: decorator
@inline function pairList(kind: i32, r: i32, list: usize, cnt: i32, v: usize, vStep: usize, x: usize,
                          xStep: usize, out: usize): void {
  for (let j = 0; j < cnt; j += 2) {
    const i0 = load<i32>(list + (<usize>j << 2));
    const i1 = j + 1 < cnt ? load<i32>(list + (<usize>(j + 1) << 2)) : i0;
    let vv = pair(load<f64>(v + <usize>i0 * vStep), load<f64>(v + <usize>i1 * vStep));
    const xx = pair(load<f64>(x + <usize>i0 * xStep), load<f64>(x + <usize>i1 * xStep));
    if (kind == 1) vv = f64x2.abs(vv);
    const y = debye(vv, xx, r, kind);
    store<f64>(out + (<usize>i1 << 3), l1(y));
    store<f64>(out + (<usize>i0 << 3), l0(y));
  }
}

// One function per kernel and kind (lists that share a kernel share its function; Debye's below).
function seriesI(l: usize, n: i32, v: usize, vs: usize, x: usize, xs: usize, o: usize): void { quadList(0, R_SERIES, l, n, v, vs, x, xs, o); }
function seriesSmallI(l: usize, n: i32, v: usize, vs: usize, x: usize, xs: usize, o: usize): void { quadList(0, R_SERIES_SMALLX, l, n, v, vs, x, xs, o); }
function stirlingSmallI(l: usize, n: i32, v: usize, vs: usize, x: usize, xs: usize, o: usize): void { quadList(0, R_SERIES_SMALLX + 1, l, n, v, vs, x, xs, o); }
function stirlingI(l: usize, n: i32, v: usize, vs: usize, x: usize, xs: usize, o: usize): void { quadList(0, R_SERIES_STIRLING, l, n, v, vs, x, xs, o); }
function hankelI(l: usize, n: i32, v: usize, vs: usize, x: usize, xs: usize, o: usize): void { quadList(0, R_HANKEL, l, n, v, vs, x, xs, o); }
function hankelK(l: usize, n: i32, v: usize, vs: usize, x: usize, xs: usize, o: usize): void { quadList(1, R_HANKEL, l, n, v, vs, x, xs, o); }
function temmeK(l: usize, n: i32, v: usize, vs: usize, x: usize, xs: usize, o: usize): void { quadList(1, R_TEMME, l, n, v, vs, x, xs, o); }
// Debye's lists take kind at run time: the two kinds differ only in two signs, and a copy per kind
// would double the module's largest functions for no measurable gain.
function debyeSmall(l: usize, n: i32, v: usize, vs: usize, x: usize, xs: usize, o: usize, k: i32): void { pairList(k, R_DEBYE_SMALL, l, n, v, vs, x, xs, o); }
function debyeMid(l: usize, n: i32, v: usize, vs: usize, x: usize, xs: usize, o: usize, k: i32): void { pairList(k, R_DEBYE_MID, l, n, v, vs, x, xs, o); }
function debyeLarge(l: usize, n: i32, v: usize, vs: usize, x: usize, xs: usize, o: usize, k: i32): void { pairList(k, R_DEBYE_LARGE, l, n, v, vs, x, xs, o); }
function debyeTinyList(l: usize, n: i32, v: usize, vs: usize, x: usize, xs: usize, o: usize, k: i32): void { pairList(k, R_DEBYE_TINY, l, n, v, vs, x, xs, o); }

/** Runs the list of region r (not R_RARE): cnt indices at list into out (kind 0: I, 1: K). */
function runList(kind: i32, r: i32, list: usize, cnt: i32, v: usize, vStep: usize, x: usize, xStep: usize, out: usize): void {
  if (r == R_HANKEL) {
    if (kind == 0) hankelI(list, cnt, v, vStep, x, xStep, out);
    else hankelK(list, cnt, v, vStep, x, xStep, out);
    return;
  }
  if (kind == 0) {
    switch (r) {
      case R_SERIES: case R_SERIES + R_SERIES_WIDE: seriesI(list, cnt, v, vStep, x, xStep, out); return;
      case R_SERIES_STIRLING: case R_SERIES_STIRLING + R_SERIES_WIDE: stirlingI(list, cnt, v, vStep, x, xStep, out); return;
      case R_SERIES_SMALLX: seriesSmallI(list, cnt, v, vStep, x, xStep, out); return;
      case R_SERIES_SMALLX + 1: stirlingSmallI(list, cnt, v, vStep, x, xStep, out); return;
    }
  } else {
    switch (r) {
      case R_TEMME: case R_TEMME_REC: case R_TEMME_SMALLX: case R_TEMME_SMALLX + 1: temmeK(list, cnt, v, vStep, x, xStep, out); return;
      case R_KREC: kRecK(list, cnt, v, vStep, x, xStep, out); return;
    }
  }
  switch (debyeMode(r)) {
    case R_DEBYE_SMALL: debyeSmall(list, cnt, v, vStep, x, xStep, out, kind); return;
    case R_DEBYE_MID: debyeMid(list, cnt, v, vStep, x, xStep, out, kind); return;
    case R_DEBYE_LARGE: debyeLarge(list, cnt, v, vStep, x, xStep, out, kind); return;
    default: debyeTinyList(list, cnt, v, vStep, x, xStep, out, kind); return;
  }
}

// One point as a list of one: its index (0), v, x and the result.
const ONE: usize = memory.data(32, 16);

/** Runs one point of region r (not R_RARE) through its list's loop, as a list of one. */
function onePoint(kind: i32, r: i32, v: f64, x: f64): f64 {
  store<i32>(ONE, 0);
  store<f64>(ONE, v, 8);
  store<f64>(ONE, x, 16);
  runList(kind, r, ONE, 1, ONE + 8, 0, ONE + 16, 0, ONE + 24);
  return load<f64>(ONE, 24);
}

/** log I_v(x) for one point, through its region's batch loop (the same bits as in a batch). */
export function logBesselI(v: f64, x: f64): f64 {
  const r = classify(v, x, 0);
  return r == R_RARE ? logBesselIRef(v, x) : onePoint(0, r, v, x);
}

/** log K_v(x) for one point, any real v (K_{-v} = K_v). */
export function logBesselK(v: f64, x: f64): f64 {
  v = Math.abs(v);
  const r = classify(v, x, 1);
  return r == R_RARE ? logBesselKRef(v, x) : onePoint(1, r, v, x);
}

// Batches go through in blocks of BLOCK points: each point's index is appended to its region's
// list, then each list is run in pairs.
const LISTS: usize = memory.data(N_REGIONS * BLOCK * 4, 16);
const COUNTS: usize = memory.data(N_REGIONS * 4, 16);

// Write pointers of the lists while a block is sorted: [r] the next slot of lane 0 (growing up from
// the list's start), [N_REGIONS + r] the last slot of lane 1 (growing down from its end); two
// chains per region instead of one, since a point's append waits on the last one to its list.
const TAILS: usize = memory.data(N_REGIONS * 8, 16);

/** Appends the indices b .. b+m-1 to the lists of their regions and sets COUNTS. kind and contig
 *  (vStep = xStep = 8) are constants at each use. */
// @ts-ignore: decorator
@inline function sortBlock(v: usize, vStep: usize, x: usize, xStep: usize, b: i32, m: i32, kind: i32, contig: bool): void {
  for (let r = 0; r < N_REGIONS; r++) {
    const start = LISTS + (<usize>(r * BLOCK) << 2);
    store<usize>(TAILS + (<usize>r << 2), start);
    store<usize>(TAILS + (<usize>(r + N_REGIONS) << 2), start + (<usize>BLOCK << 2));
  }
  const e = b + (m & ~1);
  for (let i = b; i < e; i += 2) {
    let vv: v128, xx: v128;
    if (contig) {
      vv = v128.load(v + (<usize>i << 3));
      xx = v128.load(x + (<usize>i << 3));
    } else {
      vv = pair(load<f64>(v + <usize>i * vStep), load<f64>(v + <usize>(i + 1) * vStep));
      xx = pair(load<f64>(x + <usize>i * xStep), load<f64>(x + <usize>(i + 1) * xStep));
    }
    if (kind == 1) vv = f64x2.abs(vv);
    const rr = classifyX2(vv, xx, kind);
    const a0 = TAILS + (<usize>(<i32>i64x2.extract_lane(rr, 0)) << 2);
    const p0 = load<usize>(a0);
    store<i32>(p0, i);
    store<usize>(a0, p0 + 4);
    const a1 = TAILS + (<usize>(<i32>i64x2.extract_lane(rr, 1) + N_REGIONS) << 2);
    const p1 = load<usize>(a1) - 4;
    store<i32>(p1, i + 1);
    store<usize>(a1, p1);
  }
  if (m & 1) {
    const a0 = TAILS + (<usize>classify(load<f64>(v + <usize>e * vStep), load<f64>(x + <usize>e * xStep), kind) << 2);
    const p0 = load<usize>(a0);
    store<i32>(p0, e);
    store<usize>(a0, p0 + 4);
  }
  // lane 1's part of each list follows lane 0's
  for (let r = 0; r < N_REGIONS; r++) {
    const start = LISTS + (<usize>(r * BLOCK) << 2);
    const end = start + (<usize>BLOCK << 2);
    let p = load<usize>(TAILS + (<usize>r << 2));
    let q = load<usize>(TAILS + (<usize>(r + N_REGIONS) << 2));
    store<i32>(COUNTS + (<usize>r << 2), <i32>((p - start + end - q) >> 2));
    if (p != q) {
      for (; q + 16 <= end; q += 16, p += 16) v128.store(p, v128.load(q));
      for (; q < end; q += 4, p += 4) store<i32>(p, load<i32>(q));
    }
  }
}

function runBatch(v: usize, vStep: usize, x: usize, xStep: usize, out: usize, n: i32, kind: i32): void {
  const contig = vStep == 8 && xStep == 8;
  for (let b = 0; b < n; b += BLOCK) {
    const m = n - b < BLOCK ? n - b : BLOCK;
    if (kind == 0) {
      if (contig) sortBlock(v, 8, x, 8, b, m, 0, true);
      else sortBlock(v, vStep, x, xStep, b, m, 0, false);
    } else {
      if (contig) sortBlock(v, 8, x, 8, b, m, 1, true);
      else sortBlock(v, vStep, x, xStep, b, m, 1, false);
    }
    for (let r = 0; r < N_REGIONS; r++) {
      const cnt = load<i32>(COUNTS + (<usize>r << 2));
      const list = LISTS + (<usize>(r * BLOCK) << 2);
      if (r == R_RARE) {
        for (let j = 0; j < cnt; j++) {
          const i = load<i32>(list + (<usize>j << 2));
          const vi = load<f64>(v + <usize>i * vStep), xi = load<f64>(x + <usize>i * xStep);
          store<f64>(out + (<usize>i << 3), kind == 0 ? logBesselIRef(vi, xi) : logBesselKRef(Math.abs(vi), xi));
        }
        continue;
      }
      if (cnt > 0) runList(kind, r, list, cnt, v, vStep, x, xStep, out);
    }
  }
}

export function logBesselIBatch(v: usize, vStep: usize, x: usize, xStep: usize, out: usize, n: i32): void {
  runBatch(v, vStep, x, xStep, out, n, 0);
}

export function logBesselKBatch(v: usize, vStep: usize, x: usize, xStep: usize, out: usize, n: i32): void {
  runBatch(v, vStep, x, xStep, out, n, 1);
}
