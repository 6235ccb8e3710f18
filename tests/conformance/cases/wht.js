// Conformance cases for the Walsh-Hadamard family: fwht (both orders, every norm, every length
// class, batch, out, views, IEEE specials) and hadamardRotate (both directions, seeds, batch).
// Inputs from ../inputs.js (integer arithmetic only); each case seeds itself from its own name.
// sparseWht is not here: it is asynchronous and the corpus runs cases synchronously.

import { seedOf, floats, specials, nearOverflow, subnormals, zeros, errorBytes } from '../inputs.js';

const DTYPES = ['f32', 'f64'];
const NORMS = ['backward', 'ortho', 'forward'];
// the kernel's blocking paths up to direct top sweeps: scalar (< 8 vectors), in-register, L1
// passes, L2 superblocks (f64 from 2^13, f32 from 2^14), direct top sweeps (f64 2^18); the
// gathered top stages (2^21+ f64, 2^22+ f32) are left to tests/wht.test.js to keep the corpus small
const POW2 = [1, 2, 4, 8, 16, 32, 64, 256, 1024, 4096, 8192, 16384, 65536, 131072, 262144];
const MIXED = [12, 24, 96, 20, 40, 160, 28, 56, 448, 80, 1280, 12 * 1024, 40 * 4096];


export const cases = [];
function add(name, run) {
  cases.push({ name, run });
}

// ---- fwht: lengths and orders -----------------------------------------------------------------
for (const dt of DTYPES) {
  for (const n of POW2) {
    const name = `wht/fwht/natural/${dt}/${n}`;
    add(name, (sk) => sk.fwht(floats(dt, n, seedOf(name))));
    const nameS = `wht/fwht/sequency/${dt}/${n}`;
    add(nameS, (sk) => sk.fwht(floats(dt, n, seedOf(nameS)), { order: 'sequency' }));
  }
  for (const n of MIXED) {
    const name = `wht/fwht/natural/${dt}/${n}`;
    add(name, (sk) => sk.fwht(floats(dt, n, seedOf(name))));
  }
}

// ---- norms, batch, out, views ---------------------------------------------------------------
for (const dt of DTYPES) {
  for (const n of [1, 8, 12, 1024, 40 * 8]) {
    for (const norm of NORMS) {
      const name = `wht/fwht/${dt}/${n}/norm-${norm}`;
      add(name, (sk) => sk.fwht(floats(dt, n, seedOf(name)), { norm }));
    }
    if ((n & (n - 1)) === 0) {
      const name = `wht/fwht/sequency/${dt}/${n}/norm-forward`;
      add(name, (sk) => sk.fwht(floats(dt, n, seedOf(name)), { norm: 'forward', order: 'sequency' }));
    }
  }
  for (const [n, batch] of [[1, 5], [16, 3], [12, 4], [4096, 3], [28 * 8, 2]]) {
    const name = `wht/fwht/${dt}/${n}/batch${batch}`;
    add(name, (sk) => sk.fwht(floats(dt, n * batch, seedOf(name)), { batch, norm: 'ortho' }));
    if ((n & (n - 1)) === 0) {
      const nameS = `wht/fwht/sequency/${dt}/${n}/batch${batch}`;
      add(nameS, (sk) => sk.fwht(floats(dt, n * batch, seedOf(nameS)), { batch, order: 'sequency' }));
    }
  }
  for (const n of [8, 20, 2048]) {
    const name = `wht/fwht/${dt}/${n}/out`;
    add(name, (sk) => {
      const out = floats(dt, n, 7); // pre-filled, so a partial write would show
      const r = sk.fwht(floats(dt, n, seedOf(name)), { out, norm: 'forward' });
      return [r, out];
    });
    const nameV = `wht/fwht/${dt}/${n}/subarray-views`;
    add(nameV, (sk) => {
      const big = floats(dt, n + 6, seedOf(nameV));
      const outBuf = zeros(dt, n + 4);
      sk.fwht(big.subarray(3, 3 + n), { out: outBuf.subarray(2, 2 + n) });
      return [outBuf, big];
    });
  }
}

