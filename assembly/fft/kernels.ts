// Stockham autosort stages on split (planar) complex data, and the (de)interleaving passes.
//
// One stage of radix r maps x -> y for a current length ncur = r*m at stride s (ncur*s = N):
//   y[q + s(r p + j)] = W_ncur^(j p) * sum_k x[q + s(p + k m)] w_r^(j k),   w_r = e^(-2 pi i / r)
// (decimation in frequency; after all stages y holds the DFT in natural order, no bit reversal).
// Split storage makes every butterfly pure lane-wise SIMD: when s is a multiple of the lane count
// the inner loop over q is vectorised; the first radix-4 stage (s = 1) is vectorised over p and
// its outputs transposed in registers. Everything else runs the same butterfly code one lane wide.

import { vsplat, vadd, vsub, vmul, vload, vstore, lanes } from "../util/simd";
export { lanes };

// sin(pi/3), cos(2pi/5), cos(4pi/5), sin(2pi/5), sin(4pi/5) to double precision
const S3: f64 = 0.8660254037844386;
const C51: f64 = 0.30901699437494745;
const C52: f64 = -0.8090169943749475;
const S51: f64 = 0.9510565162951535;
const S52: f64 = 0.5877852522924731;

/** Byte offset of twiddle array (j, part) in a stage table; part 0 = real, 1 = imaginary;
 *  mT = m * sizeof<T>() (the kernels hoist it, so a twiddle address costs a scaled add). */
@inline function twOff(j: i32, part: i32, mT: usize): usize {
  return <usize>((j - 1) * 2 + part) * mT;
}

/**
 * One stage of radix r. tab: the stage's twiddles W_ncur^(jp) laid out [re_1, im_1, re_2, ...],
 * each m long, then (generic odd radix) cos and sin of 2 pi k / r for k < r. tmp: scratch of
 * 2 r v128 slots for the generic butterfly.
 */
export function stage<T>(r: i32, ncur: i32, s: i32, xr: usize, xi: usize, yr: usize, yi: usize,
                         tab: usize, tmp: usize): void {
  const L = lanes<T>();
  const m = ncur / r;
  const B = <usize>sizeof<T>();
  if (r == 4 && s == 1 && m % L == 0) {
    r4first<T, u8>(m, xr, xi, yr, yi, tab, sizeof<T>());
    return;
  }
  // q in [0, qv) runs L lanes at a time, [qv, s) one lane at a time (unaligned loads are fine)
  const qv = <usize>(s - s % L) * B, qe = <usize>s * B;
  if (qv > 0) {
    if (r == 4) r4q<T>(m, s, xr, xi, yr, yi, tab, true, 0, qv);
    else if (r == 2) r2q<T>(m, s, xr, xi, yr, yi, tab, true, 0, qv);
    else if (r == 3) r3q<T>(m, s, xr, xi, yr, yi, tab, true, 0, qv);
    else if (r == 5) r5q<T>(m, s, xr, xi, yr, yi, tab, true, 0, qv);
    else rgq<T>(r, m, s, xr, xi, yr, yi, tab, tmp, true, 0, qv);
  }
  if (qv < qe) {
    if (r == 4) r4q<T>(m, s, xr, xi, yr, yi, tab, false, qv, qe);
    else if (r == 2) r2q<T>(m, s, xr, xi, yr, yi, tab, false, qv, qe);
    else if (r == 3) r3q<T>(m, s, xr, xi, yr, yi, tab, false, qv, qe);
    else if (r == 5) r5q<T>(m, s, xr, xi, yr, yi, tab, false, qv, qe);
    else rgq<T>(r, m, s, xr, xi, yr, yi, tab, tmp, false, qv, qe);
  }
}

// Complex product of (ar, ai) by the twiddle (wr, wi), lane-wise.
@inline function cmulR<T>(ar: v128, ai: v128, wr: v128, wi: v128): v128 {
  return vsub<T>(vmul<T>(ar, wr), vmul<T>(ai, wi));
}
@inline function cmulI<T>(ar: v128, ai: v128, wr: v128, wi: v128): v128 {
  return vadd<T>(vmul<T>(ar, wi), vmul<T>(ai, wr));
}

// Twiddles are broadcast straight from memory (load32_splat / load64_splat: one instruction).
@inline function ldsplat<T>(ptr: usize): v128 {
  if (sizeof<T>() == 4) return v128.load32_splat(ptr);
  return v128.load64_splat(ptr);
}
@inline function twr<T>(tab: usize, j: i32, mT: usize, pb: usize): v128 {
  return ldsplat<T>(tab + twOff(j, 0, mT) + pb);
}
@inline function twi<T>(tab: usize, j: i32, mT: usize, pb: usize): v128 {
  return ldsplat<T>(tab + twOff(j, 1, mT) + pb);
}

function r2q<T>(m: i32, s: i32, xr: usize, xi: usize, yr: usize, yi: usize, tab: usize, W: bool,
                 q0: usize, q1: usize): void {
  const B = sizeof<T>();
  const sB = <usize>s * B;
  const step: usize = W ? 16 : B;
  const mS = <usize>m * sB;
  const mT = <usize>m * B;
  for (let p = 0; p < m; p++) {
    const pb = <usize>p * B;
    const w1r = twr<T>(tab, 1, mT, pb), w1i = twi<T>(tab, 1, mT, pb);
    const ia = <usize>p * sB, io = <usize>(2 * p) * sB;
    for (let q = q0; q < q1; q += step) {
      const ar = vload<T>(xr + ia + q, W), ai = vload<T>(xi + ia + q, W);
      const br = vload<T>(xr + ia + mS + q, W), bi = vload<T>(xi + ia + mS + q, W);
      vstore<T>(yr + io + q, vadd<T>(ar, br), W);
      vstore<T>(yi + io + q, vadd<T>(ai, bi), W);
      const dr = vsub<T>(ar, br), di = vsub<T>(ai, bi);
      if (p == 0) {
        vstore<T>(yr + io + sB + q, dr, W);
        vstore<T>(yi + io + sB + q, di, W);
      } else {
        vstore<T>(yr + io + sB + q, cmulR<T>(dr, di, w1r, w1i), W);
        vstore<T>(yi + io + sB + q, cmulI<T>(dr, di, w1r, w1i), W);
      }
    }
  }
}

function r4q<T>(m: i32, s: i32, xr: usize, xi: usize, yr: usize, yi: usize, tab: usize, W: bool,
                 q0: usize, q1: usize): void {
  const B = sizeof<T>();
  const sB = <usize>s * B;
  const step: usize = W ? 16 : B;
  const mS = <usize>m * sB;
  const mT = <usize>m * B;
  for (let p = 0; p < m; p++) {
    const pb = <usize>p * B;
    const w1r = twr<T>(tab, 1, mT, pb), w1i = twi<T>(tab, 1, mT, pb);
    const w2r = twr<T>(tab, 2, mT, pb), w2i = twi<T>(tab, 2, mT, pb);
    const w3r = twr<T>(tab, 3, mT, pb), w3i = twi<T>(tab, 3, mT, pb);
    const ia = <usize>p * sB, io = <usize>(4 * p) * sB;
    for (let q = q0; q < q1; q += step) {
      const pa = ia + q;
      const ar = vload<T>(xr + pa, W), ai = vload<T>(xi + pa, W);
      const br = vload<T>(xr + pa + mS, W), bi = vload<T>(xi + pa + mS, W);
      const cr = vload<T>(xr + pa + 2 * mS, W), ci = vload<T>(xi + pa + 2 * mS, W);
      const dr = vload<T>(xr + pa + 3 * mS, W), di = vload<T>(xi + pa + 3 * mS, W);
      const t0r = vadd<T>(ar, cr), t0i = vadd<T>(ai, ci);
      const t1r = vsub<T>(ar, cr), t1i = vsub<T>(ai, ci);
      const t2r = vadd<T>(br, dr), t2i = vadd<T>(bi, di);
      const t3r = vsub<T>(br, dr), t3i = vsub<T>(bi, di);
      const po = io + q;
      vstore<T>(yr + po, vadd<T>(t0r, t2r), W);
      vstore<T>(yi + po, vadd<T>(t0i, t2i), W);
      // y1 = t1 - i t3, y2 = t0 - t2, y3 = t1 + i t3   (w_4 = -i)
      const y1r = vadd<T>(t1r, t3i), y1i = vsub<T>(t1i, t3r);
      const y2r = vsub<T>(t0r, t2r), y2i = vsub<T>(t0i, t2i);
      const y3r = vsub<T>(t1r, t3i), y3i = vadd<T>(t1i, t3r);
      if (p == 0) {
        vstore<T>(yr + po + sB, y1r, W); vstore<T>(yi + po + sB, y1i, W);
        vstore<T>(yr + po + 2 * sB, y2r, W); vstore<T>(yi + po + 2 * sB, y2i, W);
        vstore<T>(yr + po + 3 * sB, y3r, W); vstore<T>(yi + po + 3 * sB, y3i, W);
      } else {
        vstore<T>(yr + po + sB, cmulR<T>(y1r, y1i, w1r, w1i), W);
        vstore<T>(yi + po + sB, cmulI<T>(y1r, y1i, w1r, w1i), W);
        vstore<T>(yr + po + 2 * sB, cmulR<T>(y2r, y2i, w2r, w2i), W);
        vstore<T>(yi + po + 2 * sB, cmulI<T>(y2r, y2i, w2r, w2i), W);
        vstore<T>(yr + po + 3 * sB, cmulR<T>(y3r, y3i, w3r, w3i), W);
        vstore<T>(yi + po + 3 * sB, cmulI<T>(y3r, y3i, w3r, w3i), W);
      }
    }
  }
}

