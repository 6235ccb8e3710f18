// Tour of dense linear algebra and the grid GP: symEig, cholesky, kronMatvec on built-in matrices
// with their residuals, and a Kronecker-structured GP regression on a 2-D grid with its error
// against the noiseless truth. References here are plain JS in double (the yardstick, not a
// library path).

import { lcgValues } from '../lib/data.js';
import { periodogramPeak } from '../lib/gp.js';

export const title = 'Linear algebra and grid GPs: symEig, cholesky, kronMatvec, KroneckerGP';

const now = () => performance.now();

function randomSymmetric(n, seed) {
  const r = lcgValues(n * n, seed);
  const A = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let j = 0; j <= i; j++) A[i * n + j] = A[j * n + i] = r[i * n + j];
  return A;
}

function transpose(M, n) {
  const T = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) T[j * n + i] = M[i * n + j];
  return T;
}

function frob(a) {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * a[i];
  return Math.sqrt(s);
}

function eigSection(sk, log) {
  log.heading('symEig(A, n): Householder + implicit QL/QR; residual and orthogonality');
  const rows = [];
  for (const n of [50, 300]) {
    const A = randomSymmetric(n, n);
    const t0 = now();
    const { values, vectors: Q } = sk.symEig(A, n);
    const ms = now() - t0;
    const AQ = sk.matmul(A, Q, n, n, n);
    const R = new Float64Array(n * n);
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) R[i * n + j] = AQ[i * n + j] - Q[i * n + j] * values[j];
    const QtQ = new Float64Array(n * n);
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) {
      let s = 0;
      for (let k = 0; k < n; k++) s += Q[k * n + i] * Q[k * n + j];
      QtQ[i * n + j] = s - (i === j ? 1 : 0);
    }
    const res = frob(R) / frob(A), orth = frob(QtQ);
    rows.push([n, res.toExponential(1), orth.toExponential(1), `${ms.toFixed(1)} ms`,
      log.check(`symEig n=${n} residual`, res, 1e-13) === 'ok' && log.check(`symEig n=${n} orthogonality`, orth, 1e-13) === 'ok' ? 'ok' : 'ABOVE']);
  }
  log.table(['n', '||AQ-QL||/||A||', '||QtQ-I||', 'time', ''], rows);
}

function cholSection(sk, log) {
  log.heading('cholesky(A, n) and choleskySolve: A = B B^T + n I');
  const n = 300;
  const Bm = lcgValues(n * n, 7);
  const Bt = transpose(Bm, n);
  const A = sk.matmul(Bm, Bt, n, n, n);
  for (let i = 0; i < n; i++) A[i * n + i] += n;
  const t0 = now();
  const L = sk.cholesky(A, n);
  const ms = now() - t0;
  const LLt = sk.matmul(L, transpose(L, n), n, n, n);
  const D = LLt.map((v, i) => v - A[i]);
  log.result(`n=${n}: ||LL^T - A|| / ||A|| (${ms.toFixed(1)} ms)`, frob(D) / frob(A), 1e-14);
  const b = lcgValues(n, 9);
  const x = sk.choleskySolve(L, b);
  const Ax = sk.matmul(A, x, n, n, 1);
  log.result('choleskySolve: ||Ax - b|| / ||b||', frob(Ax.map((v, i) => v - b[i])) / frob(b), 1e-12);
  const bad = A.slice();
  bad[5 * n + 5] = -1e6;
  try { sk.cholesky(bad, n); log('a matrix that is not positive definite: no error (unexpected)'); }
  catch (e) { log(`a matrix that is not positive definite: ${e.name}: ${e.message.slice(0, 110)}...`); }
}

