// Conformance cases for the dense linear-algebra family (float64 only): symEig, cholesky,
// solveTriangular, choleskySolve, kronMatvec, every option, error texts, NaN/Inf propagation and
// subarray views. Each case builds its input from its own name (seedOf), with integer arithmetic
// only (inputs.js), so cases are independent of order.

import { seedOf, f64s, specials, pow2, pow2neg, errorBytes } from '../inputs.js';


export const cases = [];
function add(name, run) {
  cases.push({ name, run });
}

/** Symmetric n x n from the lower triangle of seeded values in [-1, 1). */
function sym(n, seed) {
  const v = f64s(n * n, seed);
  const A = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let j = 0; j <= i; j++) { A[i * n + j] = v[i * n + j]; A[j * n + i] = v[i * n + j]; }
  return A;
}

/** B B^T + n I with seeded B (IEEE products and sums, ascending k: the same bits everywhere). */
function spd(n, seed) {
  const B = f64s(n * n, seed);
  const A = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let s = i === j ? n : 0;
      for (let k = 0; k < n; k++) s += B[i * n + k] * B[j * n + k];
      A[i * n + j] = s;
      A[j * n + i] = s;
    }
  }
  return A;
}

/** Lower triangular with diagonal in [1, 2) (well conditioned), upper triangle zero. */
function lowerTri(n, seed) {
  const v = f64s(n * n, seed);
  const L = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < i; j++) L[i * n + j] = v[i * n + j] / 4;
    L[i * n + i] = 1.5 + v[i * n + i] / 2;
  }
  return L;
}

function transposed(A, n) {
  const T = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) T[j * n + i] = A[i * n + j];
  return T;
}

// ---- symEig -----------------------------------------------------------------------------------
for (const n of [1, 2, 3, 4, 5, 8, 9, 17, 50, 100]) {
  const name = `linalg/symEig/n${n}`;
  add(name, (sk) => { const r = sk.symEig(sym(n, seedOf(name)), n); return [r.values, r.vectors]; });
  const nameV = `linalg/symEig/n${n}/values-only`;
  add(nameV, (sk) => sk.symEig(sym(n, seedOf(nameV)), n, { vectors: false }).values);
}
for (const e of [600, -600, 1020, -1060]) {
  const name = `linalg/symEig/n20/scale-2^${e}`;
  const f = e >= 0 ? pow2(e) : pow2neg(-e);
  add(name, (sk) => { const r = sk.symEig(sym(20, seedOf(name)).map((v) => v * f), 20); return [r.values, r.vectors]; });
}
add('linalg/symEig/graded-diagonal-plus-coupling', (sk) => {
  // a graded tridiagonal-like matrix (entries from 1 down to 2^-40) exercises the QR direction
  const n = 30, A = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    A[i * n + i] = pow2neg(40 - Math.floor((40 * i) / (n - 1)));
    if (i) { const c = A[i * n + i] / 8; A[i * n + i - 1] = c; A[(i - 1) * n + i] = c; }
  }
  const r = sk.symEig(A, n);
  return [r.values, r.vectors];
});
add('linalg/symEig/zero-and-identity', (sk) => {
  const I = new Float64Array(25);
  for (let i = 0; i < 5; i++) I[i * 6] = 1;
  const z = sk.symEig(new Float64Array(9), 3), id = sk.symEig(I, 5);
  return [z.values, z.vectors, id.values, id.vectors];
});
add('linalg/symEig/upper-triangle-ignored', (sk) => {
  const n = 12, A = sym(n, seedOf('linalg/symEig/upper-triangle-ignored'));
  for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) A[i * n + j] = NaN;
  const r = sk.symEig(A, n);
  return [r.values, r.vectors];
});
add('linalg/symEig/subarray-view', (sk) => {
  const n = 7, A = sym(n, seedOf('linalg/symEig/subarray-view'));
  const big = new Float64Array(n * n + 3);
  big.set(A, 3);
  const r = sk.symEig(big.subarray(3), n);
  return [r.values, r.vectors];
});
add('linalg/symEig/errors', (sk) => {
  const bad = sym(4, 1);
  bad[9] = NaN;
  return [
    errorBytes(() => sk.symEig([1, 0, 0, 1], 2)),
    errorBytes(() => sk.symEig(new Float32Array(4), 2)),
    errorBytes(() => sk.symEig(new Float64Array(9), 2)),
    errorBytes(() => sk.symEig(new Float64Array(4), 2.5)),
    errorBytes(() => sk.symEig(new Float64Array(4), 2, { vectors: 'no' })),
    errorBytes(() => sk.symEig(bad, 4)),
  ];
});