/** Stores lanes so that out[4l + k] = Yk[l]; vector v of the result goes to out + v * VS
 *  (VS = 16 for planar arrays, 32 for the vector-blocked layout). */
@inline function transpose4<T>(out: usize, a: v128, b: v128, c: v128, d: v128, VS: usize = 16): void {
  if (sizeof<T>() == 4) {
    const t0 = v128.shuffle<f32>(a, b, 0, 4, 1, 5);
    const t1 = v128.shuffle<f32>(a, b, 2, 6, 3, 7);
    const t2 = v128.shuffle<f32>(c, d, 0, 4, 1, 5);
    const t3 = v128.shuffle<f32>(c, d, 2, 6, 3, 7);
    v128.store(out, v128.shuffle<f32>(t0, t2, 0, 1, 4, 5));
    v128.store(out + VS, v128.shuffle<f32>(t0, t2, 2, 3, 6, 7));
    v128.store(out + 2 * VS, v128.shuffle<f32>(t1, t3, 0, 1, 4, 5));
    v128.store(out + 3 * VS, v128.shuffle<f32>(t1, t3, 2, 3, 6, 7));
  } else {
    v128.store(out, v128.shuffle<f64>(a, b, 0, 2));
    v128.store(out + VS, v128.shuffle<f64>(c, d, 0, 2));
    v128.store(out + 2 * VS, v128.shuffle<f64>(a, b, 1, 3));
    v128.store(out + 3 * VS, v128.shuffle<f64>(c, d, 1, 3));
  }
}

function r3q<T>(m: i32, s: i32, xr: usize, xi: usize, yr: usize, yi: usize, tab: usize, W: bool,
                 q0: usize, q1: usize): void {
  const B = sizeof<T>();
  const sB = <usize>s * B;
  const step: usize = W ? 16 : B;
  const mS = <usize>m * sB;
  const half = vsplat<T>(<T>0.5), s3 = vsplat<T>(<T>S3);
  const mT = <usize>m * B;
  for (let p = 0; p < m; p++) {
    const pb = <usize>p * B;
    const w1r = twr<T>(tab, 1, mT, pb), w1i = twi<T>(tab, 1, mT, pb);
    const w2r = twr<T>(tab, 2, mT, pb), w2i = twi<T>(tab, 2, mT, pb);
    const ia = <usize>p * sB, io = <usize>(3 * p) * sB;
    for (let q = q0; q < q1; q += step) {
      const pa = ia + q;
      const ar = vload<T>(xr + pa, W), ai = vload<T>(xi + pa, W);
      const br = vload<T>(xr + pa + mS, W), bi = vload<T>(xi + pa + mS, W);
      const cr = vload<T>(xr + pa + 2 * mS, W), ci = vload<T>(xi + pa + 2 * mS, W);
      const t1r = vadd<T>(br, cr), t1i = vadd<T>(bi, ci);
      const t2r = vsub<T>(ar, vmul<T>(half, t1r)), t2i = vsub<T>(ai, vmul<T>(half, t1i));
      const t3r = vmul<T>(s3, vsub<T>(br, cr)), t3i = vmul<T>(s3, vsub<T>(bi, ci));
      const po = io + q;
      vstore<T>(yr + po, vadd<T>(ar, t1r), W);
      vstore<T>(yi + po, vadd<T>(ai, t1i), W);
      // y1 = t2 - i t3, y2 = t2 + i t3
      const y1r = vadd<T>(t2r, t3i), y1i = vsub<T>(t2i, t3r);
      const y2r = vsub<T>(t2r, t3i), y2i = vadd<T>(t2i, t3r);
      vstore<T>(yr + po + sB, cmulR<T>(y1r, y1i, w1r, w1i), W);
      vstore<T>(yi + po + sB, cmulI<T>(y1r, y1i, w1r, w1i), W);
      vstore<T>(yr + po + 2 * sB, cmulR<T>(y2r, y2i, w2r, w2i), W);
      vstore<T>(yi + po + 2 * sB, cmulI<T>(y2r, y2i, w2r, w2i), W);
    }
  }
}

function r5q<T>(m: i32, s: i32, xr: usize, xi: usize, yr: usize, yi: usize, tab: usize, W: bool,
                 q0: usize, q1: usize): void {
  const B = sizeof<T>();
  const sB = <usize>s * B;
  const step: usize = W ? 16 : B;
  const mS = <usize>m * sB;
  const c1 = vsplat<T>(<T>C51), c2 = vsplat<T>(<T>C52), s1 = vsplat<T>(<T>S51), s2 = vsplat<T>(<T>S52);
  const mT = <usize>m * B;
  for (let p = 0; p < m; p++) {
    const pb = <usize>p * B;
    const io = <usize>(5 * p) * sB, ia = <usize>p * sB;
    for (let q = q0; q < q1; q += step) {
      const pa = ia + q;
      const a0r = vload<T>(xr + pa, W), a0i = vload<T>(xi + pa, W);
      const a1r = vload<T>(xr + pa + mS, W), a1i = vload<T>(xi + pa + mS, W);
      const a2r = vload<T>(xr + pa + 2 * mS, W), a2i = vload<T>(xi + pa + 2 * mS, W);
      const a3r = vload<T>(xr + pa + 3 * mS, W), a3i = vload<T>(xi + pa + 3 * mS, W);
      const a4r = vload<T>(xr + pa + 4 * mS, W), a4i = vload<T>(xi + pa + 4 * mS, W);
      const t1r = vadd<T>(a1r, a4r), t1i = vadd<T>(a1i, a4i);
      const t2r = vadd<T>(a2r, a3r), t2i = vadd<T>(a2i, a3i);
      const t3r = vsub<T>(a1r, a4r), t3i = vsub<T>(a1i, a4i);
      const t4r = vsub<T>(a2r, a3r), t4i = vsub<T>(a2i, a3i);
      const po = io + q;
      vstore<T>(yr + po, vadd<T>(a0r, vadd<T>(t1r, t2r)), W);
      vstore<T>(yi + po, vadd<T>(a0i, vadd<T>(t1i, t2i)), W);
      const u1r = vadd<T>(a0r, vadd<T>(vmul<T>(c1, t1r), vmul<T>(c2, t2r)));
      const u1i = vadd<T>(a0i, vadd<T>(vmul<T>(c1, t1i), vmul<T>(c2, t2i)));
      const u2r = vadd<T>(a0r, vadd<T>(vmul<T>(c2, t1r), vmul<T>(c1, t2r)));
      const u2i = vadd<T>(a0i, vadd<T>(vmul<T>(c2, t1i), vmul<T>(c1, t2i)));
      const v1r = vadd<T>(vmul<T>(s1, t3r), vmul<T>(s2, t4r));
      const v1i = vadd<T>(vmul<T>(s1, t3i), vmul<T>(s2, t4i));
      const v2r = vsub<T>(vmul<T>(s2, t3r), vmul<T>(s1, t4r));
      const v2i = vsub<T>(vmul<T>(s2, t3i), vmul<T>(s1, t4i));
      // y1 = u1 - i v1, y4 = u1 + i v1, y2 = u2 - i v2, y3 = u2 + i v2
      storeTw<T>(yr + po + sB, yi + po + sB, vadd<T>(u1r, v1i), vsub<T>(u1i, v1r), tab, 1, mT, pb, W);
      storeTw<T>(yr + po + 2 * sB, yi + po + 2 * sB, vadd<T>(u2r, v2i), vsub<T>(u2i, v2r), tab, 2, mT, pb, W);
      storeTw<T>(yr + po + 3 * sB, yi + po + 3 * sB, vsub<T>(u2r, v2i), vadd<T>(u2i, v2r), tab, 3, mT, pb, W);
      storeTw<T>(yr + po + 4 * sB, yi + po + 4 * sB, vsub<T>(u1r, v1i), vadd<T>(u1i, v1r), tab, 4, mT, pb, W);
    }
  }
}

@inline function storeTw<T>(pr: usize, pi: usize, vr: v128, vi: v128, tab: usize, j: i32, mT: usize, pb: usize, W: bool): void {
  const wr = twr<T>(tab, j, mT, pb), wi = twi<T>(tab, j, mT, pb);
  vstore<T>(pr, cmulR<T>(vr, vi, wr, wi), W);
  vstore<T>(pi, cmulI<T>(vr, vi, wr, wi), W);
}

/** Generic odd radix r: direct DFT_r, pairing k and r-k so each output costs (r-1)/2 products
 *  per part. tmp holds t_k = a_k + a_(r-k) and d_k = a_k - a_(r-k), re and im, for k <= (r-1)/2. */
