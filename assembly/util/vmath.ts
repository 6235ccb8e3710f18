// f64x2 (v128) natural log, exp and log1p: two independent points per call, one per lane, for the
// vectorised special-function kernels. Pure Wasm SIMD 128 (no relaxed-simd, no FMA, no imports),
// so every engine gives the same bits.
//
// Measured against 50-digit mpmath references (tests/fixtures/vmath/accuracy.py, 570,000 points:
// log on random bit patterns, subnormals, [0.5, 2], near 1; exp over [-745.2, 709.8] with both
// edges; log1p over (-1, 1e300], tiny, near -1):
//   vlog    max 0.620 ulp, mean 0.248 ulp
//   vexp    max 0.504 ulp, mean 0.247 ulp
//   vlog1p  max 0.602 ulp, mean 0.124 ulp
//
// vlog (table-free, fdlibm's reduction): x = 2^k (1 + f) with 1 + f in [sqrt(2)/2, sqrt(2)) taken
//   from the bits, s = f / (2 + f), log(1 + f) = f - f^2/2 + s (f^2/2 + z P(z)), z = s^2, P of
//   degree 6. Unlike fdlibm, k ln2_hi + f - f^2/2 is summed without rounding error (f^2/2 from a
//   26-bit head of f, two Fast2Sums), so only the small tail is rounded before the final add.
//   Subnormal x is scaled by 2^54 on a rare path that also sets the IEEE special values.
// vexp: k = round(x 128/ln2), r = x - k ln2/128 (Cody-Waite, two parts), e^x = 2^(k>>7) *
//   2^((k&127)/128) * e^r with a 128-entry table (S_i, tail_i), S_i 2^(k>>7) built by adding
//   (k << 45) to the bits, e^r - 1 = r + r^2 Q(r), Q of degree 3. |x| > 700 and NaN take a rare
//   path that scales by 2^1009 (overflow) or 2^-1022 (with musl's trick against double rounding
//   of subnormal results).
// vlog1p: u = 1 + x with its exact rounding error c (TwoSum); log1p(x) = log(u) + c/u, the c/u
//   term folded into the tail of the log kernel before the final rounding. log1p(+-0) = +-0 and
//   log1p(tiny) = tiny exactly.
// Speed (Node 20, 2.6 GHz EPYC, throughput, inlined into a loop): vlog 2.7 ns per lane vs 3.6-3.8
// for Math.log; vexp 1.4 vs 3.4 for Math.exp; vlog1p 3.7 vs 5.6 for Math.log1p. Dropping the
// exact f^2/2 split (fdlibm's plain sum) would give vlog 2.2 ns but max 0.77 ulp (2.3% misrounded,
// not 0.3%).
// Constants: assembly/util/gen_vmath.py (mpmath Chebyshev fits, the 2^(i/128) table).

