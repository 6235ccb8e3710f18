// FFT plans: an immutable description of how to transform one length in one precision, with its
// twiddle tables and scratch, created and destroyed explicitly through the arena (pocketfft's
// plan/exec split). The algorithm is chosen here, in one place, by a cost model.

import { sincos2pi, twCos, twSin } from "./twiddle";

export const ALGO_STOCKHAM: i32 = 0;
export const ALGO_BLUESTEIN: i32 = 1;
export const ALGO_REAL_HALF: i32 = 2;  // real, n even: complex FFT of n/2 packed samples + post-pass
export const ALGO_REAL_FULL: i32 = 3;  // real, n odd: complex FFT of n with zero imaginary part

const MAX_STAGES: i32 = 64;

@unmanaged export class FftPlan {
  n: i32;          // transform length (real length for real plans)
  elem: i32;       // bytes per real: 4 (f32) or 8 (f64)
  algo: i32;
  nstages: i32;
  radix: usize;    // i32[MAX_STAGES]
  tabs: usize;     // usize[MAX_STAGES]: each stage's twiddle table
  ar: usize; ai: usize; br: usize; bi: usize;  // two planar work buffers of n complex
  tmp: usize;      // scratch for the generic-radix butterfly
  sub: usize;      // Bluestein: power-of-two plan of length m; real: the complex plan
  m: i32;          // Bluestein convolution length
  cr: usize; ci: usize;   // Bluestein chirp e^(-i pi k^2 / n), k < n; real: post-pass twiddles
  fr: usize; fi: usize;   // Bluestein: DFT of the conjugate chirp filter, scaled by 1/m
  tailP: i32;      // Stockham: the stage the fused path's planar last pass starts at (planarTail)
}

function allocT(count: i64, elem: i32): usize {
  return heap.alloc(<usize>(count < 1 ? 1 : count) * <usize>elem);
}

@inline function storeT(ptr: usize, idx: i64, elem: i32, v: f64): void {
  if (elem == 4) store<f32>(ptr + (<usize>idx << 2), <f32>v);
  else store<f64>(ptr + (<usize>idx << 3), v);
}

// Cost, per point, of one stage of each radix, in units of a radix-4 vector stage. Radices
// without a SIMD codelet run O(r) products per point. These weights and the Bluestein factor below
// were checked against timings of this module (scratch calibration, 2026-11): the model picks the
// faster algorithm, or one within a few percent of it, for every length tried from 7 to 10007.
function stageCost(r: i32): f64 {
  if (r == 4) return 1.0;
  if (r == 2) return 0.8;
  if (r == 3) return 1.2;
  if (r == 5) return 1.8;
  return 0.9 * <f64>r;
}

/** Factors n into the stage radices, 4s first (so the s = 1 stage has the vectorised radix-4
 *  kernel and every later power-of-two stage has s a multiple of the lane count), then 2, 3, 5
 *  and the remaining primes ascending. Returns the count; radices written to out. */
function factorize(n: i32, out: usize): i32 {
  let k = 0, rest = n;
  while (rest % 4 == 0) { store<i32>(out + (<usize>(k++) << 2), 4); rest /= 4; }
  if (rest % 2 == 0) { store<i32>(out + (<usize>(k++) << 2), 2); rest /= 2; }
  for (let p = 3; p * p <= rest; p += 2) {
    while (rest % p == 0) { store<i32>(out + (<usize>(k++) << 2), p); rest /= p; }
  }
  if (rest > 1) store<i32>(out + (<usize>(k++) << 2), rest);
  return k;
}

function directCost(n: i32): f64 {
  const f = heap.alloc(<usize>MAX_STAGES * 4);
  const k = factorize(n, f);
  let c = 0.0;
  for (let i = 0; i < k; i++) c += stageCost(load<i32>(f + (<usize>i << 2)));
  heap.free(f);
  return c * <f64>n;
}

function nextPow2(x: i32): i32 {
  let m = 1;
  while (m < x) m <<= 1;
  return m;
}

function useBluestein(n: i32, elem: i32): bool {
  if (n <= 5) return false;
  const m = nextPow2(2 * n - 1);
  // two power-of-two transforms of m, a pointwise product, and the chirp products at both ends;
  // with two f64 lanes per vector the vectorised Bluestein path gains less over the direct one
  // (measured crossover: primes near 23-29 in f32, 41-53 in f64)
  const bc = (2.0 * directCost(m) + 0.5 * <f64>m + 1.0 * <f64>n) * (elem == 8 ? 1.6 : 1.0);
  return bc < directCost(n);
}