function rgq<T>(r: i32, m: i32, s: i32, xr: usize, xi: usize, yr: usize, yi: usize, tab: usize,
                tmp: usize, W: bool, q0: usize, q1: usize): void {
  const B = sizeof<T>();
  const sB = <usize>s * B;
  const step: usize = W ? 16 : B;
  const mS = <usize>m * sB;
  const h = (r - 1) >> 1;
  const roots = tab + twOff(r, 0, <usize>m * B); // cos(2 pi k / r) [r], then sin(2 pi k / r) [r]
  const mT = <usize>m * B;
  for (let p = 0; p < m; p++) {
    const pb = <usize>p * B;
    const io = <usize>(r * p) * sB, ia = <usize>p * sB;
    for (let q = q0; q < q1; q += step) {
      const pa = ia + q;
      const a0r = vload<T>(xr + pa, W), a0i = vload<T>(xi + pa, W);
      let sr = a0r, si = a0i;
      for (let k = 1; k <= h; k++) {
        const akr = vload<T>(xr + pa + <usize>k * mS, W), aki = vload<T>(xi + pa + <usize>k * mS, W);
        const bkr = vload<T>(xr + pa + <usize>(r - k) * mS, W), bki = vload<T>(xi + pa + <usize>(r - k) * mS, W);
        const tr = vadd<T>(akr, bkr), ti = vadd<T>(aki, bki);
        const o = tmp + (<usize>(k - 1) << 6);
        v128.store(o, tr); v128.store(o, ti, 16);
        v128.store(o, vsub<T>(akr, bkr), 32); v128.store(o, vsub<T>(aki, bki), 48);
        sr = vadd<T>(sr, tr); si = vadd<T>(si, ti);
      }
      vstore<T>(yr + io + q, sr, W);
      vstore<T>(yi + io + q, si, W);
      for (let j = 1; j <= h; j++) {
        let ur = a0r, ui = a0i, vr = vsplat<T>(<T>0), vi = vsplat<T>(<T>0);
        let idx = 0;
        for (let k = 1; k <= h; k++) {
          idx += j; if (idx >= r) idx -= r;
          const c = ldsplat<T>(roots + (<usize>idx << alignof<T>()));
          const sn = ldsplat<T>(roots + (<usize>(r + idx) << alignof<T>()));
          const o = tmp + (<usize>(k - 1) << 6);
          ur = vadd<T>(ur, vmul<T>(c, v128.load(o)));
          ui = vadd<T>(ui, vmul<T>(c, v128.load(o, 16)));
          vr = vadd<T>(vr, vmul<T>(sn, v128.load(o, 32)));
          vi = vadd<T>(vi, vmul<T>(sn, v128.load(o, 48)));
        }
        // y_j = u - i v, y_(r-j) = u + i v
        storeTw<T>(yr + io + <usize>j * sB + q, yi + io + <usize>j * sB + q, vadd<T>(ur, vi), vsub<T>(ui, vr), tab, j, mT, pb, W);
        storeTw<T>(yr + io + <usize>(r - j) * sB + q, yi + io + <usize>(r - j) * sB + q, vsub<T>(ur, vi), vadd<T>(ui, vr), tab, r - j, mT, pb, W);
      }
    }
  }
}

/** Interleaved [re, im, ...] (n complex) -> planar re[], im[]. */
export function deinterleave<T>(src: usize, dr: usize, di: usize, n: i32): void {
  const B = sizeof<T>();
  let k = 0;
  if (sizeof<T>() == 4) {
    for (; k + 4 <= n; k += 4) {
      const a = v128.load(src + (<usize>k << 3)), b = v128.load(src + (<usize>k << 3), 16);
      v128.store(dr + (<usize>k << 2), v128.shuffle<f32>(a, b, 0, 2, 4, 6));
      v128.store(di + (<usize>k << 2), v128.shuffle<f32>(a, b, 1, 3, 5, 7));
    }
  } else {
    for (; k + 2 <= n; k += 2) {
      const a = v128.load(src + (<usize>k << 4)), b = v128.load(src + (<usize>k << 4), 16);
      v128.store(dr + (<usize>k << 3), v128.shuffle<f64>(a, b, 0, 2));
      v128.store(di + (<usize>k << 3), v128.shuffle<f64>(a, b, 1, 3));
    }
  }
  for (; k < n; k++) {
    store<T>(dr + <usize>k * B, load<T>(src + <usize>(2 * k) * B));
    store<T>(di + <usize>k * B, load<T>(src + <usize>(2 * k + 1) * B));
  }
}

/** Planar re[], im[] -> interleaved, each value multiplied by fct (skipped when fct == 1, so an
 *  unnormalised transform is not rounded twice). */
export function interleave<T>(sr: usize, si: usize, dst: usize, n: i32, fct: f64): void {
  const B = sizeof<T>();
  const scale = fct != 1.0;
  const f = vsplat<T>(<T>fct);
  let k = 0;
  if (sizeof<T>() == 4) {
    for (; k + 4 <= n; k += 4) {
      let a = v128.load(sr + (<usize>k << 2)), b = v128.load(si + (<usize>k << 2));
      if (scale) { a = vmul<T>(a, f); b = vmul<T>(b, f); }
      v128.store(dst + (<usize>k << 3), v128.shuffle<f32>(a, b, 0, 4, 1, 5));
      v128.store(dst + (<usize>k << 3), v128.shuffle<f32>(a, b, 2, 6, 3, 7), 16);
    }
  } else {
    for (; k + 2 <= n; k += 2) {
      let a = v128.load(sr + (<usize>k << 3)), b = v128.load(si + (<usize>k << 3));
      if (scale) { a = vmul<T>(a, f); b = vmul<T>(b, f); }
      v128.store(dst + (<usize>k << 4), v128.shuffle<f64>(a, b, 0, 2));
      v128.store(dst + (<usize>k << 4), v128.shuffle<f64>(a, b, 1, 3), 16);
    }
  }
  for (; k < n; k++) {
    let a = load<T>(sr + <usize>k * B), b = load<T>(si + <usize>k * B);
    if (scale) { a = <T>(a * <T>fct); b = <T>(b * <T>fct); }
    store<T>(dst + <usize>(2 * k) * B, a);
    store<T>(dst + <usize>(2 * k + 1) * B, b);
  }
}

// ---- the fused fast path: vector-blocked layout ------------------------------------------------
// fusable() plans (power-of-two ones, and mixed radix 2/3/4/5 ones: see the stages at the end) keep their work data "vector-blocked": for each group of L complex values the
// L real parts are stored as one v128 and the L imaginary parts right after it (32 bytes a group).
// Element e's group then sits at byte 2 B e, the imaginary vector at a constant +16, so each
// butterfly leg needs one address instead of two; the kernels below are the only ones that see
// this layout. The first stage reads interleaved input directly and the last writes interleaved
// (and scaled) output, saving the two conversion passes. SW selects the swap identity used for
// inverses (u16: swap re and im on the way in and out; u8: not).

/** Lanes of a deinterleaved pair (a0, a1) of interleaved vectors: the real parts (imag false) or
 *  the imaginary parts; SW (u16) swaps the two, which is how inverses enter the swap identity. */
@inline function part<T, SW>(a0: v128, a1: v128, imag: bool): v128 {
  const odd = imag != (sizeof<SW>() == 2);
  if (sizeof<T>() == 4) {
    return odd ? v128.shuffle<f32>(a0, a1, 1, 3, 5, 7) : v128.shuffle<f32>(a0, a1, 0, 2, 4, 6);
  }
  return odd ? v128.shuffle<f64>(a0, a1, 1, 3) : v128.shuffle<f64>(a0, a1, 0, 2);
}

/**
 * First radix-4 stage (s = 1), vectorised over p; the four outputs of L butterflies are transposed
 * in registers so that y[4p .. 4p+3] is stored contiguously. M selects the input: u8 planar
 * (xr, xi); u16 interleaved at xr; u32 interleaved at xr with re and im swapped (inverse). E is the
 * output's byte distance between elements: B for planar (yr, yi), 2B for the blocked layout
 * (yi = yr + 16).
 */
