// Evaluations per second of log I_v(x) and log K_v(x) on large arrays, beside the npm `bessel`
// package (pure JS, integer orders) and SciPy's ive/kve (run in a python3 subprocess on the same
// inputs, timed there), counting failures: a result that is 0, +-Infinity or NaN (for the peers,
// of I or K themselves, or of SciPy's exponentially scaled ive/kve) where the exact log value is
// finite, which it is at every point of these grids (x > 0). SciPy returns its failures early, so
// on grids where it fails on more than 0.1% of the points both are timed again on the points where
// SciPy's result is usable (rows 'non-failing points'): its rate on the whole grid counts the fast
// failures as evaluations.
//
//   node bench/special.bench.js [--n N] [--max-time S]
//
// Grids (LCG, integer arithmetic):
//   'wide'    v log-uniform in [1e-3, 1e5], x log-uniform in [1e-12, 1e6] (the domain);
//   'real'    v log-uniform in [1e-3, 1e4], x log-uniform in [1e-6, 1e5];
//   'integer' as 'real' with v rounded to an integer (what the `bessel` package accepts);
//   (these three with 5% v = 0)
//   'uniform 100', 'uniform 20', 'uniform 1e4': v uniform in [0, 100) and x in (0, 100] (or 20,
//             or 1e4): x ~ v, where the uniform (Debye) expansion's exponent cancels and is
//             carried in double-double, and (20) small orders at moderate x, where K takes the
//             continued fraction. SciPy is slowest on the first two, fast on the third.
// The `bessel` package loops ~v times per call, so it is timed on the first 2^16 points only (its
// rate is per evaluation all the same).

import { writeFileSync, readFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir, cpus } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import Benchmark from 'benchmark';
import * as sk from '../dist/index.js';

const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(name);
  return i >= 0 ? Number(args[i + 1]) : dflt;
};
const N = opt('--n', 1 << 20);
const MAX_TIME = opt('--max-time', 2);
const PEER_N = Math.min(N, 1 << 16);

await sk.init();

function grid(n, { integer = false, vDecades = [-3, 4], xDecades = [-6, 5], uniform = 0 }, seed) {
  let s = seed >>> 0;
  const u = () => { s = (Math.imul(s, 1664525) + 1013904223) >>> 0; return s / 4294967296; };
  const v = new Float64Array(n), x = new Float64Array(n);
  const [v0, v1] = vDecades, [x0, x1] = xDecades;
  for (let i = 0; i < n; i++) {
    if (uniform) {
      v[i] = uniform * u();
      x[i] = uniform * (1 - u());
      continue;
    }
    const a = u(), b = u(), c = u();
    v[i] = a < 0.05 ? 0 : 10 ** (v0 + (v1 - v0) * b);
    if (integer) v[i] = Math.round(v[i]);
    x[i] = 10 ** (x0 + (x1 - x0) * c);
  }
  return { v, x };
}

/** ops/s of fn (one call = `count` evaluations) by benchmark.js; median of its samples. */
function rate(name, fn, count) {
  const b = new Benchmark(name, fn, { maxTime: MAX_TIME, minSamples: 5 });
  b.run();
  const sample = [...b.stats.sample].sort((p, q) => p - q);
  return count / sample[sample.length >> 1];
}

function failures(arr, n = arr.length) {
  let f = 0;
  for (let i = 0; i < n; i++) if (!Number.isFinite(arr[i])) f++;
  return f;
}

function peerFailures(vals) {
  let f = 0;
  for (const y of vals) if (!(y > 0) || !Number.isFinite(y)) f++;
  return f;
}

let bessel = null;
try {
  bessel = (await import('bessel')).default;
} catch (e) {
  console.log(`npm bessel not installed (${e.message}); skipped`);
}

