// Conformance cases for the FFT family: every public function and option, both precisions.
// Each case builds its input from its own name (seedOf), so cases are independent of order and
// adding one never changes another's hash.

import { seedOf, floats, specials, subnormals, nearOverflow, zeros, pow2, errorBytes } from '../inputs.js';

const DTYPES = ['f32', 'f64'];
const NORMS = ['backward', 'ortho', 'forward'];
const ALGORITHMS = ['stockham', 'bluestein', 'real-half', 'real-full'];

const POW2 = Array.from({ length: 17 }, (_, e) => pow2(e)); // 1 .. 2^16
const SMALL_PRIMES = [3, 5, 7, 11, 13];
const MIXED = [6, 9, 12, 15, 60, 100, 243, 1000, 6144];
const BLUESTEIN = [17, 1009, 4099];
const COMPLEX_LENGTHS = [...POW2, ...SMALL_PRIMES, ...MIXED, ...BLUESTEIN];
const REAL_LENGTHS = [1, 2, 3, 4, 5, 7, 8, 12, 15, 16, 17, 60, 64, 100, 1000, 1009, 1024, 4096, 4099, 65536];


export const cases = [];
function add(name, run) {
  cases.push({ name, run });
}

// ---- fft / ifft: every length class, default norm ----------------------------------------------
for (const dt of DTYPES) {
  for (const n of COMPLEX_LENGTHS) {
    add(`fft/${dt}/n${n}`, (sk) => sk.fft(floats(dt, 2 * n, seedOf(`fft/${dt}/n${n}`))));
    add(`ifft/${dt}/n${n}`, (sk) => sk.ifft(floats(dt, 2 * n, seedOf(`ifft/${dt}/n${n}`))));
  }
  // round trips through both directions (the inverse of our own output, not of fresh data)
  for (const n of [8, 12, 1009, 4096]) {
    const name = `fft-ifft-roundtrip/${dt}/n${n}`;
    add(name, (sk) => sk.ifft(sk.fft(floats(dt, 2 * n, seedOf(name)))));
  }
}

// ---- norms ------------------------------------------------------------------------------------
for (const dt of DTYPES) {
  for (const n of [1, 8, 12, 13, 1009, 1024]) {
    for (const norm of NORMS) {
      for (const fn of ['fft', 'ifft']) {
        const name = `${fn}/${dt}/n${n}/norm-${norm}`;
        add(name, (sk) => sk[fn](floats(dt, 2 * n, seedOf(name)), { norm }));
      }
    }
  }
}

// ---- batch and out ----------------------------------------------------------------------------
for (const dt of DTYPES) {
  for (const [n, batch] of [[1, 5], [16, 3], [12, 4], [1009, 2], [256, 7]]) {
    for (const fn of ['fft', 'ifft']) {
      const name = `${fn}/${dt}/n${n}/batch${batch}`;
      add(name, (sk) => sk[fn](floats(dt, 2 * n * batch, seedOf(name)), { batch }));
    }
    const nameO = `fft/${dt}/n${n}/batch${batch}/norm-ortho`;
    add(nameO, (sk) => sk.fft(floats(dt, 2 * n * batch, seedOf(nameO)), { batch, norm: 'ortho' }));
  }
  for (const n of [8, 60, 1009]) {
    const name = `fft/${dt}/n${n}/out`;
    add(name, (sk) => {
      const out = zeros(dt, 2 * n);
      const r = sk.fft(floats(dt, 2 * n, seedOf(name)), { out, norm: 'forward' });
      return [r, out];
    });
    const nameI = `ifft/${dt}/n${n}/out`;
    add(nameI, (sk) => {
      const out = floats(dt, 2 * n, 7); // filled, so a partial write would show
      sk.ifft(floats(dt, 2 * n, seedOf(nameI)), { out });
      return out;
    });
  }
}