export function planComplex(n: i32, elem: i32, allowBluestein: bool = true): FftPlan {
  const p = changetype<FftPlan>(heap.alloc(offsetof<FftPlan>()));
  memory.fill(changetype<usize>(p), 0, offsetof<FftPlan>());
  p.n = n;
  p.elem = elem;
  p.radix = heap.alloc(<usize>MAX_STAGES * 4);
  p.tabs = heap.alloc(<usize>MAX_STAGES * sizeof<usize>());
  memory.fill(p.tabs, 0, <usize>MAX_STAGES * sizeof<usize>());
  // each work pair is one block of 2n reals (imaginary half right after the real half), so it
  // also serves as a vector-blocked buffer of n complex values for the power-of-two fast path
  p.ar = allocT(2 * <i64>n, elem); p.ai = p.ar + <usize>n * elem;
  p.br = allocT(2 * <i64>n, elem); p.bi = p.br + <usize>n * elem;
  if (allowBluestein && useBluestein(n, elem)) {
    p.algo = ALGO_BLUESTEIN;
    const m = nextPow2(2 * n - 1);
    p.m = m;
    const sub = planComplex(m, elem, false);
    p.sub = changetype<usize>(sub);
    p.cr = allocT(n, elem); p.ci = allocT(n, elem);
    // chirp c_k = e^(-i pi k^2 / n): the exponent k^2 is reduced mod 2n exactly in integers
    const n2 = <i64>n * 2;
    for (let k: i64 = 0; k < <i64>n; k++) {
      sincos2pi((k * k) % n2, n2);
      storeT(p.cr, k, elem, twCos);
      storeT(p.ci, k, elem, -twSin);
    }
    // filter b_k = conj(c_|k|) for |k| < n, wrapped circularly into m; its DFT scaled by 1/m
    const bR = sub.ar, bI = sub.ai;
    memory.fill(bR, 0, <usize>m * elem);
    memory.fill(bI, 0, <usize>m * elem);
    const inv = 1.0 / <f64>m;
    for (let k: i64 = 0; k < <i64>n; k++) {
      sincos2pi((k * k) % n2, n2);
      storeT(bR, k, elem, twCos * inv);
      storeT(bI, k, elem, twSin * inv);
      if (k > 0) {
        storeT(bR, <i64>m - k, elem, twCos * inv);
        storeT(bI, <i64>m - k, elem, twSin * inv);
      }
    }
    p.fr = allocT(m, elem); p.fi = allocT(m, elem);
    if (elem == 4) dftInto<f32>(sub, bR, bI, sub.br, sub.bi, p.fr, p.fi);
    else dftInto<f64>(sub, bR, bI, sub.br, sub.bi, p.fr, p.fi);
    return p;
  }
  p.algo = ALGO_STOCKHAM;
  const ns = factorize(n, p.radix);
  p.nstages = ns;
  let maxR = 2;
  let ncur = n;
  for (let i = 0; i < ns; i++) {
    const r = load<i32>(p.radix + (<usize>i << 2));
    if (r > maxR) maxR = r;
    const m = ncur / r;
    const generic = r != 2 && r != 3 && r != 4 && r != 5;
    const count = <i64>(2 * (r - 1)) * <i64>m + (generic ? 2 * <i64>r : 0);
    const tab = allocT(count, elem);
    for (let j = 1; j < r; j++) {
      const re = <i64>((j - 1) * 2) * m, im = re + m;
      for (let q = 0; q < m; q++) {
        sincos2pi(<i64>j * <i64>q, <i64>ncur);
        storeT(tab, re + q, elem, twCos);
        storeT(tab, im + q, elem, -twSin);
      }
    }
    if (generic) {
      const base = <i64>(2 * (r - 1)) * <i64>m;
      for (let k = 0; k < r; k++) {
        sincos2pi(k, r);
        storeT(tab, base + k, elem, twCos);
        storeT(tab, base + r + k, elem, twSin);
      }
    }
    store<usize>(p.tabs + (<usize>i << alignof<usize>()), tab);
    ncur = m;
  }
  p.tmp = heap.alloc(<usize>maxR * 64);
  p.tailP = planarTail(p);
  return p;
}