// ---- IEEE specials ---------------------------------------------------------------------------
for (const dt of DTYPES) {
  for (const n of [2, 16, 64, 12, 1024]) {
    const name = `wht/fwht/${dt}/${n}/specials`;
    add(name, (sk) => sk.fwht(specials(dt, n, seedOf(name))));
    const nameN = `wht/fwht/${dt}/${n}/specials-no-nan`;
    add(nameN, (sk) => sk.fwht(specials(dt, n, seedOf(nameN), { density: 8, nan: false })));
    const nameV = `wht/fwht/${dt}/${n}/near-overflow`;
    add(nameV, (sk) => sk.fwht(nearOverflow(dt, n, seedOf(nameV))));
    const nameU = `wht/fwht/${dt}/${n}/subnormal-only`;
    add(nameU, (sk) => sk.fwht(subnormals(dt, n, seedOf(nameU))));
  }
}

// ---- hadamardRotate ------------------------------------------------------------------------
for (const dt of DTYPES) {
  for (const n of [1, 64, 4096, 12, 40 * 32, 28 * 64]) {
    for (const seed of [0, 1, 4294967297]) {
      const name = `wht/hadamardRotate/${dt}/${n}/seed${seed}`;
      add(name, (sk) => sk.hadamardRotate(floats(dt, n, seedOf(name)), { seed }));
      const nameI = `wht/hadamardRotate/${dt}/${n}/seed${seed}/inverse`;
      add(nameI, (sk) => sk.hadamardRotate(floats(dt, n, seedOf(nameI)), { seed, inverse: true }));
    }
  }
  const nameB = `wht/hadamardRotate/${dt}/256/batch4`;
  add(nameB, (sk) => sk.hadamardRotate(floats(dt, 256 * 4, seedOf(nameB)), { seed: 9, batch: 4 }));
  const nameR = `wht/hadamardRotate/${dt}/2048/roundtrip`;
  add(nameR, (sk) => sk.hadamardRotate(sk.hadamardRotate(floats(dt, 2048, seedOf(nameR)), { seed: 3 }), { seed: 3, inverse: true }));
}

// ---- error texts -----------------------------------------------------------------------------
add('wht/errors', (sk) => [
  errorBytes(() => sk.fwht([1, 2])),
  errorBytes(() => sk.fwht(new Float32Array(6))),
  errorBytes(() => sk.fwht(new Float64Array(16), { batch: 3 })),
  errorBytes(() => sk.fwht(new Float64Array(16), { norm: 'none' })),
  errorBytes(() => sk.fwht(new Float64Array(12), { order: 'sequency' })),
  errorBytes(() => sk.fwht(new Float64Array(16), { out: new Float32Array(16) })),
  errorBytes(() => sk.hadamardRotate(new Float64Array(16), { seed: -1 })),
]);

// SPRIGHT on a planted spectrum: the oracle evaluates x[m] = sum_k X_k (-1)^popcount(k & m) / N
// exactly (dyadic coefficients, fixed summation order), so recovery, sample count and rounds must be
// the same everywhere. Indices are n-bit words, little-endian 32-bit limbs.
function plantedOracle(n, support, coeffs) {
  const words = Math.ceil(n / 32);
  return (idx, count) => {
    const out = new Float64Array(count);
    for (let s = 0; s < count; s++) {
      let acc = 0;
      for (let t = 0; t < support.length; t++) {
        let parity = 0;
        for (let w = 0; w < words; w++) {
          let v = (idx[s * words + w] & support[t][w]) >>> 0;
          v ^= v >>> 16; v ^= v >>> 8; v ^= v >>> 4; v ^= v >>> 2; v ^= v >>> 1;
          parity ^= v & 1;
        }
        acc += parity ? -coeffs[t] : coeffs[t];
      }
      out[s] = acc;
    }
    return out;
  };
}

for (const [n, K] of [[12, 5], [40, 20], [70, 8]]) {
  const name = `wht/sparseWht/n${n}/K${K}`;
  add(name, async (sk) => {
    const words = Math.ceil(n / 32);
    let st = (seedOf(name) >>> 0) || 1;
    const next = () => { st ^= st << 13; st >>>= 0; st ^= st >>> 17; st ^= st << 5; st >>>= 0; return st; };
    const support = [], coeffs = [];
    for (let t = 0; t < K; t++) {
      const w = new Uint32Array(words);
      for (let i = 0; i < words; i++) w[i] = next() & (i === words - 1 && n % 32 ? (1 << (n % 32)) - 1 : 0xffffffff);
      support.push(w);
      coeffs.push(((next() >>> 20) + 1) / 64 * ((next() & 1) ? 1 : -1));
    }
    const r = await sk.sparseWht(plantedOracle(n, support, coeffs), n, { sparsity: K, seed: 5 });
    return [r.indices, r.values, Float64Array.of(r.samples, r.rounds, r.residual)];
  });
}