// ---- inputs and outputs that are views into larger buffers (non-zero byteOffset)
for (const dt of DTYPES) {
  for (const n of [12, 64]) {
    const name = `fft/${dt}/n${n}/subarray-views`;
    add(name, (sk) => {
      const big = floats(dt, 2 * n + 6, seedOf(name));
      const x = big.subarray(3, 3 + 2 * n);
      const outBuf = zeros(dt, 2 * n + 4);
      sk.fft(x, { out: outBuf.subarray(2, 2 + 2 * n) });
      return [outBuf, big]; // the input's neighbours and the output's must be untouched
    });
  }
  const nameR = `rfft/${dt}/n15/subarray-views`;
  add(nameR, (sk) => {
    const big = floats(dt, 21, seedOf(nameR));
    return sk.rfft(big.subarray(5, 20));
  });
}

// ---- IEEE specials: NaN, Inf, -0, subnormals, overflow ----------------------------------------
for (const dt of DTYPES) {
  for (const n of [1, 2, 4, 16, 12, 13, 64, 1009]) {
    const name = `fft/${dt}/n${n}/specials`;
    add(name, (sk) => sk.fft(specials(dt, 2 * n, seedOf(name))));
    const nameI = `ifft/${dt}/n${n}/specials`;
    add(nameI, (sk) => sk.ifft(specials(dt, 2 * n, seedOf(nameI))));
    const nameN = `fft/${dt}/n${n}/specials-no-nan`;
    add(nameN, (sk) => sk.fft(specials(dt, 2 * n, seedOf(nameN), { density: 8, nan: false })));
    const nameNI = `ifft/${dt}/n${n}/specials-no-nan`;
    add(nameNI, (sk) => sk.ifft(specials(dt, 2 * n, seedOf(nameNI), { density: 8, nan: false })));
    const nameV = `fft/${dt}/n${n}/near-overflow`;
    add(nameV, (sk) => sk.fft(nearOverflow(dt, 2 * n, seedOf(nameV))));
  }
  for (const n of [8, 15, 1009]) {
    const name = `fft/${dt}/n${n}/subnormal-only`;
    add(name, (sk) => sk.fft(subnormals(dt, 2 * n, seedOf(name))));
    const nameZ = `fft/${dt}/n${n}/negative-zeros`;
    add(nameZ, (sk) => {
      const x = zeros(dt, 2 * n);
      x.fill(-0);
      return sk.fft(x);
    });
    const nameS = `fft/${dt}/n${n}/single-nan`;
    add(nameS, (sk) => {
      const x = floats(dt, 2 * n, seedOf(nameS));
      x[2 * (n >> 1) + 1] = NaN;
      return sk.fft(x);
    });
    const nameInf = `fft/${dt}/n${n}/single-inf`;
    add(nameInf, (sk) => {
      const x = zeros(dt, 2 * n);
      x[0] = Infinity;
      return sk.fft(x);
    });
  }
}

// ---- rfft -------------------------------------------------------------------------------------
for (const dt of DTYPES) {
  for (const n of REAL_LENGTHS) {
    const name = `rfft/${dt}/n${n}`;
    add(name, (sk) => sk.rfft(floats(dt, n, seedOf(name))));
  }
  for (const n of [8, 15, 1009]) {
    for (const norm of NORMS) {
      const name = `rfft/${dt}/n${n}/norm-${norm}`;
      add(name, (sk) => sk.rfft(floats(dt, n, seedOf(name)), { norm }));
    }
  }
  for (const [n, batch] of [[1, 4], [16, 3], [15, 3], [1009, 2]]) {
    const name = `rfft/${dt}/n${n}/batch${batch}`;
    add(name, (sk) => sk.rfft(floats(dt, n * batch, seedOf(name)), { batch }));
  }
  for (const n of [16, 15]) {
    const name = `rfft/${dt}/n${n}/out`;
    add(name, (sk) => {
      const out = zeros(dt, 2 * (Math.floor(n / 2) + 1));
      sk.rfft(floats(dt, n, seedOf(name)), { out });
      return out;
    });
  }
  for (const n of [2, 16, 15, 1009]) {
    const name = `rfft/${dt}/n${n}/specials`;
    add(name, (sk) => sk.rfft(specials(dt, n, seedOf(name))));
    const nameN = `rfft/${dt}/n${n}/specials-no-nan`;
    add(nameN, (sk) => sk.rfft(specials(dt, n, seedOf(nameN), { density: 8, nan: false })));
  }
  const nameSub = `rfft/${dt}/n64/subnormal-only`;
  add(nameSub, (sk) => sk.rfft(subnormals(dt, 64, seedOf(nameSub))));
}

