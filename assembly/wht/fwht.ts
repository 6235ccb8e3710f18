// Fast Walsh-Hadamard transform, unnormalised, natural (Sylvester) order, in place, f32 and f64.
//
// Every path computes exactly the butterflies of the plain iterative radix-2 algorithm
//   for h = 1, 2, 4, ...: (a, b) <- (a + b, a - b)   on pairs h apart,
// in ascending order of h, so every result is bit-identical to that scalar loop whatever the
// blocking: stages only regroup into passes. The passes are:
//   1. "low": 8 vectors (32 f32 / 16 f64) in registers; the in-vector strides by shuffle + sign
//      flip (lane j gets v[j^h] + (+-v[j]): the same sum/difference as the scalar butterfly), the
//      next three strides across the 8 registers.
//   2. radix-8/4/2 passes over the rest of an L1-sized block (8 vectors h apart in registers).
//   3. lengths past the block: the array read as rows of BLK elements; every block transformed,
//      then the remaining (row-index) stages run column strip by column strip, each strip R rows
//      of W bytes, so that one strip stays in cache across its passes (the idea of FFHT's recursive
//      blocking, Andoni et al. 2015, with 128-bit vectors).
// Sizes m * 2^k (m in {12, 20, 28, 40}): x read as an m x 2^k row-major matrix,
//   y = (H_m (x) H_2^k) x  =  H_m (X H_2^k),
// i.e. each row transformed, then rows mixed by H_m (hadamard.ts) strip by strip.

import { hadamardTable } from "./hadamard";
import { bitrev } from "../util/bits";

// Elements per L1 block: 32 KiB of data.
@inline function blockLog<T>(): i32 { return sizeof<T>() == 4 ? 13 : 12; }
// Strides handled by the in-register first pass: 2^5 f32 or 2^4 f64 elements (8 vectors).
@inline function lowLog<T>(): i32 { return sizeof<T>() == 4 ? 5 : 4; }

@inline function vadd<T>(a: v128, b: v128): v128 {
  if (sizeof<T>() == 4) return f32x4.add(a, b);
  return f64x2.add(a, b);
}
@inline function vsub<T>(a: v128, b: v128): v128 {
  if (sizeof<T>() == 4) return f32x4.sub(a, b);
  return f64x2.sub(a, b);
}

// In-vector stride 1: lane j <- v[j ^ 1] + (j odd ? -v[j] : v[j]) = (v0 + v1, v0 - v1, ...)
@inline function inlane1<T>(v: v128): v128 {
  if (sizeof<T>() == 4) return f32x4.add(v128.shuffle<f32>(v, v, 1, 0, 3, 2), v128.xor(v, f32x4(0.0, -0.0, 0.0, -0.0)));
  return f64x2.add(v128.shuffle<f64>(v, v, 1, 0), v128.xor(v, f64x2(0.0, -0.0)));
}
// In-vector stride 2 (f32 only).
@inline function inlane2(v: v128): v128 {
  return f32x4.add(v128.shuffle<f32>(v, v, 2, 3, 0, 1), v128.xor(v, f32x4(0.0, 0.0, -0.0, -0.0)));
}

/** Pass 1 over `count` groups of 8 consecutive vectors at p. */
function lowPass<T>(p: usize, count: usize): void {
  const end = p + (count << 7);
  for (let q = p; q < end; q += 128) {
    let v0 = v128.load(q), v1 = v128.load(q, 16), v2 = v128.load(q, 32), v3 = v128.load(q, 48);
    let v4 = v128.load(q, 64), v5 = v128.load(q, 80), v6 = v128.load(q, 96), v7 = v128.load(q, 112);
    v0 = inlane1<T>(v0); v1 = inlane1<T>(v1); v2 = inlane1<T>(v2); v3 = inlane1<T>(v3);
    v4 = inlane1<T>(v4); v5 = inlane1<T>(v5); v6 = inlane1<T>(v6); v7 = inlane1<T>(v7);
    if (sizeof<T>() == 4) {
      v0 = inlane2(v0); v1 = inlane2(v1); v2 = inlane2(v2); v3 = inlane2(v3);
      v4 = inlane2(v4); v5 = inlane2(v5); v6 = inlane2(v6); v7 = inlane2(v7);
    }
    let t: v128;
    t = vadd<T>(v0, v1); v1 = vsub<T>(v0, v1); v0 = t;
    t = vadd<T>(v2, v3); v3 = vsub<T>(v2, v3); v2 = t;
    t = vadd<T>(v4, v5); v5 = vsub<T>(v4, v5); v4 = t;
    t = vadd<T>(v6, v7); v7 = vsub<T>(v6, v7); v6 = t;
    t = vadd<T>(v0, v2); v2 = vsub<T>(v0, v2); v0 = t;
    t = vadd<T>(v1, v3); v3 = vsub<T>(v1, v3); v1 = t;
    t = vadd<T>(v4, v6); v6 = vsub<T>(v4, v6); v4 = t;
    t = vadd<T>(v5, v7); v7 = vsub<T>(v5, v7); v5 = t;
    v128.store(q, vadd<T>(v0, v4)); v128.store(q, vsub<T>(v0, v4), 64);
    v128.store(q, vadd<T>(v1, v5), 16); v128.store(q, vsub<T>(v1, v5), 80);
    v128.store(q, vadd<T>(v2, v6), 32); v128.store(q, vsub<T>(v2, v6), 96);
    v128.store(q, vadd<T>(v3, v7), 48); v128.store(q, vsub<T>(v3, v7), 112);
  }
}

