// Exported FFT entry points over interleaved data. A plan's work buffers receive the planar
// copy; `fct` is the normalisation factor, applied in the final pass (pocketfft's explicit scale).

import { FftPlan, planComplex, planReal, destroyPlan, dft, dftInterleaved, dftToPlanar, runStages, resR, resI, ALGO_REAL_HALF, ALGO_STOCKHAM } from "./plan";
import { deinterleave, interleave, rfftPost, irfftPre } from "./kernels";
import { bitrev } from "../util/bits";

/** Normalisation factor of numpy's `norm` for a transform of n points. norm: 0 'backward',
 *  1 'ortho', 2 'forward'. Computed here so that sqrt and the division round identically in
 *  every runtime. */
export function fftNormFactor(n: f64, norm: i32, inverse: i32): f64 {
  if (norm == 1) return 1.0 / Math.sqrt(n);
  if (norm == 0) return inverse ? 1.0 / n : 1.0;
  return inverse ? 1.0 : 1.0 / n;
}

/** kind: 0 complex, 1 real; elem: 4 or 8. Returns the plan's address (0 never: traps on OOM). */
export function fftPlanCreate(n: i32, elem: i32, kind: i32): usize {
  return changetype<usize>(kind == 1 ? planReal(n, elem) : planComplex(n, elem));
}

export function fftPlanDestroy(plan: usize): void {
  destroyPlan(changetype<FftPlan>(plan));
}

/** Bytes of arena memory the plan holds (reported by the facade). */
export function fftPlanAlgorithm(plan: usize): i32 {
  return changetype<FftPlan>(plan).algo;
}

function complexT<T>(p: FftPlan, inp: usize, out: usize, batch: i32, inverse: i32, fct: f64): void {
  const n = p.n;
  const stride = <usize>n * 2 * sizeof<T>();
  for (let b = 0; b < batch; b++) {
    dftInterleaved<T>(p, inp + <usize>b * stride, out + <usize>b * stride, inverse != 0, fct);
  }
}

/** batch contiguous complex transforms of p.n points; in == out allowed. */
export function fftExec(plan: usize, inp: usize, out: usize, batch: i32, inverse: i32, fct: f64): void {
  const p = changetype<FftPlan>(plan);
  if (p.elem == 4) complexT<f32>(p, inp, out, batch, inverse, fct);
  else complexT<f64>(p, inp, out, batch, inverse, fct);
}

// ---- real transforms ------------------------------------------------------------------------

function rfftT<T>(p: FftPlan, inp: usize, out: usize, batch: i32, fct: f64): void {
  const n = p.n;
  const B = sizeof<T>();
  const c = changetype<FftPlan>(p.sub);
  const h = n >> 1;
  const nout = n / 2 + 1;
  for (let b = 0; b < batch; b++) {
    const src = inp + <usize>b * <usize>n * B, dst = out + <usize>b * <usize>nout * 2 * B;
    if (p.algo == ALGO_REAL_HALF) {
      // z_j = x_2j + i x_2j+1 is the real input read as interleaved complex
      dftToPlanar<T>(c, src, true);
      rfftPost<T>(resR, resI, p.cr, p.ci, dst, h, fct);
    } else {
      memory.copy(c.ar, src, <usize>n * B);
      memory.fill(c.ai, 0, <usize>n * B);
      dft<T>(c, c.ar, c.ai, c.br, c.bi);
      interleave<T>(resR, resI, dst, nout, fct);
    }
  }
}

/** batch real transforms: n reals in, n/2+1 complex out per item. The input is used as work
 *  space and overwritten. */
export function rfftExec(plan: usize, inp: usize, out: usize, batch: i32, fct: f64): void {
  const p = changetype<FftPlan>(plan);
  if (p.elem == 4) rfftT<f32>(p, inp, out, batch, fct);
  else rfftT<f64>(p, inp, out, batch, fct);
}