export function planReal(n: i32, elem: i32): FftPlan {
  const p = changetype<FftPlan>(heap.alloc(offsetof<FftPlan>()));
  memory.fill(changetype<usize>(p), 0, offsetof<FftPlan>());
  p.n = n;
  p.elem = elem;
  if (n % 2 == 0) {
    const h = n >> 1;
    p.algo = ALGO_REAL_HALF;
    p.sub = changetype<usize>(planComplex(h, elem));
    // post-pass twiddles W_n^k = e^(-2 pi i k / n), k < h; ar: the inverse's packed spectrum Z
    p.cr = allocT(h, elem); p.ci = allocT(h, elem);
    p.ar = allocT(2 * <i64>h, elem);
    for (let k = 0; k < h; k++) {
      sincos2pi(k, n);
      storeT(p.cr, k, elem, twCos);
      storeT(p.ci, k, elem, -twSin);
    }
  } else {
    p.algo = ALGO_REAL_FULL;
    p.sub = changetype<usize>(planComplex(n, elem));
  }
  return p;
}

export function destroyPlan(p: FftPlan): void {
  if (p.algo == ALGO_STOCKHAM) {
    for (let i = 0; i < p.nstages; i++) heap.free(load<usize>(p.tabs + (<usize>i << alignof<usize>())));
  }
  if (p.sub != 0) destroyPlan(changetype<FftPlan>(p.sub));
  freeIf(p.radix); freeIf(p.tabs); freeIf(p.tmp);
  freeIf(p.ar); freeIf(p.br);
  freeIf(p.cr); freeIf(p.ci); freeIf(p.fr); freeIf(p.fi);
  heap.free(changetype<usize>(p));
}

@inline function freeIf(ptr: usize): void { if (ptr != 0) heap.free(ptr); }

// ---- execution on planar data -------------------------------------------------------------

import { stage, r4first, stageB, lastB, lastP, last42, cmulPlanar, deinterleave, interleave, lanes } from "./kernels";

// Where the last dft() left its result (one of the two pairs it was given, same orientation).
export let resR: usize = 0;
export let resI: usize = 0;

/**
 * Forward DFT of the planar data (dr, di) (length n), using (or) as the second buffer pair.
 * The result is left in one of the two pairs and named by resR, resI. Every inverse here is done
 * by the swap identity IDFT(z) = swap(DFT(swap(z))), swap(a + ib) = b + ia: the caller stores
 * Im z where dft() reads the real part, and reads the real part of the answer from resI.
 */
export function dft<T>(p: FftPlan, dr: usize, di: usize, or: usize, oi: usize): void {
  if (p.algo == ALGO_BLUESTEIN) { bluestein<T>(p, dr, di, or, oi); return; }
  const half = <usize>p.n * sizeof<T>();
  if (fusable<T>(p) && absDiff(dr, di) == half && absDiff(or, oi) == half) {
    // Each pair is the two halves of one work block, so the fused (blocked) path can run
    // blocked between a planar first stage and a planar last stage.
    const blockD = dr < di ? dr : di, blockO = or < oi ? or : oi;
    r4first<T, u8>(p.n >> 2, dr, di, blockO, blockO + 16, load<usize>(p.tabs), 2 * sizeof<T>());
    let x = blockO, y = blockD;
    let s = 4, ncur = p.n >> 2;
    const last = p.tailP;
    for (let i = 1; i < last; i++) {
      const r = load<i32>(p.radix + (<usize>i << 2));
      stageB<T>(r, ncur / r, s, x, y, load<usize>(p.tabs + (<usize>i << alignof<usize>())));
      ncur /= r; s *= r;
      const t = x; x = y; y = t;
    }
    // the free block takes the planar result, in the orientation the caller gave for it
    const outR = y == blockD ? dr : or, outI = y == blockD ? di : oi;
    if (last < p.nstages - 1) last42<T, u8, u16>(s, x, load<usize>(p.tabs + (<usize>last << alignof<usize>())), outR, outI, 1.0);
    else lastP<T>(load<i32>(p.radix + (<usize>last << 2)), s, x, outR, outI);
    resR = outR; resI = outI;
    return;
  }
  runStages<T>(p, 1, dr, di, or, oi);
}

@inline function absDiff(a: usize, b: usize): usize { return a > b ? a - b : b - a; }