// ---- irfft: inferred n, explicit odd/even n, cropping and zero-padding (numpy semantics) -------
for (const dt of DTYPES) {
  // m complex values in; n = 2(m - 1) inferred
  for (const m of [2, 3, 5, 9, 33, 505, 2049]) {
    const name = `irfft/${dt}/m${m}/n-inferred`;
    add(name, (sk) => sk.irfft(floats(dt, 2 * m, seedOf(name))));
  }
  // explicit n: [m, n] pairs; m = floor(n/2)+1 is the natural size, others crop or pad
  const pairs = [
    [1, 1], [2, 2], [2, 3], [5, 8], [5, 9], [9, 16], [9, 17], [505, 1009], [505, 1008],
    [33, 16], [33, 15], [33, 1], // crop
    [5, 32], [5, 31], [2, 7], // zero-pad
  ];
  for (const [m, n] of pairs) {
    const name = `irfft/${dt}/m${m}/n${n}`;
    add(name, (sk) => sk.irfft(floats(dt, 2 * m, seedOf(name)), n));
  }
  for (const [m, n] of [[9, 16], [9, 17], [505, 1009]]) {
    for (const norm of NORMS) {
      const name = `irfft/${dt}/m${m}/n${n}/norm-${norm}`;
      add(name, (sk) => sk.irfft(floats(dt, 2 * m, seedOf(name)), n, { norm }));
    }
  }
  for (const [m, n, batch] of [[9, 16, 3], [9, 17, 3], [9, 8, 2], [9, 40, 2], [505, 1009, 2]]) {
    const name = `irfft/${dt}/m${m}/n${n}/batch${batch}`;
    add(name, (sk) => sk.irfft(floats(dt, 2 * m * batch, seedOf(name)), n, { batch }));
  }
  {
    const name = `irfft/${dt}/m9/batch3/n-inferred`;
    add(name, (sk) => sk.irfft(floats(dt, 2 * 9 * 3, seedOf(name)), undefined, { batch: 3 }));
  }
  {
    const name = `irfft/${dt}/m9/n16/out`;
    add(name, (sk) => {
      const out = zeros(dt, 16);
      sk.irfft(floats(dt, 18, seedOf(name)), 16, { out });
      return out;
    });
  }
  for (const [m, n] of [[9, 16], [9, 17], [505, 1009]]) {
    const name = `irfft/${dt}/m${m}/n${n}/specials`;
    add(name, (sk) => sk.irfft(specials(dt, 2 * m, seedOf(name)), n));
    const nameN = `irfft/${dt}/m${m}/n${n}/specials-no-nan`;
    add(nameN, (sk) => sk.irfft(specials(dt, 2 * m, seedOf(nameN), { density: 8, nan: false }), n));
  }
  for (const n of [16, 15, 1009, 4096]) {
    const name = `rfft-irfft-roundtrip/${dt}/n${n}`;
    add(name, (sk) => sk.irfft(sk.rfft(floats(dt, n, seedOf(name))), n));
  }
}

