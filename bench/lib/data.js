// Deterministic data and double-precision references for the benchmarks and the tour.
// Everything here is JS on purpose: it is the yardstick, never a library numeric path.

/**
 * n values in [-1, 1) from a 32-bit LCG (integer arithmetic only, so the data are the same in
 * every runtime). Each value is a multiple of 2^-23, hence exactly representable in float32:
 * the f32 and f64 runs of a size see the very same numbers and can share one reference.
 */
export function lcgValues(n, seed = 1) {
  const out = new Float64Array(n);
  let s = (seed >>> 0) || 1;
  for (let i = 0; i < n; i++) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    out[i] = (s >>> 8) / 8388608 - 1; // 24 random bits -> k * 2^-23 - 1
  }
  return out;
}

/** The same values in the requested precision ('f32' | 'f64'). */
export function typed(values, dtype) {
  return dtype === 'f32' ? Float32Array.from(values) : Float64Array.from(values);
}

// Twiddle table w[m] = exp(-2 pi i m / n), m = 0..n-1, using the symmetry of the circle so that
// every angle handed to Math.cos/sin is at most pi/4 (keeps each entry within ~1 ulp).
function twiddles(n) {
  const c = new Float64Array(n);
  const s = new Float64Array(n);
  for (let m = 0; m < n; m++) {
    // angle 2 pi m / n reduced by octant: 8m = q n + r, |r| <= n/2
    let q = Math.round((8 * m) / n);
    const r = 8 * m - q * n; // exact in double for n < 2^49
    const a = (Math.PI / 4) * (r / n);
    const ca = Math.cos(a);
    const sa = Math.sin(a);
    q &= 7;
    // cos and sin of q*pi/4 + a, q in 0..7
    const h = Math.SQRT1_2;
    let cc;
    let ss;
    switch (q) {
      case 0: cc = ca; ss = sa; break;
      case 1: cc = h * (ca - sa); ss = h * (ca + sa); break;
      case 2: cc = -sa; ss = ca; break;
      case 3: cc = -h * (ca + sa); ss = h * (ca - sa); break;
      case 4: cc = -ca; ss = -sa; break;
      case 5: cc = -h * (ca - sa); ss = -h * (ca + sa); break;
      case 6: cc = sa; ss = -ca; break;
      default: cc = h * (ca + sa); ss = -h * (ca - sa); break;
    }
    c[m] = cc;
    s[m] = -ss;
  }
  return { c, s };
}

const twCache = new Map();
function tw(n) {
  let t = twCache.get(n);
  if (!t) {
    t = twiddles(n);
    if (twCache.size > 8) twCache.clear();
    twCache.set(n, t);
  }
  return t;
}

/**
 * Naive O(n^2) DFT in double with Neumaier-compensated sums, of interleaved complex data.
 * sign = -1 forward (numpy's fft), +1 unscaled inverse. The compensated sums keep the
 * reference's own error near one rounding, far below what it is used to judge.
 * Only the bins k in [0, kCount) are computed (rfft needs n/2+1 of them).
 */
export function naiveDft(x, n, sign = -1, kCount = n) {
  const { c, s } = tw(n);
  const out = new Float64Array(2 * kCount);
  for (let k = 0; k < kCount; k++) {
    let sr = 0, cr = 0, si = 0, ci = 0;
    let m = 0; // j*k mod n, advanced by k each step without overflow
    for (let j = 0; j < n; j++) {
      const wr = c[m];
      const wi = sign < 0 ? s[m] : -s[m];
      const xr = x[2 * j];
      const xi = x[2 * j + 1];
      const pr = xr * wr - xi * wi;
      const pi = xr * wi + xi * wr;
      let t = sr + pr;
      cr += Math.abs(sr) >= Math.abs(pr) ? (sr - t) + pr : (pr - t) + sr;
      sr = t;
      t = si + pi;
      ci += Math.abs(si) >= Math.abs(pi) ? (si - t) + pi : (pi - t) + si;
      si = t;
      m += k;
      if (m >= n) m -= n;
    }
    out[2 * k] = sr + cr;
    out[2 * k + 1] = si + ci;
  }
  return out;
}

/** Naive DFT of real data: the n/2+1 non-negative-frequency bins, interleaved. */
export function naiveRdft(x, n) {
  const z = new Float64Array(2 * n);
  for (let j = 0; j < n; j++) z[2 * j] = x[j];
  return naiveDft(z, n, -1, Math.floor(n / 2) + 1);
}

/** Relative L2 error ||a - ref|| / ||ref|| over the first `len` entries (default: all of ref). */
export function relL2(a, ref, len = ref.length) {
  let num = 0;
  let den = 0;
  for (let i = 0; i < len; i++) {
    const d = a[i] - ref[i];
    num += d * d;
    den += ref[i] * ref[i];
  }
  if (den === 0) return Math.sqrt(num);
  return Math.sqrt(num / den);
}

/** Largest |a - b| / max|b|. */
export function relMax(a, ref, len = ref.length) {
  let num = 0;
  let den = 0;
  for (let i = 0; i < len; i++) {
    num = Math.max(num, Math.abs(a[i] - ref[i]));
    den = Math.max(den, Math.abs(ref[i]));
  }
  return den === 0 ? num : num / den;
}

/** Bit-reversal of i over log2(n) bits. */
export function bitReverse(i, n) {
  let r = 0;
  for (let b = 1; b < n; b <<= 1) {
    r = (r << 1) | (i & 1);
    i >>>= 1;
  }
  return r;
}

export const isPow2 = (n) => n > 0 && (n & (n - 1)) === 0;

/** Nominal flop counts (FFTW's convention, also used for non-powers of two). */
export function flops(n, kind) {
  const f = 5 * n * Math.log2(n);
  return kind === 'real' ? f / 2 : f;
}