/**
 * Runs the plan's stages on g transforms interleaved with stride g (element i of transform q at
 * q + g i), planar, ping-ponging between (xr, xi) and (yr, yi); the result pair is left in resR,
 * resI. A Stockham stage's twiddles depend only on the current length, not on the stride, so
 * starting at s = g instead of 1 is all it takes, and every stage is vectorised across the g
 * transforms. Stockham plans only.
 */
export function runStages<T>(p: FftPlan, g: i32, xr: usize, xi: usize, yr: usize, yi: usize): void {
  let s = g, ncur = p.n;
  for (let i = 0; i < p.nstages; i++) {
    const r = load<i32>(p.radix + (<usize>i << 2));
    stage<T>(r, ncur, s, xr, xi, yr, yi, load<usize>(p.tabs + (<usize>i << alignof<usize>())), p.tmp);
    ncur /= r; s *= r;
    const tr = xr, ti = xi; xr = yr; xi = yi; yr = tr; yi = ti;
  }
  resR = xr; resI = xi;
}

/** dft() whose result is copied into (outR, outI). */
export function dftInto<T>(p: FftPlan, dr: usize, di: usize, or: usize, oi: usize, outR: usize, outI: usize): void {
  dft<T>(p, dr, di, or, oi);
  const bytes = <usize>p.n * sizeof<T>();
  memory.copy(outR, resR, bytes);
  memory.copy(outI, resI, bytes);
}

/** Bluestein's chirp-z: X_k = c_k sum_j (x_j c_j) conj(c_(k-j)), the convolution done with
 *  power-of-two FFTs of length m >= 2n - 1. Result goes to (or, oi). */
function bluestein<T>(p: FftPlan, dr: usize, di: usize, or: usize, oi: usize): void {
  const sub = changetype<FftPlan>(p.sub);
  const n = p.n, m = p.m;
  const B = sizeof<T>();
  const ur = sub.ar, ui = sub.ai;
  cmulPlanar<T>(dr, di, p.cr, p.ci, ur, ui, n);
  memory.fill(ur + <usize>n * B, 0, <usize>(m - n) * B);
  memory.fill(ui + <usize>n * B, 0, <usize>(m - n) * B);
  dft<T>(sub, ur, ui, sub.br, sub.bi);
  let ar = resR, ai = resI;
  const wr = ar == ur ? sub.br : ur, wi = ar == ur ? sub.bi : ui;
  cmulPlanar<T>(ar, ai, p.fr, p.fi, ar, ai, m);
  // inverse by the swap identity: the true real part ends up in resI, the imaginary in resR
  dft<T>(sub, ai, ar, wi, wr);
  cmulPlanar<T>(resI, resR, p.cr, p.ci, or, oi, n);
  resR = or; resI = oi;
}

/** The first stage that the fused path's last pass runs when it writes planar output (real
 *  transforms' post-pass input, dft()), kept in the plan as tailP: the last stage, or the one
 *  before it when the radices end in 4, 2 after the first stage (n = 4^a 2, a >= 2) and the data
 *  fit a first-level cache (2n values <= 32 KiB); last42 then runs both in one pass. Beyond that
 *  its sixteen planar output streams (power-of-two apart) cost more than the pass saved
 *  (measured: f32 real n = 4096 3.45 -> 3.26 us, n = 16384 15.3 -> 21.0 us); the interleaved
 *  path (lastB) gained nothing measurable from it and keeps the separate passes. */
function planarTail(p: FftPlan): i32 {
  const k = p.nstages;
  return k >= 3 && <usize>p.n * 2 * <usize>p.elem <= 32768 &&
    load<i32>(p.radix + (<usize>(k - 1) << 2)) == 2 && load<i32>(p.radix + (<usize>(k - 2) << 2)) == 4
    ? k - 2 : k - 1;
}

/** True when the plan can run the fused interleaved path: a Stockham plan of radices 2, 3, 4, 5
 *  whose first stage is the vectorised radix-4 (s = 1) kernel, with at least two stages (every
 *  later stride is then a multiple of 4, so of the lane count). */
export function fusable<T>(p: FftPlan): bool {
  if (p.algo != ALGO_STOCKHAM || p.nstages < 2) return false;
  if ((p.n & 3) != 0 || (p.n >> 2) % lanes<T>() != 0) return false;
  for (let i = 0; i < p.nstages; i++) {
    const r = load<i32>(p.radix + (<usize>i << 2));
    if (r != 2 && r != 3 && r != 4 && r != 5) return false;
  }
  return true;
}