export function r4first<T, M>(m: i32, xr: usize, xi: usize, yr: usize, yi: usize, tab: usize, E: usize): void {
  const B = sizeof<T>();
  const L = lanes<T>();
  const mB = <usize>m * B;
  for (let p = 0; p < m; p += L) {
    const pb = <usize>p * B;
    let ar: v128, ai: v128, br: v128, bi: v128, cr: v128, ci: v128, dr: v128, di: v128;
    if (sizeof<M>() == 1) {
      ar = v128.load(xr + pb); ai = v128.load(xi + pb);
      br = v128.load(xr + pb + mB); bi = v128.load(xi + pb + mB);
      cr = v128.load(xr + pb + 2 * mB); ci = v128.load(xi + pb + 2 * mB);
      dr = v128.load(xr + pb + 3 * mB); di = v128.load(xi + pb + 3 * mB);
    } else {
      // interleaved: complex index k sits at byte 2 B k
      const a = xr + 2 * pb, mI = mB << 1;
      const a0 = v128.load(a), a1 = v128.load(a, 16);
      const b0 = v128.load(a + mI), b1 = v128.load(a + mI, 16);
      const c0 = v128.load(a + 2 * mI), c1 = v128.load(a + 2 * mI, 16);
      const d0 = v128.load(a + 3 * mI), d1 = v128.load(a + 3 * mI, 16);
      if (sizeof<M>() == 2) {
        ar = part<T, u8>(a0, a1, false); ai = part<T, u8>(a0, a1, true);
        br = part<T, u8>(b0, b1, false); bi = part<T, u8>(b0, b1, true);
        cr = part<T, u8>(c0, c1, false); ci = part<T, u8>(c0, c1, true);
        dr = part<T, u8>(d0, d1, false); di = part<T, u8>(d0, d1, true);
      } else {
        ar = part<T, u16>(a0, a1, false); ai = part<T, u16>(a0, a1, true);
        br = part<T, u16>(b0, b1, false); bi = part<T, u16>(b0, b1, true);
        cr = part<T, u16>(c0, c1, false); ci = part<T, u16>(c0, c1, true);
        dr = part<T, u16>(d0, d1, false); di = part<T, u16>(d0, d1, true);
      }
    }
    const t0r = vadd<T>(ar, cr), t0i = vadd<T>(ai, ci);
    const t1r = vsub<T>(ar, cr), t1i = vsub<T>(ai, ci);
    const t2r = vadd<T>(br, dr), t2i = vadd<T>(bi, di);
    const t3r = vsub<T>(br, dr), t3i = vsub<T>(bi, di);
    const y0r = vadd<T>(t0r, t2r), y0i = vadd<T>(t0i, t2i);
    const u1r = vadd<T>(t1r, t3i), u1i = vsub<T>(t1i, t3r);
    const u2r = vsub<T>(t0r, t2r), u2i = vsub<T>(t0i, t2i);
    const u3r = vsub<T>(t1r, t3i), u3i = vadd<T>(t1i, t3r);
    const w1r = v128.load(tab + pb), w1i = v128.load(tab + mB + pb);
    const w2r = v128.load(tab + 2 * mB + pb), w2i = v128.load(tab + 3 * mB + pb);
    const w3r = v128.load(tab + 4 * mB + pb), w3i = v128.load(tab + 5 * mB + pb);
    const y1r = cmulR<T>(u1r, u1i, w1r, w1i), y1i = cmulI<T>(u1r, u1i, w1r, w1i);
    const y2r = cmulR<T>(u2r, u2i, w2r, w2i), y2i = cmulI<T>(u2r, u2i, w2r, w2i);
    const y3r = cmulR<T>(u3r, u3i, w3r, w3i), y3i = cmulI<T>(u3r, u3i, w3r, w3i);
    const ob = <usize>(4 * p) * E, VS = <usize>L * E;
    transpose4<T>(yr + ob, y0r, y1r, y2r, y3r, VS);
    transpose4<T>(yi + ob, y0i, y1i, y2i, y3i, VS);
  }
}

/** Radix-4 stage on blocked data with s a multiple of L (vectorised over q). */
export function r4B<T>(m: i32, s: i32, x: usize, y: usize, tab: usize): void {
  const B = sizeof<T>();
  const sB = <usize>s * 2 * B;       // bytes spanned by s elements
  const mS = <usize>m * sB;
  // twiddle arrays of the stage table (j-major: re_1, im_1, re_2, ... each m long), offsets hoisted
  const mT = <usize>m * B;
  const t1 = tab, t2 = tab + mT, t3 = tab + 2 * mT, t4 = tab + 3 * mT, t5 = tab + 4 * mT, t6 = tab + 5 * mT;
  // W^0 = 1: the p = 0 column skips the products, as pocketfft does, so an infinite input is not
  // turned into NaN by a multiplication with an exact zero imaginary part
  r4B0<T>(sB, x, x + mS, x + 2 * mS, x + 3 * mS, y, y + sB, y + 2 * sB, y + 3 * sB);
  if (sB == 32) {
    // s = L: one vector per column, so no inner loop; pointers advance instead
    let a = x + 32, o = y + 128;
    for (let p = 1; p < m; p++) {
      const pb = <usize>p * B;
      r4Bfly<T>(a, mS, o, 32,
        ldsplat<T>(t1 + pb), ldsplat<T>(t2 + pb), ldsplat<T>(t3 + pb),
        ldsplat<T>(t4 + pb), ldsplat<T>(t5 + pb), ldsplat<T>(t6 + pb));
      a += 32; o += 128;
    }
    return;
  }
  for (let p = 1; p < m; p++) {
    const pb = <usize>p * B;
    const w1r = ldsplat<T>(t1 + pb), w1i = ldsplat<T>(t2 + pb);
    const w2r = ldsplat<T>(t3 + pb), w2i = ldsplat<T>(t4 + pb);
    const w3r = ldsplat<T>(t5 + pb), w3i = ldsplat<T>(t6 + pb);
    const a = x + <usize>p * sB;
    const o = y + <usize>(4 * p) * sB;
    for (let q: usize = 0; q < sB; q += 32) {
      r4Bfly<T>(a + q, mS, o + q, sB, w1r, w1i, w2r, w2i, w3r, w3i);
    }
  }
}

/** One vector of radix-4 butterflies on blocked data: inputs at a + k mS, outputs at o + j sB. */
@inline function r4Bfly<T>(a: usize, mS: usize, o: usize, sB: usize,
                          w1r: v128, w1i: v128, w2r: v128, w2i: v128, w3r: v128, w3i: v128): void {
  const ar = v128.load(a), ai = v128.load(a, 16);
  const br = v128.load(a + mS), bi = v128.load(a + mS, 16);
  const cr = v128.load(a + 2 * mS), ci = v128.load(a + 2 * mS, 16);
  const dr = v128.load(a + 3 * mS), di = v128.load(a + 3 * mS, 16);
  const t0r = vadd<T>(ar, cr), t0i = vadd<T>(ai, ci);
  const t1r = vsub<T>(ar, cr), t1i = vsub<T>(ai, ci);
  const t2r = vadd<T>(br, dr), t2i = vadd<T>(bi, di);
  const t3r = vsub<T>(br, dr), t3i = vsub<T>(bi, di);
  v128.store(o, vadd<T>(t0r, t2r)); v128.store(o, vadd<T>(t0i, t2i), 16);
  const y1r = vadd<T>(t1r, t3i), y1i = vsub<T>(t1i, t3r);
  const y2r = vsub<T>(t0r, t2r), y2i = vsub<T>(t0i, t2i);
  const y3r = vsub<T>(t1r, t3i), y3i = vadd<T>(t1i, t3r);
  v128.store(o + sB, cmulR<T>(y1r, y1i, w1r, w1i)); v128.store(o + sB, cmulI<T>(y1r, y1i, w1r, w1i), 16);
  v128.store(o + 2 * sB, cmulR<T>(y2r, y2i, w2r, w2i)); v128.store(o + 2 * sB, cmulI<T>(y2r, y2i, w2r, w2i), 16);
  v128.store(o + 3 * sB, cmulR<T>(y3r, y3i, w3r, w3i)); v128.store(o + 3 * sB, cmulI<T>(y3r, y3i, w3r, w3i), 16);
}

/** The p = 0 butterflies of r4B (unit twiddles). */
@inline function r4B0<T>(sB: usize, a: usize, b: usize, c: usize, d: usize, o0: usize, o1: usize, o2: usize, o3: usize): void {
  for (let q: usize = 0; q < sB; q += 32) {
    const ar = v128.load(a + q), ai = v128.load(a + q, 16);
    const br = v128.load(b + q), bi = v128.load(b + q, 16);
    const cr = v128.load(c + q), ci = v128.load(c + q, 16);
    const dr = v128.load(d + q), di = v128.load(d + q, 16);
    const t0r = vadd<T>(ar, cr), t0i = vadd<T>(ai, ci);
    const t1r = vsub<T>(ar, cr), t1i = vsub<T>(ai, ci);
    const t2r = vadd<T>(br, dr), t2i = vadd<T>(bi, di);
    const t3r = vsub<T>(br, dr), t3i = vsub<T>(bi, di);
    v128.store(o0 + q, vadd<T>(t0r, t2r)); v128.store(o0 + q, vadd<T>(t0i, t2i), 16);
    v128.store(o1 + q, vadd<T>(t1r, t3i)); v128.store(o1 + q, vsub<T>(t1i, t3r), 16);
    v128.store(o2 + q, vsub<T>(t0r, t2r)); v128.store(o2 + q, vsub<T>(t0i, t2i), 16);
    v128.store(o3 + q, vsub<T>(t1r, t3i)); v128.store(o3 + q, vadd<T>(t1i, t3r), 16);
  }
}

