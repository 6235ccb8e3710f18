// Conformance cases for the grid-GP family: the 1-D kernels (matrices and every derivative) and
// KroneckerGP (mean, log marginal likelihood, gradient, hyperparameter round trip, error texts).
// Inputs from integer arithmetic only (inputs.js): grid points are integers over powers of two.

import { seedOf, f64s, pow2neg, errorBytes } from '../inputs.js';


export const cases = [];
function add(name, run) {
  cases.push({ name, run });
}

/** n strictly increasing points: partial sums of steps in [1/16, 1/2], exact dyadics. */
function points(n, seed) {
  const v = f64s(n, seed);
  const x = new Float64Array(n);
  let s = 0;
  for (let i = 0; i < n; i++) { s += (9 + Math.floor((v[i] + 1) * 28)) * pow2neg(6); x[i] = s; }
  return x;
}

const KERNELS = {
  rbf: (sk) => sk.rbf({ variance: 1.5, lengthscale: 0.75 }),
  matern12: (sk) => sk.matern12({ variance: 0.5, lengthscale: 1.25 }),
  matern32: (sk) => sk.matern32({ lengthscale: 0.625 }),
  matern52: (sk) => sk.matern52({ variance: 2, lengthscale: 0.375 }),
  periodic: (sk) => sk.periodic({ variance: 1, lengthscale: 0.75, period: 1.5 }),
  spectralMixture: (sk) => sk.spectralMixture({ weights: [1, 0.25], scales: [0.5, 2], frequencies: [0.75, 2.5] }),
  studentTMixture: (sk) => sk.studentTMixture({ weights: [0.5, 1, 0.125], scales: [1.5, 0.25, 3], frequencies: [0.375, 1, 4] }),
};

for (const [kind, make] of Object.entries(KERNELS)) {
  const name = `gp/kernel/${kind}`;
  add(name, (sk) => {
    const k = make(sk);
    const x = points(13, seedOf(name)), z = points(7, seedOf(name) ^ 5);
    const outs = [k.matrix(x), k.matrix(x, z), k.logParams];
    for (let p = 0; p < k.names.length; p++) outs.push(k.derivative(x, p, z));
    const max = kind === 'matern12' ? 0 : kind === 'matern32' ? 2 : 4;
    for (let dx = 0; dx <= 2; dx++) for (let dz = 0; dz <= 2; dz++) {
      if (dx + dz > 0 && dx + dz <= max) outs.push(k.matrix(x, z, { dx, dz }));
    }
    return outs;
  });
}

add('gp/kernel/Kernel1D-constructor', (sk) => {
  const k = new sk.Kernel1D('matern32', ['variance', 'lengthscale'], [0.75, 1.25]);
  const x = points(9, seedOf('gp/kernel/Kernel1D-constructor'));
  return [k.matrix(x), k.derivative(x, 1), k.logParams];
});

for (const [kinds, sizes] of [[['rbf', 'matern52'], [12, 9]], [['matern12', 'matern32', 'periodic'], [5, 6, 4]], [['rbf', 'rbf'], [40, 33]],
  [['spectralMixture', 'studentTMixture'], [10, 8]]]) {
  const name = `gp/KroneckerGP/${kinds.join('-')}/${sizes.join('x')}`;
  add(name, (sk) => {
    const s = seedOf(name);
    const grid = sizes.map((n, d) => points(n, s + d));
    const N = sizes.reduce((a, b) => a * b, 1);
    const gp = new sk.KroneckerGP({ grid, kernels: kinds.map((k) => KERNELS[k](sk)), noise: 0.125 });
    gp.fit(f64s(N, s ^ 7));
    const p = gp.predict(sizes.map((n, d) => points(5, s + 11 + d).map((v, i) => v - (i & 1) * 0.75)));
    return [gp.mean(), gp.alpha(), Float64Array.of(gp.logMarginalLikelihood()), gp.gradient(), gp.hyperparameters,
      gp.variance(), p.mean, p.variance];
  });
}
add('gp/KroneckerGP/predict-derivatives', (sk) => {
  const s = seedOf('gp/KroneckerGP/predict-derivatives');
  const gp = new sk.KroneckerGP({ grid: [points(9, s), points(7, s + 1)], kernels: [sk.rbf({ lengthscale: 0.5 }), sk.studentTMixture({ weights: [1], scales: [1], frequencies: [0.5] })], noise: 0.125 });
  gp.fit(f64s(63, s + 2));
  const outs = [];
  for (const derivative of [[1, 0], [2, 0], [0, 2], [1, 1], [2, 2]]) {
    const r = gp.predict([points(4, s + 3), points(3, s + 4)], { derivative });
    outs.push(r.mean, r.variance);
  }
  return outs;
});
add('gp/KroneckerGP/set-hyperparameters-refits', (sk) => {
  const s = seedOf('gp/KroneckerGP/set-hyperparameters-refits');
  const gp = new sk.KroneckerGP({ grid: [points(8, s), points(6, s + 1)], kernels: [sk.rbf(), sk.matern32()], noise: 0.25 });
  gp.fit(f64s(48, s + 2));
  const h = gp.hyperparameters;
  h[1] -= 0.5; h[4] += 0.25;
  gp.hyperparameters = h;
  return [gp.mean(), Float64Array.of(gp.logMarginalLikelihood(), gp.noise), gp.gradient()];
});
for (const method of ['lbfgs', 'adam']) {
  const name = `gp/KroneckerGP/optimize/${method}`;
  add(name, (sk) => {
    const s = seedOf(name);
    const gp = new sk.KroneckerGP({ grid: [points(14, s), points(11, s + 1)], kernels: [sk.rbf(), sk.matern32()], noise: 0.5 });
    gp.fit(f64s(154, s + 2));
    const r = gp.optimize({ method, maxIter: method === 'adam' ? 15 : 6, lr: 0.1 });
    return [gp.hyperparameters, Float64Array.of(r.iterations, r.logMarginalLikelihood, r.converged ? 1 : 0)];
  });
}
add('gp/errors', (sk) => {
  const x = points(3, 1), k = sk.rbf();
  return [
    errorBytes(() => new sk.KroneckerGP({ grid: [x], kernels: [k], noise: -1 })),
    errorBytes(() => new sk.KroneckerGP({ grid: [Float64Array.of(0, 1, 1)], kernels: [k], noise: 1 })),
    errorBytes(() => new sk.KroneckerGP({ grid: [x, x], kernels: [k], noise: 1 })),
    errorBytes(() => new sk.KroneckerGP({ grid: [x], kernels: [k], noise: 1 }).fit(new Float64Array(4))),
    errorBytes(() => new sk.KroneckerGP({ grid: [x], kernels: [k], noise: 1 }).fit(Float64Array.of(0, NaN, 0))),
    errorBytes(() => new sk.KroneckerGP({ grid: [x], kernels: [k], noise: 1 }).mean()),
    errorBytes(() => new sk.KroneckerGP({ grid: [x], kernels: [k], noise: 1 }).fit(x).predict([x, x])),
    errorBytes(() => sk.rbf({ lengthscale: 0 })),
    errorBytes(() => sk.periodic({ period: 'x' })),
    errorBytes(() => sk.spectralMixture({ weights: [1], scales: [1, 2], frequencies: [1] })),
    errorBytes(() => sk.studentTMixture({ weights: [1], scales: [1], frequencies: [0] })),
    errorBytes(() => sk.matern12().matrix(x, x, { dx: 1 })),
    errorBytes(() => sk.matern32().matrix(x, x, { dx: 2, dz: 1 })),
  ];
});