/**
 * Complex DFT from interleaved src to interleaved dst (src == dst allowed; srcFree: src may be
 * overwritten even when it is not dst), scaled by fct;
 * inverse (unnormalised) when inverse is set, by the swap identity. fusable() plans (radices
 * 2/3/4/5, first stage the vectorised radix 4) run the fused first/last stages; the others
 * deinterleave into the work buffers and interleave back.
 */
// The fused path's stages before the last: interleaved src -> blocked data, left at fusedX with
// stride fusedS for the last stage. ar and br are each 2n reals long (ai, bi are their upper
// halves): the blocked buffers.
let fusedX: usize = 0;
let fusedS: i32 = 0;
/** last: the stage that the last pass starts at (p.nstages - 1, or planarTail). */
function fusedHead<T>(p: FftPlan, src: usize, inverse: bool, srcFree: bool, last: i32): void {
  const m0 = p.n >> 2;
  const E = 2 * sizeof<T>();
  if (inverse) r4first<T, u32>(m0, src, 0, p.ar, p.ar + 16, load<usize>(p.tabs), E);
  else r4first<T, u16>(m0, src, 0, p.ar, p.ar + 16, load<usize>(p.tabs), E);
  // Once the first stage has read it, src (2n reals) may serve as the second buffer: two buffers
  // instead of three in flight, which matters once they outgrow the cache. Only when the middle
  // stages end in p.ar, so that the last stage never reads and writes src.
  const middle = last - 1;
  let x = p.ar, y = srcFree && (middle & 1) == 0 ? src : p.br;
  let s = 4, ncur = m0;
  for (let i = 1; i < last; i++) {
    // radix 4, 3, 5, or one radix 2 (every stride here is a multiple of 4, so of L)
    const r = load<i32>(p.radix + (<usize>i << 2));
    stageB<T>(r, ncur / r, s, x, y, load<usize>(p.tabs + (<usize>i << alignof<usize>())));
    ncur /= r; s *= r;
    const t = x; x = y; y = t;
  }
  fusedX = x;
  fusedS = s;
}

/** Forward DFT of interleaved src, result left planar and named by resR, resI. srcFree: src may
 *  be overwritten (it then serves as a work buffer). */
export function dftToPlanar<T>(p: FftPlan, src: usize, srcFree: bool): void {
  if (fusable<T>(p)) {
    const last = p.tailP;
    fusedHead<T>(p, src, false, srcFree, last);
    const y = fusedX == p.ar ? (srcFree ? src : p.br) : p.ar;
    const yi = y + <usize>p.n * sizeof<T>();
    if (last < p.nstages - 1) {
      last42<T, u8, u16>(fusedS, fusedX, load<usize>(p.tabs + (<usize>last << alignof<usize>())), y, yi, 1.0);
    } else lastP<T>(load<i32>(p.radix + (<usize>(p.nstages - 1) << 2)), fusedS, fusedX, y, yi);
    resR = y; resI = yi;
    return;
  }
  deinterleave<T>(src, p.ar, p.ai, p.n);
  dft<T>(p, p.ar, p.ai, p.br, p.bi);
}

export function dftInterleaved<T>(p: FftPlan, src: usize, dst: usize, inverse: bool, fct: f64,
                                 srcFree: bool = false): void {
  const n = p.n;
  if (fusable<T>(p)) {
    fusedHead<T>(p, src, inverse, srcFree || src == dst, p.nstages - 1);
    const r = load<i32>(p.radix + (<usize>(p.nstages - 1) << 2));
    if (inverse) lastB<T, u16>(r, fusedS, fusedX, dst, fct);
    else lastB<T, u8>(r, fusedS, fusedX, dst, fct);
    return;
  }
  if (inverse) {
    deinterleave<T>(src, p.ai, p.ar, n);
    dft<T>(p, p.ar, p.ai, p.br, p.bi);
    interleave<T>(resI, resR, dst, n, fct);
  } else {
    deinterleave<T>(src, p.ar, p.ai, n);
    dft<T>(p, p.ar, p.ai, p.br, p.bi);
    interleave<T>(resR, resI, dst, n, fct);
  }
}