// log: P(z) = (2 atanh(s) - 2s) / s^3, z = s^2 in [0, 0.0294373], degree 6; max abs error 3.16e-16 (relative 4.65e-16)
const LG0: f64 = 0.666666666666667;
const LG1: f64 = 0.39999999999899505;
const LG2: f64 = 0.28571428625975487;
const LG3: f64 = 0.2222221113479508;
const LG4: f64 = 0.18182889125261725;
const LG5: f64 = 0.15331721600555942;
const LG6: f64 = 0.1461644968504464;
const LN2HI: f64 = 0.6931471805598903; // ln2 to 42 bits: dk * LN2HI exact for |dk| < 2^11
const LN2LO: f64 = 5.497923018708371e-14;
// exp: Q(r) = (e^r - 1 - r) / r^2 on |r| <= 0.00270761, degree 3; max abs error 9.34e-15 (times r^2: 6.85e-20)
const EC2: f64 = 0.4999999999999907;
const EC3: f64 = 0.16666666666666533;
const EC4: f64 = 0.041666676848813915;
const EC5: f64 = 0.00833333478792576;
const INVLN2N: f64 = 184.6649652337873; // N / ln2
const LN2HIN: f64 = 0.0054152123482253955; // ln2 / N to 35 bits
const LN2LON: f64 = -1.0082281460997769e-13;
// 2^(i/128) = S_i (1 + tail_i), relative residual <= 6.03e-33
const EXP_TAB: usize = memory.data<u64>([
  0x0000000000000000, 0x3ff0000000000000, 0x3c9b3b4f1a88bf6e, 0x3feff63da9fb3335,
  0xbc7160139cd8dc5d, 0x3fefec9a3e778061, 0xbc905e7a108766d1, 0x3fefe315e86e7f85,
  0x3c8cd2523567f613, 0x3fefd9b0d3158574, 0xbc8bce8023f98efa, 0x3fefd06b29ddf6de,
  0x3c60f74e61e6c861, 0x3fefc74518759bc8, 0x3c90a3e45b33d399, 0x3fefbe3ecac6f383,
  0x3c979aa65d837b6d, 0x3fefb5586cf9890f, 0x3c8eb51a92fdeffc, 0x3fefac922b7247f7,
  0x3c3ebe3d702f9cd1, 0x3fefa3ec32d3d1a2, 0xbc6a033489906e0b, 0x3fef9b66affed31b,
  0xbc9556522a2fbd0e, 0x3fef9301d0125b51, 0xbc5080ef8c4eea55, 0x3fef8abdc06c31cc,
  0xbc91c923b9d5f416, 0x3fef829aaea92de0, 0x3c80d3e3e95c55af, 0x3fef7a98c8a58e51,
  0xbc801b15eaa59348, 0x3fef72b83c7d517b, 0xbc8f1ff055de323d, 0x3fef6af9388c8dea,
  0x3c8b898c3f1353bf, 0x3fef635beb6fcb75, 0xbc96d99c7611eb26, 0x3fef5be084045cd4,
  0x3c9aecf73e3a2f60, 0x3fef54873168b9aa, 0xbc8fe782cb86389d, 0x3fef4d5022fcd91d,
  0x3c8a6f4144a6c38d, 0x3fef463b88628cd6, 0x3c807a05b0e4047d, 0x3fef3f49917ddc96,
  0x3c968efde3a8a894, 0x3fef387a6e756238, 0x3c875e18f274487d, 0x3fef31ce4fb2a63f,
  0x3c80472b981fe7f2, 0x3fef2b4565e27cdd, 0xbc96b87b3f71085e, 0x3fef24dfe1f56381,
  0x3c82f7e16d09ab31, 0x3fef1e9df51fdee1, 0xbc3d219b1a6fbffa, 0x3fef187fd0dad990,
  0x3c8b3782720c0ab4, 0x3fef1285a6e4030b, 0x3c6e149289cecb8f, 0x3fef0cafa93e2f56,
  0x3c834d754db0abb6, 0x3fef06fe0a31b715, 0x3c864201e2ac744c, 0x3fef0170fc4cd831,
  0x3c8fdd395dd3f84a, 0x3feefc08b26416ff, 0xbc86a3803b8e5b04, 0x3feef6c55f929ff1,
  0xbc924aedcc4b5068, 0x3feef1a7373aa9cb, 0xbc9907f81b512d8e, 0x3feeecae6d05d866,
  0xbc71d1e83e9436d2, 0x3feee7db34e59ff7, 0xbc991919b3ce1b15, 0x3feee32dc313a8e5,
  0x3c859f48a72a4c6d, 0x3feedea64c123422, 0xbc9312607a28698a, 0x3feeda4504ac801c,
  0xbc58a78f4817895b, 0x3feed60a21f72e2a, 0xbc7c2c9b67499a1b, 0x3feed1f5d950a897,
  0x3c4363ed60c2ac11, 0x3feece086061892d, 0x3c9666093b0664ef, 0x3feeca41ed1d0057,
  0x3c6ecce1daa10379, 0x3feec6a2b5c13cd0, 0x3c93ff8e3f0f1230, 0x3feec32af0d7d3de,
  0x3c7690cebb7aafb0, 0x3feebfdad5362a27, 0x3c931dbdeb54e077, 0x3feebcb299fddd0d,
  0xbc8f94340071a38e, 0x3feeb9b2769d2ca7, 0xbc87deccdc93a349, 0x3feeb6daa2cf6642,
  0xbc78dec6bd0f385f, 0x3feeb42b569d4f82, 0xbc861246ec7b5cf6, 0x3feeb1a4ca5d920f,
  0x3c93350518fdd78e, 0x3feeaf4736b527da, 0x3c7b98b72f8a9b05, 0x3feead12d497c7fd,
  0x3c9063e1e21c5409, 0x3feeab07dd485429, 0x3c34c7855019c6ea, 0x3feea9268a5946b7,
  0x3c9432e62b64c035, 0x3feea76f15ad2148, 0xbc8ce44a6199769f, 0x3feea5e1b976dc09,
  0xbc8c33c53bef4da8, 0x3feea47eb03a5585, 0xbc845378892be9ae, 0x3feea34634ccc320,
  0xbc93cedd78565858, 0x3feea23882552225, 0x3c5710aa807e1964, 0x3feea155d44ca973,
  0xbc93b3efbf5e2228, 0x3feea09e667f3bcd, 0xbc6a12ad8734b982, 0x3feea012750bdabf,
  0xbc6367efb86da9ee, 0x3fee9fb23c651a2f, 0xbc80dc3d54e08851, 0x3fee9f7df9519484,
  0xbc781f647e5a3ecf, 0x3fee9f75e8ec5f74, 0xbc86ee4ac08b7db0, 0x3fee9f9a48a58174,
  0xbc8619321e55e68a, 0x3fee9feb564267c9, 0x3c909ccb5e09d4d3, 0x3feea0694fde5d3f,
  0xbc7b32dcb94da51d, 0x3feea11473eb0187, 0x3c94ecfd5467c06b, 0x3feea1ed0130c132,
  0x3c65ebe1abd66c55, 0x3feea2f336cf4e62, 0xbc88a1c52fb3cf42, 0x3feea427543e1a12,
  0xbc9369b6f13b3734, 0x3feea589994cce13, 0xbc805e843a19ff1e, 0x3feea71a4623c7ad,
  0xbc94d450d872576e, 0x3feea8d99b4492ed, 0x3c90ad675b0e8a00, 0x3feeaac7d98a6699,
  0x3c8db72fc1f0eab4, 0x3feeace5422aa0db, 0xbc65b6609cc5e7ff, 0x3feeaf3216b5448c,
  0x3c7bf68359f35f44, 0x3feeb1ae99157736, 0xbc93091fa71e3d83, 0x3feeb45b0b91ffc6,
  0xbc5da9b88b6c1e29, 0x3feeb737b0cdc5e5, 0xbc6c23f97c90b959, 0x3feeba44cbc8520f,
  0xbc92434322f4f9aa, 0x3feebd829fde4e50, 0xbc85ca6cd7668e4b, 0x3feec0f170ca07ba,
  0x3c71affc2b91ce27, 0x3feec49182a3f090, 0x3c6dd235e10a73bb, 0x3feec86319e32323,
  0xbc87c50422622263, 0x3feecc667b5de565, 0x3c8b1c86e3e231d5, 0x3feed09bec4a2d33,
  0xbc91bbd1d3bcbb15, 0x3feed503b23e255d, 0x3c90cc319cee31d2, 0x3feed99e1330b358,
  0x3c8469846e735ab3, 0x3feede6b5579fdbf, 0xbc82dfcd978e9db4, 0x3feee36bbfd3f37a,
  0x3c8c1a7792cb3387, 0x3feee89f995ad3ad, 0xbc907b8f4ad1d9fa, 0x3feeee07298db666,
  0xbc55c3d956dcaeba, 0x3feef3a2b84f15fb, 0xbc90a40e3da6f640, 0x3feef9728de5593a,
  0xbc68d6f438ad9334, 0x3feeff76f2fb5e47, 0xbc91eee26b588a35, 0x3fef05b030a1064a,
  0x3c74ffd70a5fddcd, 0x3fef0c1e904bc1d2, 0xbc91bdfbfa9298ac, 0x3fef12c25bd71e09,
  0x3c736eae30af0cb3, 0x3fef199bdd85529c, 0x3c8ee3325c9ffd94, 0x3fef20ab5fffd07a,
  0x3c84e08fd10959ac, 0x3fef27f12e57d14b, 0x3c63cdaf384e1a67, 0x3fef2f6d9406e7b5,
  0x3c676b2c6c921968, 0x3fef3720dcef9069, 0xbc808a1883ccb5d2, 0x3fef3f0b555dc3fa,
  0xbc8fad5d3ffffa6f, 0x3fef472d4a07897c, 0xbc900dae3875a949, 0x3fef4f87080d89f2,
  0x3c74a385a63d07a7, 0x3fef5818dcfba487, 0xbc82919e2040220f, 0x3fef60e316c98398,
  0x3c8e5a50d5c192ac, 0x3fef69e603db3285, 0x3c843a59ac016b4b, 0x3fef7321f301b460,
  0xbc82d52107b43e1f, 0x3fef7c97337b9b5f, 0xbc892ab93b470dc9, 0x3fef864614f5a129,
  0x3c74b604603a88d3, 0x3fef902ee78b3ff6, 0x3c83c5ec519d7271, 0x3fef9a51fbc74c83,
  0xbc8ff7128fd391f0, 0x3fefa4afa2a490da, 0xbc8dae98e223747d, 0x3fefaf482d8e67f1,
  0x3c8ec3bc41aa2008, 0x3fefba1bee615a27, 0x3c842b94c3a9eb32, 0x3fefc52b376bba97,
  0x3c8a64a931d185ee, 0x3fefd0765b6e4540, 0xbc8e37bae43be3ed, 0x3fefdbfdad9cbe14,
  0x3c77893b4d91cd9d, 0x3fefe7c1819e90d8, 0x3c5305c14160cc89, 0x3feff3c22b8f71f1,
], 16);

