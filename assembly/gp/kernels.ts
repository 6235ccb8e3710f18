// Stationary 1-D covariance functions on grids, with analytic derivatives with respect to their
// log-parameters, for the Kronecker-structured GP (ts/gp/). Every exp/sin/cos is evaluated here so
// that kernel matrices are bit-identical in every runtime.
//
// Parameters are held in the log domain, theta = (log s2, log l[, log p]), r = |x - z|:
//   rbf        k = s2 exp(-r^2 / (2 l^2))             dk/dlog l = k r^2 / l^2
//   matern12   k = s2 exp(-u),         u = r / l        dk/dlog l = s2 u e^-u
//   matern32   k = s2 (1 + u) e^-u,    u = sqrt3 r / l  dk/dlog l = s2 u^2 e^-u
//   matern52   k = s2 (1 + u + u^2/3) e^-u, u = sqrt5 r / l
//                                                      dk/dlog l = s2 (u^2/3)(1 + u) e^-u
//   periodic   k = s2 exp(-2 sin^2(pi r / p) / l^2)     (MacKay 1998)
//                                                      dk/dlog l = k 4 sin^2(pi r/p) / l^2
//                                                      dk/dlog p = k (2/l^2) sin(2 pi r/p) (pi r/p)
// and dk/dlog s2 = k for all (Rasmussen & Williams, Gaussian Processes for ML, 2006, ch. 4).
// Mixtures of Q components, theta = (log w_q, log rho_q, log mu_q) for q = 0..Q-1, c_q = cos(2 pi mu_q r):
//   spectralMixture  sum_q w_q exp(-rho_q^2 r^2) c_q   (Gaussian spectrum; Wilson & Adams, ICML 2013)
//                    dk/dlog rho_q = -2 rho_q^2 r^2 (term q)
//   studentTMixture  sum_q w_q M(u_q) c_q, M(u) = (1 + u + u^2/3) e^-u, u_q = sqrt5 rho_q r
//                    (Student-t spectrum, a Matern-5/2 envelope; GP-HFM, Fang et al. 2024)
//                    dk/dlog rho_q = -w_q c_q (u_q^2/3)(1 + u_q) e^-u_q
//   both             dk/dlog w_q = term q,  dk/dlog mu_q = -w_q env_q sin(2 pi mu_q r) 2 pi mu_q r

import { ldf, stf } from "../linalg/blas";

export const KIND_RBF = 0;
export const KIND_MATERN12 = 1;
export const KIND_MATERN32 = 2;
export const KIND_MATERN52 = 3;
export const KIND_PERIODIC = 4;
export const KIND_SPECTRAL_MIXTURE = 5;
export const KIND_STUDENT_T_MIXTURE = 6;

const SQRT3: f64 = 1.7320508075688772;
const SQRT5: f64 = 2.23606797749979;

/** Number of log-parameters of a kernel kind with q mixture components (0 for an unknown kind). */
export function gpKernelParamCount(kind: i32, q: i32): i32 {
  if (kind >= KIND_RBF && kind <= KIND_MATERN52) return 2;
  if (kind == KIND_PERIODIC) return 3;
  if (kind == KIND_SPECTRAL_MIXTURE || kind == KIND_STUDENT_T_MIXTURE) return 3 * q;
  return 0;
}

/** One mixture component (w, rho, mu exponentiated) or its derivative (part 0, 1, 2; -1 value). */
@inline function mixtureTerm(student: bool, r: f64, w: f64, rho: f64, mu: f64, part: i32): f64 {
  let env: f64, denv: f64 = 0;
  if (student) {
    const u = SQRT5 * rho * r;
    const e = Math.exp(-u);
    env = (1.0 + u + u * u / 3.0) * e;
    if (part == 1) denv = -(u * u / 3.0) * (1.0 + u) * e;
  } else {
    const t = rho * r;
    env = Math.exp(-t * t);
    if (part == 1) denv = -2.0 * t * t * env;
  }
  const a = 2.0 * Math.PI * mu * r;
  if (part == 2) return -w * env * Math.sin(a) * a;
  const c = Math.cos(a);
  return part == 1 ? w * denv * c : w * env * c;
}