/**
 * r (1..3) ascending stages of byte stride s, 2s, 4s over `groups` groups gstride bytes apart,
 * each group `width` bytes wide (a multiple of 16). Stage strides are multiples of 16 bytes.
 */
function pass<T>(base: usize, r: i32, s: usize, groups: usize, gstride: usize, width: usize): void {
  for (let g: usize = 0; g < groups; g++) {
    const gb = base + g * gstride;
    const ge = gb + width;
    if (r == 3) {
      for (let q = gb; q < ge; q += 16) {
        let v0 = v128.load(q), v1 = v128.load(q + s), v2 = v128.load(q + 2 * s), v3 = v128.load(q + 3 * s);
        let v4 = v128.load(q + 4 * s), v5 = v128.load(q + 5 * s), v6 = v128.load(q + 6 * s), v7 = v128.load(q + 7 * s);
        let t: v128;
        t = vadd<T>(v0, v1); v1 = vsub<T>(v0, v1); v0 = t;
        t = vadd<T>(v2, v3); v3 = vsub<T>(v2, v3); v2 = t;
        t = vadd<T>(v4, v5); v5 = vsub<T>(v4, v5); v4 = t;
        t = vadd<T>(v6, v7); v7 = vsub<T>(v6, v7); v6 = t;
        t = vadd<T>(v0, v2); v2 = vsub<T>(v0, v2); v0 = t;
        t = vadd<T>(v1, v3); v3 = vsub<T>(v1, v3); v1 = t;
        t = vadd<T>(v4, v6); v6 = vsub<T>(v4, v6); v4 = t;
        t = vadd<T>(v5, v7); v7 = vsub<T>(v5, v7); v5 = t;
        v128.store(q, vadd<T>(v0, v4)); v128.store(q + 4 * s, vsub<T>(v0, v4));
        v128.store(q + s, vadd<T>(v1, v5)); v128.store(q + 5 * s, vsub<T>(v1, v5));
        v128.store(q + 2 * s, vadd<T>(v2, v6)); v128.store(q + 6 * s, vsub<T>(v2, v6));
        v128.store(q + 3 * s, vadd<T>(v3, v7)); v128.store(q + 7 * s, vsub<T>(v3, v7));
      }
    } else if (r == 2) {
      for (let q = gb; q < ge; q += 16) {
        let v0 = v128.load(q), v1 = v128.load(q + s), v2 = v128.load(q + 2 * s), v3 = v128.load(q + 3 * s);
        let t: v128;
        t = vadd<T>(v0, v1); v1 = vsub<T>(v0, v1); v0 = t;
        t = vadd<T>(v2, v3); v3 = vsub<T>(v2, v3); v2 = t;
        v128.store(q, vadd<T>(v0, v2)); v128.store(q + 2 * s, vsub<T>(v0, v2));
        v128.store(q + s, vadd<T>(v1, v3)); v128.store(q + 3 * s, vsub<T>(v1, v3));
      }
    } else {
      for (let q = gb; q < ge; q += 16) {
        const v0 = v128.load(q), v1 = v128.load(q + s);
        v128.store(q, vadd<T>(v0, v1)); v128.store(q + s, vsub<T>(v0, v1));
      }
    }
  }
}