const SHIFT: f64 = 6755399441055744.0; // 0x1.8p52: adding it rounds to an integer held in the low bits
const MINNORM: f64 = 2.2250738585072014e-308;
const KBIAS: f64 = 4503599627372544.0; // 2^52 + 2048

// Constants of the hot paths, loaded from memory: V8 rebuilds every v128.const at each call
// (2-4 instructions each), a load is one (often folded into the arithmetic instruction).
const VF: usize = memory.data<f64>([
  1.0, 1.0, 2.0, 2.0, 0.5, 0.5, KBIAS, KBIAS, // 0 1 2 3
  LG0, LG0, LG1, LG1, LG2, LG2, LG3, LG3, // 4 5 6 7
  LG4, LG4, LG5, LG5, LG6, LG6, 0.0, 0.0, // 8 9 10 (11 unused)
  LN2HI, LN2HI, LN2LO, LN2LO, MINNORM, MINNORM, Infinity, Infinity, // 12 13 14 15
  INVLN2N, INVLN2N, SHIFT, SHIFT, LN2HIN, LN2HIN, LN2LON, LN2LON, // 16 17 18 19
  EC2, EC2, EC3, EC3, EC4, EC4, EC5, EC5, // 20 21 22 23
  700.0, 700.0, -0.2928932188134524, -0.2928932188134524, 0.41421356237309503, 0.41421356237309503, // 24 25 26
], 16);
const VI: usize = memory.data<u64>([
  0x3fe6a09e667f3bcd, 0x3fe6a09e667f3bcd, // 0 bits of sqrt(2)/2
  0xfff0000000000000, 0xfff0000000000000, // 1 sign and exponent
  0x8000000000000000, 0x8000000000000000, // 2 sign
  0x4330000000000000, 0x4330000000000000, // 3 bits of 2^52
  0xfffffffff8000000, 0xfffffffff8000000, // 4 keeps 26 significant bits
  127, 127, // 5
], 16);
// @ts-ignore: decorator
@inline function kf(i: i32): v128 { return v128.load(VF + (<usize>i << 4)); }
// @ts-ignore: decorator
@inline function ki(i: i32): v128 { return v128.load(VI + (<usize>i << 4)); }
// @ts-ignore: decorator
@inline function sp(c: f64): v128 { return f64x2.splat(c); }