function irfftT<T>(p: FftPlan, inp: usize, out: usize, batch: i32, fct: f64): void {
  const n = p.n;
  const B = sizeof<T>();
  const c = changetype<FftPlan>(p.sub);
  const nin = n / 2 + 1;
  for (let b = 0; b < batch; b++) {
    const src = inp + <usize>b * <usize>nin * 2 * B, dst = out + <usize>b * <usize>n * B;
    if (p.algo == ALGO_REAL_HALF) {
      // packed spectrum Z (scaled by 2) into the plan's scratch, then the complex inverse writes
      // z_j = x_2j + i x_2j+1 interleaved: exactly the real output
      irfftPre<T>(src, p.cr, p.ci, p.ar, n >> 1);
      dftInterleaved<T>(c, p.ar, dst, true, fct, true);
    } else {
      // odd n: rebuild the Hermitian spectrum Y_(n-k) = conj X_k, Im X_0 ignored; swapped layout
      const hh = (n - 1) >> 1;
      store<T>(c.ai, load<T>(src));
      store<T>(c.ar, 0);
      for (let k = 1; k <= hh; k++) {
        const xr = load<T>(src + <usize>(2 * k) * B), xi = load<T>(src + <usize>(2 * k + 1) * B);
        store<T>(c.ai + <usize>k * B, xr);
        store<T>(c.ar + <usize>k * B, xi);
        store<T>(c.ai + <usize>(n - k) * B, xr);
        store<T>(c.ar + <usize>(n - k) * B, <T>-xi);
      }
      dft<T>(c, c.ar, c.ai, c.br, c.bi);
      const rr = resI;
      const scale = fct != 1.0;
      for (let k = 0; k < n; k++) {
        let v = load<T>(rr + <usize>k * B);
        if (scale) v = <T>(v * <T>fct);
        store<T>(dst + <usize>k * B, v);
      }
    }
  }
}

/** batch inverse real transforms: n/2+1 complex in, n real out per item. */
export function irfftExec(plan: usize, inp: usize, out: usize, batch: i32, fct: f64): void {
  const p = changetype<FftPlan>(plan);
  if (p.elem == 4) irfftT<f32>(p, inp, out, batch, fct);
  else irfftT<f64>(p, inp, out, batch, fct);
}

// ---- 2-D ------------------------------------------------------------------------------------

// Columns are transformed G at a time: gathered (contiguous runs of G values per row) into a
// planar block where they interleave with stride G, run through the column plan's stages together,
// and scattered back scaled. G spans two 64-byte lines per row.
function fft2T<T>(pr: FftPlan, pc: FftPlan, inp: usize, out: usize, rows: i32, cols: i32, inverse: i32, fct: f64): void {
  const B = sizeof<T>();
  const rowBytes = <usize>cols * 2 * B;
  for (let i = 0; i < rows; i++) {
    dftInterleaved<T>(pr, inp + <usize>i * rowBytes, out + <usize>i * rowBytes, inverse != 0, 1.0);
  }
  const scale = fct != 1.0;
  const f = <T>fct;
  const G = 16;   // columns per block: 128 bytes of each row in f32, 256 in f64
  let j0 = 0;
  if (pc.algo == ALGO_STOCKHAM && cols >= G) {
    const blk = <usize>G * <usize>rows * B;   // one planar part of the block
    const buf = heap.alloc(4 * blk);
    const ar = buf, ai = buf + blk, br = buf + 2 * blk, bi = buf + 3 * blk;
    // the swap identity for the inverse: real parts go where the stages read imaginary ones
    const gr = inverse ? ai : ar, gi = inverse ? ar : ai;
    for (; j0 + G <= cols; j0 += G) {
      const base = out + <usize>j0 * 2 * B;
      for (let i = 0; i < rows; i++) {
        deinterleave<T>(base + <usize>i * rowBytes, gr + <usize>(i * G) * B, gi + <usize>(i * G) * B, G);
      }
      runStages<T>(pc, G, ar, ai, br, bi);
      const rr = inverse ? resI : resR, ri = inverse ? resR : resI;
      for (let i = 0; i < rows; i++) {
        interleave<T>(rr + <usize>(i * G) * B, ri + <usize>(i * G) * B, base + <usize>i * rowBytes, G, fct);
      }
    }
    heap.free(buf);
  }
  // remaining columns (and Bluestein column plans) one at a time
  for (let j = j0; j < cols; j++) {
    const base = out + <usize>j * 2 * B;
    const gr = inverse ? pc.ai : pc.ar, gi = inverse ? pc.ar : pc.ai;
    for (let i = 0; i < rows; i++) {
      const s = base + <usize>i * rowBytes;
      store<T>(gr + <usize>i * B, load<T>(s));
      store<T>(gi + <usize>i * B, load<T>(s + B));
    }
    dft<T>(pc, pc.ar, pc.ai, pc.br, pc.bi);
    const rr = inverse ? resI : resR, ri = inverse ? resR : resI;
    for (let i = 0; i < rows; i++) {
      const d = base + <usize>i * rowBytes;
      let vr = load<T>(rr + <usize>i * B), vi = load<T>(ri + <usize>i * B);
      if (scale) { vr = <T>(vr * f); vi = <T>(vi * f); }
      store<T>(d, vr);
      store<T>(d + B, vi);
    }
  }
}

