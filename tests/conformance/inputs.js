// Seeded inputs for the conformance corpus, made with 32-bit integer arithmetic only.
//
// Every value is an integer divided exactly by a power of two, so the same seed gives the same
// bits in every runtime: no Math.random, no Math.sin/exp (engines may round those differently),
// no decimal literals that rely on a correctly rounded parser beyond what ECMAScript guarantees.
// Pure ESM, no runtime APIs: this file is loaded in Node, Deno, Bun, Chromium and workerd.

/** FNV-1a (32-bit) of a string: turns a case name into its seed, so cases never depend on order. */
export function seedOf(str) {
  let h = 0x811c9dc5;
  for (let i = 0; i < str.length; i++) {
    h ^= str.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Marsaglia's xorshift32 (J. Stat. Softw. 8(14), 2003): returns uint32s; seed 0 is remapped. */
export function xorshift32(seed) {
  let s = seed >>> 0 || 0x9e3779b9;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    return s;
  };
}

const TWO_23 = 8388608; // 2^23
const TWO_26 = 67108864; // 2^26
const TWO_52 = 4503599627370496; // 2^52

/** n values in [-1, 1), each k / 2^23 with a 24-bit integer k: exact in float32. */
export function f32s(n, seed) {
  const next = xorshift32(seed);
  const x = new Float32Array(n);
  for (let i = 0; i < n; i++) x[i] = ((next() >>> 8) - TWO_23) / TWO_23;
  return x;
}

/** n values in [-1, 1), each k / 2^52 with a 53-bit integer k built from two draws: exact in float64. */
export function f64s(n, seed) {
  const next = xorshift32(seed);
  const x = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const hi = next() >>> 5; // 27 bits
    const lo = next() >>> 6; // 26 bits
    x[i] = (hi * TWO_26 + lo - TWO_52) / TWO_52;
  }
  return x;
}

/** n random values of the given dtype ('f32' | 'f64'). */
export function floats(dtype, n, seed) {
  return dtype === 'f32' ? f32s(n, seed) : f64s(n, seed);
}

/** 2^-e by repeated exact halving (no pow, no parsed decimal). */
export function pow2neg(e) {
  let v = 1;
  for (let i = 0; i < e; i++) v /= 2;
  return v;
}

/** 2^e by repeated exact doubling. */
export function pow2(e) {
  let v = 1;
  for (let i = 0; i < e; i++) v *= 2;
  return v;
}

/**
 * Random values with IEEE specials mixed in at seeded positions: NaN, +-Inf, -0, +0,
 * subnormals (k * 2^-149 for f32, k * 2^-1074 for f64), the smallest normal, and values near the
 * overflow threshold (so that sums overflow to Inf and Inf - Inf makes NaN inside the kernels).
 * `density` in 1/256ths: how many of the values are replaced by a special. `nan: false` leaves
 * NaN out of the pool, so that the kernels' own Inf - Inf is the only source of NaN (one NaN input
 * turns every output of a DFT into NaN, which would hide the Inf and signed-zero handling).
 */
export function specials(dtype, n, seed, { density = 32, nan = true } = {}) {
  const x = floats(dtype, n, seed);
  const next = xorshift32(seed ^ 0x5bd1e995);
  const sub = dtype === 'f32' ? pow2neg(149) : pow2neg(1074);
  const minNormal = dtype === 'f32' ? pow2neg(126) : pow2neg(1022);
  const huge = dtype === 'f32' ? pow2(127) : pow2(1023);
  const pool = [Infinity, -Infinity, -0, 0, sub, -sub, 3 * sub, -1023 * sub, minNormal, -minNormal, huge, -huge, huge * 1.5];
  if (nan) pool.push(NaN);
  for (let i = 0; i < n; i++) {
    const r = next();
    if ((r & 255) < density) x[i] = pool[(r >>> 8) % pool.length];
  }
  return x;
}

/** n values of magnitude up to 2^127 (f32) or 2^1023 (f64): sums overflow to Inf inside the kernels. */
export function nearOverflow(dtype, n, seed) {
  const x = floats(dtype, n, seed);
  const scale = dtype === 'f32' ? pow2(127) : pow2(1023);
  for (let i = 0; i < n; i++) x[i] *= scale;
  return x;
}

/** n values that are all subnormal or zero (k * smallest subnormal, |k| < 2^12). */
export function subnormals(dtype, n, seed) {
  const next = xorshift32(seed);
  const sub = dtype === 'f32' ? pow2neg(149) : pow2neg(1074);
  const x = dtype === 'f32' ? new Float32Array(n) : new Float64Array(n);
  for (let i = 0; i < n; i++) x[i] = ((next() >>> 20) - 2048) * sub;
  return x;
}

/** A fresh typed array of the dtype. */
export function zeros(dtype, n) {
  return dtype === 'f32' ? new Float32Array(n) : new Float64Array(n);
}

/** The message of the error fn throws, as bytes (so the corpus also pins error texts). */
export function errorBytes(fn) {
  try {
    fn();
  } catch (e) {
    return new TextEncoder().encode(`${e.constructor.name}: ${e.message}`);
  }
  return new TextEncoder().encode('no error');
}
