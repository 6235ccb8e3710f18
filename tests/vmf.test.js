// von Mises-Fisher: the normaliser and A_p against mpmath-free identities, Wood's sampler and the
// maximum-likelihood fit in the paper's dimensions (p = 2048, 8192, 32768).
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import {
  init, vmfLogNormalizer, vmfMeanResultant, vmfSample, vmfFit, logBesselI, besselIRatio, logGamma,
} from '../dist/index.js';

await init();

test('vmfLogNormalizer: closed forms at p = 3 and the kappa -> 0 limit', () => {
  // p = 3: C_3(kappa) = kappa / (4 pi sinh kappa)
  for (const k of [1e-3, 0.5, 2, 30, 600]) {
    const exact = Math.log(k / (4 * Math.PI)) - (k + Math.log1p(-Math.exp(-2 * k)) - Math.log(2));
    assert.ok(Math.abs(vmfLogNormalizer(3, k) - exact) < 1e-14 * Math.max(1, Math.abs(exact)), `kappa ${k}`);
  }
  // kappa = 0: 1 / surface area = Gamma(p/2) / (2 pi^{p/2}); continuous from kappa = 1e-12 on
  for (const p of [2, 3, 10, 2048, 32768]) {
    const z = vmfLogNormalizer(p, 0);
    assert.ok(Math.abs(z - (logGamma(p / 2) - Math.log(2) - (p / 2) * Math.log(Math.PI))) < 1e-12 * Math.abs(z));
    assert.ok(Math.abs(vmfLogNormalizer(p, 1e-12) - z) < 1e-9 * Math.max(1, Math.abs(z)), `p ${p}`);
  }
});

test('vmfMeanResultant is besselIRatio(p/2 - 1) and solves its Riccati equation', () => {
  for (const p of [2, 3, 2048, 8192, 32768]) {
    for (const k of [1e-6, 1, 100, p / 2, 4 * p, 1e6]) {
      const A = vmfMeanResultant(p, k);
      assert.is(A, besselIRatio(p / 2 - 1, k));
      assert.ok(A > 0 && A < 1, `A_${p}(${k}) = ${A}`);
      // log-derivative of the normaliser: d/dkappa log C_p = -A_p (finite difference, central)
      const h = 1e-4 * k;
      const d = (vmfLogNormalizer(p, k + h) - vmfLogNormalizer(p, k - h)) / (2 * h);
      assert.ok(Math.abs(d + A) < 1e-5 * Math.max(A, 1e-3) + 1e-9 * Math.abs(vmfLogNormalizer(p, k)) / h, `p ${p} k ${k}: ${d} vs ${-A}`);
    }
  }
});

test('vmfSample: unit rows, deterministic from the seed, mean direction mu', () => {
  const p = 64;
  const mu = new Float64Array(p).map((_, i) => (i % 3) - 1);
  const a = vmfSample(mu, 50, 500, 9), b = vmfSample(mu, 50, 500, 9), c = vmfSample(mu, 50, 500, 10);
  assert.equal(a, b);
  assert.not.equal(a, c);
  let worst = 0;
  for (let r = 0; r < 500; r++) {
    let s = 0;
    for (let j = 0; j < p; j++) s += a[r * p + j] ** 2;
    worst = Math.max(worst, Math.abs(Math.sqrt(s) - 1));
  }
  assert.ok(worst < 1e-14, `row norms off by ${worst}`);
  const f = vmfFit(a, p);
  const nmu = Math.hypot(...mu);
  let dot = 0;
  for (let j = 0; j < p; j++) dot += f.mu[j] * mu[j] / nmu;
  assert.ok(dot > 0.99, `mu recovered, cos = ${dot}`);
});

for (const p of [2048, 8192, 32768]) {
  test(`vmfFit recovers kappa within 1% from 10^4 samples at p = ${p}`, () => {
    const mu = new Float64Array(p);
    mu[p >> 1] = 1;
    // two concentrations where memory allows; at p = 32768 one (10^4 rows are 2.6 GB)
    for (const kappa of p < 32768 ? [p, 4 * p] : [p]) {
      const X = vmfSample(mu, kappa, 10000, p + kappa);
      const f = vmfFit(X, p);
      const rel = Math.abs(f.kappa - kappa) / kappa;
      console.log(`  p=${p} kappa=${kappa}: fitted ${f.kappa.toFixed(2)} (${(100 * rel).toFixed(3)}%), mu.mu0 = ${f.mu[p >> 1].toFixed(6)}, logL = ${f.logLikelihood.toExponential(6)}`);
      assert.ok(rel < 0.01, `kappa ${kappa}: fitted ${f.kappa}`);
      assert.ok(f.mu[p >> 1] > 0.99);
      assert.ok(Number.isFinite(f.logLikelihood));
      // the fit is the likelihood's maximum: nearby kappas score lower
      const m = X.length / p;
      let nrm = 0;
      for (let j = 0; j < p; j++) nrm += f.mu[j] * f.mu[j];
      const R = (f.logLikelihood / m - vmfLogNormalizer(p, f.kappa)) / f.kappa;
      for (const s of [0.99, 1.01]) {
        assert.ok(m * (vmfLogNormalizer(p, s * f.kappa) + s * f.kappa * R) < f.logLikelihood);
      }
      // A_p at the fitted kappa equals the sample's mean resultant length
      assert.ok(Math.abs(vmfMeanResultant(p, f.kappa) - R) < 1e-12);
    }
  });
}

test('degenerate fits: identical rows give kappa = Infinity; opposite rows kappa = 0', () => {
  const same = vmfFit(Float64Array.of(0, 1, 0, 1, 0, 1), 2);
  assert.is(same.kappa, Infinity);
  assert.is(same.logLikelihood, Infinity);
  const opposite = vmfFit(Float64Array.of(1, 0, 0, -1, 0, 0), 3);
  assert.is(opposite.kappa, 0);
  assert.ok(Math.abs(opposite.logLikelihood - 2 * vmfLogNormalizer(3, 0)) < 1e-15);
  assert.ok(opposite.mu.every(Number.isNaN)); // no mean direction when the rows sum to zero
});

test('argument errors name the argument', () => {
  assert.throws(() => vmfLogNormalizer(2.5, 1), (e) => e instanceof TypeError && /`p`/.test(e.message));
  assert.throws(() => vmfMeanResultant(3, -1), (e) => e instanceof RangeError && /`kappa`/.test(e.message));
  assert.throws(() => vmfSample([1, 0], 1, 2, 3), (e) => e instanceof TypeError && /`mu`/.test(e.message));
  assert.throws(() => vmfSample(new Float64Array(3), 1, 2, 3), (e) => e instanceof RangeError && /`mu`/.test(e.message));
  assert.throws(() => vmfSample(Float64Array.of(1, 0), 1, 2, -3), (e) => e instanceof RangeError && /`seed`/.test(e.message));
  assert.throws(() => vmfFit(new Float64Array(7), 2), (e) => e instanceof RangeError && /`X`/.test(e.message));
  assert.throws(() => vmfFit(new Float64Array(8), 2, { maxIter: 0 }), (e) => e instanceof RangeError && /maxIter/.test(e.message));
});

test.run();