/** Stores L complex values (re, im lanes) interleaved at byte address o, scaled when asked. */
@inline function storeIL<T, SW>(o: usize, re: v128, im: v128, scale: bool, f: v128): void {
  let a = re, b = im;
  if (sizeof<SW>() == 2) { a = im; b = re; }
  if (scale) { a = vmul<T>(a, f); b = vmul<T>(b, f); }
  if (sizeof<T>() == 4) {
    v128.store(o, v128.shuffle<f32>(a, b, 0, 4, 1, 5));
    v128.store(o, v128.shuffle<f32>(a, b, 2, 6, 3, 7), 16);
  } else {
    v128.store(o, v128.shuffle<f64>(a, b, 0, 2));
    v128.store(o, v128.shuffle<f64>(a, b, 1, 3), 16);
  }
}

/** Last stage (ncur = r in {2, 3, 4, 5}: m = 1, no twiddles) on blocked x, written interleaved to dst
 *  with the normalisation factor applied. In both layouts element e sits at byte 2 B e. */
export function lastB<T, SW>(r: i32, s: i32, x: usize, dst: usize, fct: f64): void {
  if (r == 3 || r == 5) { lastOdd<T, SW, u8>(r, s, x, dst, 0, fct); return; }
  const B = sizeof<T>();
  const scale = fct != 1.0;
  const f = vsplat<T>(<T>fct);
  const sB = <usize>s * 2 * B;
  if (r == 4) {
    const b = x + sB, c = b + sB, d = c + sB;
    const o1 = dst + sB, o2 = o1 + sB, o3 = o2 + sB;
    for (let q: usize = 0; q < sB; q += 32) {
      const ar = v128.load(x + q), ai = v128.load(x + q, 16);
      const br = v128.load(b + q), bi = v128.load(b + q, 16);
      const cr = v128.load(c + q), ci = v128.load(c + q, 16);
      const dr = v128.load(d + q), di = v128.load(d + q, 16);
      const t0r = vadd<T>(ar, cr), t0i = vadd<T>(ai, ci);
      const t1r = vsub<T>(ar, cr), t1i = vsub<T>(ai, ci);
      const t2r = vadd<T>(br, dr), t2i = vadd<T>(bi, di);
      const t3r = vsub<T>(br, dr), t3i = vsub<T>(bi, di);
      storeIL<T, SW>(dst + q, vadd<T>(t0r, t2r), vadd<T>(t0i, t2i), scale, f);
      storeIL<T, SW>(o1 + q, vadd<T>(t1r, t3i), vsub<T>(t1i, t3r), scale, f);
      storeIL<T, SW>(o2 + q, vsub<T>(t0r, t2r), vsub<T>(t0i, t2i), scale, f);
      storeIL<T, SW>(o3 + q, vsub<T>(t1r, t3i), vadd<T>(t1i, t3r), scale, f);
    }
  } else {
    const b = x + sB, o1 = dst + sB;
    for (let q: usize = 0; q < sB; q += 32) {
      const ar = v128.load(x + q), ai = v128.load(x + q, 16);
      const br = v128.load(b + q), bi = v128.load(b + q, 16);
      storeIL<T, SW>(dst + q, vadd<T>(ar, br), vadd<T>(ai, bi), scale, f);
      storeIL<T, SW>(o1 + q, vsub<T>(ar, br), vsub<T>(ai, bi), scale, f);
    }
  }
}

/** Last stage (ncur = r in {2, 3, 4, 5}) on blocked x, written planar to (yr, yi): used by the real
 *  transforms, whose post-pass wants planar data. */
export function lastP<T>(r: i32, s: i32, x: usize, yr: usize, yi: usize): void {
  if (r == 3 || r == 5) { lastOdd<T, u8, u16>(r, s, x, yr, yi, 1.0); return; }
  const B = sizeof<T>();
  const sB = <usize>s * 2 * B;     // blocked distance between the r inputs
  const sP = <usize>s * B;         // planar distance between the r outputs
  for (let q: usize = 0, e: usize = 0; q < sB; q += 32, e += 16) {
    const a = x + q;
    const ar = v128.load(a), ai = v128.load(a, 16);
    const br = v128.load(a + sB), bi = v128.load(a + sB, 16);
    if (r == 4) {
      const cr = v128.load(a + 2 * sB), ci = v128.load(a + 2 * sB, 16);
      const dr = v128.load(a + 3 * sB), di = v128.load(a + 3 * sB, 16);
      const t0r = vadd<T>(ar, cr), t0i = vadd<T>(ai, ci);
      const t1r = vsub<T>(ar, cr), t1i = vsub<T>(ai, ci);
      const t2r = vadd<T>(br, dr), t2i = vadd<T>(bi, di);
      const t3r = vsub<T>(br, dr), t3i = vsub<T>(bi, di);
      v128.store(yr + e, vadd<T>(t0r, t2r)); v128.store(yi + e, vadd<T>(t0i, t2i));
      v128.store(yr + e + sP, vadd<T>(t1r, t3i)); v128.store(yi + e + sP, vsub<T>(t1i, t3r));
      v128.store(yr + e + 2 * sP, vsub<T>(t0r, t2r)); v128.store(yi + e + 2 * sP, vsub<T>(t0i, t2i));
      v128.store(yr + e + 3 * sP, vsub<T>(t1r, t3i)); v128.store(yi + e + 3 * sP, vadd<T>(t1i, t3r));
    } else {
      v128.store(yr + e, vadd<T>(ar, br)); v128.store(yi + e, vadd<T>(ai, bi));
      v128.store(yr + e + sP, vsub<T>(ar, br)); v128.store(yi + e + sP, vsub<T>(ai, bi));
    }
  }
}

// ---- real-transform passes ------------------------------------------------------------------------
// With Z the DFT of the n/2 = h packed samples z_j = x_2j + i x_2j+1, E_k = (Z_k + conj Z_(h-k))/2
// and O_k = -i (Z_k - conj Z_(h-k))/2 are the DFTs of the even and odd samples, and
//   X_k = E_k + W^k O_k,   X_(h-k) = conj(E_k - W^k O_k)      (W = e^(-2 pi i / n)),
// so one complex product serves the pair (k, h-k). The inverse runs the same algebra backwards:
//   Z_k = E + i O, Z_(h-k) = conj(E) + i conj(O), E = X_k + conj X_(h-k), O = (X_k - conj X_(h-k)) W^-k.
// Both passes take L values of k upwards and L of h-k downwards (lanes reversed in registers).

@inline function rev<T>(v: v128): v128 {
  if (sizeof<T>() == 4) return v128.shuffle<f32>(v, v, 3, 2, 1, 0);
  return v128.shuffle<f64>(v, v, 1, 0);
}

/** Stores L complex values interleaved at complex index k (ascending lanes). */
@inline function stIL<T>(dst: usize, k: i32, re: v128, im: v128): void {
  const o = dst + <usize>(2 * k) * sizeof<T>();
  if (sizeof<T>() == 4) {
    v128.store(o, v128.shuffle<f32>(re, im, 0, 4, 1, 5));
    v128.store(o, v128.shuffle<f32>(re, im, 2, 6, 3, 7), 16);
  } else {
    v128.store(o, v128.shuffle<f64>(re, im, 0, 2));
    v128.store(o, v128.shuffle<f64>(re, im, 1, 3), 16);
  }
}

/** rfft post-pass: planar Z (h values) -> interleaved X_0 .. X_h, scaled by fct. wr, wi: W^k. */
export function rfftPost<T>(zr: usize, zi: usize, wr: usize, wi: usize, dst: usize, h: i32, fct: f64): void {
  const B = sizeof<T>();
  const L = lanes<T>();
  const f = <T>fct;
  const scale = fct != 1.0;
  const vf = vsplat<T>(f), half = vsplat<T>(<T>0.5);
  const z0r = load<T>(zr), z0i = load<T>(zi);
  let x0 = <T>(z0r + z0i), xh = <T>(z0r - z0i);
  if (scale) { x0 = <T>(x0 * f); xh = <T>(xh * f); }
  store<T>(dst, x0); store<T>(dst + B, 0);
  store<T>(dst + <usize>(2 * h) * B, xh); store<T>(dst + <usize>(2 * h + 1) * B, 0);
  let k = 1;
  // the two blocks may share one bin, the self-paired h/2: the mirrored block is stored first so
  // that the bin keeps the forward formula, as in the scalar loop
  for (; 2 * (k + L - 1) <= h; k += L) {
    const j = h - k - L + 1;           // lowest index of the mirrored block
    const ar = v128.load(zr + <usize>k * B), ai = v128.load(zi + <usize>k * B);
    const br = rev<T>(v128.load(zr + <usize>j * B)), bi = rev<T>(v128.load(zi + <usize>j * B));
    const er = vmul<T>(half, vadd<T>(ar, br)), ei = vmul<T>(half, vsub<T>(ai, bi));
    const or = vmul<T>(half, vadd<T>(ai, bi)), oi = vmul<T>(half, vsub<T>(br, ar));
    const cr = v128.load(wr + <usize>k * B), ci = v128.load(wi + <usize>k * B);
    const tr = vsub<T>(vmul<T>(cr, or), vmul<T>(ci, oi)), ti = vadd<T>(vmul<T>(cr, oi), vmul<T>(ci, or));
    let xr = vadd<T>(er, tr), xi = vadd<T>(ei, ti);
    let yr = rev<T>(vsub<T>(er, tr)), yi = rev<T>(vsub<T>(ti, ei));
    if (scale) { xr = vmul<T>(xr, vf); xi = vmul<T>(xi, vf); yr = vmul<T>(yr, vf); yi = vmul<T>(yi, vf); }
    stIL<T>(dst, j, yr, yi);
    stIL<T>(dst, k, xr, xi);
  }
  // the middle (fewer than 2L values): the same algebra one bin at a time
  for (; 2 * k <= h; k++) {
    const o = <usize>k * B, oc = <usize>(h - k) * B;
    const ar = load<T>(zr + o), ai = load<T>(zi + o);
    const br = load<T>(zr + oc), bi = load<T>(zi + oc);
    const er = <T>(<T>0.5 * (ar + br)), ei = <T>(<T>0.5 * (ai - bi));
    const or = <T>(<T>0.5 * (ai + bi)), oi = <T>(<T>0.5 * (br - ar));
    const cr = load<T>(wr + o), ci = load<T>(wi + o);
    const tr = <T>(cr * or - ci * oi), ti = <T>(cr * oi + ci * or);
    let xr = <T>(er + tr), xi = <T>(ei + ti);
    let yr = <T>(er - tr), yi = <T>(ti - ei);
    if (scale) { xr = <T>(xr * f); xi = <T>(xi * f); yr = <T>(yr * f); yi = <T>(yi * f); }
    store<T>(dst + <usize>(2 * k) * B, xr); store<T>(dst + <usize>(2 * k + 1) * B, xi);
    if (2 * k != h) { store<T>(dst + <usize>(2 * (h - k)) * B, yr); store<T>(dst + <usize>(2 * (h - k) + 1) * B, yi); }
  }
}