function mixtureMatrix(student: bool, theta: usize, q: i32, x: usize, n: i32, z: usize, m: i32, out: usize, which: i32): void {
  if (which >= 0) {
    // the derivative involves component which/3 only
    const c = which / 3;
    const w = Math.exp(ldf(theta, 3 * c)), rho = Math.exp(ldf(theta, 3 * c + 1)), mu = Math.exp(ldf(theta, 3 * c + 2));
    const part = which % 3 == 0 ? -1 : which % 3;
    for (let i = 0; i < n; i++) {
      const xi = ldf(x, i);
      const row = out + (<usize>i * <usize>m << 3);
      for (let j = 0; j < m; j++) stf(row, j, mixtureTerm(student, Math.abs(xi - ldf(z, j)), w, rho, mu, part));
    }
    return;
  }
  memory.fill(out, 0, <usize>n * <usize>m << 3);
  // components outermost: each entry accumulates its terms in component order
  for (let c = 0; c < q; c++) {
    const w = Math.exp(ldf(theta, 3 * c)), rho = Math.exp(ldf(theta, 3 * c + 1)), mu = Math.exp(ldf(theta, 3 * c + 2));
    for (let i = 0; i < n; i++) {
      const xi = ldf(x, i);
      const row = out + (<usize>i * <usize>m << 3);
      for (let j = 0; j < m; j++) stf(row, j, ldf(row, j) + mixtureTerm(student, Math.abs(xi - ldf(z, j)), w, rho, mu, -1));
    }
  }
}

/** k(r), or dk/dtheta_which when which >= 0, for the parameters s2, l, p (already exponentiated). */
@inline function evalKernel(kind: i32, r: f64, s2: f64, l: f64, p: f64, which: i32): f64 {
  if (kind == KIND_RBF) {
    const t = r / l;
    const k = s2 * Math.exp(-0.5 * t * t);
    return which == 1 ? k * t * t : k;
  }
  if (kind == KIND_MATERN12) {
    const u = r / l;
    const e = s2 * Math.exp(-u);
    return which == 1 ? e * u : e;
  }
  if (kind == KIND_MATERN32) {
    const u = SQRT3 * r / l;
    const e = s2 * Math.exp(-u);
    return which == 1 ? e * u * u : e * (1.0 + u);
  }
  if (kind == KIND_MATERN52) {
    const u = SQRT5 * r / l;
    const e = s2 * Math.exp(-u);
    return which == 1 ? e * (u * u / 3.0) * (1.0 + u) : e * (1.0 + u + u * u / 3.0);
  }
  // periodic
  const a = Math.PI * r / p;
  const s = Math.sin(a);
  const il2 = 1.0 / (l * l);
  const k = s2 * Math.exp(-2.0 * s * s * il2);
  if (which == 1) return k * 4.0 * s * s * il2;
  if (which == 2) return k * 2.0 * il2 * Math.sin(2.0 * a) * a;
  return k;
}

// ---- derivatives in the inputs --------------------------------------------------------------------
// For k(x, z) = kappa(tau), tau = x - z: d^(a+b) k / dx^a dz^b = (-1)^b kappa^(a+b)(tau). kappa^(n)
// for n <= 4, in closed form:
//   rbf        kappa^(n) = s2 (-1/l)^n He_n(t) e^(-t^2/2), t = tau / l (probabilists' Hermite)
//   matern32   a = sqrt3/l, r = |tau|:  kappa' = -s2 a^2 tau e^-ar, kappa'' = -s2 a^2 (1 - ar) e^-ar
//   matern52   a = sqrt5/l:  kappa'  = -s2 (a^2/3) tau (1 + ar) e^-ar
//                            kappa'' = -s2 (a^2/3) (1 + ar - a^2 r^2) e^-ar
//                            kappa''' = s2 (a^4/3) tau (3 - ar) e^-ar
//                            kappa'''' = s2 (a^4/3) (3 - 5ar + a^2 r^2) e^-ar
//   periodic   kappa = s2 e^g, g = (cos(w tau) - 1)/l^2, w = 2 pi/p, by Faa di Bruno:
//              kappa' = kappa g', kappa'' = kappa (g'' + g'^2), kappa''' = kappa (g''' + 3 g' g'' + g'^3),
//              kappa'''' = kappa (g'''' + 4 g' g''' + 3 g''^2 + 6 g'^2 g'' + g'^4)
//   mixtures   Leibniz on env(tau) cos(nu tau), nu = 2 pi mu, with the Gaussian envelope
//              e^(-rho^2 tau^2) (Hermite, t = sqrt2 rho tau) or the Matern-5/2 one (a = sqrt5 rho).
// matern12 has no derivative at 0 and matern32 none of order above 2 (the facade refuses those).

