// Grid GP (first slice): 1-D kernels and KroneckerGP fit / mean / log marginal likelihood /
// gradient, against dense GPs from tests/fixtures/gp/generate.py (numpy; gradients checked there
// against mpmath finite differences).
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { init, KroneckerGP, Kernel1D, cholesky, choleskySolve, rbf, matern12, matern32, matern52, periodic, spectralMixture, studentTMixture } from '../dist/index.js';
import { lcg } from './fixtures/linalg/matrices.js';
import DENSE from './fixtures/gp/dense.json' with { type: 'json' };

test.before(async () => { await init(); });

const MAKE = { rbf, matern12, matern32, matern52, periodic };
const NAMES = { rbf: ['variance', 'lengthscale'], matern12: ['variance', 'lengthscale'], matern32: ['variance', 'lengthscale'], matern52: ['variance', 'lengthscale'], periodic: ['variance', 'lengthscale', 'period'] };

function observations(N, seed) {
  const next = lcg(seed);
  return Float64Array.from({ length: N }, () => (next() - 1048576) / 1048576);
}

function makeKernel(kind, p) {
  if (kind === 'spectralMixture' || kind === 'studentTMixture') {
    const sel = (o) => p.filter((_, i) => i % 3 === o);
    const opts = { weights: sel(0), scales: sel(1), frequencies: sel(2) };
    return kind === 'spectralMixture' ? spectralMixture(opts) : studentTMixture(opts);
  }
  return MAKE[kind](Object.fromEntries(NAMES[kind].map((n, i) => [n, p[i]])));
}

function buildCase(c) {
  const kernels = c.kinds.map((k, d) => makeKernel(k, c.params[d]));
  const grid = c.grid.map((x) => Float64Array.from(x));
  return { gp: new KroneckerGP({ grid, kernels, noise: c.noise }), y: observations(c.sizes.reduce((a, b) => a * b, 1), c.ySeed) };
}

for (const c of DENSE.cases) {
  test(`KroneckerGP ${c.name}: log marginal likelihood, gradient and mean vs a dense GP`, () => {
    const { gp, y } = buildCase(c);
    gp.fit(y);
    const lml = gp.logMarginalLikelihood();
    assert.ok(Math.abs(lml - c.logMarginalLikelihood) <= 1e-9 * Math.abs(c.logMarginalLikelihood), `lml ${lml} vs ${c.logMarginalLikelihood}`);
    const g = gp.gradient();
    assert.is(g.length, c.gradient.length);
    assert.is(gp.hyperparameterNames.length, g.length);
    for (let i = 0; i < g.length; i++) {
      const ref = c.gradient[i];
      assert.ok(Math.abs(g[i] - ref) <= 1e-9 * Math.max(1, Math.abs(ref)), `gradient[${i}] (${gp.hyperparameterNames[i]}) ${g[i]} vs ${ref}`);
    }
    const m = gp.mean();
    const scale = Math.max(...c.mean.map(Math.abs));
    for (let i = 0; i < m.length; i++) assert.ok(Math.abs(m[i] - c.mean[i]) <= 1e-9 * scale, `mean[${i}]`);
    // variances relative to the prior variance prod_d k_d(0), their natural scale
    const prior = c.kinds.reduce((a, k, d) => a * (k.endsWith('Mixture') ? c.params[d].filter((_, i) => i % 3 === 0).reduce((x, y) => x + y, 0) : c.params[d][0]), 1);
    const v = gp.variance();
    for (let i = 0; i < v.length; i++) assert.ok(Math.abs(v[i] - c.variance[i]) <= 1e-9 * prior, `variance[${i}] ${v[i]} vs ${c.variance[i]}`);
    const p = gp.predict(c.newPoints.map((x) => Float64Array.from(x)));
    const pscale = Math.max(...c.predictMean.map(Math.abs));
    assert.is(p.mean.length, c.predictMean.length);
    for (let i = 0; i < p.mean.length; i++) assert.ok(Math.abs(p.mean[i] - c.predictMean[i]) <= 1e-9 * pscale, `predict mean[${i}]`);
    for (let i = 0; i < p.variance.length; i++) {
      assert.ok(Math.abs(p.variance[i] - Math.max(0, c.predictVariance[i])) <= 1e-9 * prior, `predict variance[${i}] ${p.variance[i]} vs ${c.predictVariance[i]}`);
    }
    const pm = gp.predict(c.newPoints.map((x) => Float64Array.from(x)), { variance: false });
    assert.is(pm.variance, null);
    assert.equal(Array.from(pm.mean), Array.from(p.mean));
  });
}