// ---- fft2 / ifft2 -----------------------------------------------------------------------------
for (const dt of DTYPES) {
  const shapes = [[1, 1], [1, 8], [8, 1], [4, 8], [3, 5], [12, 7], [16, 16], [33, 17], [64, 64], [5, 1009]];
  for (const [r, c] of shapes) {
    for (const fn of ['fft2', 'ifft2']) {
      const name = `${fn}/${dt}/${r}x${c}`;
      add(name, (sk) => sk[fn](floats(dt, 2 * r * c, seedOf(name)), r, c));
    }
  }
  for (const [r, c] of [[4, 8], [3, 5]]) {
    for (const norm of NORMS) {
      for (const fn of ['fft2', 'ifft2']) {
        const name = `${fn}/${dt}/${r}x${c}/norm-${norm}`;
        add(name, (sk) => sk[fn](floats(dt, 2 * r * c, seedOf(name)), r, c, { norm }));
      }
    }
    const nameB = `fft2/${dt}/${r}x${c}/batch3`;
    add(nameB, (sk) => sk.fft2(floats(dt, 2 * r * c * 3, seedOf(nameB)), r, c, { batch: 3 }));
    const nameIB = `ifft2/${dt}/${r}x${c}/batch2/norm-ortho`;
    add(nameIB, (sk) => sk.ifft2(floats(dt, 2 * r * c * 2, seedOf(nameIB)), r, c, { batch: 2, norm: 'ortho' }));
    const nameO = `fft2/${dt}/${r}x${c}/out`;
    add(nameO, (sk) => {
      const out = zeros(dt, 2 * r * c);
      sk.fft2(floats(dt, 2 * r * c, seedOf(nameO)), r, c, { out });
      return out;
    });
    const nameS = `fft2/${dt}/${r}x${c}/specials`;
    add(nameS, (sk) => sk.fft2(specials(dt, 2 * r * c, seedOf(nameS)), r, c));
    const nameSN = `ifft2/${dt}/${r}x${c}/specials-no-nan`;
    add(nameSN, (sk) => sk.ifft2(specials(dt, 2 * r * c, seedOf(nameSN), { density: 8, nan: false }), r, c));
  }
}

// ---- fftbr / ifftbr (QMCPy's bit-reversed orthonormal transforms) ------------------------------
for (const dt of DTYPES) {
  for (let e = 0; e <= 14; e++) {
    const n = pow2(e);
    for (const fn of ['fftbr', 'ifftbr']) {
      const name = `${fn}/${dt}/n${n}`;
      add(name, (sk) => sk[fn](floats(dt, 2 * n, seedOf(name))));
    }
  }
  for (const [n, batch] of [[1, 3], [8, 3], [1024, 2]]) {
    for (const fn of ['fftbr', 'ifftbr']) {
      const name = `${fn}/${dt}/n${n}/batch${batch}`;
      add(name, (sk) => sk[fn](floats(dt, 2 * n * batch, seedOf(name)), { batch }));
    }
  }
  for (const n of [16, 4096]) {
    const name = `fftbr-ifftbr-roundtrip/${dt}/n${n}`;
    add(name, (sk) => sk.ifftbr(sk.fftbr(floats(dt, 2 * n, seedOf(name)))));
    const nameO = `fftbr/${dt}/n${n}/out`;
    add(nameO, (sk) => {
      const out = zeros(dt, 2 * n);
      sk.fftbr(floats(dt, 2 * n, seedOf(nameO)), { out });
      return out;
    });
    const nameS = `fftbr/${dt}/n${n}/specials`;
    add(nameS, (sk) => sk.fftbr(specials(dt, 2 * n, seedOf(nameS))));
    const nameIS = `ifftbr/${dt}/n${n}/specials`;
    add(nameIS, (sk) => sk.ifftbr(specials(dt, 2 * n, seedOf(nameIS))));
    const nameSN = `fftbr/${dt}/n${n}/specials-no-nan`;
    add(nameSN, (sk) => sk.fftbr(specials(dt, 2 * n, seedOf(nameSN), { density: 8, nan: false })));
  }
}