@inline function hermite(n: i32, t: f64): f64 {
  const t2 = t * t;
  if (n == 0) return 1.0;
  if (n == 1) return t;
  if (n == 2) return t2 - 1.0;
  if (n == 3) return t * (t2 - 3.0);
  return t2 * (t2 - 6.0) + 3.0;
}

/** n-th derivative of s2 (1 + ar + a^2 r^2/3) e^(-ar), r = |tau| (Matern 5/2 shape), n <= 4. */
@inline function matern52Deriv(n: i32, tau: f64, a: f64, s2: f64): f64 {
  const r = Math.abs(tau), ar = a * r;
  const e = s2 * Math.exp(-ar);
  const a2 = a * a;
  if (n == 0) return e * (1.0 + ar + ar * ar / 3.0);
  if (n == 1) return -e * (a2 / 3.0) * tau * (1.0 + ar);
  if (n == 2) return -e * (a2 / 3.0) * (1.0 + ar - ar * ar);
  if (n == 3) return e * (a2 * a2 / 3.0) * tau * (3.0 - ar);
  return e * (a2 * a2 / 3.0) * (3.0 - 5.0 * ar + ar * ar);
}

/** kappa^(order)(tau) for the non-mixture kinds (s2, l, p exponentiated). */
function kappaDeriv(kind: i32, tau: f64, s2: f64, l: f64, p: f64, order: i32): f64 {
  if (kind == KIND_RBF) {
    const t = tau / l;
    let f = s2 * Math.exp(-0.5 * t * t) * hermite(order, t);
    for (let i = 0; i < order; i++) f = -f / l;
    return f;
  }
  if (kind == KIND_MATERN32) {
    const a = SQRT3 / l, r = Math.abs(tau);
    const e = s2 * Math.exp(-a * r);
    if (order == 0) return e * (1.0 + a * r);
    if (order == 1) return -e * a * a * tau;
    return -e * a * a * (1.0 - a * r);
  }
  if (kind == KIND_MATERN52) return matern52Deriv(order, tau, SQRT5 / l, s2);
  if (kind == KIND_MATERN12) return s2 * Math.exp(-Math.abs(tau) / l);
  // periodic
  const w = 2.0 * Math.PI / p, b = 1.0 / (l * l);
  const c = Math.cos(w * tau), s = Math.sin(w * tau);
  const k = s2 * Math.exp(b * (c - 1.0));
  if (order == 0) return k;
  const g1 = -b * w * s, g2 = -b * w * w * c;
  if (order == 1) return k * g1;
  if (order == 2) return k * (g2 + g1 * g1);
  const g3 = b * w * w * w * s;
  if (order == 3) return k * (g3 + 3.0 * g1 * g2 + g1 * g1 * g1);
  const g4 = b * w * w * w * w * c;
  return k * (g4 + 4.0 * g1 * g3 + 3.0 * g2 * g2 + 6.0 * g1 * g1 * g2 + g1 * g1 * g1 * g1);
}

/** Derivative of one mixture component w env(tau) cos(nu tau), by Leibniz's rule. */
function mixtureDeriv(student: bool, tau: f64, w: f64, rho: f64, mu: f64, order: i32): f64 {
  const nu = 2.0 * Math.PI * mu;
  const c = Math.cos(nu * tau), s = Math.sin(nu * tau);
  let total = 0.0;
  let binom = 1.0;
  for (let k = 0; k <= order; k++) {
    // envelope derivative of order k
    let env: f64;
    if (student) {
      env = matern52Deriv(k, tau, SQRT5 * rho, 1.0);
    } else {
      const q = 1.4142135623730951 * rho; // sqrt2 rho
      const t = q * tau;
      env = Math.exp(-0.5 * t * t) * hermite(k, t);
      for (let i = 0; i < k; i++) env = -env * q;
    }
    // cosine derivative of order j = order - k: nu^j cos(nu tau + j pi/2)
    const j = order - k;
    let cj = (j & 1) == 0 ? c : s;
    if (j == 1 || j == 2) cj = -cj;
    for (let i = 0; i < j; i++) cj *= nu;
    total += binom * env * cj;
    binom = binom * <f64>(order - k) / <f64>(k + 1);
  }
  return w * total;
}

