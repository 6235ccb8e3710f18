// The dense linear-algebra benchmark: symEig and cholesky for n = 100, 400, 1000 (plus
// eigenvalues only, a triangular solve and kronMatvec on GP-sized grids), timed with benchmark.js,
// and numpy (LAPACK through numpy.linalg.eigh / cholesky) on the very same matrices in a python3
// subprocess as the reference column. numpy runs with one BLAS thread (OMP/OPENBLAS/MKL_NUM_THREADS
// = 1) so that both columns use one core; --numpy-threads N changes that.
// Two figures per kernel: wall time (benchmark.js median) and CPU time of the process (median of
// a few calls; process.cpuUsage here, time.process_time in Python). On a loaded machine the wall
// time includes waiting for a core and the CPU time does not, so compare CPU with CPU.
//
//   node bench/linalg.bench.js [--quick] [--no-numpy] [--numpy-threads N] [--max-time S]
//
// Matrices: tests/fixtures/linalg/matrices.js randomSym (eigen) and spdInt (Cholesky), which
// tests/fixtures/linalg/generate.py rebuilds bit for bit, so numpy sees identical inputs. Every
// result is checked (residual) before it is timed.

import { execFileSync } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import Benchmark from 'benchmark';
import * as sk from '../dist/index.js';
import { randomSym, spdInt } from '../tests/fixtures/linalg/matrices.js';

const here = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const quick = args.includes('--quick');
const withNumpy = !args.includes('--no-numpy');
const threadsAt = args.indexOf('--numpy-threads');
const numpyThreads = threadsAt >= 0 ? Number(args[threadsAt + 1]) : 1;
const maxAt = args.indexOf('--max-time');
const maxTime = maxAt >= 0 ? Number(args[maxAt + 1]) : (quick ? 0.5 : 2);
const SIZES = quick ? [100, 400] : [100, 400, 1000];
const EIG_SEED = (n) => 5000 + n;
const CHOL_SEED = (n) => 6000 + n;

await sk.init();

/** Median seconds per call (benchmark.js samples; at least 3 even for second-long calls). */
function time(name, fn) {
  fn(); // warm-up and JIT
  const b = new Benchmark(name, fn, { maxTime, minSamples: 3, initCount: 1 });
  b.run({ async: false });
  if (b.error) throw b.error;
  const s = b.stats.sample.slice().sort((x, y) => x - y);
  return s[Math.floor(s.length / 2)];
}

/** Median CPU seconds (user + system) per call over reps calls. */
function cpuTime(fn, reps) {
  fn();
  const ts = [];
  for (let i = 0; i < reps; i++) {
    const c = process.cpuUsage();
    fn();
    const d = process.cpuUsage(c);
    ts.push((d.user + d.system) / 1e6);
  }
  ts.sort((x, y) => x - y);
  return ts[Math.floor(reps / 2)];
}

function ms(t) { return Number.isFinite(t) ? (t * 1e3).toFixed(t < 0.01 ? 3 : t < 1 ? 2 : 1) : '-'; }

function residualEig(A, V, w, n) {
  // ||A V - V diag(w)||_F / ||A||_F, sampled on 16 columns to keep the check cheap
  let s = 0, a = 0;
  for (let i = 0; i < n * n; i++) a += A[i] * A[i];
  for (let c = 0; c < 16; c++) {
    const k = Math.floor((c * (n - 1)) / 15);
    for (let i = 0; i < n; i++) {
      let t = 0;
      for (let j = 0; j < n; j++) t += A[i * n + j] * V[j * n + k];
      t -= V[i * n + k] * w[k];
      s += t * t;
    }
  }
  return Math.sqrt((s * n) / 16 / a);
}

function residualChol(A, L, n) {
  let s = 0, a = 0;
  for (let i = 0; i < n; i++) for (let j = 0; j <= i; j++) {
    let t = 0;
    for (let k = 0; k <= j; k++) t += L[i * n + k] * L[j * n + k];
    s += (t - A[i * n + j]) ** 2; a += A[i * n + j] ** 2;
  }
  return Math.sqrt(s / a);
}