/** irfft pre-pass: interleaved X_0 .. X_h -> interleaved Z (h values), both scaled by 2 so that
 *  the unnormalised inverse of Z is n times the packed samples. Im X_0 and Im X_h are ignored. */
export function irfftPre<T>(src: usize, wr: usize, wi: usize, z: usize, h: i32): void {
  const B = sizeof<T>();
  const L = lanes<T>();
  {
    // k = 0 pairs with h: E = X_0 + X_h, O = X_0 - X_h (real parts only)
    const a = load<T>(src), c = load<T>(src + <usize>(2 * h) * B);
    store<T>(z, <T>(a + c));
    store<T>(z + B, <T>(a - c));
  }
  let k = 1;
  for (; 2 * (k + L - 1) <= h; k += L) {   // blocks may share the middle bin: see rfftPost
    const j = h - k - L + 1;
    // X_k (ascending) and X_(h-k) (lanes reversed), deinterleaved
    const p = src + <usize>(2 * k) * B, q = src + <usize>(2 * j) * B;
    const a0 = v128.load(p), a1 = v128.load(p, 16), b0 = v128.load(q), b1 = v128.load(q, 16);
    let ar: v128, ai: v128, br: v128, bi: v128;
    if (sizeof<T>() == 4) {
      ar = v128.shuffle<f32>(a0, a1, 0, 2, 4, 6); ai = v128.shuffle<f32>(a0, a1, 1, 3, 5, 7);
      br = v128.shuffle<f32>(b0, b1, 6, 4, 2, 0); bi = v128.shuffle<f32>(b0, b1, 7, 5, 3, 1);
    } else {
      ar = v128.shuffle<f64>(a0, a1, 0, 2); ai = v128.shuffle<f64>(a0, a1, 1, 3);
      br = v128.shuffle<f64>(b0, b1, 2, 0); bi = v128.shuffle<f64>(b0, b1, 3, 1);
    }
    const er = vadd<T>(ar, br), ei = vsub<T>(ai, bi);
    const dr = vsub<T>(ar, br), di = vadd<T>(ai, bi);
    const cr = v128.load(wr + <usize>k * B), ci = v128.load(wi + <usize>k * B);
    // O = D conj(W^k)
    const or = vadd<T>(vmul<T>(dr, cr), vmul<T>(di, ci)), oi = vsub<T>(vmul<T>(di, cr), vmul<T>(dr, ci));
    // Z_k = E + i O;  Z_(h-k) = conj(E) + i conj(O)
    stIL<T>(z, j, rev<T>(vadd<T>(er, oi)), rev<T>(vsub<T>(or, ei)));
    stIL<T>(z, k, vsub<T>(er, oi), vadd<T>(ei, or));
  }
  for (; 2 * k <= h; k++) {
    const ar = load<T>(src + <usize>(2 * k) * B), ai = load<T>(src + <usize>(2 * k + 1) * B);
    const br = load<T>(src + <usize>(2 * (h - k)) * B), bi = load<T>(src + <usize>(2 * (h - k) + 1) * B);
    const er = <T>(ar + br), ei = <T>(ai - bi);
    const dr = <T>(ar - br), di = <T>(ai + bi);
    const cr = load<T>(wr + <usize>k * B), ci = load<T>(wi + <usize>k * B);
    const or = <T>(dr * cr + di * ci), oi = <T>(di * cr - dr * ci);
    store<T>(z + <usize>(2 * k) * B, <T>(er - oi)); store<T>(z + <usize>(2 * k + 1) * B, <T>(ei + or));
    if (2 * k != h) {
      store<T>(z + <usize>(2 * (h - k)) * B, <T>(er + oi)); store<T>(z + <usize>(2 * (h - k) + 1) * B, <T>(or - ei));
    }
  }
}

/** out = a * b elementwise on planar complex arrays (out may alias a), L lanes at a time; the
 *  operation order matches the scalar form, so lanes and tail round identically. */
export function cmulPlanar<T>(ar: usize, ai: usize, br: usize, bi: usize, or: usize, oi: usize, count: i32): void {
  const B = sizeof<T>();
  const L = lanes<T>();
  let k = 0;
  for (; k + L <= count; k += L) {
    const o = <usize>k * B;
    const xr = v128.load(ar + o), xi = v128.load(ai + o);
    const yr = v128.load(br + o), yi = v128.load(bi + o);
    v128.store(or + o, cmulR<T>(xr, xi, yr, yi));
    v128.store(oi + o, cmulI<T>(xr, xi, yr, yi));
  }
  for (; k < count; k++) {
    const o = <usize>k * B;
    const xr = load<T>(ar + o), xi = load<T>(ai + o);
    const yr = load<T>(br + o), yi = load<T>(bi + o);
    store<T>(or + o, <T>(xr * yr - xi * yi));
    store<T>(oi + o, <T>(xr * yi + xi * yr));
  }
}

// ---- mixed-radix stages on the vector-blocked layout ---------------------------------------------
// The same butterflies as r2q, r3q and r5q (same operation order), on blocked data with s a
// multiple of L (so every plan whose first stage is the vectorised radix-4 one runs them). The
// p = 0 column (unit twiddles) skips the products, as r4B does.

/** Stores (re, im) at blocked address o times the twiddle (wr, wi), or as is when tw is false. */
@inline function stB<T>(o: usize, re: v128, im: v128, tw: bool, wr: v128, wi: v128): void {
  if (tw) {
    v128.store(o, cmulR<T>(re, im, wr, wi));
    v128.store(o, cmulI<T>(re, im, wr, wi), 16);
  } else {
    v128.store(o, re);
    v128.store(o, im, 16);
  }
}

@inline function r2Bfly<T>(a: usize, mS: usize, o: usize, sB: usize, tw: bool, w1r: v128, w1i: v128): void {
  const ar = v128.load(a), ai = v128.load(a, 16);
  const br = v128.load(a + mS), bi = v128.load(a + mS, 16);
  v128.store(o, vadd<T>(ar, br)); v128.store(o, vadd<T>(ai, bi), 16);
  stB<T>(o + sB, vsub<T>(ar, br), vsub<T>(ai, bi), tw, w1r, w1i);
}

/** Radix-2 stage on blocked data, s a multiple of L. */
export function r2B<T>(m: i32, s: i32, x: usize, y: usize, tab: usize): void {
  const B = sizeof<T>();
  const sB = <usize>s * 2 * B;
  const mS = <usize>m * sB;
  const mT = <usize>m * B;
  const z = vsplat<T>(<T>0);
  for (let q: usize = 0; q < sB; q += 32) r2Bfly<T>(x + q, mS, y + q, sB, false, z, z);
  for (let p = 1; p < m; p++) {
    const pb = <usize>p * B;
    const w1r = ldsplat<T>(tab + pb), w1i = ldsplat<T>(tab + mT + pb);
    const a = x + <usize>p * sB, o = y + <usize>(2 * p) * sB;
    for (let q: usize = 0; q < sB; q += 32) r2Bfly<T>(a + q, mS, o + q, sB, true, w1r, w1i);
  }
}