/**
 * out (n x m) = d^(dx+dz) k(x_i, z_j) / dx^dx dz^dz = (-1)^dz kappa^(dx+dz)(x_i - z_j), for the
 * orders the kernel supports (the facade checks them).
 */
export function gpKernelDerivMatrix(kind: i32, theta: usize, nparams: i32, x: usize, n: i32, z: usize, m: i32, out: usize,
                                    dx: i32, dz: i32): void {
  const order = dx + dz;
  const sign: f64 = (dz & 1) != 0 ? -1.0 : 1.0;
  if (kind == KIND_SPECTRAL_MIXTURE || kind == KIND_STUDENT_T_MIXTURE) {
    const student = kind == KIND_STUDENT_T_MIXTURE;
    memory.fill(out, 0, <usize>n * <usize>m << 3);
    for (let c = 0; c < nparams / 3; c++) {
      const w = Math.exp(ldf(theta, 3 * c)), rho = Math.exp(ldf(theta, 3 * c + 1)), mu = Math.exp(ldf(theta, 3 * c + 2));
      for (let i = 0; i < n; i++) {
        const xi = ldf(x, i);
        const row = out + (<usize>i * <usize>m << 3);
        for (let j = 0; j < m; j++) stf(row, j, ldf(row, j) + sign * mixtureDeriv(student, xi - ldf(z, j), w, rho, mu, order));
      }
    }
    return;
  }
  const s2 = Math.exp(ldf(theta, 0));
  const l = Math.exp(ldf(theta, 1));
  const p = kind == KIND_PERIODIC ? Math.exp(ldf(theta, 2)) : 1.0;
  for (let i = 0; i < n; i++) {
    const xi = ldf(x, i);
    const row = out + (<usize>i * <usize>m << 3);
    for (let j = 0; j < m; j++) stf(row, j, sign * kappaDeriv(kind, xi - ldf(z, j), s2, l, p, order));
  }
}

/**
 * out (n x m, row-major) = k(x_i, z_j), or its derivative with respect to log-parameter `which`
 * when which >= 0. theta: the kernel's nparams log-parameters (see the table above).
 */
export function gpKernelMatrix(kind: i32, theta: usize, nparams: i32, x: usize, n: i32, z: usize, m: i32, out: usize, which: i32): void {
  if (kind == KIND_SPECTRAL_MIXTURE || kind == KIND_STUDENT_T_MIXTURE) {
    mixtureMatrix(kind == KIND_STUDENT_T_MIXTURE, theta, nparams / 3, x, n, z, m, out, which);
    return;
  }
  const s2 = Math.exp(ldf(theta, 0));
  const l = Math.exp(ldf(theta, 1));
  const p = kind == KIND_PERIODIC ? Math.exp(ldf(theta, 2)) : 1.0;
  const w = which == 0 ? -1 : which; // dk/dlog s2 = k
  for (let i = 0; i < n; i++) {
    const xi = ldf(x, i);
    const row = out + (<usize>i * <usize>m << 3);
    for (let j = 0; j < m; j++) stf(row, j, evalKernel(kind, Math.abs(xi - ldf(z, j)), s2, l, p, w));
  }
}

/** sum_i log(v_i + shift), in index order. */
export function gpSumLogShift(v: usize, n: i32, shift: f64): f64 {
  let s = 0.0;
  for (let i = 0; i < n; i++) s += Math.log(ldf(v, i) + shift);
  return s;
}

/** Elementwise log (for positive parameters entering the log domain). */
export function gpLog(x: f64): f64 { return Math.log(x); }

/** Elementwise exp (for parameters leaving the log domain). */
export function gpExp(x: f64): f64 { return Math.exp(x); }
