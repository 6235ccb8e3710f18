// von Mises-Fisher on the sphere S^{p-1}: log normaliser, mean resultant length, maximum-likelihood
// concentration, and Wood's (1994) sampler driven by a seeded integer PRNG. Every transcendental
// runs here so that samples and fits are bit-identical in every runtime.

import { besselIRatio } from "./bessel";
import { logBesselI } from "./besselx2";
import { logGamma } from "./lgamma";
import { LN2, LN_PI, LN_SQRT_2PI } from "./coeffs";

/** log C_p(kappa), C_p = kappa^{p/2-1} / ((2 pi)^{p/2} I_{p/2-1}(kappa)); at kappa = 0 the
 *  reciprocal surface area Gamma(p/2) / (2 pi^{p/2}). */
export function vmfLogNormalizer(p: f64, kappa: f64): f64 {
  if (!(p >= 1) || !(kappa >= 0)) return NaN;
  const h = 0.5 * p;
  if (kappa == 0) return logGamma(h) - LN2 - h * LN_PI;
  const nu = h - 1.0;
  const lk = nu == 0 ? 0.0 : nu * Math.log(kappa);
  return lk - p * LN_SQRT_2PI - logBesselI(Math.abs(nu), kappa);
}

/** A_p(kappa) = I_{p/2}(kappa) / I_{p/2-1}(kappa) (p >= 2). */
export function vmfMeanResultant(p: f64, kappa: f64): f64 {
  if (!(p >= 2) || !(kappa >= 0)) return NaN;
  return besselIRatio(0.5 * p - 1.0, kappa);
}

/**
 * Maximum-likelihood kappa from the mean resultant length R in (0, 1): Newton on A_p(kappa) = R,
 * A_p' = 1 - A^2 - (p-1) A / kappa, from Banerjee et al.'s (2005) closed form
 * kappa0 = R (p - R^2) / (1 - R^2). Steps that would leave kappa > 0 are halved toward zero.
 */
export function vmfFitKappa(p: f64, R: f64, maxIter: i32, tol: f64): f64 {
  if (!(p >= 2) || !(R >= 0) || !(R <= 1)) return NaN;
  if (R == 0) return 0.0;
  if (R == 1) return Infinity;
  let k = R * (p - R * R) / (1.0 - R * R);
  for (let i = 0; i < maxIter; i++) {
    const A = besselIRatio(0.5 * p - 1.0, k);
    const dA = 1.0 - A * A - (p - 1.0) * A / k;
    if (!(dA > 0)) break; // A_p is strictly increasing; a non-positive slope is rounding noise
    let kn = k - (A - R) / dA;
    if (!(kn > 0)) kn = 0.5 * k;
    const done = Math.abs(kn - k) <= tol * kn;
    k = kn;
    if (done) break;
  }
  return k;
}

// ---- PRNG: xoshiro256** (Blackman and Vigna), seeded by splitmix64; integer arithmetic only ----
// state layout (48-byte block): s0..s3 (u64); bytes 32..47 scratch for seeding

function splitmix(state: usize): u64 {
  let z = load<u64>(state) + 0x9E3779B97F4A7C15;
  store<u64>(state, z);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EB;
  return z ^ (z >> 31);
}

/** Seeds the 48-byte state block from a 64-bit seed given as two u32 halves. */
export function vmfSeed(state: usize, seedLo: u32, seedHi: u32): void {
  store<u64>(state + 40, (<u64>seedHi << 32) | <u64>seedLo); // splitmix counter, overwritten below
  const s0 = splitmix(state + 40), s1 = splitmix(state + 40), s2 = splitmix(state + 40), s3 = splitmix(state + 40);
  store<u64>(state, s0); store<u64>(state, s1, 8); store<u64>(state, s2, 16); store<u64>(state, s3, 24);
  if (!zigReady) zigInit();
}

// @ts-ignore: decorator
@inline function nextU64(st: usize): u64 {
  const s0 = load<u64>(st), s1 = load<u64>(st, 8), s2 = load<u64>(st, 16), s3 = load<u64>(st, 24);
  const r = rotl<u64>(s1 * 5, 7) * 9;
  const t = s1 << 17;
  const n2 = s2 ^ s0, n3 = s3 ^ s1;
  store<u64>(st, s0 ^ n3); store<u64>(st, s1 ^ n2, 8); store<u64>(st, n2 ^ t, 16); store<u64>(st, rotl<u64>(n3, 45), 24);
  return r;
}

/** Uniform in (0, 1]: the top 53 bits plus one, times 2^-53 (never 0, so log u is finite). */
// @ts-ignore: decorator
@inline function uniform(st: usize): f64 {
  return <f64>((nextU64(st) >> 11) + 1) * 1.1102230246251565e-16;
}

// Standard normals by the ziggurat method (Marsaglia and Tsang 2000, with Doornik's 2005 layout
// ZIGNOR: 128 layers, one 64-bit draw gives the layer and the abscissa). The layer table is computed
// here, once, from exp/log/sqrt in Wasm, so it is bit-identical in every runtime.
const ZIG_R: f64 = 3.442619855899;            // right-most layer edge for 128 layers
const ZIG_V: f64 = 9.91256303526217e-3;       // area of each layer
const ZIG_X: usize = memory.data(129 * 8, 16); // x_0 .. x_128
const ZIG_Q: usize = memory.data(128 * 8, 16); // x_{i+1} / x_i
let zigReady = false;