test('kernels: matrices follow their formulas; derivatives match central differences', () => {
  const x = Float64Array.of(0, 0.25, 0.625, 1.5, 3);
  const z = Float64Array.of(-1, 0.5, 2);
  const cases = [
    [rbf({ variance: 1.5, lengthscale: 0.75 }), (r) => 1.5 * Math.exp(-0.5 * (r / 0.75) ** 2)],
    [matern12({ variance: 2, lengthscale: 0.5 }), (r) => 2 * Math.exp(-r / 0.5)],
    [matern32({ lengthscale: 1.25 }), (r) => { const u = Math.sqrt(3) * r / 1.25; return (1 + u) * Math.exp(-u); }],
    [matern52({ variance: 0.5, lengthscale: 2 }), (r) => { const u = Math.sqrt(5) * r / 2; return 0.5 * (1 + u + u * u / 3) * Math.exp(-u); }],
    [periodic({ lengthscale: 0.75, period: 1.5 }), (r) => Math.exp(-2 * Math.sin(Math.PI * r / 1.5) ** 2 / 0.5625)],
    [spectralMixture({ weights: [1, 0.5], scales: [0.5, 2], frequencies: [0.75, 3] }),
      (r) => Math.exp(-((0.5 * r) ** 2)) * Math.cos(2 * Math.PI * 0.75 * r) + 0.5 * Math.exp(-((2 * r) ** 2)) * Math.cos(2 * Math.PI * 3 * r)],
    [studentTMixture({ weights: [2], scales: [1.5], frequencies: [0.25] }),
      (r) => { const u = Math.sqrt(5) * 1.5 * r; return 2 * (1 + u + u * u / 3) * Math.exp(-u) * Math.cos(2 * Math.PI * 0.25 * r); }],
  ];
  for (const [k, f] of cases) {
    const K = k.matrix(x, z);
    for (let i = 0; i < x.length; i++) for (let j = 0; j < z.length; j++) {
      const r = Math.abs(x[i] - z[j]);
      assert.ok(Math.abs(K[i * 3 + j] - f(r)) <= 1e-15 * 4, `${k.kind} (${i},${j})`);
    }
    const Kxx = k.matrix(x);
    for (let i = 0; i < x.length; i++) for (let j = 0; j < x.length; j++) assert.is(Kxx[i * 5 + j], Kxx[j * 5 + i]);
    for (let p = 0; p < k.names.length; p++) {
      const dK = k.derivative(x, p, z);
      const h = 1e-6, t0 = k.logParams[p];
      k.logParams[p] = t0 + h; const Kp = k.matrix(x, z);
      k.logParams[p] = t0 - h; const Km = k.matrix(x, z);
      k.logParams[p] = t0;
      for (let i = 0; i < dK.length; i++) {
        assert.ok(Math.abs(dK[i] - (Kp[i] - Km[i]) / (2 * h)) <= 1e-8, `${k.kind} d/dlog ${k.names[p]} [${i}]`);
      }
    }
  }
  const k = periodic({ variance: 2, lengthscale: 0.5, period: 3 });
  assert.equal(k.names, ['variance', 'lengthscale', 'period']);
  const p = k.params;
  assert.ok(Math.abs(p.variance - 2) <= 4e-16 && Math.abs(p.lengthscale - 0.5) <= 1e-16 && Math.abs(p.period - 3) <= 1e-15);
});