function scipy(v, x) {
  const dir = mkdtempSync(join(tmpdir(), 'sk-special-'));
  try {
    writeFileSync(join(dir, 'v.bin'), v);
    writeFileSync(join(dir, 'x.bin'), x);
    const py = `
import json, sys, time, numpy as np, scipy, scipy.special as sc
d = sys.argv[1]
v = np.fromfile(d + '/v.bin'); x = np.fromfile(d + '/x.bin')
out = {'version': scipy.__version__}
def timed(f, v, x):
    # best of three runs: (seconds, result)
    best = 1e9
    for _ in range(3):
        t = time.perf_counter(); y = f(v, x); best = min(best, time.perf_counter() - t)
    return best, y
for name, f in (('ive', sc.ive), ('kve', sc.kve)):
    best, y = timed(f, v, x)
    with np.errstate(all='ignore'):
        ok = np.isfinite(y) & (y != 0)
    bad = int(np.count_nonzero(~ok))
    out[name] = {'rate': len(v) / best, 'failures': bad}
    if bad > len(v) // 1000:
        # failures (underflow to 0, overflow to inf) return early, so the rate above counts them as
        # fast evaluations; time the points SciPy does get right on their own as well
        vo, xo = v[ok].copy(), x[ok].copy()
        out[name]['okRate'] = len(vo) / timed(f, vo, xo)[0]
        ok.astype(np.uint8).tofile(d + '/ok_' + name + '.bin')
print(json.dumps(out))
`;
    const res = JSON.parse(execFileSync('python3', ['-c', py, dir], { encoding: 'utf8', maxBuffer: 1 << 20 }));
    for (const name of ['ive', 'kve']) {
      if (res[name].okRate) res[name].ok = new Uint8Array(readFileSync(join(dir, `ok_${name}.bin`)));
    }
    return res;
  } catch (e) {
    console.log(`SciPy not run: ${String(e.message).split('\n')[0]}`);
    return null;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const fmt = (r) => (r / 1e6).toFixed(2) + ' M/s';
const pct = (f, n) => `${f} (${(100 * f / n).toFixed(1)}%)`;
console.log(`special functions, ${N} points per grid, node ${process.version}, ${cpus()[0].model}`);
const rows = [];
const GRIDS = [
  ['wide', { vDecades: [-3, 5], xDecades: [-12, 6] }, 3],
  ['uniform 100', { uniform: 100 }, 4],
  ['uniform 20', { uniform: 20 }, 5],
  ['uniform 1e4', { uniform: 1e4 }, 6],
  ['real v', {}, 1],
  ['integer v', { integer: true }, 2],
];
for (const [label, spec, seed] of GRIDS) {
  const integer = !!spec.integer;
  const g = grid(N, spec, seed);
  const outI = new Float64Array(N), outK = new Float64Array(N);
  const rI = rate('logBesselI', () => sk.logBesselI(g.v, g.x, outI), N);
  const rK = rate('logBesselK', () => sk.logBesselK(g.v, g.x, outK), N);
  rows.push([label, 'spectrakit logBesselI', fmt(rI), pct(failures(outI), N)]);
  rows.push([label, 'spectrakit logBesselK', fmt(rK), pct(failures(outK), N)]);
  const sp = scipy(g.v, g.x);
  if (sp) {
    rows.push([label, `SciPy ${sp.version} ive`, fmt(sp.ive.rate), pct(sp.ive.failures, N)]);
    rows.push([label, `SciPy ${sp.version} kve`, fmt(sp.kve.rate), pct(sp.kve.failures, N)]);
    rows.push([label, 'speed-up over SciPy (I, K)', `${(rI / sp.ive.rate).toFixed(1)}x, ${(rK / sp.kve.rate).toFixed(1)}x`, '']);
    if (sp.ive.ok && sp.kve.ok) {
      // the same comparison restricted to the points where SciPy's result is usable
      const sub = (ok) => {
        let m = 0;
        for (let i = 0; i < N; i++) m += ok[i];
        const v = new Float64Array(m), x = new Float64Array(m);
        for (let i = 0, j = 0; i < N; i++) if (ok[i]) { v[j] = g.v[i]; x[j++] = g.x[i]; }
        return { v, x, out: new Float64Array(m) };
      };
      const sI = sub(sp.ive.ok), sK = sub(sp.kve.ok);
      const oI = rate('logBesselI ok', () => sk.logBesselI(sI.v, sI.x, sI.out), sI.v.length);
      const oK = rate('logBesselK ok', () => sk.logBesselK(sK.v, sK.x, sK.out), sK.v.length);
      rows.push([label, 'SciPy ive / kve, non-failing points', `${fmt(sp.ive.okRate)} / ${fmt(sp.kve.okRate)}`, '']);
      rows.push([label, 'spectrakit I / K, the same points', `${fmt(oI)} / ${fmt(oK)}`, '']);
      rows.push([label, 'speed-up there (I, K)', `${(oI / sp.ive.okRate).toFixed(1)}x, ${(oK / sp.kve.okRate).toFixed(1)}x`, '']);
    }
  }
  if (integer && bessel) {
    const vi = Array.from(g.v.subarray(0, PEER_N)), xi = Array.from(g.x.subarray(0, PEER_N));
    const yI = new Float64Array(PEER_N), yK = new Float64Array(PEER_N);
    const bI = rate('bessel.besseli', () => { for (let i = 0; i < PEER_N; i++) yI[i] = bessel.besseli(xi[i], vi[i]); }, PEER_N);
    const bK = rate('bessel.besselk', () => { for (let i = 0; i < PEER_N; i++) yK[i] = bessel.besselk(xi[i], vi[i]); }, PEER_N);
    rows.push([label, `npm bessel besseli (first ${PEER_N})`, fmt(bI), pct(peerFailures(yI), PEER_N)]);
    rows.push([label, `npm bessel besselk (first ${PEER_N})`, fmt(bK), pct(peerFailures(yK), PEER_N)]);
  }
}
const w = [0, 1, 2, 3].map((c) => Math.max(...rows.map((r) => r[c].length), 8));
console.log(['grid', 'contestant', 'evaluations/s', 'failures'].map((h, c) => h.padEnd(w[c])).join('  '));
for (const r of rows) console.log(r.map((s, c) => s.padEnd(w[c])).join('  '));
