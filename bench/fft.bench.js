// `npm run bench`: spectrakit's FFTs beside the peers, one process, benchmark.js.
// See bench/README.md for what is measured and the fairness rules.
//
//   node bench/fft.bench.js [--quick] [--filter REGEX] [--json [PATH]] [--max-time S]
//
//   --quick       few sizes, short runs (CI smoke test, ~1 minute)
//   --filter RE   only the (case, size) pairs whose label "f32-complex:1024" matches RE,
//                 e.g. --filter f64, --filter 'complex:(1024|4096)$'
//   --json [P]    also write the results as JSON to P (default bench/results/<date>.json)
//   --max-time S  benchmark.js maxTime per contestant, size and round (default 0.5, quick 0.25)
//   --rounds R    times each size's contestants are run in turn (default 3, quick 1)
//   --stat S      'median' (default) or 'min' of benchmark.js's samples: the time the tables
//                 and ratios use (the JSON keeps both)
//   SK_SIZES=n1,n2,...  (environment) run these lengths instead of the default list

import { mkdirSync, writeFileSync, readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { cpus, loadavg } from 'node:os';
import { execSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { dirname, join, relative } from 'node:path';
import Benchmark from 'benchmark';
import * as sk from '../dist/index.js';
import { lcgValues, typed, naiveDft, naiveRdft, relL2, isPow2, flops } from './lib/data.js';
import { spectrakit, loadPeers } from './lib/contestants.js';
import { table, us, ratio, sci, sizeLabel } from './lib/format.js';

const here = dirname(fileURLToPath(import.meta.url));

// ---- options ---------------------------------------------------------------------------------

function parseArgs(argv) {
  const o = { quick: false, filter: null, json: null, maxTime: null, stat: 'median', rounds: null };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--quick') o.quick = true;
    else if (a === '--filter') o.filter = new RegExp(argv[++i]);
    else if (a === '--json') {
      o.json = argv[i + 1] && !argv[i + 1].startsWith('--') ? argv[++i] : '';
    } else if (a === '--max-time') o.maxTime = Number(argv[++i]);
    else if (a === '--stat') o.stat = argv[++i];
    else if (a === '--rounds') o.rounds = Number(argv[++i]);
    else if (a === '--help' || a === '-h') {
      console.log('usage: node bench/fft.bench.js [--quick] [--filter REGEX] [--json [PATH]] [--max-time S] [--rounds R] [--stat median|min]');
      process.exit(0);
    } else {
      console.error(`unknown argument ${a} (try --help)`);
      process.exit(2);
    }
  }
  if (o.stat !== 'median' && o.stat !== 'min') {
    console.error("--stat must be 'median' or 'min'");
    process.exit(2);
  }
  if (o.maxTime === null) o.maxTime = o.quick ? 0.25 : 0.5;
  if (o.rounds === null) o.rounds = o.quick ? 1 : 3;
  if (!(Number.isInteger(o.rounds) && o.rounds >= 1)) {
    console.error('--rounds must be a positive integer');
    process.exit(2);
  }
  if (!(o.maxTime > 0)) {
    console.error('--max-time must be a positive number of seconds');
    process.exit(2);
  }
  return o;
}

const opts = parseArgs(process.argv.slice(2));

const POW2_EXPS = opts.quick ? [6, 10, 14, 18] : [6, 7, 8, 9, 10, 11, 12, 14, 16, 18, 20];
// non-powers of two: 1000 = 2^3 5^3, 1536 = 2^9 3 (pffft can), 4095 = 3^2 5 7 13 (odd: no real
// transform in kissfft), 10007 prime (Bluestein for us), 12000 = 2^5 3 5^3 (pffft can)
const OTHER_SIZES = opts.quick ? [1000, 10007] : [1000, 1536, 4095, 10007, 12000];
const SIZES = process.env.SK_SIZES ? process.env.SK_SIZES.split(',').map(Number) : [...POW2_EXPS.map((e) => 2 ** e), ...OTHER_SIZES];

const CASES = [
  { id: 'f32-complex', dtype: 'f32', kind: 'complex' },
  { id: 'f32-real', dtype: 'f32', kind: 'real' },
  { id: 'f64-complex', dtype: 'f64', kind: 'complex' },
  { id: 'f64-real', dtype: 'f64', kind: 'real' },
];

// A contestant whose output is further than this from the double-precision reference is not
// timed (a wrong-size call or a broken build must not "win"). These are sanity bounds, far
// looser than the accuracy targets, which tests/ checks against fixtures.
const TOL = { f32: 1e-4, f64: 1e-9 };

// ---- references ------------------------------------------------------------------------------

const NAIVE_MAX = 12000; // O(n^2) compensated DFT up to here (~1 s at the largest)

function inputFor(n, kind) {
  return lcgValues(kind === 'real' ? n : 2 * n, kind === 'real' ? 7 : 3);
}

const refCache = new Map();
function reference(n, kind, fftjs) {
  const key = `${kind}:${n}`;
  if (refCache.has(key)) return refCache.get(key);
  const x = inputFor(n, kind);
  let ref;
  let how;
  if (n <= NAIVE_MAX) {
    ref = kind === 'real' ? naiveRdft(x, n) : naiveDft(x, n);
    how = 'naive DFT (double, compensated)';
  } else if (fftjs && isPow2(n)) {
    // fft.js in double precision, spot-checked against the naive DFT at a few bins
    const r = fftjs.make(n, kind, 'f64', Float64Array.from(x));
    r.run();
    ref = r.result();
    how = 'fft.js f64, spot-checked';
    spotCheck(x, n, kind, ref);
  } else {
    ref = null;
    how = 'none';
  }
  const v = { x, ref, how };
  refCache.set(key, v);
  return v;
}

function spotCheck(x, n, kind, ref) {
  const bins = kind === 'real' ? Math.floor(n / 2) + 1 : n;
  let worst = 0;
  let scale = 0;
  for (let t = 0; t < 12; t++) {
    const k = Math.floor(((t * 2654435761) >>> 0) / 4294967296 * bins);
    let sr = 0;
    let si = 0;
    for (let j = 0; j < n; j++) {
      const a = (-2 * Math.PI * ((j * k) % n)) / n;
      const xr = kind === 'real' ? x[j] : x[2 * j];
      const xi = kind === 'real' ? 0 : x[2 * j + 1];
      sr += xr * Math.cos(a) - xi * Math.sin(a);
      si += xr * Math.sin(a) + xi * Math.cos(a);
    }
    worst = Math.max(worst, Math.hypot(ref[2 * k] - sr, ref[2 * k + 1] - si));
    scale = Math.max(scale, Math.hypot(sr, si));
  }
  if (!(worst <= 1e-9 * scale)) throw new Error(`fft.js reference failed its spot check at n = ${n} (${kind})`);
}

// ---- one size of one case --------------------------------------------------------------------

function median(a) {
  const s = [...a].sort((p, q) => p - q);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

function benchSize(c, n, contestants, fftjs) {
  const { x, ref, how } = reference(n, c.kind, fftjs);
  const input = typed(x, c.dtype);
  const entries = [];
  for (const ct of contestants) {
    const e = { name: ct.name, supported: true, reason: '', err: NaN, ok: false, instance: null };
    entries.push(e);
    if (!ct.dtypes.includes(c.dtype)) {
      Object.assign(e, { supported: false, reason: `${c.dtype} not offered` });
      continue;
    }
    const s = ct.supports(n, c.kind);
    if (s !== true) {
      Object.assign(e, { supported: false, reason: s });
      continue;
    }
    try {
      e.instance = ct.make(n, c.kind, c.dtype, input);
      e.instance.run();
      const got = e.instance.result();
      e.err = ref ? relL2(got, ref) : NaN;
      e.ok = ref ? e.err <= TOL[c.dtype] : ct.name === 'spectrakit';
    } catch (err) {
      e.reason = `failed: ${err && err.message ? err.message : err}`;
      e.ok = false;
    }
    if (!e.ok && !e.reason) e.reason = `wrong result (rel L2 ${sci(e.err)} vs ${how})`;
  }
  // our own kernel is timed even when wrong, so the table shows it (and flags it)
  const timed = entries.filter((e) => e.instance && (e.ok || e.name === 'spectrakit'));
  // Rounds: the machine is shared, so its speed drifts; each round runs every contestant once
  // (a benchmark.js suite, the starting contestant rotated), and a contestant's time is the
  // median over rounds of its per-round median, so all of them see the same drift.
  const perRound = new Map(timed.map((e) => [e.name, []]));
  const allSamples = new Map(timed.map((e) => [e.name, []]));
  for (let r = 0; r < opts.rounds && timed.length; r++) {
    const suite = new Benchmark.Suite(`${c.id}:${n}#${r}`);
    for (let i = 0; i < timed.length; i++) {
      const e = timed[(i + r) % timed.length];
      suite.add(e.name, e.instance.run, {
        maxTime: opts.maxTime,
        minSamples: 5,
        onStart() { if (globalThis.gc) globalThis.gc(); },
      });
    }
    suite.run({ async: false });
    suite.forEach((b) => {
      const e = entries.find((q) => q.name === b.name);
      if (b.error) { e.ok = false; e.reason = `benchmark error: ${b.error}`; return; }
      perRound.get(b.name).push(median(b.stats.sample));
      allSamples.get(b.name).push(...b.stats.sample);
    });
  }
  for (const e of timed) {
    const rm = perRound.get(e.name);
    const all = allSamples.get(e.name);
    if (!rm.length) continue;
    e.roundsUs = rm.map((t) => t * 1e6);
    e.medianUs = median(rm) * 1e6;
    e.minUs = Math.min(...all) * 1e6;
    e.us = opts.stat === 'min' ? e.minUs : e.medianUs;
    // spread: half the range of the round medians, relative to their median
    e.spread = rm.length > 1 ? (50 * (Math.max(...rm) - Math.min(...rm))) / median(rm) : NaN;
    e.samples = all.length;
    e.mflops = flops(n, c.kind) / e.us;
  }
  for (const e of entries) {
    if (!e.instance) continue;
    // checked again after thousands of timed calls: state kept between calls (memory growth,
    // cached views) must not have changed the answer
    if (e.ok && ref) {
      const after = relL2(e.instance.result(), ref);
      if (!(after <= TOL[c.dtype])) {
        e.ok = false;
        e.reason = `wrong result after timing (rel L2 ${sci(after)})`;
      }
    }
    e.algorithm = e.instance.algorithm;
    e.instance.dispose();
    delete e.instance;
  }
  return { case: c.id, dtype: c.dtype, kind: c.kind, n, reference: how, entries };
}

// ---- main ------------------------------------------------------------------------------------

function gitCommit() {
  try {
    return execSync('git rev-parse --short HEAD', { cwd: here, stdio: ['ignore', 'pipe', 'ignore'] }).toString().trim()
      + (execSync('git status --porcelain -- assembly ts', { cwd: here, stdio: ['ignore', 'pipe', 'ignore'] }).toString().trim() ? '+dirty' : '');
  } catch { return 'unknown'; }
}

async function main() {
  // benchmark.js would otherwise try to inline each function's source into its timing loop;
  // our functions are closures, so every contestant is called through the same plain call.
  Benchmark.support.decompilation = false;
  await sk.init();
  const peers = await loadPeers((m) => console.error(`warning: ${m}`));
  const fftjs = peers.find((p) => p.name === 'fft.js');
  const contestants = [spectrakit(sk), ...peers];

  const meta = {
    date: new Date().toISOString(),
    node: process.version,
    v8: process.versions.v8,
    cpu: cpus()[0]?.model ?? 'unknown',
    cores: cpus().length,
    loadavgStart: loadavg().map((l) => +l.toFixed(2)),
    commit: gitCommit(),
    // dist/ may be rebuilt from uncommitted sources: the binary's hash says what was measured
    coreWasmSha256: createHash('sha256').update(readFileSync(join(here, '..', 'dist', 'core.wasm'))).digest('hex').slice(0, 16),
    options: { quick: opts.quick, filter: opts.filter ? String(opts.filter) : null, maxTime: opts.maxTime, rounds: opts.rounds, stat: opts.stat },
    peers: Object.fromEntries(contestants.map((ct) => [ct.name, ct.note])),
  };
  console.log(`spectrakit FFT benchmark  ${meta.date}  node ${meta.node}  ${meta.cpu} x${meta.cores}`);
  console.log(`commit ${meta.commit}  core.wasm ${meta.coreWasmSha256}  load average ${meta.loadavgStart.join(' ')}  maxTime ${opts.maxTime}s x ${opts.rounds} rounds per contestant`);
  console.log(opts.stat === 'min'
    ? 'time = fastest benchmark.js sample over all rounds;'
    : 'time = median over rounds of the median benchmark.js sample; +- = half the range of the round medians;');
  console.log('MFLOPS = 5 N log2 N / us (complex), 2.5 N log2 N / us (real);');
  console.log('peer columns = peer time / our time (> 1: spectrakit is faster). pffft-wasm and kissfft-wasm are f32 only.\n');

  const results = [];
  const t0 = Date.now();
  for (const c of CASES) {
    const sizes = SIZES.filter((n) => !opts.filter || opts.filter.test(`${c.id}:${n}`));
    if (!sizes.length) continue;
    const rows = [];
    const notes = new Set();
    // peers that do not offer this precision get no column, just a note
    const casePeers = peers.filter((p) => p.dtypes.includes(c.dtype)).map((p) => p.name);
    const absent = peers.filter((p) => !p.dtypes.includes(c.dtype)).map((p) => p.name);
    if (absent.length) notes.add(`${absent.join(', ')}: ${c.dtype} not offered (f32 only)`);
    for (const n of sizes) {
      process.stderr.write(`  ${c.id} n=${n} ...`);
      const r = benchSize(c, n, contestants, fftjs);
      results.push(r);
      process.stderr.write(` ${((Date.now() - t0) / 1000).toFixed(0)}s\n`);
      const ours = r.entries.find((e) => e.name === 'spectrakit');
      const cols = casePeers.map((p) => {
        const e = r.entries.find((q) => q.name === p);
        if (!e.supported) { notes.add(`${p}: ${e.reason}`); return 'n/a'; }
        if (!e.ok) { notes.add(`${p} at n=${n}: ${e.reason}`); return 'FAILED'; }
        return ratio(e.us / ours.us);
      });
      if (!ours.ok) notes.add(`spectrakit at n=${n}: ${ours.reason}`);
      rows.push([
        sizeLabel(n),
        ours.algorithm ?? '-',
        (ours.ok ? '' : '!') + sci(ours.err),
        us(ours.us),
        Number.isFinite(ours.mflops) ? ours.mflops.toFixed(0) : '-',
        Number.isFinite(ours.spread) ? `${ours.spread.toFixed(0)}%` : '-',
        ...cols,
      ]);
    }
    console.log(`== ${c.id} (${c.dtype}, ${c.kind}${c.kind === 'real' ? ': n reals -> n/2+1 bins' : ''}) ==`);
    console.log(table(['n', 'algorithm', 'rel err', 'ours us', 'MFLOPS', '+-', ...casePeers], rows));
    const summary = casePeers.map((p) => {
      const rs = results.filter((r) => r.case === c.id && isPow2(r.n)).map((r) => {
        const e = r.entries.find((q) => q.name === p);
        const o = r.entries.find((q) => q.name === 'spectrakit');
        return e.ok && Number.isFinite(e.us) && Number.isFinite(o.us) ? e.us / o.us : NaN;
      }).filter(Number.isFinite);
      if (!rs.length) return null;
      const gm = Math.exp(rs.reduce((acc, r) => acc + Math.log(r), 0) / rs.length);
      return `${p} ${ratio(gm)} (range ${ratio(Math.min(...rs))}..${ratio(Math.max(...rs))})`;
    }).filter(Boolean);
    if (summary.length) console.log(`  powers of two, geometric mean of peer/ours: ${summary.join('; ')}`);
    for (const note of notes) console.log(`  note: ${note}`);
    console.log('');
  }
  meta.loadavgEnd = loadavg().map((l) => +l.toFixed(2));
  meta.seconds = Math.round((Date.now() - t0) / 1000);
  console.log(`done in ${meta.seconds}s; load average at end ${meta.loadavgEnd.join(' ')}`);

  if (opts.json !== null) {
    let path = opts.json;
    if (!path) {
      const dir = join(here, 'results');
      mkdirSync(dir, { recursive: true });
      path = join(dir, `${meta.date.slice(0, 16).replace(':', '-')}${opts.quick ? '-quick' : ''}.json`);
    }
    writeFileSync(path, JSON.stringify({ meta, results }, null, 1) + '\n');
    console.log(`results written to ${relative(process.cwd(), path) || path}`);
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