function kronSection(sk, log) {
  log.heading('kronMatvec(factors, x): (A1 (x) A2 (x) A3) x, never forming the product');
  const dims = [4, 5, 6];
  const F = dims.map((d, k) => lcgValues(d * d, 20 + k));
  const N = dims.reduce((a, b) => a * b, 1);
  const x = lcgValues(N, 30);
  const got = sk.kronMatvec(F, x);
  // explicit Kronecker product, row-major like np.kron
  const ref = new Float64Array(N);
  for (let i = 0; i < N; i++) {
    const [i1, i2, i3] = [Math.floor(i / 30), Math.floor(i / 6) % 5, i % 6];
    let s = 0;
    for (let j = 0; j < N; j++) {
      const [j1, j2, j3] = [Math.floor(j / 30), Math.floor(j / 6) % 5, j % 6];
      s += F[0][i1 * 4 + j1] * F[1][i2 * 5 + j2] * F[2][i3 * 6 + j3] * x[j];
    }
    ref[i] = s;
  }
  log.result('4 x 5 x 6 against the explicit 120 x 120 product, relative error', frob(got.map((v, i) => v - ref[i])) / frob(ref), 1e-14);
}

function gpSection(sk, log) {
  log.heading('KroneckerGP on a 2-D grid: exact GP regression without forming the covariance');
  const m = 80;
  const grid = [new Float64Array(m), new Float64Array(m)];
  for (let i = 0; i < m; i++) { grid[0][i] = (2 * i) / (m - 1); grid[1][i] = (2 * i) / (m - 1); }
  const truth = new Float64Array(m * m);
  const y = new Float64Array(m * m);
  const noise = lcgValues(m * m, 44);
  const sigma = 0.05;
  for (let i = 0; i < m; i++) for (let j = 0; j < m; j++) {
    const a = grid[0][i], b = grid[1][j];
    truth[i * m + j] = Math.sin(3 * a) * Math.cos(2 * b) + 0.5 * Math.sin(2 * a * b);
    y[i * m + j] = truth[i * m + j] + sigma * Math.sqrt(3) * noise[i * m + j]; // uniform, std sigma
  }
  const gp = new sk.KroneckerGP({ grid, kernels: [sk.matern52({ lengthscale: 1 }), sk.matern52({ lengthscale: 1 })], noise: 0.1 });
  gp.fit(y);
  const before = gp.logMarginalLikelihood();
  const t0 = now();
  const r = gp.optimize({ method: 'lbfgs', maxIter: 50 });
  const ms = now() - t0;
  const mu = gp.mean();
  let e2 = 0, t2 = 0;
  for (let i = 0; i < mu.length; i++) { e2 += (mu[i] - truth[i]) ** 2; t2 += truth[i] ** 2; }
  const rmse = Math.sqrt(e2 / mu.length);
  log(`${m} x ${m} grid (${m * m} points), Matern-5/2 x Matern-5/2, noise std ${sigma}`);
  log(`optimize (L-BFGS): log p(y) ${before.toFixed(1)} -> ${r.logMarginalLikelihood.toFixed(1)} in ${r.iterations} iterations (${r.reason}), ${ms.toFixed(0)} ms`);
  log.result('posterior mean vs the noiseless truth, RMSE (noise std 0.05)', rmse, 0.02);

  const n = 400;
  const g2 = [new Float64Array(n), new Float64Array(n)];
  for (let i = 0; i < n; i++) { g2[0][i] = i / n; g2[1][i] = i / n; }
  const y2 = lcgValues(n * n, 5);
  const big = new sk.KroneckerGP({ grid: g2, kernels: [sk.rbf({ lengthscale: 0.1 }), sk.rbf({ lengthscale: 0.1 })], noise: 0.01 });
  const t1 = now();
  big.fit(y2);
  const lml = big.logMarginalLikelihood();
  const grad = big.gradient();
  const ms2 = now() - t1;
  log(`400 x 400 grid (160,000 points; a dense covariance would be 205 GB): fit + log p(y) + gradient (${grad.length} hyperparameters) in ${ms2.toFixed(0)} ms, log p(y) = ${lml.toFixed(1)}`);
  log.check('400 x 400 fit + gradient under 1 s', ms2, 1000);
}

