// Accurate twiddle factors, computed inside Wasm so every runtime gets the same bits.
//
// The angle 2*pi*k/n is reduced exactly, in integer arithmetic, to [0, pi/4] by the symmetries of
// the circle (the reduction pocketfft uses), and only then turned into a float: sin and cos are
// evaluated where they are best conditioned, and the result is correctly symmetric
// (w(n-k) = conj w(k), w(n/4) = -i exactly, ...). The trigonometry is AssemblyScript's NativeMath,
// a port of musl's sin/cos (< 1 ulp), compiled into this module.

// 2*pi to double precision
const TWO_PI: f64 = 6.283185307179586;

export let twCos: f64 = 1.0;
export let twSin: f64 = 0.0;

/** Sets twCos, twSin to cos(2 pi k / n), sin(2 pi k / n) for integer k (any sign), n > 0. */
export function sincos2pi(k: i64, n: i64): void {
  let a = k % n;
  if (a < 0) a += n;
  // Scale by 8 so that the reflections about pi, pi/2 and pi/4 stay integral.
  a <<= 3;
  const d = n << 3;
  let negS = false, negC = false, swap = false;
  if (a * 2 > d) { a = d - a; negS = true; }          // (pi, 2pi)   -> (0, pi): sin changes sign
  if (a * 4 > d) { a = (d >> 1) - a; negC = true; }   // (pi/2, pi]  -> [0, pi/2): cos changes sign
  if (a * 8 > d) { a = (d >> 2) - a; swap = true; }   // (pi/4, pi/2) -> (0, pi/4): sin <-> cos
  const x = TWO_PI * <f64>a / <f64>d;
  let c = Math.cos(x), s = Math.sin(x);
  if (swap) { const t = c; c = s; s = t; }
  if (negC) c = -c;
  if (negS) s = -s;
  twCos = c;
  twSin = s;
}