test('kernels: input derivatives d^(a+b) k / dx^a dz^b against central differences, symmetry, limits', () => {
  const x = Float64Array.of(-0.7, -0.05, 0, 0.3, 1.1), z = Float64Array.of(-0.4, 0.02, 0.9);
  const kernels = [
    rbf({ variance: 1.5, lengthscale: 0.75 }), matern32({ lengthscale: 1.25 }), matern52({ variance: 0.5, lengthscale: 0.6 }),
    periodic({ lengthscale: 0.75, period: 1.5 }),
    spectralMixture({ weights: [1, 0.5], scales: [0.5, 2], frequencies: [0.75, 1.5] }),
    studentTMixture({ weights: [2, 0.25], scales: [1.5, 0.5], frequencies: [0.25, 1] }),
  ];
  const h = 1e-5;
  for (const k of kernels) {
    const max = k.kind === 'matern32' ? 2 : 4;
    for (let order = 1; order <= max; order++) {
      for (let dz = 0; dz <= order; dz++) {
        const dx = order - dz;
        const K = k.matrix(x, z, { dx, dz });
        // differentiate the lower-order matrix numerically in x (or in z when dx = 0)
        const lower = dx > 0 ? { dx: dx - 1, dz } : { dx, dz: dz - 1 };
        const shift = (v, d) => Float64Array.from(v, (t) => t + d);
        const Kp = dx > 0 ? k.matrix(shift(x, h), z, lower) : k.matrix(x, shift(z, h), lower);
        const Km = dx > 0 ? k.matrix(shift(x, -h), z, lower) : k.matrix(x, shift(z, -h), lower);
        for (let i = 0; i < K.length; i++) {
          // matern kernels are not smooth at tau = 0 beyond their order: skip those entries
          const fd = (Kp[i] - Km[i]) / (2 * h);
          const scale = Math.max(1, Math.abs(K[i]));
          assert.ok(Math.abs(K[i] - fd) <= 2e-5 * scale * (1 + order), `${k.kind} dx=${dx} dz=${dz} [${i}]: ${K[i]} vs ${fd}`);
        }
      }
    }
    // K^(1,1)(x, x) is symmetric, K^(1,0)(x, z) = K^(0,1)(z, x)^T
    const K11 = k.matrix(x, undefined, { dx: 1, dz: 1 });
    for (let i = 0; i < 5; i++) for (let j = 0; j < 5; j++) assert.ok(Math.abs(K11[i * 5 + j] - K11[j * 5 + i]) <= 1e-15 * Math.max(1, Math.abs(K11[i * 5 + j])));
    const A = k.matrix(x, z, { dx: 1 }), B = k.matrix(z, x, { dz: 1 });
    for (let i = 0; i < 5; i++) for (let j = 0; j < 3; j++) assert.is(A[i * 3 + j], B[j * 5 + i]);
  }
  // rbf: d^2 k / dx^2 at tau = 0 is -s2 / l^2
  assert.ok(Math.abs(rbf({ variance: 2, lengthscale: 0.5 }).matrix(Float64Array.of(0), undefined, { dx: 2 })[0] + 8) <= 1e-14);
  assert.throws(() => matern12().matrix(x, z, { dx: 1 }), (e) => e instanceof RangeError && /opts.dx/.test(e.message) && /from 0 to 0/.test(e.message));
  assert.throws(() => matern32().matrix(x, z, { dx: 2, dz: 1 }), (e) => e instanceof RangeError && /at most 2/.test(e.message));
  assert.throws(() => rbf().matrix(x, z, { dx: 1.5 }), (e) => e instanceof TypeError && /opts.dx/.test(e.message));
});

