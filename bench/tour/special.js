// Tour of the special functions: log I_v(x) and log K_v(x) against 40-digit mpmath references
// (tests/fixtures/special/bessel.json), values far outside double range, the Wronskian, and
// von Mises-Fisher fitting in thousands of dimensions.

import { readFileSync } from 'node:fs';

export const title = 'log-Bessel and von Mises-Fisher: logBesselI, logBesselK, besselIRatio, vmf*';

const fixture = JSON.parse(readFileSync(new URL('../../tests/fixtures/special/bessel.json', import.meta.url), 'utf8'));

function stats(got, hi, lo) {
  const e = [];
  let bad = 0;
  for (let i = 0; i < got.length; i++) {
    const exact = hi[i];
    if (!Number.isFinite(got[i])) { bad++; continue; }
    e.push(Math.abs((got[i] - hi[i]) - lo[i]) / Math.max(1, Math.abs(exact)));
  }
  e.sort((a, b) => a - b);
  return { max: e[e.length - 1], median: e[e.length >> 1], bad };
}

export async function tour(sk, log) {
  log.heading(`accuracy against the 40-digit mpmath references (${fixture.v.length} points: v in [0, 1e5], x in [1e-12, 1e6])`);
  const v = Float64Array.from(fixture.v), x = Float64Array.from(fixture.x);
  const rows = [];
  for (const [name, fn, hi, lo] of [['logBesselI', sk.logBesselI, fixture.logI, fixture.logI_lo],
    ['logBesselK', sk.logBesselK, fixture.logK, fixture.logK_lo]]) {
    const got = fn(v, x);
    const s = stats(got, hi, lo);
    const ok = log.check(`${name} max error`, s.max, 1e-14) === 'ok' && log.check(`${name} median error`, s.median, 3e-16) === 'ok'
      && log.check(`${name} non-finite results`, s.bad, 0) === 'ok';
    rows.push([name, s.max.toExponential(1), s.median.toExponential(1), s.bad, ok ? 'ok' : 'ABOVE']);
  }
  log.table(['function', 'max err', 'median err', 'non-finite', ''], rows);
  log('error = |got - exact| / max(1, |exact|); targets: max <= 1e-14, median <= 3e-16, no non-finite');

  log.heading('throughput on 2^18 mixed points: v log-uniform in [1e-3, 1e5] (5% zeros), x in [1e-12, 1e6]');
  const n = 1 << 18;
  const gv = new Float64Array(n), gx = new Float64Array(n), out = new Float64Array(n);
  let seed = 3;
  const u = () => { seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0; return seed / 4294967296; };
  for (let i = 0; i < n; i++) {
    const a = u(), b = u(), c = u();
    gv[i] = a < 0.05 ? 0 : 10 ** (-3 + 8 * b);
    gx[i] = 10 ** (-12 + 18 * c);
  }
  const trows = [];
  for (const [name, fn] of [['logBesselI', sk.logBesselI], ['logBesselK', sk.logBesselK]]) {
    let best = Infinity;
    for (let r = 0; r < 4; r++) {
      const t0 = performance.now();
      fn(gv, gx, out);
      best = Math.min(best, performance.now() - t0);
    }
    let bad = 0;
    for (let i = 0; i < n; i++) if (!Number.isFinite(out[i])) bad++;
    trows.push([name, `${(n / best / 1000).toFixed(1)} M evaluations/s`, `${(1e6 * best / n).toFixed(0)} ns each`, `${bad} non-finite`]);
  }
  log.table(['function', 'rate (best of 4)', '', ''], trows);
  log('npm run bench:special runs these grids beside SciPy (ive, kve) and the npm bessel package');

  log.heading('where double-precision I and K overflow or underflow (SciPy returns 0, inf or nan here)');
  for (const [vv, xx] of [[1e4, 1e-6], [5000, 1], [0.5, 1e6], [1e5, 1e5]]) {
    log(`v = ${vv}, x = ${xx}: log I = ${sk.logBesselI(vv, xx).toPrecision(17)}, log K = ${sk.logBesselK(vv, xx).toPrecision(17)}`);
  }

  log.heading('identities: the Wronskian I_v K_(v+1) + I_(v+1) K_v = 1/x, on the log scale');
  let worst = 0;
  for (let i = 0; i < 400; i++) {
    const vv = 10 ** (-2 + (7 * i) / 400) % 1e5, xx = 10 ** (-6 + ((i * 37) % 400) * 0.03);
    const li = sk.logBesselI(vv, xx), li1 = sk.logBesselI(vv + 1, xx);
    const lk = sk.logBesselK(vv, xx), lk1 = sk.logBesselK(vv + 1, xx);
    const a = li + lk1, b = li1 + lk;
    const m = Math.max(a, b);
    const lhs = m + Math.log(Math.exp(a - m) + Math.exp(b - m)); // reference arithmetic in JS, fine here
    // each log is exact to ~1e-16 of its own size (up to ~1e6), and a, b cancel them: the error
    // of the identity is relative to the largest log involved
    const size = Math.max(1, Math.abs(li), Math.abs(li1), Math.abs(lk), Math.abs(lk1));
    worst = Math.max(worst, Math.abs(lhs + Math.log(xx)) / size);
  }
  log.result('400 points, worst |log(I K + I K) + log x| / max(1, |each log|)', worst, 1e-14);

  log.heading('von Mises-Fisher in high dimension: sample with Wood\'s algorithm, fit kappa back');
  for (const [p, kappa] of [[2048, 2048], [8192, 8192]]) {
    const mu = new Float64Array(p); mu[0] = 1;
    const t0 = performance.now();
    const X = sk.vmfSample(mu, kappa, 2000, 7);
    const fit = sk.vmfFit(X, p);
    const ms = performance.now() - t0;
    const rel = Math.abs(fit.kappa / kappa - 1);
    log.result(`p = ${p}, kappa = ${kappa}, 2000 samples: kappa fitted ${fit.kappa.toFixed(1)} (${ms.toFixed(0)} ms), relative error`, rel, 0.01);
  }
  log(`log C_p(kappa) at p = 32768, kappa = 30000: ${sk.vmfLogNormalizer(32768, 30000).toPrecision(15)} (SciPy and mpmath's defaults fail here)`);
}