@inline function radixFor(rem: i32): i32 {
  // 4 = 2 + 2 beats 3 + 1 (a radix-2 pass costs a full sweep for one stage)
  if (rem >= 3 && rem != 4) return 3;
  return rem >= 2 ? 2 : 1;
}

/** Plain radix-2 for lengths below one low-pass group (and the reference of every other path). */
function scalarWht<T>(p: usize, L: i32): void {
  const B = sizeof<T>();
  for (let h = 1; h < L; h <<= 1) {
    for (let i = 0; i < L; i += h << 1) {
      for (let j = i; j < i + h; j++) {
        const a = p + <usize>j * B, b = a + <usize>h * B;
        const x = load<T>(a), y = load<T>(b);
        store<T>(a, <T>(x + y));
        store<T>(b, <T>(x - y));
      }
    }
  }
}

/** Stages from..k-1 of a 2^k block at p, as radix-8/4/2 passes whose butterflies read 2^r
 *  contiguous streams (no power-of-two column strides, so no cache-set conflicts). */
function highStages<T>(p: usize, k: i32, from: i32): void {
  const B = sizeof<T>();
  const bytes = (<usize>1 << k) * B;
  let done = from;
  while (done < k) {
    const r = radixFor(k - done);
    const s = (<usize>1 << done) * B;
    const gs = s << r;
    pass<T>(p, r, s, bytes / gs, gs, s);
    done += r;
  }
}

/** Full transform of a block of 2^k elements that fits in L1. */
function smallWht<T>(p: usize, k: i32): void {
  const low = lowLog<T>();
  if (k < low) { scalarWht<T>(p, 1 << k); return; }
  lowPass<T>(p, ((<usize>1 << k) * sizeof<T>()) >> 7);
  highStages<T>(p, k, low);
}

// Elements per L2 superblock: 512 KiB of data.
@inline function superLog<T>(): i32 { return sizeof<T>() == 4 ? 18 : 17; }

/** Natural-order unnormalised WHT of L = 2^k elements at p, in place. Blocks that fit in L1 are
 *  transformed whole, then superblocks that fit in L2 finish their stages, then the top stages
 *  sweep the whole array (the cache-oblivious order of FFHT, two levels deep). */
export function fwhtPow2<T>(p: usize, k: i32): void {
  const kb = blockLog<T>();
  if (k <= kb) { smallWht<T>(p, k); return; }
  const ks = superLog<T>();
  const B = sizeof<T>();
  const top = k < ks ? k : ks;
  const supers = <usize>1 << (k - top);
  const superBytes = (<usize>1 << top) * B;
  for (let i: usize = 0; i < supers; i++) superblock<T>(p + i * superBytes, top);
  if (k > top) topStages<T>(p, k - top, superBytes);
}

/** The first `top` stages of one superblock of 2^top elements (kb < top <= superLog). */
function superblock<T>(sp: usize, top: i32): void {
  const kb = blockLog<T>();
  const B = sizeof<T>();
  const superBytes = (<usize>1 << top) * B;
  const blockBytes = (<usize>1 << kb) * B;
  for (let o: usize = 0; o < superBytes; o += blockBytes) smallWht<T>(sp + o, kb);
  // stages kb..top-1 while the superblock is hot in L2 (direct sweeps: measured faster here
  // than the gathered strips of topStages)
  highStagesBytes<T>(sp, superBytes, blockBytes);
}

// ---- streamed entry points: the facade copies a large input in one superblock at a time and
// transforms each while it is still in cache, then runs the top stages (same butterflies, same
// order, so the same bits as whtExec).

/** log2 of the superblock length in elements for elem bytes (4 or 8). */
export function whtSuperLog(elem: i32): i32 {
  return elem == 4 ? superLog<f32>() : superLog<f64>();
}

/** First superLog stages of the superblock at p. */
export function whtSuperblock(p: usize, elem: i32): void {
  if (elem == 4) superblock<f32>(p, superLog<f32>());
  else superblock<f64>(p, superLog<f64>());
}

/** Remaining stages of a 2^k transform whose superblocks are done, then the scale fct. */
export function whtTopStages(p: usize, k: i32, elem: i32, fct: f64): void {
  if (elem == 4) {
    const ks = superLog<f32>();
    topStages<f32>(p, k - ks, (<usize>1 << ks) * 4);
    if (fct != 1.0) scaleCopy<f32>(p, p, 1 << k, <f32>fct);
  } else {
    const ks = superLog<f64>();
    topStages<f64>(p, k - ks, (<usize>1 << ks) * 8);
    if (fct != 1.0) scaleCopy<f64>(p, p, 1 << k, fct);
  }
}