@inline function r3Bfly<T>(a: usize, mS: usize, o: usize, sB: usize, tw: bool,
                          w1r: v128, w1i: v128, w2r: v128, w2i: v128): void {
  const half = vsplat<T>(<T>0.5), s3 = vsplat<T>(<T>S3);
  const ar = v128.load(a), ai = v128.load(a, 16);
  const br = v128.load(a + mS), bi = v128.load(a + mS, 16);
  const cr = v128.load(a + 2 * mS), ci = v128.load(a + 2 * mS, 16);
  const t1r = vadd<T>(br, cr), t1i = vadd<T>(bi, ci);
  const t2r = vsub<T>(ar, vmul<T>(half, t1r)), t2i = vsub<T>(ai, vmul<T>(half, t1i));
  const t3r = vmul<T>(s3, vsub<T>(br, cr)), t3i = vmul<T>(s3, vsub<T>(bi, ci));
  v128.store(o, vadd<T>(ar, t1r)); v128.store(o, vadd<T>(ai, t1i), 16);
  stB<T>(o + sB, vadd<T>(t2r, t3i), vsub<T>(t2i, t3r), tw, w1r, w1i);
  stB<T>(o + 2 * sB, vsub<T>(t2r, t3i), vadd<T>(t2i, t3r), tw, w2r, w2i);
}

/** Radix-3 stage on blocked data, s a multiple of L. */
export function r3B<T>(m: i32, s: i32, x: usize, y: usize, tab: usize): void {
  const B = sizeof<T>();
  const sB = <usize>s * 2 * B;
  const mS = <usize>m * sB;
  const mT = <usize>m * B;
  const t1 = tab, t2 = tab + mT, t3 = tab + 2 * mT, t4 = tab + 3 * mT;
  const z = vsplat<T>(<T>0);
  for (let q: usize = 0; q < sB; q += 32) r3Bfly<T>(x + q, mS, y + q, sB, false, z, z, z, z);
  for (let p = 1; p < m; p++) {
    const pb = <usize>p * B;
    const w1r = ldsplat<T>(t1 + pb), w1i = ldsplat<T>(t2 + pb);
    const w2r = ldsplat<T>(t3 + pb), w2i = ldsplat<T>(t4 + pb);
    const a = x + <usize>p * sB, o = y + <usize>(3 * p) * sB;
    for (let q: usize = 0; q < sB; q += 32) r3Bfly<T>(a + q, mS, o + q, sB, true, w1r, w1i, w2r, w2i);
  }
}

@inline function r5Bfly<T>(a: usize, mS: usize, o: usize, sB: usize, tw: bool,
                          w1r: v128, w1i: v128, w2r: v128, w2i: v128,
                          w3r: v128, w3i: v128, w4r: v128, w4i: v128): void {
  const c1 = vsplat<T>(<T>C51), c2 = vsplat<T>(<T>C52), s1 = vsplat<T>(<T>S51), s2 = vsplat<T>(<T>S52);
  const a0r = v128.load(a), a0i = v128.load(a, 16);
  const a1r = v128.load(a + mS), a1i = v128.load(a + mS, 16);
  const a2r = v128.load(a + 2 * mS), a2i = v128.load(a + 2 * mS, 16);
  const a3r = v128.load(a + 3 * mS), a3i = v128.load(a + 3 * mS, 16);
  const a4r = v128.load(a + 4 * mS), a4i = v128.load(a + 4 * mS, 16);
  const t1r = vadd<T>(a1r, a4r), t1i = vadd<T>(a1i, a4i);
  const t2r = vadd<T>(a2r, a3r), t2i = vadd<T>(a2i, a3i);
  const t3r = vsub<T>(a1r, a4r), t3i = vsub<T>(a1i, a4i);
  const t4r = vsub<T>(a2r, a3r), t4i = vsub<T>(a2i, a3i);
  v128.store(o, vadd<T>(a0r, vadd<T>(t1r, t2r))); v128.store(o, vadd<T>(a0i, vadd<T>(t1i, t2i)), 16);
  const u1r = vadd<T>(a0r, vadd<T>(vmul<T>(c1, t1r), vmul<T>(c2, t2r)));
  const u1i = vadd<T>(a0i, vadd<T>(vmul<T>(c1, t1i), vmul<T>(c2, t2i)));
  const u2r = vadd<T>(a0r, vadd<T>(vmul<T>(c2, t1r), vmul<T>(c1, t2r)));
  const u2i = vadd<T>(a0i, vadd<T>(vmul<T>(c2, t1i), vmul<T>(c1, t2i)));
  const v1r = vadd<T>(vmul<T>(s1, t3r), vmul<T>(s2, t4r));
  const v1i = vadd<T>(vmul<T>(s1, t3i), vmul<T>(s2, t4i));
  const v2r = vsub<T>(vmul<T>(s2, t3r), vmul<T>(s1, t4r));
  const v2i = vsub<T>(vmul<T>(s2, t3i), vmul<T>(s1, t4i));
  stB<T>(o + sB, vadd<T>(u1r, v1i), vsub<T>(u1i, v1r), tw, w1r, w1i);
  stB<T>(o + 2 * sB, vadd<T>(u2r, v2i), vsub<T>(u2i, v2r), tw, w2r, w2i);
  stB<T>(o + 3 * sB, vsub<T>(u2r, v2i), vadd<T>(u2i, v2r), tw, w3r, w3i);
  stB<T>(o + 4 * sB, vsub<T>(u1r, v1i), vadd<T>(u1i, v1r), tw, w4r, w4i);
}

/** Radix-5 stage on blocked data, s a multiple of L. */
export function r5B<T>(m: i32, s: i32, x: usize, y: usize, tab: usize): void {
  const B = sizeof<T>();
  const sB = <usize>s * 2 * B;
  const mS = <usize>m * sB;
  const mT = <usize>m * B;
  const z = vsplat<T>(<T>0);
  for (let q: usize = 0; q < sB; q += 32) r5Bfly<T>(x + q, mS, y + q, sB, false, z, z, z, z, z, z, z, z);
  for (let p = 1; p < m; p++) {
    const pb = tab + <usize>p * B;
    const w1r = ldsplat<T>(pb), w1i = ldsplat<T>(pb + mT);
    const w2r = ldsplat<T>(pb + 2 * mT), w2i = ldsplat<T>(pb + 3 * mT);
    const w3r = ldsplat<T>(pb + 4 * mT), w3i = ldsplat<T>(pb + 5 * mT);
    const w4r = ldsplat<T>(pb + 6 * mT), w4i = ldsplat<T>(pb + 7 * mT);
    const a = x + <usize>p * sB, o = y + <usize>(5 * p) * sB;
    for (let q: usize = 0; q < sB; q += 32) {
      r5Bfly<T>(a + q, mS, o + q, sB, true, w1r, w1i, w2r, w2i, w3r, w3i, w4r, w4i);
    }
  }
}

/** Any middle stage of a fused plan (radix 2, 3, 4 or 5) on blocked data. */
export function stageB<T>(r: i32, m: i32, s: i32, x: usize, y: usize, tab: usize): void {
  if (r == 4) r4B<T>(m, s, x, y, tab);
  else if (r == 3) r3B<T>(m, s, x, y, tab);
  else if (r == 5) r5B<T>(m, s, x, y, tab);
  else r2B<T>(m, s, x, y, tab);
}

/** Stores the last stage's output j (L values) from blocked offset q: P u8 interleaved at d0
 *  (scaled, SW swapping), P u16 planar at (d0, d1). */
@inline function emit<T, SW, P>(d0: usize, d1: usize, q: usize, j: usize, sB: usize,
                               re: v128, im: v128, scale: bool, f: v128): void {
  if (sizeof<P>() == 1) storeIL<T, SW>(d0 + q + j * sB, re, im, scale, f);
  else {
    const e = (q >> 1) + j * (sB >> 1);
    v128.store(d0 + e, re); v128.store(d1 + e, im);
  }
}

