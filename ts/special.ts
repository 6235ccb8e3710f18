// Special functions: log I_v(x), log K_v(x), I_{v+1}(x)/I_v(x) and log Gamma(x), in float64,
// computed in Wasm (assembly/special). Numbers in give a number; a Float64Array in (either
// argument) gives a Float64Array, with a number broadcast against the array. NaN and out-of-domain
// values (x < 0, v < 0 for I) give NaN element by element; only wrong argument types or lengths
// throw, before any work.

import { getCore } from './init.js';
import { stage, viewF64 } from './memory.js';
import { typeError, rangeError } from './errors.js';

export type Operand = number | Float64Array;

// Points per Wasm call for long arrays: bounds the staging block (3 x 512 KiB); every element is
// independent, so the chunking cannot change any result.
const CHUNK = 65536;

type Batch = (v: number, vStep: number, x: number, xStep: number, out: number, n: number) => void;
type Scalar = (v: number, x: number) => number;

function checkOperand(name: string, a: unknown): void {
  if (typeof a === 'number') return;
  if (!(a instanceof Float64Array)) throw typeError(name, 'a number or a Float64Array', a);
}

function run2(v: Operand, x: Operand, out: unknown, scalar: Scalar, batch: Batch): number | Float64Array {
  checkOperand('v', v);
  checkOperand('x', x);
  const va = v instanceof Float64Array, xa = x instanceof Float64Array;
  if (!va && !xa) {
    if (out !== undefined && out !== null) throw typeError('out', 'nothing when v and x are both numbers', out);
    return scalar(v as number, x as number);
  }
  const n = va ? (v as Float64Array).length : (x as Float64Array).length;
  if (va && xa && (x as Float64Array).length !== n) {
    throw rangeError('x', `a Float64Array of v's length ${n}`, x);
  }
  let res: Float64Array;
  if (out === undefined || out === null) res = new Float64Array(n);
  else if (!(out instanceof Float64Array)) throw typeError('out', 'a Float64Array', out);
  else if (out.length !== n) throw rangeError('out', `a Float64Array of length ${n}`, out);
  else res = out;
  if (n === 0) return res;
  const m = Math.min(n, CHUNK);
  const base = stage(3 * 8 * m); // may grow memory: views are taken after
  const vp = base, xp = base + 8 * m, op = base + 16 * m;
  for (let s = 0; s < n; s += CHUNK) {
    const len = Math.min(CHUNK, n - s);
    let mem = viewF64();
    if (va) mem.set((v as Float64Array).subarray(s, s + len), vp / 8); else mem[vp / 8] = v as number;
    if (xa) mem.set((x as Float64Array).subarray(s, s + len), xp / 8); else mem[xp / 8] = x as number;
    batch(vp, va ? 8 : 0, xp, xa ? 8 : 0, op, len);
    mem = viewF64();
    res.set(mem.subarray(op / 8, op / 8 + len), s);
  }
  return res;
}

/** log I_v(x) for v >= 0, x >= 0 (log I_0(0) = 0, log I_v(0) = -Infinity for v > 0). */
export function logBesselI(v: number, x: number): number;
export function logBesselI(v: Operand, x: Operand, out?: Float64Array): Float64Array;
export function logBesselI(v: Operand, x: Operand, out?: Float64Array): number | Float64Array {
  const c = getCore();
  return run2(v, x, out, c.logBesselIScalar, c.logBesselIBatch);
}

/** log K_v(x) for real v (K_{-v} = K_v) and x >= 0 (+Infinity at x = 0). */
export function logBesselK(v: number, x: number): number;
export function logBesselK(v: Operand, x: Operand, out?: Float64Array): Float64Array;
export function logBesselK(v: Operand, x: Operand, out?: Float64Array): number | Float64Array {
  const c = getCore();
  return run2(v, x, out, c.logBesselKScalar, c.logBesselKBatch);
}

/** I_{v+1}(x) / I_v(x) for v >= 0, x >= 0, accurate where I_v itself under- or overflows. */
export function besselIRatio(v: number, x: number): number;
export function besselIRatio(v: Operand, x: Operand, out?: Float64Array): Float64Array;
export function besselIRatio(v: Operand, x: Operand, out?: Float64Array): number | Float64Array {
  const c = getCore();
  return run2(v, x, out, c.besselIRatioScalar, c.besselIRatioBatch);
}

/** log Gamma(x) for x > 0 (+Infinity at 0, NaN below). */
export function logGamma(x: number): number;
export function logGamma(x: Float64Array, out?: Float64Array): Float64Array;
export function logGamma(x: Operand, out?: Float64Array): number | Float64Array {
  const c = getCore();
  if (typeof x !== 'number' && !(x instanceof Float64Array)) throw typeError('x', 'a number or a Float64Array', x);
  // same staging as the two-operand functions, with a broadcast dummy first operand
  return run2(0, x, out, (_v, xx) => c.logGammaScalar(xx), (_v, _vs, xp, _xs, op, n) => c.logGammaBatch(xp, op, n));
}

export type BesselRegion = 'series' | 'hankel' | 'debye' | 'integral' | 'temme' | 'continued-fraction';

/** Which expansion serves (v, x) for I (kind 'I') or K: 'series', 'hankel', 'debye', 'integral',
 *  'temme', 'continued-fraction'.
 *  For inspection and benchmarks; the switch itself is besselRegion() in assembly/special/bessel.ts. */
export function besselRegion(v: number, x: number, kind: 'I' | 'K' = 'I'): BesselRegion {
  if (typeof v !== 'number') throw typeError('v', 'a number', v);
  if (typeof x !== 'number') throw typeError('x', 'a number', x);
  if (kind !== 'I' && kind !== 'K') throw rangeError('kind', "'I' or 'K'", kind);
  const r = getCore().besselRegionOf(v, x, kind === 'I' ? 0 : 1);
  return (['series', 'hankel', 'debye', 'integral', 'temme', 'continued-fraction'] as const)[r];
}