test('KroneckerGP.predict with derivatives: mean vs central differences, variance vs a dense computation', () => {
  const x = Float64Array.from({ length: 7 }, (_, i) => i * 0.3), z = Float64Array.from({ length: 5 }, (_, i) => i * 0.4 - 0.1);
  const y = Float64Array.from({ length: 35 }, (_, i) => Math.sin(i * 0.7) + 0.1 * Math.cos(i * 1.3));
  const k1 = rbf({ variance: 1.5, lengthscale: 0.6 }), k2 = matern52({ lengthscale: 0.8 });
  const gp = new KroneckerGP({ grid: [x, z], kernels: [k1, k2], noise: 0.05 }).fit(y);
  const px = Float64Array.of(0.15, 0.95, 1.7), pz = Float64Array.of(0.05, 0.5);
  const h = 1e-4;
  const sh = (v, d) => Float64Array.from(v, (t) => t + d);
  for (const der of [[1, 0], [0, 1], [2, 0], [1, 1], [0, 2], [2, 2]]) {
    const got = gp.predict([px, pz], { derivative: der });
    // numerical derivative of the prediction one order lower, in the dimension that still has one
    const dim = der[0] > 0 ? 0 : 1;
    const lower = der.slice(); lower[dim]--;
    const pts = (d) => (dim === 0 ? [sh(px, d), pz] : [px, sh(pz, d)]);
    const mp = gp.predict(pts(h), { derivative: lower, variance: false }).mean;
    const mm = gp.predict(pts(-h), { derivative: lower, variance: false }).mean;
    for (let i = 0; i < got.mean.length; i++) {
      const fd = (mp[i] - mm[i]) / (2 * h);
      assert.ok(Math.abs(got.mean[i] - fd) <= 1e-5 * Math.max(1, Math.abs(fd)), `derivative ${der} mean[${i}]: ${got.mean[i]} vs ${fd}`);
    }
    // dense: K = K1 (x) K2 + s2 I, Ks = K*1 (x) K*2, prior = k1^(a,a)(0) k2^(b,b)(0)
    const Ks1 = k1.matrix(px, x, der[0] ? { dx: der[0] } : undefined), Ks2 = k2.matrix(pz, z, der[1] ? { dx: der[1] } : undefined);
    const K1 = k1.matrix(x), K2 = k2.matrix(z);
    const N = 35, K = new Float64Array(N * N);
    for (let i = 0; i < N; i++) for (let j = 0; j < N; j++) K[i * N + j] = K1[Math.floor(i / 5) * 7 + Math.floor(j / 5)] * K2[(i % 5) * 5 + (j % 5)] + (i === j ? 0.05 : 0);
    const L = cholesky(K, N);
    const prior = k1.matrix(Float64Array.of(0), undefined, { dx: der[0], dz: der[0] })[0] * k2.matrix(Float64Array.of(0), undefined, { dx: der[1], dz: der[1] })[0];
    for (let a = 0; a < 3; a++) for (let b = 0; b < 2; b++) {
      const ks = Float64Array.from({ length: N }, (_, j) => Ks1[a * 7 + Math.floor(j / 5)] * Ks2[b * 5 + (j % 5)]);
      const v = choleskySolve(L, ks);
      let q = 0;
      for (let j = 0; j < N; j++) q += ks[j] * v[j];
      assert.ok(Math.abs(got.variance[a * 2 + b] - Math.max(0, prior - q)) <= 1e-10 * Math.max(1, prior), `derivative ${der} variance[${a * 2 + b}]`);
    }
  }
  assert.throws(() => gp.predict([px, pz], { derivative: [1] }), (e) => e instanceof TypeError && /opts.derivative/.test(e.message));
  assert.throws(() => gp.predict([px, pz], { derivative: [-1, 0] }), (e) => e instanceof RangeError && /opts.derivative\[0\]/.test(e.message));
  assert.throws(() => gp.predict([px, pz], { derivative: [0, 3] }), (e) => e instanceof RangeError && /opts.derivative\[1\]/.test(e.message) && /order 6/.test(e.message));
  assert.throws(() => gp.predict([px, pz], { derivative: [5, 0], variance: false }), (e) => e instanceof RangeError && /opts.dx/.test(e.message));
});

test('KroneckerGP: hyperparameters round trip and refit; gradient is the derivative of the LML', () => {
  const { gp, y } = buildCase(DENSE.cases[0]);
  gp.fit(y);
  const h0 = gp.hyperparameters;
  const g = gp.gradient();
  const eps = 1e-6;
  for (let i = 0; i < h0.length; i++) {
    const hp = h0.slice(); hp[i] += eps; gp.hyperparameters = hp;
    const lp = gp.logMarginalLikelihood();
    const hm = h0.slice(); hm[i] -= eps; gp.hyperparameters = hm;
    const lm = gp.logMarginalLikelihood();
    assert.ok(Math.abs((lp - lm) / (2 * eps) - g[i]) <= 1e-6 * Math.max(1, Math.abs(g[i])), `d/d ${gp.hyperparameterNames[i]}`);
  }
  gp.hyperparameters = h0;
  assert.equal(Array.from(gp.hyperparameters), Array.from(h0));
  assert.ok(Math.abs(gp.noise - DENSE.cases[0].noise) <= 1e-16);
});

function smoothData() {
  // y = sin(3 x) cos(2 z) + 0.05 (uniform noise) on a 30 x 25 grid
  const x = Float64Array.from({ length: 30 }, (_, i) => i / 10), z = Float64Array.from({ length: 25 }, (_, i) => i / 8);
  const next = lcg(12345);
  const y = new Float64Array(750);
  for (let i = 0; i < 30; i++) for (let j = 0; j < 25; j++) y[i * 25 + j] = Math.sin(3 * x[i]) * Math.cos(2 * z[j]) + 0.05 * ((next() - 1048576) / 1048576);
  return { x, z, y };
}