function zigInit(): void {
  const f = Math.exp(-0.5 * ZIG_R * ZIG_R);
  store<f64>(ZIG_X, ZIG_V / f);
  store<f64>(ZIG_X, ZIG_R, 8);
  let x = ZIG_R;
  for (let i = 2; i < 128; i++) {
    x = Math.sqrt(-2.0 * Math.log(ZIG_V / x + Math.exp(-0.5 * x * x)));
    store<f64>(ZIG_X + (<usize>i << 3), x);
  }
  store<f64>(ZIG_X + 128 * 8, 0.0);
  for (let i = 0; i < 128; i++) {
    store<f64>(ZIG_Q + (<usize>i << 3), load<f64>(ZIG_X + (<usize>(i + 1) << 3)) / load<f64>(ZIG_X + (<usize>i << 3)));
  }
  zigReady = true;
}

function normal(st: usize): f64 {
  while (true) {
    const r = nextU64(st);
    const i = <usize>(r & 127);
    const u = <f64>(r >> 11) * 2.220446049250313e-16 - 1.0; // [-1, 1)
    if (Math.abs(u) < load<f64>(ZIG_Q + (i << 3))) return u * load<f64>(ZIG_X + (i << 3));
    if (i == 0) {
      // the tail beyond R (Marsaglia 1964)
      let x: f64, y: f64;
      do {
        x = Math.log(uniform(st)) / ZIG_R;
        y = Math.log(uniform(st));
      } while (-2.0 * y < x * x);
      return u < 0 ? x - ZIG_R : ZIG_R - x;
    }
    const xi = load<f64>(ZIG_X + (i << 3)), xi1 = load<f64>(ZIG_X + ((i + 1) << 3));
    const x = u * xi;
    const f0 = Math.exp(-0.5 * (xi * xi - x * x)), f1 = Math.exp(-0.5 * (xi1 * xi1 - x * x));
    if (f1 + uniform(st) * (f0 - f1) < 1.0) return x;
  }
  return 0; // unreachable
}

/** Gamma(a, 1) by Marsaglia and Tsang (2000); a < 1 through Gamma(a+1) U^{1/a}. */
function gammaVariate(st: usize, a: f64): f64 {
  let boost = 1.0;
  if (a < 1.0) {
    boost = Math.pow(uniform(st), 1.0 / a);
    a += 1.0;
  }
  const d = a - 1.0 / 3.0, c = 1.0 / Math.sqrt(9.0 * d);
  while (true) {
    const z = normal(st);
    const t = 1.0 + c * z;
    if (t <= 0) continue;
    const v = t * t * t;
    const u = uniform(st);
    if (Math.log(u) < 0.5 * z * z + d - d * v + d * Math.log(v)) return boost * d * v;
  }
  return 0; // unreachable
}

/**
 * m samples of vMF(mu, kappa) on S^{p-1} into out (m rows of p), by Wood's algorithm: the
 * component w along mu by rejection from a Beta((p-1)/2, (p-1)/2) proposal, the tangent part a
 * normal vector with its mu-component removed, normalised. mu must be a unit vector.
 */
export function vmfSampleExec(mu: usize, p: i32, kappa: f64, m: i32, st: usize, out: usize): void {
  const pm1 = <f64>(p - 1);
  const b = pm1 / (2.0 * kappa + Math.sqrt(4.0 * kappa * kappa + pm1 * pm1));
  const x0 = (1.0 - b) / (1.0 + b);
  const c = kappa * x0 + pm1 * Math.log((1.0 - x0) * (1.0 + x0));
  const a = 0.5 * pm1;
  const rowBytes = <usize>p << 3;
  for (let r = 0; r < m; r++) {
    let w: f64;
    while (true) {
      const g1 = gammaVariate(st, a), g2 = gammaVariate(st, a);
      const z = g1 / (g1 + g2);
      w = (1.0 - (1.0 + b) * z) / (1.0 - (1.0 - b) * z);
      const u = uniform(st);
      if (kappa * w + pm1 * Math.log(1.0 - x0 * w) - c >= Math.log(u)) break;
    }
    const row = out + <usize>r * rowBytes;
    let dot = 0.0;
    for (let j = 0; j < p; j++) {
      const g = normal(st);
      store<f64>(row + (<usize>j << 3), g);
      dot += g * load<f64>(mu + (<usize>j << 3));
    }
    let nrm = 0.0;
    for (let j = 0; j < p; j++) {
      const o = <usize>j << 3;
      const g = load<f64>(row + o) - dot * load<f64>(mu + o);
      store<f64>(row + o, g);
      nrm += g * g;
    }
    const scale = Math.sqrt((1.0 - w) * (1.0 + w)) / Math.sqrt(nrm);
    for (let j = 0; j < p; j++) {
      const o = <usize>j << 3;
      store<f64>(row + o, w * load<f64>(mu + o) + scale * load<f64>(row + o));
    }
  }
}

/** acc[j] += sum over the m rows of X[i][j], rows in order (so the result does not depend on how
 *  the caller splits X into chunks); two columns per f64x2 lane pair. */
export function vmfAccumulateRows(X: usize, m: i32, p: i32, acc: usize): void {
  const rowBytes = <usize>p << 3;
  const p2 = p & ~1;
  for (let i = 0; i < m; i++) {
    const row = X + <usize>i * rowBytes;
    let j = 0;
    for (; j < p2; j += 2) {
      const o = <usize>j << 3;
      v128.store(acc + o, f64x2.add(v128.load(acc + o), v128.load(row + o)));
    }
    if (j < p) {
      const o = <usize>j << 3;
      store<f64>(acc + o, load<f64>(acc + o) + load<f64>(row + o));
    }
  }
}

/** Euclidean norm of a vector of p values, summed in order. */
export function vecNorm(x: usize, p: i32): f64 {
  let s = 0.0;
  for (let j = 0; j < p; j++) {
    const v = load<f64>(x + (<usize>j << 3));
    s += v * v;
  }
  return Math.sqrt(s);
}