// ---- cholesky ---------------------------------------------------------------------------------
for (const n of [1, 2, 3, 4, 5, 7, 8, 13, 64]) {
  const name = `linalg/cholesky/n${n}`;
  add(name, (sk) => sk.cholesky(spd(n, seedOf(name)), n));
}
add('linalg/cholesky/out-and-view', (sk) => {
  const n = 9, A = spd(n, seedOf('linalg/cholesky/out-and-view'));
  const big = new Float64Array(n * n + 5);
  big.set(A, 5);
  const outBig = f64s(n * n + 2, 3); // filled, so a partial write would show
  const out = outBig.subarray(1, 1 + n * n);
  sk.cholesky(big.subarray(5), n, { out });
  return outBig;
});
add('linalg/cholesky/errors', (sk) => {
  const n = 6, A = spd(n, seedOf('linalg/cholesky/errors'));
  const notPD = A.slice();
  notPD[3 * n + 3] -= 1000;
  const nan = A.slice();
  nan[2 * n + 1] = NaN;
  return [
    errorBytes(() => sk.cholesky(notPD, n)),
    errorBytes(() => sk.cholesky(new Float64Array([1, 2, 2, 1]), 2)),
    errorBytes(() => sk.cholesky(nan, n)),
    errorBytes(() => sk.cholesky(A, 5)),
    errorBytes(() => sk.cholesky(A, n, { out: new Float64Array(3) })),
  ];
});
add('linalg/NotPositiveDefiniteError', (sk) => {
  const e = new sk.NotPositiveDefiniteError('A', 3, -1.5, new Float64Array(16));
  return [new TextEncoder().encode(`${e.name}: ${e.message}`), Float64Array.of(e.pivot, e.pivotValue, e instanceof RangeError ? 1 : 0)];
});
add('linalg/cholesky/pivot-fields', (sk) => {
  const n = 6, A = spd(n, seedOf('linalg/cholesky/pivot-fields'));
  A[4 * n + 4] -= 1000;
  try { sk.cholesky(A, n); } catch (e) { return Float64Array.of(e.pivot, e.pivotValue, e instanceof RangeError ? 1 : 0); }
  return Float64Array.of(-1);
});

// ---- triangular solves --------------------------------------------------------------------------
for (const [n, k] of [[1, 1], [5, 1], [16, 1], [16, 3], [33, 70]]) {
  for (const lower of [true, false]) {
    for (const transpose of [false, true]) {
      for (const unitDiagonal of [false, true]) {
        const name = `linalg/solveTriangular/n${n}/k${k}/${lower ? 'lower' : 'upper'}${transpose ? '/T' : ''}${unitDiagonal ? '/unit' : ''}`;
        add(name, (sk) => {
          const L = lowerTri(n, seedOf(name));
          const T = lower ? L : transposed(L, n);
          return sk.solveTriangular(T, f64s(n * k, seedOf(name) ^ 1), { lower, transpose, unitDiagonal });
        });
      }
    }
  }
}
add('linalg/solveTriangular/specials-propagate', (sk) => {
  const n = 24, L = lowerTri(n, 5);
  return sk.solveTriangular(L, specials('f64', n * 2, seedOf('linalg/solveTriangular/specials-propagate')));
});
add('linalg/solveTriangular/errors', (sk) => [
  errorBytes(() => sk.solveTriangular(new Float64Array([1, 0, 1, 1]), new Float64Array(3))),
  errorBytes(() => sk.solveTriangular(new Float64Array(3), new Float64Array(3))),
  errorBytes(() => sk.solveTriangular(new Float64Array([1, 0, 1, 0]), new Float64Array(2))),
  errorBytes(() => sk.solveTriangular(new Float64Array(4), new Float64Array(2), { transpose: 'yes' })),
  errorBytes(() => sk.solveTriangular(new Float64Array(4), [1, 2])),
]);
for (const [n, k] of [[1, 1], [9, 1], [40, 3]]) {
  const name = `linalg/choleskySolve/n${n}/k${k}`;
  add(name, (sk) => sk.choleskySolve(sk.cholesky(spd(n, seedOf(name)), n), f64s(n * k, seedOf(name) ^ 2)));
}