/** Last stage (ncur = r in {3, 5}: m = 1, no twiddles) on blocked x, written out by emit. */
export function lastOdd<T, SW, P>(r: i32, s: i32, x: usize, d0: usize, d1: usize, fct: f64): void {
  const B = sizeof<T>();
  const scale = fct != 1.0;
  const f = vsplat<T>(<T>fct);
  const sB = <usize>s * 2 * B;
  if (r == 3) {
    const half = vsplat<T>(<T>0.5), s3 = vsplat<T>(<T>S3);
    for (let q: usize = 0; q < sB; q += 32) {
      const a = x + q;
      const ar = v128.load(a), ai = v128.load(a, 16);
      const br = v128.load(a + sB), bi = v128.load(a + sB, 16);
      const cr = v128.load(a + 2 * sB), ci = v128.load(a + 2 * sB, 16);
      const t1r = vadd<T>(br, cr), t1i = vadd<T>(bi, ci);
      const t2r = vsub<T>(ar, vmul<T>(half, t1r)), t2i = vsub<T>(ai, vmul<T>(half, t1i));
      const t3r = vmul<T>(s3, vsub<T>(br, cr)), t3i = vmul<T>(s3, vsub<T>(bi, ci));
      emit<T, SW, P>(d0, d1, q, 0, sB, vadd<T>(ar, t1r), vadd<T>(ai, t1i), scale, f);
      emit<T, SW, P>(d0, d1, q, 1, sB, vadd<T>(t2r, t3i), vsub<T>(t2i, t3r), scale, f);
      emit<T, SW, P>(d0, d1, q, 2, sB, vsub<T>(t2r, t3i), vadd<T>(t2i, t3r), scale, f);
    }
  } else {
    const c1 = vsplat<T>(<T>C51), c2 = vsplat<T>(<T>C52), s1 = vsplat<T>(<T>S51), s2 = vsplat<T>(<T>S52);
    for (let q: usize = 0; q < sB; q += 32) {
      const a = x + q;
      const a0r = v128.load(a), a0i = v128.load(a, 16);
      const a1r = v128.load(a + sB), a1i = v128.load(a + sB, 16);
      const a2r = v128.load(a + 2 * sB), a2i = v128.load(a + 2 * sB, 16);
      const a3r = v128.load(a + 3 * sB), a3i = v128.load(a + 3 * sB, 16);
      const a4r = v128.load(a + 4 * sB), a4i = v128.load(a + 4 * sB, 16);
      const t1r = vadd<T>(a1r, a4r), t1i = vadd<T>(a1i, a4i);
      const t2r = vadd<T>(a2r, a3r), t2i = vadd<T>(a2i, a3i);
      const t3r = vsub<T>(a1r, a4r), t3i = vsub<T>(a1i, a4i);
      const t4r = vsub<T>(a2r, a3r), t4i = vsub<T>(a2i, a3i);
      emit<T, SW, P>(d0, d1, q, 0, sB, vadd<T>(a0r, vadd<T>(t1r, t2r)), vadd<T>(a0i, vadd<T>(t1i, t2i)), scale, f);
      const u1r = vadd<T>(a0r, vadd<T>(vmul<T>(c1, t1r), vmul<T>(c2, t2r)));
      const u1i = vadd<T>(a0i, vadd<T>(vmul<T>(c1, t1i), vmul<T>(c2, t2i)));
      const u2r = vadd<T>(a0r, vadd<T>(vmul<T>(c2, t1r), vmul<T>(c1, t2r)));
      const u2i = vadd<T>(a0i, vadd<T>(vmul<T>(c2, t1i), vmul<T>(c1, t2i)));
      const v1r = vadd<T>(vmul<T>(s1, t3r), vmul<T>(s2, t4r));
      const v1i = vadd<T>(vmul<T>(s1, t3i), vmul<T>(s2, t4i));
      const v2r = vsub<T>(vmul<T>(s2, t3r), vmul<T>(s1, t4r));
      const v2i = vsub<T>(vmul<T>(s2, t3i), vmul<T>(s1, t4i));
      emit<T, SW, P>(d0, d1, q, 1, sB, vadd<T>(u1r, v1i), vsub<T>(u1i, v1r), scale, f);
      emit<T, SW, P>(d0, d1, q, 2, sB, vadd<T>(u2r, v2i), vsub<T>(u2i, v2r), scale, f);
      emit<T, SW, P>(d0, d1, q, 3, sB, vsub<T>(u2r, v2i), vadd<T>(u2i, v2r), scale, f);
      emit<T, SW, P>(d0, d1, q, 4, sB, vsub<T>(u1r, v1i), vadd<T>(u1i, v1r), scale, f);
    }
  }
}

/**
 * The last two stages of a fused plan whose radices end in 4, 2 (n = 4^a 2, a >= 2: 32, 128, 512,
 * ...) in one pass over the data: the radix-4 stage of m = 2 (r4B: column p = 0 without products,
 * p = 1 by tab's twiddles W_8^j) and the final radix 2 (lastB / lastP), the eight values of each
 * radix-8 group kept in registers in between. The operations and their order are those of the two
 * passes, so the bits are too; the saving is a full read and write of the data (one pass in four
 * at n = 128); plan.ts's planarTail says where it pays. x: blocked with the radix-4 stage's stride s; output written by emit (P u8
 * interleaved at d0, scaled, SW swapping; P u16 planar at d0, d1).
 */
export function last42<T, SW, P>(s: i32, x: usize, tab: usize, d0: usize, d1: usize, fct: f64): void {
  const B = sizeof<T>();
  const scale = fct != 1.0;
  const f = vsplat<T>(<T>fct);
  const sB = <usize>s * 2 * B;
  const mS = 2 * sB;               // m = 2: the radix-4 stage's inputs are 2 s apart
  // W_8^j (p = 1) from the stage's table [re_1, im_1, re_2, im_2, re_3, im_3], each m = 2 long
  const mT = 2 * <usize>B;
  const w1r = ldsplat<T>(tab + B), w1i = ldsplat<T>(tab + mT + B);
  const w2r = ldsplat<T>(tab + 2 * mT + B), w2i = ldsplat<T>(tab + 3 * mT + B);
  const w3r = ldsplat<T>(tab + 4 * mT + B), w3i = ldsplat<T>(tab + 5 * mT + B);
  for (let q: usize = 0; q < sB; q += 32) {
    // p = 0: inputs 0, 2, 4, 6 (r4B0)
    const a = x + q;
    let ar = v128.load(a), ai = v128.load(a, 16);
    let br = v128.load(a + mS), bi = v128.load(a + mS, 16);
    let cr = v128.load(a + 2 * mS), ci = v128.load(a + 2 * mS, 16);
    let dr = v128.load(a + 3 * mS), di = v128.load(a + 3 * mS, 16);
    let t0r = vadd<T>(ar, cr), t0i = vadd<T>(ai, ci);
    let t1r = vsub<T>(ar, cr), t1i = vsub<T>(ai, ci);
    let t2r = vadd<T>(br, dr), t2i = vadd<T>(bi, di);
    let t3r = vsub<T>(br, dr), t3i = vsub<T>(bi, di);
    const u0r = vadd<T>(t0r, t2r), u0i = vadd<T>(t0i, t2i);
    const u1r = vadd<T>(t1r, t3i), u1i = vsub<T>(t1i, t3r);
    const u2r = vsub<T>(t0r, t2r), u2i = vsub<T>(t0i, t2i);
    const u3r = vsub<T>(t1r, t3i), u3i = vadd<T>(t1i, t3r);
    // p = 1: inputs 1, 3, 5, 7, then the twiddles (r4Bfly)
    const e = a + sB;
    ar = v128.load(e); ai = v128.load(e, 16);
    br = v128.load(e + mS); bi = v128.load(e + mS, 16);
    cr = v128.load(e + 2 * mS); ci = v128.load(e + 2 * mS, 16);
    dr = v128.load(e + 3 * mS); di = v128.load(e + 3 * mS, 16);
    t0r = vadd<T>(ar, cr); t0i = vadd<T>(ai, ci);
    t1r = vsub<T>(ar, cr); t1i = vsub<T>(ai, ci);
    t2r = vadd<T>(br, dr); t2i = vadd<T>(bi, di);
    t3r = vsub<T>(br, dr); t3i = vsub<T>(bi, di);
    const v0r = vadd<T>(t0r, t2r), v0i = vadd<T>(t0i, t2i);
    const y1r = vadd<T>(t1r, t3i), y1i = vsub<T>(t1i, t3r);
    const y2r = vsub<T>(t0r, t2r), y2i = vsub<T>(t0i, t2i);
    const y3r = vsub<T>(t1r, t3i), y3i = vadd<T>(t1i, t3r);
    const v1r = cmulR<T>(y1r, y1i, w1r, w1i), v1i = cmulI<T>(y1r, y1i, w1r, w1i);
    const v2r = cmulR<T>(y2r, y2i, w2r, w2i), v2i = cmulI<T>(y2r, y2i, w2r, w2i);
    const v3r = cmulR<T>(y3r, y3i, w3r, w3i), v3i = cmulI<T>(y3r, y3i, w3r, w3i);
    // radix 2: outputs j and 4 + j
    emit<T, SW, P>(d0, d1, q, 0, sB, vadd<T>(u0r, v0r), vadd<T>(u0i, v0i), scale, f);
    emit<T, SW, P>(d0, d1, q, 4, sB, vsub<T>(u0r, v0r), vsub<T>(u0i, v0i), scale, f);
    emit<T, SW, P>(d0, d1, q, 1, sB, vadd<T>(u1r, v1r), vadd<T>(u1i, v1i), scale, f);
    emit<T, SW, P>(d0, d1, q, 5, sB, vsub<T>(u1r, v1r), vsub<T>(u1i, v1i), scale, f);
    emit<T, SW, P>(d0, d1, q, 2, sB, vadd<T>(u2r, v2r), vadd<T>(u2i, v2i), scale, f);
    emit<T, SW, P>(d0, d1, q, 6, sB, vsub<T>(u2r, v2r), vsub<T>(u2i, v2i), scale, f);
    emit<T, SW, P>(d0, d1, q, 3, sB, vadd<T>(u3r, v3r), vadd<T>(u3i, v3i), scale, f);
    emit<T, SW, P>(d0, d1, q, 7, sB, vsub<T>(u3r, v3r), vsub<T>(u3i, v3i), scale, f);
  }
}