/** log(1 + f) + dk ln2 + extra, given f in [sqrt(2)/2 - 1, sqrt(2) - 1] and dk an integer. */
// @ts-ignore: decorator
@inline function logTail(f: v128, dk: v128, extra: v128, hasExtra: bool): v128 {
  const s = f64x2.div(f, f64x2.add(kf(1), f));
  const z = f64x2.mul(s, s);
  const w = f64x2.mul(z, z);
  const p01 = f64x2.add(kf(4), f64x2.mul(z, kf(5)));
  const p23 = f64x2.add(kf(6), f64x2.mul(z, kf(7)));
  const p45 = f64x2.add(kf(8), f64x2.mul(z, kf(9)));
  const p03 = f64x2.add(p01, f64x2.mul(w, p23));
  const p46 = f64x2.add(p45, f64x2.mul(w, kf(10)));
  const R = f64x2.mul(z, f64x2.add(p03, f64x2.mul(f64x2.mul(w, w), p46)));
  // f^2/2 = hh + hl with hh exact (fh: the top 26 bits of f)
  const half = kf(2);
  const fh = v128.and(f, ki(4));
  const fl = f64x2.sub(f, fh);
  const hh = f64x2.mul(f64x2.mul(half, fh), fh);
  const hl = f64x2.mul(fl, f64x2.add(fh, f64x2.mul(half, fl)));
  const T = f64x2.mul(s, f64x2.add(f64x2.add(hh, hl), R));
  // dk ln2_hi + f - hh = b + alo + blo exactly (two Fast2Sums)
  const kl = f64x2.mul(dk, kf(12));
  const a = f64x2.add(kl, f);
  const alo = f64x2.sub(f, f64x2.sub(a, kl));
  const b = f64x2.sub(a, hh);
  const blo = f64x2.sub(f64x2.sub(a, b), hh);
  const lo = f64x2.add(f64x2.add(alo, blo), f64x2.sub(T, hl));
  let lk = f64x2.mul(dk, kf(13));
  if (hasExtra) lk = f64x2.add(lk, extra);
  return f64x2.add(b, f64x2.add(lo, lk));
}

