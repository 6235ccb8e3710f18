// Tour of the Walsh-Hadamard family: fwht against an exact Sylvester-matrix product, sequency
// order, the m * 2^k sizes, randomized Hadamard rotations, and SPRIGHT recovering a sparse
// spectrum of 2^40 points from a few hundred thousand samples.

import { lcgValues } from '../lib/data.js';

export const title = 'Walsh-Hadamard: fwht (natural, sequency, m*2^k), hadamardRotate, SPRIGHT sparseWht';

const popcount = (v) => { v >>>= 0; let c = 0; while (v) { v &= v - 1; c++; } return c; };

function denseHadamard(x) {
  // H[i][j] = (-1)^popcount(i & j): the Sylvester matrix, O(n^2) on purpose
  const n = x.length, y = new Float64Array(n);
  for (let i = 0; i < n; i++) { let s = 0; for (let j = 0; j < n; j++) s += (popcount(i & j) & 1) ? -x[j] : x[j]; y[i] = s; }
  return y;
}

const relErr = (a, b) => { let e = 0, r = 0; for (let i = 0; i < b.length; i++) { e += (a[i] - b[i]) ** 2; r += b[i] ** 2; } return Math.sqrt(e / r); };

export async function tour(sk, log) {
  log.heading('fwht(x): natural (Sylvester) order, against the dense Hadamard product');
  const rows = [];
  for (const n of [16, 256, 1024]) {
    const x = lcgValues(n, n);
    const ref = denseHadamard(x);
    const e64 = relErr(sk.fwht(x), ref), e32 = relErr(sk.fwht(Float32Array.from(x)), ref);
    rows.push([n, e64.toExponential(1), e32.toExponential(1),
      log.check(`fwht n=${n} f64`, e64, 1e-15) === 'ok' && log.check(`fwht n=${n} f32`, e32, 1e-6) === 'ok' ? 'ok' : 'ABOVE']);
  }
  log.table(['n', 'f64 error', 'f32 error', ''], rows);
  const x = lcgValues(1 << 12, 3);
  log.result('involution: fwht(fwht(x), { norm: "forward" }) vs x, n = 4096', relErr(sk.fwht(sk.fwht(x), { norm: 'forward' }), x), 1e-15);
  const seq = sk.fwht(x, { order: 'sequency' }), nat = sk.fwht(x);
  log(`sequency order (MATLAB fwht) is a permutation of the natural one: same energy ${relErr(Float64Array.from(seq).sort(), Float64Array.from(nat).sort()).toExponential(1)}`);
  for (const m of [12, 20, 28, 40]) {
    const v = lcgValues(m * 64, m);
    const y = sk.fwht(v, { norm: 'ortho' });
    let e1 = 0, e2 = 0; for (let i = 0; i < v.length; i++) { e1 += v[i] ** 2; e2 += y[i] ** 2; }
    // the two plain sums of squares alone carry up to n eps of rounding: that is the bound
    log.result(`n = ${m} x 64 (H_${m} (x) H_64), ortho norm preserves energy: |ratio - 1|`, Math.abs(e2 / e1 - 1), v.length * 2.2e-16);
  }

  log.heading('hadamardRotate(x, { seed }): H D x / sqrt(n), the rotation LLM quantisers use');
  const w = lcgValues(4096 * 8, 9);
  const r = sk.hadamardRotate(w, { seed: 42, batch: 8 });
  const back = sk.hadamardRotate(r, { seed: 42, batch: 8, inverse: true });
  log.result('inverse round trip, 8 vectors of 4096', relErr(back, w), 1e-15);

  log.heading('sparseWht: SPRIGHT recovers a K-sparse spectrum of N = 2^n points from O(K n) samples');
  for (const [n, K, snr] of [[40, 100, Infinity], [40, 100, 10], [64, 50, Infinity]]) {
    const words = Math.ceil(n / 32);
    let st = 12345 + n + K;
    const next = () => { st ^= st << 13; st >>>= 0; st ^= st >>> 17; st ^= st << 5; st >>>= 0; return st; };
    const supp = [], coef = [];
    for (let t = 0; t < K; t++) {
      const s = new Uint32Array(words);
      for (let i = 0; i < words; i++) s[i] = next() & (i === words - 1 && n % 32 ? (1 << (n % 32)) - 1 : 0xffffffff);
      supp.push(s); coef.push((next() & 1 ? 1 : -1) * (1 + (next() % 1000) / 1000));
    }
    const sigma = Number.isFinite(snr) ? Math.sqrt(coef.reduce((a, c) => a + c * c, 0) / 10 ** (snr / 10)) : 0;
    let ns = 777;
    const gauss = () => { // Box-Muller on integer uniforms (tour code, not a library path)
      ns = (Math.imul(ns, 1664525) + 1013904223) >>> 0; const u = (ns + 1) / 4294967297;
      ns = (Math.imul(ns, 1664525) + 1013904223) >>> 0; const v = ns / 4294967296;
      return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    };
    const query = (idx, count) => {
      const out = new Float64Array(count);
      for (let q = 0; q < count; q++) {
        let acc = 0;
        for (let t = 0; t < K; t++) {
          let par = 0;
          for (let i = 0; i < words; i++) par ^= popcount(idx[q * words + i] & supp[t][i]) & 1;
          acc += par ? -coef[t] : coef[t];
        }
        out[q] = acc + sigma * gauss();
      }
      return out;
    };
    const t0 = performance.now();
    const res = await sk.sparseWht(query, n, { sparsity: K, noise: sigma > 0 ? sigma : 0, seed: 1 });
    const ms = performance.now() - t0;
    const key = (a, i) => Array.from(a.subarray(i * words, (i + 1) * words)).join(',');
    const want = new Set(supp.map((s) => Array.from(s).join(',')));
    let hit = 0; for (let i = 0; i < res.values.length; i++) if (want.has(key(res.indices, i))) hit++;
    const exact = hit === K && res.values.length === K;
    log(`n = ${n} (N = 2^${n}), K = ${K}, ${Number.isFinite(snr) ? `SNR ${snr} dB` : 'noiseless'}: recovered ${hit}/${K} exactly` +
      ` from ${res.samples} samples (${(res.samples / (K * n)).toFixed(1)} K n), ${res.rounds} round(s), ${ms.toFixed(0)} ms incl. the oracle ${exact ? 'ok' : 'MISSED'}`);
    log.check(`sparseWht n=${n} K=${K} support`, K - hit, 0);
  }
}