function numpyTimes() {
  const py = `
import sys, time, json
sys.path.insert(0, ${JSON.stringify(join(here, '..', 'tests', 'fixtures', 'linalg'))})
import numpy as np
from generate import random_sym, spd_int
out = {}
def med(f, reps):
    f(); ts = []; cs = []
    for _ in range(reps):
        c = time.process_time(); t = time.perf_counter(); f()
        ts.append(time.perf_counter() - t); cs.append(time.process_time() - c)
    ts.sort(); cs.sort(); return [ts[len(ts) // 2], cs[len(cs) // 2]]
for n in ${JSON.stringify(SIZES)}:
    A = random_sym(n, ${5000} + n)
    S = spd_int(n, ${6000} + n, n)
    reps = 3 if n >= 1000 else 7
    out[n] = {'eigh': med(lambda: np.linalg.eigh(A), reps),
              'eigvalsh': med(lambda: np.linalg.eigvalsh(A), reps),
              'cholesky': med(lambda: np.linalg.cholesky(S), reps * 3)}
print(json.dumps({'numpy': np.__version__, 'times': out}))
`;
  const env = { ...process.env, OMP_NUM_THREADS: String(numpyThreads), OPENBLAS_NUM_THREADS: String(numpyThreads), MKL_NUM_THREADS: String(numpyThreads) };
  try {
    return JSON.parse(execFileSync('python3', ['-c', py], { env, encoding: 'utf8', maxBuffer: 1 << 20 }));
  } catch (e) {
    console.log(`numpy column skipped: ${String(e.message).split('\n')[0]}`);
    return null;
  }
}

console.log(`spectrakit linalg benchmark: node ${process.version}, ${cpus().length} x ${cpus()[0]?.model ?? 'cpu'}, load ${loadavg().map((x) => x.toFixed(1)).join(' ')}`);
const np = withNumpy ? numpyTimes() : null;
if (np) console.log(`numpy ${np.numpy} (LAPACK), ${numpyThreads} BLAS thread(s)`);

const rows = [];
for (const n of SIZES) {
  const A = randomSym(n, EIG_SEED(n));
  const S = spdInt(n, CHOL_SEED(n), n);
  const r = sk.symEig(A, n);
  const res = residualEig(A, r.vectors, r.values, n);
  if (!(res < 1e-13)) throw new Error(`symEig n=${n}: residual ${res}`);
  const L = sk.cholesky(S, n);
  const resC = residualChol(S, L, n);
  if (!(resC < 1e-14)) throw new Error(`cholesky n=${n}: residual ${resC}`);
  const reps = n >= 1000 ? 3 : 7;
  const eig = () => sk.symEig(A, n), val = () => sk.symEig(A, n, { vectors: false }), chol = () => sk.cholesky(S, n);
  const b = new Float64Array(n).fill(1);
  const solve = () => sk.choleskySolve(L, b);
  const t = np?.times?.[n];
  rows.push([`symEig ${n}`, time('eig', eig), cpuTime(eig, reps), t?.eigh, res]);
  rows.push([`symEig values only ${n}`, time('val', val), cpuTime(val, reps), t?.eigvalsh, NaN]);
  rows.push([`cholesky ${n}`, time('chol', chol), cpuTime(chol, reps * 3), t?.cholesky, resC]);
  rows.push([`choleskySolve ${n} (1 rhs)`, time('solve', solve), cpuTime(solve, reps * 3), undefined, NaN]);
}

const head = ['kernel', 'wall ms', 'cpu ms', 'numpy wall ms', 'numpy cpu ms', 'cpu ratio', 'residual'];
const w = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (i === 0 ? r[0].length : 8))) + 2);
const line = (cells) => cells.map((c, i) => (i === 0 ? String(c).padEnd(w[i]) : String(c).padStart(w[i]))).join('');
console.log('\n' + line(head));
for (const r of rows) {
  const npw = r[3]?.[0], npc = r[3]?.[1];
  console.log(line([r[0], ms(r[1]), ms(r[2]), ms(npw), ms(npc), npc ? (r[2] / npc).toFixed(2) + 'x' : '-',
    Number.isFinite(r[4]) ? r[4].toExponential(1) : '-']));
}
console.log('(residuals: ||AV - VL||_F/||A||_F on 16 sampled columns; ||LL^T - A||_F/||A||_F; cpu ratio = ours / numpy)');

// kronMatvec on GP-sized grids: one product with the full Kronecker matrix, never formed
console.log('');
for (const sizes of quick ? [[400, 400]] : [[400, 400], [64, 64, 64], [1000, 1000]]) {
  const factors = sizes.map((m, k) => randomSym(m, 7000 + 10 * k + m));
  const N = sizes.reduce((a, c) => a * c, 1);
  const x = new Float64Array(N).fill(1);
  const kron = () => sk.kronMatvec(factors, x);
  const tk = time(`kron ${sizes}`, kron), ck = cpuTime(kron, 5);
  const flops = 2 * N * sizes.reduce((a, c) => a + c, 0);
  console.log(`kronMatvec ${sizes.join(' x ')} (N = ${N}): wall ${ms(tk)} ms, cpu ${ms(ck)} ms, ${(flops / ck / 1e9).toFixed(2)} GFlop/s of cpu time`);
}