// Gather buffer of the top stages: 16 KiB, in L1 with room to spare.
const GATHER_BYTES: i32 = 16384;
const gather: usize = memory.data(GATHER_BYTES, 64);

/**
 * The last kt stages of a transform made of S = 2^kt superblocks (rows) of rowBytes each. Their
 * butterflies pair rows; done directly they would sweep the whole array once per radix-8 pass and
 * read S streams whose addresses agree modulo every cache's set period. Instead a strip of W
 * contiguous bytes of every row is copied into one contiguous L1 buffer, all kt stages run there
 * (the same butterflies in the same order), and the strip is copied back: one sweep in all.
 */
function topStages<T>(p: usize, kt: i32, rowBytes: usize): void {
  const S = <usize>1 << kt;
  let W = <usize>GATHER_BYTES >> kt;
  if (W < 16) W = 16;
  if (W > rowBytes) W = rowBytes;
  // up to three stages are one radix-8 sweep anyway: no copies needed
  if (kt <= 3 || S * W > <usize>GATHER_BYTES) { highStagesBytes<T>(p, S * rowBytes, rowBytes); return; }
  for (let c: usize = 0; c < rowBytes; c += W) {
    for (let r: usize = 0; r < S; r++) memory.copy(gather + r * W, p + r * rowBytes + c, W);
    highStagesBytes<T>(gather, S * W, W);
    for (let r: usize = 0; r < S; r++) memory.copy(p + r * rowBytes + c, gather + r * W, W);
  }
}

/** Stages of byte strides from0, 2 from0, ... < bytes over one block of `bytes` (powers of two). */
function highStagesBytes<T>(p: usize, bytes: usize, from0: usize): void {
  let s = from0;
  while (s < bytes) {
    let rem = 0;
    for (let t = s; t < bytes; t <<= 1) rem++;
    const r = radixFor(rem);
    const gs = s << r;
    pass<T>(p, r, s, bytes / gs, gs, s);
    s = gs;
  }
}

// Scratch for the H_m row mixing: m_max rows x 64 bytes.
const MIX_ROWS_BYTES: i32 = 40 * 64;
const mixScratch: usize = memory.data(MIX_ROWS_BYTES, 64);
const mixGather: usize = memory.data(MIX_ROWS_BYTES, 64);

/** Sign-bit mask for the entry h = +-1 of H_m: lane-wise xor with it negates exactly. */
@inline function signMask<T>(h: i8): v128 {
  if (sizeof<T>() == 4) return i32x4.splat(h < 0 ? 0x80000000 : 0);
  return i64x2.splat(h < 0 ? 0x8000000000000000 : 0);
}

/**
 * Rows of length L (bytes Lb) at p mixed by H_m (or H_m^T when transpose): row i <- sum_j
 * H[i][j] row j, summed in the order j = 0, 1, ..., m-1 (acc = +-row_0, then acc + (+-row_j),
 * the negation an xor of the sign bit: a + (-b) is a - b exactly). Strips of 64 bytes are
 * accumulated in four registers, so no partial sum goes through memory and no branch depends
 * on the signs; results go to a scratch strip and then back over the rows.
 */