// ---- kronMatvec ---------------------------------------------------------------------------------
for (const sizes of [[1], [6], [2, 3], [9, 70], [70, 9], [5, 1, 6], [3, 4, 5, 2], [2, 2, 2, 2, 2, 2, 2], [33, 31]]) {
  for (const transpose of [false, true]) {
    const name = `linalg/kronMatvec/${sizes.join('x')}${transpose ? '/T' : ''}`;
    add(name, (sk) => {
      const s = seedOf(name);
      const factors = sizes.map((n, k) => f64s(n * n, s + k + 1));
      const N = sizes.reduce((a, b) => a * b, 1);
      return sk.kronMatvec(factors, f64s(N, s), { transpose });
    });
  }
}
for (const dims of [[[3, 5]], [[7, 2], [1, 6]], [[70, 9], [2, 3]], [[4, 4], [3, 9], [2, 1]]]) {
  for (const transpose of [false, true]) {
    const name = `linalg/kronMatvec/rect/${dims.map((d) => d.join('by')).join('x')}${transpose ? '/T' : ''}`;
    add(name, (sk) => {
      const s = seedOf(name);
      const factors = dims.map(([rows, cols], k) => ({ data: f64s(rows * cols, s + k + 1), rows, cols }));
      const nin = dims.reduce((a, [r, c]) => a * (transpose ? r : c), 1);
      return sk.kronMatvec(factors, f64s(nin, s), { transpose });
    });
  }
}
add('linalg/kronMatvec/out-views-specials', (sk) => {
  const s = seedOf('linalg/kronMatvec/out-views-specials');
  const f0 = f64s(16 + 1, s).subarray(1), f1 = f64s(9, s + 1);
  const x = specials('f64', 12 + 2, s + 2).subarray(2);
  const outBig = f64s(14, 9);
  sk.kronMatvec([f0, f1], x, { out: outBig.subarray(1, 13) });
  return outBig;
});
add('linalg/kronMatvec/errors', (sk) => [
  errorBytes(() => sk.kronMatvec(new Float64Array(4), new Float64Array(2))),
  errorBytes(() => sk.kronMatvec([], new Float64Array(2))),
  errorBytes(() => sk.kronMatvec([new Float64Array(4), new Float64Array(3)], new Float64Array(2))),
  errorBytes(() => sk.kronMatvec([new Float64Array(4), new Float32Array(4)], new Float64Array(4))),
  errorBytes(() => sk.kronMatvec([new Float64Array(4)], new Float64Array(3))),
  errorBytes(() => sk.kronMatvec([new Float64Array(4)], new Float64Array(2), { out: new Float64Array(3) })),
  errorBytes(() => sk.kronMatvec([{ data: new Float64Array(6), rows: 2, cols: 4 }], new Float64Array(4))),
  errorBytes(() => sk.kronMatvec([{ data: new Float64Array(6), rows: 2, cols: 3 }], new Float64Array(2))),
]);

// ---- matmul -------------------------------------------------------------------------------------
for (const [m, k, n] of [[1, 1, 1], [3, 2, 7], [4, 4, 4], [5, 9, 6], [9, 3, 70], [70, 17, 9], [13, 64, 65]]) {
  const name = `linalg/matmul/${m}x${k}x${n}`;
  add(name, (sk) => sk.matmul(f64s(m * k, seedOf(name)), f64s(k * n, seedOf(name) ^ 3), m, k, n));
}
add('linalg/matmul/specials-out-view', (sk) => {
  const s = seedOf('linalg/matmul/specials-out-view');
  const outBig = f64s(4 * 6 + 2, s);
  sk.matmul(specials('f64', 4 * 5, s + 1), f64s(5 * 6, s + 2), 4, 5, 6, { out: outBig.subarray(1, 25) });
  return outBig;
});
add('linalg/matmul/errors', (sk) => [
  errorBytes(() => sk.matmul(new Float64Array(6), new Float64Array(6), 2, 3, 3)),
  errorBytes(() => sk.matmul(new Float64Array(6), new Float64Array(6), 0, 3, 2)),
  errorBytes(() => sk.matmul([1], new Float64Array(1), 1, 1, 1)),
]);