function spectralSection(sk, log, n) {
  log.heading(`learning a spectral-mixture kernel: y = sin(100 x) sin(100 y) + noise on a ${n} x ${n} grid of [0, 2 pi]^2`);
  const x = new Float64Array(n);
  for (let i = 0; i < n; i++) x[i] = (2 * Math.PI * i) / (n - 1);
  const N = n * n, y = new Float64Array(N), truth = new Float64Array(N);
  const u = lcgValues(2 * N, 77);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) {
    const k = i * n + j;
    truth[k] = Math.sin(100 * x[i]) * Math.sin(100 * x[j]);
    // Gaussian noise, std 0.1, by Box-Muller on the integer-generated uniforms (tour data)
    const a = (u[2 * k] + 1) / 2 + 1e-12, b = (u[2 * k + 1] + 1) / 2;
    y[k] = truth[k] + 0.1 * Math.sqrt(-2 * Math.log(a)) * Math.cos(2 * Math.PI * b);
  }
  const f0 = periodogramPeak(sk, y, n, x, 0), f1 = periodogramPeak(sk, y, n, x, 1);
  const mixture = (f) => sk.spectralMixture({ weights: [0.5], scales: [0.5], frequencies: [f] });
  const gp = new sk.KroneckerGP({ grid: [x, x], kernels: [mixture(f0), mixture(f1)], noise: 0.05 });
  gp.fit(y);
  const before = gp.logMarginalLikelihood();
  const t0 = now();
  const r = gp.optimize({ method: 'lbfgs', maxIter: 30 });
  const ms = now() - t0;
  const learned = gp.kernels.map((k) => k.params['frequency[0]']);
  const mu = gp.mean();
  let e2 = 0;
  for (let i = 0; i < N; i++) e2 += (mu[i] - truth[i]) ** 2;
  const trueF = 100 / (2 * Math.PI);
  log(`start: the periodogram peaks (our rfft) at ${f0.toFixed(3)}, ${f1.toFixed(3)} cycles/unit; the grid's Nyquist frequency is ${((n - 1) / (4 * Math.PI)).toFixed(3)}, the signal's ${(100 / (2 * Math.PI)).toFixed(3)}`);
  log(`optimize (L-BFGS, ${r.iterations} iterations, ${ms.toFixed(0)} ms): log p(y) ${before.toFixed(0)} -> ${r.logMarginalLikelihood.toFixed(0)}; learned noise variance ${gp.noise.toExponential(2)} (true 1.0e-2)`);
  const fN = (n - 1) / (4 * Math.PI);
  const worst = Math.max(...learned.map((f) => Math.abs(f / trueF - 1)));
  if (trueF < fN) {
    log.result(`learned frequencies ${learned.map((f) => f.toFixed(4)).join(', ')} vs 100 / 2 pi = ${trueF.toFixed(4)}: worst relative error`, worst, 1e-3);
  } else {
    // above Nyquist: f and its mirror 2 fN - f give the same kernel matrix on this grid
    log(`learned frequencies ${learned.map((f) => f.toFixed(4)).join(', ')}: each is ${trueF.toFixed(4)} or its mirror ${(2 * fN - trueF).toFixed(4)} about`);
    log(`Nyquist (${fN.toFixed(3)}): on this grid the two give the same kernel matrix and likelihood, so the samples cannot tell them apart`);
  }
  log.result('posterior mean vs the noiseless truth on the grid, RMSE (noise std 0.1)', Math.sqrt(e2 / N), 0.01);
}

export async function tour(sk, log) {
  eigSection(sk, log);
  cholSection(sk, log);
  kronSection(sk, log);
  gpSection(sk, log);
  spectralSection(sk, log, 256);
  spectralSection(sk, log, 200);
}