/** log(x) for lanes with x a positive normal double (other lanes: garbage). kbias is 2^52 + 2048
 *  per lane, plus 54 where x was scaled up by 2^54. */
// @ts-ignore: decorator
@inline function logKernel(x: v128, kbias: v128): v128 {
  const tmp = i64x2.sub(x, ki(0)); // x = 2^k y, y in [sqrt(2)/2, sqrt(2)): k << 52 is tmp's top 12 bits
  const f = f64x2.sub(i64x2.sub(x, v128.and(tmp, ki(1))), kf(0)); // y - 1, exact
  const kb = i64x2.shr_u(v128.xor(tmp, ki(2)), 52); // k + 2048
  const dk = f64x2.sub(v128.or(kb, ki(3)), kbias);
  return logTail(f, dk, dk, false);
}

/** IEEE values for lanes where u is not a positive finite number (0 or below, +Inf, NaN). */
// @ts-ignore: decorator
@inline function logFix(u: v128, r: v128): v128 {
  const good = v128.and(f64x2.gt(u, sp(0.0)), f64x2.lt(u, sp(Infinity)));
  let sv = v128.bitselect(sp(NaN), u, f64x2.lt(u, sp(0.0)));
  sv = v128.bitselect(sp(-Infinity), sv, f64x2.eq(u, sp(0.0)));
  return v128.bitselect(r, sv, good);
}

function logRare(x: v128): v128 {
  const sub = f64x2.lt(x, sp(MINNORM));
  const xs = v128.bitselect(f64x2.mul(x, sp(18014398509481984.0)), x, sub); // 2^54
  const ks = v128.bitselect(sp(KBIAS + 54.0), sp(KBIAS), sub);
  return logFix(x, logKernel(xs, ks));
}

/** Natural log per lane. */
// @ts-ignore: decorator
@inline export function vlog(x: v128): v128 {
  const ok = v128.and(f64x2.ge(x, kf(14)), f64x2.lt(x, kf(15)));
  if ((i64x2.bitmask(ok) == 3)) return logKernel(x, kf(3));
  return logRare(x);
}

/** log(1 + x) per lane. */
// @ts-ignore: decorator
@inline export function vlog1p(x: v128): v128 {
  // |x| small (1 + x in [sqrt(2)/2, sqrt(2))): f = x exactly, k = 0. Otherwise u = 1 + x, reduced
  // like log, with the rounding error c = 1 + x - u (exact; 0 instead of 1 beyond 2^54, where it no
  // longer matters) through c/u.
  const one = kf(0);
  const u = f64x2.add(one, x);
  const c = f64x2.sub(x, f64x2.sub(u, one));
  const tmp = i64x2.sub(u, ki(0));
  const fu = f64x2.sub(i64x2.sub(u, v128.and(tmp, ki(1))), one);
  const kb = i64x2.shr_u(v128.xor(tmp, ki(2)), 52);
  const dku = f64x2.sub(v128.or(kb, ki(3)), kf(3));
  const small = v128.and(f64x2.ge(x, kf(25)), f64x2.lt(x, kf(26)));
  const f = v128.bitselect(x, fu, small);
  const dk = v128.andnot(dku, small);
  const extra = v128.andnot(f64x2.div(c, u), small);
  let r = logTail(f, dk, extra, true);
  const zero = f64x2.splat(0.0);
  r = v128.bitselect(x, r, f64x2.eq(x, zero)); // keeps -0
  const ok = v128.and(f64x2.gt(u, zero), f64x2.lt(u, kf(15)));
  if ((i64x2.bitmask(ok) == 3)) return r;
  return logFix(u, r);
}