// ---- plans: fftPlan(...) and new FftPlan(...), complex and real ---------------------------------
for (const dt of DTYPES) {
  for (const n of [1, 8, 12, 1009, 4096]) {
    const name = `plan/complex/${dt}/n${n}`;
    add(name, (sk) => {
      const p = sk.fftPlan(n, { dtype: dt, kind: 'complex' });
      const x = floats(dt, 2 * n, seedOf(name));
      const X = p.forward(x);
      const y = p.inverse(X);
      const algo = ALGORITHMS.indexOf(p.algorithm);
      p.dispose();
      return [X, y, Float64Array.of(algo)];
    });
  }
  for (const n of [1, 2, 8, 15, 1009, 4096]) {
    const name = `plan/real/${dt}/n${n}`;
    add(name, (sk) => {
      const p = sk.fftPlan(n, { dtype: dt, kind: 'real' });
      const x = floats(dt, n, seedOf(name));
      const X = p.forward(x);
      const y = p.inverse(X);
      // the inverse ignores the imaginary parts of DC (and Nyquist for even n): set them
      const Z = floats(dt, 2 * (Math.floor(n / 2) + 1), seedOf(name + '/spectrum'));
      const z = p.inverse(Z);
      const algo = ALGORITHMS.indexOf(p.algorithm);
      p.dispose();
      return [X, y, z, Float64Array.of(algo)];
    });
  }
  for (const kind of ['complex', 'real']) {
    for (const n of [12, 1009]) {
      for (const norm of NORMS) {
        const name = `plan/${kind}/${dt}/n${n}/norm-${norm}`;
        add(name, (sk) => {
          const p = sk.fftPlan(n, { dtype: dt, kind });
          const len = kind === 'complex' ? 2 * n : n;
          const X = p.forward(floats(dt, len, seedOf(name)), { norm });
          const y = p.inverse(X, { norm });
          p.dispose();
          return [X, y];
        });
      }
      const nameB = `plan/${kind}/${dt}/n${n}/batch3`;
      add(nameB, (sk) => {
        const p = sk.fftPlan(n, { dtype: dt, kind });
        const len = kind === 'complex' ? 2 * n : n;
        const X = p.forward(floats(dt, 3 * len, seedOf(nameB)), { batch: 3 });
        const y = p.inverse(X, { batch: 3, norm: 'forward' });
        p.dispose();
        return [X, y];
      });
      const nameO = `plan/${kind}/${dt}/n${n}/out`;
      add(nameO, (sk) => {
        const p = sk.fftPlan(n, { dtype: dt, kind });
        const inLen = kind === 'complex' ? 2 * n : n;
        const outLen = kind === 'complex' ? 2 * n : 2 * (Math.floor(n / 2) + 1);
        const X = zeros(dt, outLen);
        p.forward(floats(dt, inLen, seedOf(nameO)), { out: X });
        const y = zeros(dt, inLen);
        p.inverse(X, { out: y });
        p.dispose();
        return [X, y];
      });
    }
  }
  {
    const name = `plan/complex/${dt}/n64/specials`;
    add(name, (sk) => {
      const p = sk.fftPlan(64, { dtype: dt });
      const r = [p.forward(specials(dt, 128, seedOf(name))), p.inverse(specials(dt, 128, seedOf(name + '/inv')))];
      p.dispose();
      return r;
    });
  }
  {
    const name = `plan/real/${dt}/n63/specials`;
    add(name, (sk) => {
      const p = sk.fftPlan(63, { dtype: dt, kind: 'real' });
      const r = [p.forward(specials(dt, 63, seedOf(name))), p.inverse(specials(dt, 64, seedOf(name + '/inv'))),
        p.forward(specials(dt, 63, seedOf(name + '/no-nan'), { density: 8, nan: false }))];
      p.dispose();
      return r;
    });
  }
}
add('plan/class-constructor/f64-default/n60', (sk) => {
  // new FftPlan(n) defaults to dtype 'f64', kind 'complex'; Symbol.dispose releases it
  const p = new sk.FftPlan(60);
  const X = p.forward(floats('f64', 120, seedOf('plan/class-constructor/f64-default/n60')));
  const dispose = Symbol.dispose ?? Symbol.for('Symbol.dispose');
  p[dispose]();
  return [X, Float64Array.of(p.disposed ? 1 : 0, p.n)];
});
add('clearPlanCache/then-fft/f64/n1009', (sk) => {
  sk.fft(floats('f64', 2 * 1009, 1));
  sk.clearPlanCache();
  return sk.fft(floats('f64', 2 * 1009, seedOf('clearPlanCache/then-fft/f64/n1009')));
});
add('plan-cache/eviction/f32', (sk) => {
  // more distinct lengths than the one-shot cache holds, then the first again
  const outs = [];
  for (let n = 20; n < 40; n++) outs.push(sk.fft(floats('f32', 2 * n, seedOf(`plan-cache/eviction/${n}`))));
  outs.push(sk.fft(floats('f32', 40, seedOf('plan-cache/eviction/20'))));
  return outs;
});