test('optimize (L-BFGS): reaches a stationary point of log p and improves it', () => {
  const { x, z, y } = smoothData();
  const gp = new KroneckerGP({ grid: [x, z], kernels: [rbf(), matern52()], noise: 0.5 }).fit(y);
  const l0 = gp.logMarginalLikelihood();
  const seen = [];
  const r = gp.optimize({ onProgress: (p) => seen.push(p.iteration) });
  assert.ok(r.converged, `reason ${r.reason}`);
  assert.ok(r.logMarginalLikelihood > l0 + 100, `${l0} -> ${r.logMarginalLikelihood}`);
  assert.is(r.logMarginalLikelihood, gp.logMarginalLikelihood());
  const g = gp.gradient();
  for (let i = 0; i < g.length; i++) assert.ok(Math.abs(g[i]) <= 1e-3, `gradient ${gp.hyperparameterNames[i]} = ${g[i]}`);
  assert.equal(seen, Array.from({ length: r.iterations }, (_, i) => i + 1));
  // the noise found is near the variance of the added noise (0.05^2 / 3 = 8.3e-4)
  assert.ok(gp.noise > 2e-4 && gp.noise < 3e-3, `noise ${gp.noise}`);
});

test('optimize (L-BFGS) finds the maximum scipy L-BFGS-B finds on the dense GP', () => {
  const o = DENSE.optimum;
  const gp = new KroneckerGP({ grid: o.grid.map((x) => Float64Array.from(x)), kernels: [rbf(), matern52()], noise: o.noise });
  gp.fit(Float64Array.from(o.y));
  const r = gp.optimize({ gtol: 1e-7 });
  assert.ok(r.converged, r.reason);
  assert.ok(Math.abs(r.logMarginalLikelihood - o.logMarginalLikelihood) <= 1e-9 * Math.abs(o.logMarginalLikelihood),
    `log p ${r.logMarginalLikelihood} vs scipy ${o.logMarginalLikelihood}`);
  // the two signal variances only enter through their product: compare the identifiable
  // combination log s2_1 + log s2_2, the length scales and the noise
  const h = gp.hyperparameters, ref = o.hyperparameters;
  const ident = (v) => [v[0] + v[2], v[1], v[3], v[4]];
  ident(h).forEach((v, i) => assert.ok(Math.abs(v - ident(ref)[i]) <= 1e-4, `parameter ${i}: ${v} vs ${ident(ref)[i]}`));
});

test('optimize (Adam): improves log p towards the L-BFGS optimum; maxIter, abort', () => {
  const { x, z, y } = smoothData();
  const make = () => new KroneckerGP({ grid: [x, z], kernels: [rbf(), matern52()], noise: 0.5 }).fit(y);
  const best = make().optimize().logMarginalLikelihood;
  const gp = make();
  const l0 = gp.logMarginalLikelihood();
  const r = gp.optimize({ method: 'adam', lr: 0.1, maxIter: 400 });
  assert.ok(r.logMarginalLikelihood > l0 && r.logMarginalLikelihood <= best + 1e-6 * Math.abs(best), `${l0} -> ${r.logMarginalLikelihood} (best ${best})`);
  assert.ok(best - r.logMarginalLikelihood <= 0.01 * (best - l0), `adam reached ${r.logMarginalLikelihood}, L-BFGS ${best}`);
  const r2 = make().optimize({ maxIter: 2 });
  assert.equal([r2.iterations, r2.converged, r2.reason], [2, false, 'maxIter']);
  const signal = { aborted: false };
  const r3 = make().optimize({ method: 'adam', signal, onProgress: (p) => { if (p.iteration === 3) signal.aborted = true; } });
  assert.equal([r3.iterations, r3.converged, r3.reason], [3, false, 'aborted']);
  assert.throws(() => make().optimize({ method: 'newton' }), (e) => e instanceof RangeError && /opts.method/.test(e.message));
  assert.throws(() => make().optimize({ lr: -1 }), (e) => e instanceof RangeError && /opts.lr/.test(e.message));
  assert.throws(() => new KroneckerGP({ grid: [x, z], kernels: [rbf(), rbf()], noise: 1 }).optimize(), /fit\(y\) first/);
});