function mixRows<T>(p: usize, L: i32, m: i32, transpose: bool): void {
  const B = sizeof<T>();
  const H = hadamardTable(m);
  const Lb = <usize>L * B;
  const si: usize = transpose ? 1 : <usize>m, sj: usize = transpose ? <usize>m : 1;
  if (Lb >= 64) {
    for (let c: usize = 0; c < Lb; c += 64) {
      // the m strips lie Lb apart (a power of two: the same cache sets); gathered first so the
      // m passes over them hit L1
      for (let j = 0; j < m; j++) memory.copy(mixGather + <usize>j * 64, p + <usize>j * Lb + c, 64);
      for (let i = 0; i < m; i++) {
        const hi = H + <usize>i * si;
        let src = mixGather;
        let mk = signMask<T>(load<i8>(hi));
        let a0 = v128.xor(v128.load(src), mk), a1 = v128.xor(v128.load(src, 16), mk);
        let a2 = v128.xor(v128.load(src, 32), mk), a3 = v128.xor(v128.load(src, 48), mk);
        for (let j = 1; j < m; j++) {
          src += 64;
          mk = signMask<T>(load<i8>(hi + <usize>j * sj));
          a0 = vadd<T>(a0, v128.xor(v128.load(src), mk));
          a1 = vadd<T>(a1, v128.xor(v128.load(src, 16), mk));
          a2 = vadd<T>(a2, v128.xor(v128.load(src, 32), mk));
          a3 = vadd<T>(a3, v128.xor(v128.load(src, 48), mk));
        }
        const dst = mixScratch + <usize>i * 64;
        v128.store(dst, a0); v128.store(dst, a1, 16); v128.store(dst, a2, 32); v128.store(dst, a3, 48);
      }
      for (let i = 0; i < m; i++) memory.copy(p + <usize>i * Lb + c, mixScratch + <usize>i * 64, 64);
    }
    return;
  }
  // short rows (under 64 bytes): one vector or one element at a time
  const step: usize = Lb >= 16 ? 16 : B;
  for (let i = 0; i < m; i++) {
    const hi = H + <usize>i * si;
    for (let o: usize = 0; o < Lb; o += step) {
      let src = p + o;
      if (step == 16) {
        let a = v128.xor(v128.load(src), signMask<T>(load<i8>(hi)));
        for (let j = 1; j < m; j++) {
          src += Lb;
          a = vadd<T>(a, v128.xor(v128.load(src), signMask<T>(load<i8>(hi + <usize>j * sj))));
        }
        v128.store(mixScratch + <usize>i * Lb + o, a);
      } else {
        let v = load<T>(src);
        let a: T = load<i8>(hi) < 0 ? <T>-v : v;
        for (let j = 1; j < m; j++) {
          src += Lb;
          v = load<T>(src);
          a = load<i8>(hi + <usize>j * sj) < 0 ? <T>(a - v) : <T>(a + v);
        }
        store<T>(mixScratch + <usize>i * Lb + o, a);
      }
    }
  }
  memory.copy(p, mixScratch, <usize>m * Lb);
}

/** y = (H_m (x) H_L) x in place (H_m^T when transpose), n = m L elements. */
export function fwhtItem<T>(p: usize, n: i32, m: i32, transpose: bool): void {
  const L = n / m;
  const k = ctz(L);
  const Lb = <usize>L * sizeof<T>();
  for (let i = 0; i < m; i++) fwhtPow2<T>(p + <usize>i * Lb, k);
  if (m > 1) mixRows<T>(p, L, m, transpose);
}

/** dst[i] = src[i] * f for n elements (dst == src allowed). */
export function scaleCopy<T>(dst: usize, src: usize, n: i32, f: T): void {
  const B = sizeof<T>();
  const bytes = <usize>n * B;
  const vb = bytes & ~(<usize>15);
  const fv = sizeof<T>() == 4 ? f32x4.splat(<f32>f) : f64x2.splat(<f64>f);
  for (let o: usize = 0; o < vb; o += 16) {
    v128.store(dst + o, sizeof<T>() == 4 ? f32x4.mul(v128.load(src + o), fv) : f64x2.mul(v128.load(src + o), fv));
  }
  for (let o = vb; o < bytes; o += B) store<T>(dst + o, <T>(load<T>(src + o) * f));
}

/** Sequency (Walsh) order from natural order: out[k] = nat[bitrev(gray(k))] * f, n = 2^bits.
 *  Row bitrev(gray(k)) of the Sylvester matrix has exactly k sign changes. */
function sequencyGather<T>(dst: usize, nat: usize, n: i32, f: T): void {
  const B = sizeof<T>();
  const bits = ctz(n);
  for (let k = 0; k < n; k++) {
    const h = bitrev(<u32>(k ^ (k >> 1)), bits);
    store<T>(dst + <usize>k * B, <T>(load<T>(nat + <usize>h * B) * f));
  }
}

function execT<T>(inp: usize, out: usize, n: i32, m: i32, batch: i32, order: i32, fct: f64): void {
  const item = <usize>n * sizeof<T>();
  const f = <T>fct;
  for (let b = 0; b < batch; b++) {
    const p = inp + <usize>b * item, q = out + <usize>b * item;
    fwhtItem<T>(p, n, m, false);
    if (order == 1) sequencyGather<T>(q, p, n, f);
    else if (fct != 1.0) scaleCopy<T>(q, p, n, f);
    else if (q != p) memory.copy(q, p, item);
  }
}