/** 2-D transform of a row-major rows x cols complex matrix. planRows has length cols, planCols
 *  length rows. in == out allowed. */
export function fft2Exec(planRows: usize, planCols: usize, inp: usize, out: usize, rows: i32, cols: i32,
                         batch: i32, inverse: i32, fct: f64): void {
  const pr = changetype<FftPlan>(planRows), pc = changetype<FftPlan>(planCols);
  const item = <usize>rows * <usize>cols * 2 * <usize>pr.elem;
  for (let b = 0; b < batch; b++) {
    if (pr.elem == 4) fft2T<f32>(pr, pc, inp + <usize>b * item, out + <usize>b * item, rows, cols, inverse, fct);
    else fft2T<f64>(pr, pc, inp + <usize>b * item, out + <usize>b * item, rows, cols, inverse, fct);
  }
}

// ---- bit-reversed order (QMCPy's fftbr / ifftbr) ---------------------------------------------

function fftbrT<T>(p: FftPlan, inp: usize, out: usize, batch: i32, inverse: i32): void {
  const n = p.n;
  const B = sizeof<T>();
  const bits = ctz(n);
  const f = <T>(1.0 / Math.sqrt(<f64>n));
  const stride = <usize>n * 2 * B;
  for (let b = 0; b < batch; b++) {
    const src = inp + <usize>b * stride, dst = out + <usize>b * stride;
    if (!inverse) {
      // fftbr(x) = DFT(x read in bit-reversed order) / sqrt(n), natural-order output
      for (let k = 0; k < n; k++) {
        const j = <usize>bitrev(<u32>k, bits);
        store<T>(p.ar + <usize>k * B, load<T>(src + j * 2 * B));
        store<T>(p.ai + <usize>k * B, load<T>(src + j * 2 * B + B));
      }
      dft<T>(p, p.ar, p.ai, p.br, p.bi);
      interleave<T>(resR, resI, dst, n, <f64>f);
    } else {
      // ifftbr(y) = bitreverse(sqrt(n) IDFT(y)): its exact inverse, output in bit-reversed order
      deinterleave<T>(src, p.ai, p.ar, n);
      dft<T>(p, p.ar, p.ai, p.br, p.bi);
      const rr = resI, ri = resR;
      for (let k = 0; k < n; k++) {
        const j = <usize>bitrev(<u32>k, bits);
        store<T>(dst + j * 2 * B, <T>(load<T>(rr + <usize>k * B) * f));
        store<T>(dst + j * 2 * B + B, <T>(load<T>(ri + <usize>k * B) * f));
      }
    }
  }
}

/** plan: complex plan of a power-of-two n. in == out is not allowed for the inverse. */
export function fftbrExec(plan: usize, inp: usize, out: usize, batch: i32, inverse: i32): void {
  const p = changetype<FftPlan>(plan);
  if (p.elem == 4) fftbrT<f32>(p, inp, out, batch, inverse);
  else fftbrT<f64>(p, inp, out, batch, inverse);
}