// ---- memory growth: a transform larger than the arena so far grows Wasm memory mid-sequence;
// plans made before, and arrays the caller holds, must give the same results after it
for (const dt of DTYPES) {
  const name = `memory-growth/${dt}/plan-and-arrays-survive`;
  add(name, (sk) => {
    const p = sk.fftPlan(12, { dtype: dt });
    const x = floats(dt, 24, seedOf(name));
    const before = p.forward(x);
    const big = sk.fft(floats(dt, 2 * 262144, seedOf(name + '/big'))); // 2^18 complex: 2 or 4 MiB
    const after = p.forward(x);
    p.dispose();
    return [before, after, big.subarray(0, 4096), big.subarray(big.length - 4096)];
  });
}

// ---- error messages: the same text in every runtime --------------------------------------------
const errorCases = {
  'fft/not-typed-array': (sk) => sk.fft([1, 2, 3, 4]),
  'fft/odd-length': (sk) => sk.fft(new Float64Array(3)),
  'fft/empty': (sk) => sk.fft(new Float32Array(0)),
  'fft/batch-not-divisor': (sk) => sk.fft(new Float64Array(10), { batch: 3 }),
  'fft/batch-zero': (sk) => sk.fft(new Float64Array(8), { batch: 0 }),
  'fft/bad-norm': (sk) => sk.fft(new Float64Array(8), { norm: 'unitary' }),
  'fft/norm-not-string': (sk) => sk.fft(new Float64Array(8), { norm: 1 }),
  'fft/out-wrong-type': (sk) => sk.fft(new Float64Array(8), { out: new Float32Array(8) }),
  'fft/out-wrong-length': (sk) => sk.fft(new Float32Array(8), { out: new Float32Array(6) }),
  'irfft/n-zero': (sk) => sk.irfft(new Float64Array(8), 0),
  'irfft/single-value-no-n': (sk) => sk.irfft(new Float64Array(2)),
  'fft2/shape-mismatch': (sk) => sk.fft2(new Float64Array(24), 3, 5),
  'fftbr/not-power-of-two': (sk) => sk.fftbr(new Float64Array(24)),
  'plan/bad-dtype': (sk) => sk.fftPlan(8, { dtype: 'f16' }),
  'plan/wrong-dtype-input': (sk) => {
    const p = sk.fftPlan(8, { dtype: 'f32' });
    try {
      return p.forward(new Float64Array(16));
    } finally {
      p.dispose();
    }
  },
  'plan/used-after-dispose': (sk) => {
    const p = sk.fftPlan(8);
    p.dispose();
    return p.forward(new Float64Array(16));
  },
};
for (const [name, fn] of Object.entries(errorCases)) {
  add(`errors/${name}`, (sk) => errorBytes(() => fn(sk)));
}