/** norm: 0 none, 1 1/sqrt(n), 2 1/n. Computed here so sqrt and division round the same everywhere. */
export function whtNormFactor(n: f64, norm: i32): f64 {
  if (norm == 1) return 1.0 / Math.sqrt(n);
  if (norm == 2) return 1.0 / n;
  return 1.0;
}

/**
 * batch transforms of n = m 2^k elements (m in {1, 12, 20, 28, 40}); elem 4 or 8; order 0
 * natural, 1 sequency (m = 1 only; then inp != out). inp is overwritten; out may equal inp for
 * natural order.
 */
export function whtExec(inp: usize, out: usize, n: i32, m: i32, batch: i32, elem: i32, order: i32, fct: f64): void {
  if (elem == 4) execT<f32>(inp, out, n, m, batch, order, fct);
  else execT<f64>(inp, out, n, m, batch, order, fct);
}

// ---- randomized Hadamard rotation ------------------------------------------------------------

// SplitMix64 (Steele, Lea, Flood 2014) used as a counter-based generator: sign word w for seed s
// is mix64(s + (w + 1) * golden), so the signs depend only on (seed, index), never on the batch
// size or on call order.
@inline function mix64(z: u64): u64 {
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EB;
  return z ^ (z >> 31);
}

@inline function signWord(seed: u64, w: u64): u64 {
  return mix64(seed + (w + 1) * 0x9E3779B97F4A7C15);
}

/** Flips the sign of element i where bit (i mod 64) of signWord(seed, i / 64) is set. The
 *  vector path turns each group of 4 (f32) or 2 (f64) bits into a lane mask of sign bits. */
function applySigns<T>(p: usize, n: i32, seed: u64): void {
  const B = sizeof<T>();
  const L = 16 / <i32>B;
  for (let w = 0; w < n; w += 64) {
    let bits = signWord(seed, <u64>(w >> 6));
    const e = min(n, w + 64);
    let i = w;
    if (sizeof<T>() == 4) {
      const sel = i32x4(1, 2, 4, 8), sign = i32x4.splat(0x80000000);
      for (; i + L <= e; i += L) {
        const m = v128.and(i32x4.ne(v128.and(i32x4.splat(<i32>(bits & 15)), sel), i32x4.splat(0)), sign);
        const a = p + <usize>i * B;
        v128.store(a, v128.xor(v128.load(a), m));
        bits >>= 4;
      }
    } else {
      const sel = i64x2(1, 2), sign = f64x2.splat(-0.0);
      for (; i + L <= e; i += L) {
        const m = v128.and(i64x2.ne(v128.and(i64x2.splat(<i64>(bits & 3)), sel), i64x2.splat(0)), sign);
        const a = p + <usize>i * B;
        v128.store(a, v128.xor(v128.load(a), m));
        bits >>= 2;
      }
    }
    for (; i < e; i++) {
      if (bits & 1) {
        const a = p + <usize>i * B;
        store<T>(a, <T>-load<T>(a));
      }
      bits >>= 1;
    }
  }
}

function rotateT<T>(p: usize, n: i32, m: i32, batch: i32, seed: u64, inverse: i32): void {
  const item = <usize>n * sizeof<T>();
  const f = <T>(1.0 / Math.sqrt(<f64>n));
  for (let b = 0; b < batch; b++) {
    const q = p + <usize>b * item;
    if (!inverse) {
      applySigns<T>(q, n, seed);
      fwhtItem<T>(q, n, m, false);
      scaleCopy<T>(q, q, n, f);
    } else {
      // (H D / sqrt n)^-1 = D H^T / sqrt n, since H^T H = n I
      fwhtItem<T>(q, n, m, true);
      scaleCopy<T>(q, q, n, f);
      applySigns<T>(q, n, seed);
    }
  }
}

/** In place: x <- H D x / sqrt(n) (inverse: D H^T x / sqrt(n)); seed = seedHi 2^32 + seedLo. */
export function whtRotate(p: usize, n: i32, m: i32, batch: i32, elem: i32, seedLo: u32, seedHi: u32, inverse: i32): void {
  const seed = (<u64>seedHi << 32) | <u64>seedLo;
  if (elem == 4) rotateT<f32>(p, n, m, batch, seed, inverse);
  else rotateT<f64>(p, n, m, batch, seed, inverse);
}
