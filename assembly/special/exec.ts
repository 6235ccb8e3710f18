// Exported batch entry points of the special-function family. Each takes its operands as
// (pointer, step in bytes): step 8 walks an array, step 0 broadcasts one number, so a scalar
// against an array needs no copy. One call per batch; the loop runs here.

import { besselIRatio } from "./bessel";
import { logBesselI, logBesselK, besselRegionFine } from "./besselx2";
import { logGamma } from "./lgamma";

export { logBesselIBatch, logBesselKBatch } from "./besselx2";

export function besselIRatioBatch(v: usize, vStep: usize, x: usize, xStep: usize, out: usize, n: i32): void {
  for (let i = 0; i < n; i++) {
    store<f64>(out + (<usize>i << 3), besselIRatio(load<f64>(v + <usize>i * vStep), load<f64>(x + <usize>i * xStep)));
  }
}

export function logGammaBatch(x: usize, out: usize, n: i32): void {
  for (let i = 0; i < n; i++) store<f64>(out + (<usize>i << 3), logGamma(load<f64>(x + (<usize>i << 3))));
}

/** Scalar entry points (no staging for one number). */
export function logBesselIScalar(v: f64, x: f64): f64 { return logBesselI(v, x); }
export function logBesselKScalar(v: f64, x: f64): f64 { return logBesselK(v, x); }
export function besselIRatioScalar(v: f64, x: f64): f64 { return besselIRatio(v, x); }
export function logGammaScalar(x: f64): f64 { return logGamma(x); }
/** Which expansion serves (v, x): 0 series, 1 Hankel, 2 Debye, 3 integral, 4 Temme, 5 continued fraction (for tests/bench). */
export function besselRegionOf(v: f64, x: f64, kind: i32): i32 { return besselRegionFine(Math.abs(v), x, kind); }