test('KroneckerGP: bad input', () => {
  const x = Float64Array.of(0, 1, 2);
  const k = rbf();
  const make = (o) => () => new KroneckerGP({ grid: [x, x], kernels: [k, k], noise: 0.1, ...o });
  assert.throws(make({ noise: -1 }), (e) => e instanceof RangeError && /opts.noise/.test(e.message));
  assert.throws(make({ noise: 0 }), (e) => e instanceof RangeError && /opts.noise/.test(e.message));
  assert.throws(make({ noise: '1' }), (e) => e instanceof TypeError && /opts.noise/.test(e.message));
  assert.throws(make({ grid: [x, Float64Array.of(0, 1, 1)] }), (e) => e instanceof RangeError && /opts.grid\[1\]\[2\]/.test(e.message) && /strictly increasing/.test(e.message));
  assert.throws(make({ grid: [x, Float64Array.of(0, 2, 1)] }), (e) => e instanceof RangeError && /opts.grid\[1\]\[2\]/.test(e.message));
  assert.throws(make({ grid: [x, Float64Array.of(0, NaN)] }), (e) => e instanceof RangeError && /opts.grid\[1\]\[1\]/.test(e.message));
  assert.throws(make({ grid: [x, [0, 1]] }), (e) => e instanceof TypeError && /opts.grid\[1\]/.test(e.message));
  assert.throws(make({ kernels: [k] }), (e) => e instanceof RangeError && /opts.kernels/.test(e.message));
  assert.throws(make({ kernels: [k, {}] }), (e) => e instanceof TypeError && /opts.kernels\[1\]/.test(e.message));
  const gp = make({})();
  assert.throws(() => gp.mean(), /fit\(y\) first/);
  assert.throws(() => gp.fit(new Float64Array(8)), (e) => e instanceof RangeError && /`y`/.test(e.message) && /9/.test(e.message));
  const y = new Float64Array(9); y[4] = Infinity;
  assert.throws(() => gp.fit(y), (e) => e instanceof RangeError && /`y\[4\]`/.test(e.message));
  gp.fit(Float64Array.of(0.5, -1, 0.25, 2, 0, -0.75, 1, 1.5, -2));
  assert.throws(() => gp.predict([x]), (e) => e instanceof TypeError && /`points`/.test(e.message));
  assert.throws(() => gp.predict([x, Float64Array.of(0, NaN)]), (e) => e instanceof RangeError && /`points\[1\]\[1\]`/.test(e.message));
  assert.throws(() => gp.predict([x, x], { variance: 1 }), (e) => e instanceof TypeError && /opts.variance/.test(e.message));
  // at the grid itself predict() agrees with mean() (K alpha vs y - s2 alpha) and variance()
  const same = gp.predict([x, x]), m0 = gp.mean(), v0 = gp.variance();
  for (let i = 0; i < 9; i++) {
    assert.ok(Math.abs(same.mean[i] - m0[i]) <= 1e-14 * 4, `mean ${i}`);
    assert.ok(Math.abs(same.variance[i] - v0[i]) <= 1e-14 * 4, `variance ${i}`);
  }
  assert.throws(() => rbf({ lengthscale: -1 }), (e) => e instanceof RangeError && /opts.lengthscale/.test(e.message));
  assert.throws(() => periodic({ period: 0 }), (e) => e instanceof RangeError && /opts.period/.test(e.message));
  assert.throws(() => spectralMixture({ weights: [1], scales: [1, 2], frequencies: [1] }), (e) => e instanceof RangeError && /opts.scales/.test(e.message));
  assert.throws(() => spectralMixture({ weights: [], scales: [], frequencies: [] }), (e) => e instanceof RangeError && /opts.weights/.test(e.message));
  assert.throws(() => studentTMixture({ weights: [1], scales: [1], frequencies: [-1] }), (e) => e instanceof RangeError && /opts.frequencies\[0\]/.test(e.message));
  assert.throws(() => studentTMixture({ weights: [1], scales: [1] }), (e) => e instanceof TypeError && /opts.frequencies/.test(e.message));
  assert.throws(() => studentTMixture({ weights: [1, undefined], scales: [1, 1], frequencies: [1, 1] }), (e) => e instanceof TypeError && /opts.weights\[1\]/.test(e.message));
  assert.throws(() => k.derivative(x, 2), (e) => e instanceof RangeError && /`which`/.test(e.message));
  assert.throws(() => new Kernel1D('rbf', ['variance'], [1]), (e) => e instanceof RangeError && /`values`/.test(e.message));
  assert.throws(() => new Kernel1D('spectralMixture', ['a', 'b'], [1, 1]), (e) => e instanceof RangeError && /three values per component/.test(e.message));
  assert.throws(() => new Kernel1D('rbf', ['variance', 'lengthscale'], [1, -2]), (e) => e instanceof RangeError && /`values\[1\]`/.test(e.message));
  assert.throws(() => new Kernel1D('cosine', ['a'], [1]), (e) => e instanceof RangeError && /`kind`/.test(e.message));
  assert.throws(() => { gp.hyperparameters = new Float64Array(3); }, (e) => e instanceof RangeError && /hyperparameters/.test(e.message));
});

test.run();
