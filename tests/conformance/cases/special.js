// Conformance cases for the special-function family (log-Bessel, log-gamma, von Mises-Fisher).
// Inputs are built from 32-bit integer arithmetic only (every value an integer times an exact
// power of two), from the case's own name, so each case is independent of order.

import { seedOf, xorshift32, errorBytes } from '../inputs.js';

/** 2^e for integer e in [-1000, 1000], by exact doublings/halvings. */
function pow2(e) {
  let r = 1;
  if (e >= 0) for (let i = 0; i < e; i++) r *= 2;
  else for (let i = 0; i < -e; i++) r /= 2;
  return r;
}

/** n values (1 + k/2^20) * 2^e with e uniform in [eLo, eHi]: log-uniform-ish, exact doubles. */
function logSpread(n, seed, eLo, eHi) {
  const next = xorshift32(seed);
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const e = eLo + (next() % (eHi - eLo + 1));
    out[i] = (1 + (next() >>> 12) / 1048576) * pow2(e);
  }
  return out;
}

/** Orders: half of them small multiples of 1/8 (0 .. 32), the rest log-spread up to 2^17. */
function orders(n, seed) {
  const next = xorshift32(seed ^ 0x5bd1e995);
  const spread = logSpread(n, seed, -10, 16);
  for (let i = 0; i < n; i += 2) spread[i] = (next() % 257) / 8;
  return spread;
}

export const cases = [];
function add(name, run) {
  cases.push({ name, run });
}

const N = 4096;
for (const fn of ['logBesselI', 'logBesselK', 'besselIRatio']) {
  // the whole grid: x from 2^-40 (1e-12) to 2^20 (1e6)
  let name = `special/${fn}/grid`;
  add(name, (sk) => sk[fn](orders(N, seedOf(name)), logSpread(N, seedOf(name) + 1, -40, 20)));
  // x near v (the turning point), x = v (1 + k/2^12) with |k| < 2^11
  name = `special/${fn}/transition`;
  add(name, (sk) => {
    const v = orders(N, seedOf(name));
    const next = xorshift32(seedOf(name) + 7);
    const x = v.map((a) => a * (1 + ((next() % 4095) - 2047) / 4096) + 1 / 1024);
    return sk[fn](v, x);
  });
  // region boundaries of small orders: v in [0, 32), x in [2^-3, 2^9)
  name = `special/${fn}/small-orders`;
  add(name, (sk) => sk[fn](orders(N, seedOf(name)).map((a) => a % 32), logSpread(N, seedOf(name) + 1, -3, 8)));
  // broadcasting both ways, scalars, special values
  name = `special/${fn}/broadcast-v`;
  add(name, (sk) => sk[fn](17, logSpread(257, seedOf(name), -30, 19)));
  name = `special/${fn}/broadcast-x`;
  add(name, (sk) => sk[fn](orders(257, seedOf(name)), 100));
  name = `special/${fn}/specials`;
  add(name, (sk) => {
    const v = Float64Array.of(0, 0, 1, 0.5, -1, NaN, 2, 3, Infinity, 1e300, 5, 0, 4);
    const x = Float64Array.of(0, 1, 0, Infinity, 1, 1, NaN, -1, 3, 2, 1e300, 5e-324, 1e-300);
    return sk[fn](v, x);
  });
  name = `special/${fn}/scalar`;
  add(name, (sk) => Float64Array.of(sk[fn](2.5, 3.75), sk[fn](1000, 999.5), sk[fn](0, 1 / 1024)));
  name = `special/${fn}/errors`;
  add(name, (sk) => errorBytes(() => sk[fn]('1', new Float64Array(2))));
}
add('special/logBesselK/negative-orders', (sk) => {
  const v = orders(N, seedOf('special/logBesselK/negative-orders')).map((a) => -a);
  return sk.logBesselK(v, logSpread(N, 99, -40, 20));
});
add('special/logGamma/grid', (sk) => sk.logGamma(logSpread(N, seedOf('special/logGamma/grid'), -60, 60)));
add('special/logBesselI/out', (sk) => {
  const out = new Float64Array(64);
  sk.logBesselI(orders(64, 5), logSpread(64, 6, -5, 10), out);
  return out;
});
add('special/vmfLogNormalizer', (sk) => Float64Array.from([2, 3, 10, 2048, 8192, 32768],
  (p, i) => sk.vmfLogNormalizer(p, [0, 1 / 8, 5, 1000, 4096.5, 30000][i])));
add('special/vmfMeanResultant', (sk) => Float64Array.from([2, 3, 10, 2048, 8192, 32768],
  (p, i) => sk.vmfMeanResultant(p, [1 / 1024, 1 / 8, 5, 1000, 4096.5, 30000][i])));
for (const p of [3, 64, 2048]) {
  const name = `special/vmfSample/p${p}`;
  add(name, (sk) => {
    const mu = logSpread(p, seedOf(name), -2, 2);
    return sk.vmfSample(mu, p / 2, 16, seedOf(name));
  });
  const fit = `special/vmfFit/p${p}`;
  add(fit, (sk) => {
    const mu = new Float64Array(p); mu[0] = 1;
    const f = sk.vmfFit(sk.vmfSample(mu, 2 * p, 200, seedOf(fit)), p);
    return Float64Array.of(f.kappa, f.logLikelihood, ...f.mu.subarray(0, 8));
  });
}
// the region switch itself: the same (v, x) must land in the same region in every runtime
add('special/besselRegion', (sk) => {
  const names = ['series', 'hankel', 'debye', 'integral', 'temme', 'continued-fraction'];
  const vs = [0, 0.5, 3, 11, 16.5, 17, 60, 1e3, 1e5];
  const xs = [1e-120, 1e-12, 0.5, 2, 2.5, 21, 23, 100, 1e4, 1e6];
  const codes = [];
  for (const kind of ['I', 'K']) for (const v of vs) for (const x of xs) codes.push(names.indexOf(sk.besselRegion(v, x, kind)));
  return Int32Array.from(codes);
});