/** 1 + e^r - 1 - tail  with 2^(i/128) = S_i (1 + tail_i): the tmp in e^x = scale (1 + tmp). */
// @ts-ignore: decorator
@inline function expPoly(r: v128, tail: v128): v128 {
  const r2 = f64x2.mul(r, r);
  const q = f64x2.add(
    f64x2.add(kf(20), f64x2.mul(r, kf(21))),
    f64x2.mul(r2, f64x2.add(kf(22), f64x2.mul(r, kf(23)))));
  return f64x2.add(f64x2.add(tail, r), f64x2.mul(r2, q));
}

function expRare(x0: v128): v128 {
  const x = f64x2.min(f64x2.max(x0, sp(-746.0)), sp(710.0)); // NaN stays NaN
  const shift = kf(17);
  const kdS = f64x2.add(f64x2.mul(x, kf(16)), shift);
  const kd = f64x2.sub(kdS, shift);
  const r = f64x2.sub(f64x2.sub(x, f64x2.mul(kd, kf(18))), f64x2.mul(kd, kf(19)));
  const off = i64x2.shl(v128.and(kdS, ki(5)), 4);
  const e0 = v128.load(EXP_TAB + <usize>i32x4.extract_lane(off, 0));
  const e1 = v128.load(EXP_TAB + <usize>i32x4.extract_lane(off, 2));
  const tmp = expPoly(r, i64x2.shuffle(e0, e1, 0, 2));
  const pos = f64x2.gt(x, sp(0.0));
  // scale / 2^1009 where x > 0, scale * 2^1022 elsewhere: both normal
  const scale = i64x2.add(i64x2.add(i64x2.shuffle(e0, e1, 1, 3), i64x2.shl(kdS, 45)),
    v128.bitselect(i64x2.splat(-(<i64>1009 << 52)), i64x2.splat(<i64>1022 << 52), pos));
  const st = f64x2.mul(scale, tmp);
  const y = f64x2.add(scale, st);
  const yPos = f64x2.mul(y, sp(5.486124068793689e+303)); // 2^1009
  // a result below 2^-1022 must be rounded once, at the subnormal spacing: 1 + y does it
  const lo = f64x2.add(f64x2.sub(scale, y), st);
  const hi = f64x2.add(sp(1.0), y);
  const lo2 = f64x2.add(f64x2.add(f64x2.sub(sp(1.0), hi), y), lo);
  const yFix = f64x2.sub(f64x2.add(hi, lo2), sp(1.0));
  const yNeg = f64x2.mul(v128.bitselect(yFix, y, f64x2.lt(y, sp(1.0))), sp(2.2250738585072014e-308));
  return v128.bitselect(yPos, yNeg, pos);
}

/** e^x per lane. */
// @ts-ignore: decorator
@inline export function vexp(x: v128): v128 {
  // |x| <= 700: scale and scale * tmp are normal numbers (near -708 the product would not be)
  if (i64x2.bitmask(f64x2.le(f64x2.abs(x), kf(24))) != 3) return expRare(x);
  const shift = kf(17);
  const kdS = f64x2.add(f64x2.mul(x, kf(16)), shift); // k + 1.5 * 2^52, k = round(x 128 / ln2)
  const kd = f64x2.sub(kdS, shift);
  const r = f64x2.sub(f64x2.sub(x, f64x2.mul(kd, kf(18))), f64x2.mul(kd, kf(19)));
  const off = i64x2.shl(v128.and(kdS, ki(5)), 4); // (k mod 128) * 16
  const e0 = v128.load(EXP_TAB + <usize>i32x4.extract_lane(off, 0));
  const e1 = v128.load(EXP_TAB + <usize>i32x4.extract_lane(off, 2));
  const tmp = expPoly(r, i64x2.shuffle(e0, e1, 0, 2));
  const scale = i64x2.add(i64x2.shuffle(e0, e1, 1, 3), i64x2.shl(kdS, 45)); // S_i 2^(k >> 7)
  return f64x2.add(scale, f64x2.mul(scale, tmp));
}
