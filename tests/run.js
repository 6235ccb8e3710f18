// The one entry of `npm test` (after `npm run build`):
//   1. every tests/*.test.js (uvu), each in its own Node process, two at a time;
//   2. the conformance corpus and loading scenarios in each runtime: Node, Deno, Bun, headless
//      Chromium, workerd. A runtime that is not installed is skipped with the reason, except on CI
//      (CI=true), where all of them must be present.
// Prints one line per test file and runtime, then `N passed, N failed[, N skipped]`; exits 1 on any
// failure.
//
//   node tests/run.js                      everything
//   node tests/run.js --unit               only the uvu test files
//   node tests/run.js --runtimes=deno,bun  only those runtimes (names: node deno bun chromium workerd)
//   node tests/run.js fft                  only test files whose name contains "fft", no runtimes

import { readdirSync, existsSync } from 'node:fs';
import { cpus } from 'node:os';
import { ROOT, IS_CI, runProcess, printOutcome } from './runtimes/common.js';
import { checkCli } from './runtimes/cli.js';
import { checkChromium } from './runtimes/chromium.js';
import { checkWorkerd } from './runtimes/workerd.js';

const RUNTIMES = {
  node: () => checkCli('node'),
  deno: () => checkCli('deno'),
  bun: () => checkCli('bun'),
  chromium: checkChromium,
  workerd: checkWorkerd,
};

const FILE_TIMEOUT_MS = 10 * 60 * 1000;

function parseArgs(argv) {
  const opts = { unit: true, runtimes: Object.keys(RUNTIMES), files: [] };
  for (const a of argv) {
    if (a === '--unit') opts.runtimes = [];
    else if (a.startsWith('--runtimes=')) {
      opts.unit = false;
      opts.runtimes = a.slice(11).split(',').filter(Boolean);
      for (const r of opts.runtimes) if (!RUNTIMES[r]) throw new Error(`unknown runtime ${r}; known: ${Object.keys(RUNTIMES).join(' ')}`);
    } else if (a.startsWith('-')) throw new Error(`unknown option ${a}`);
    else {
      opts.files.push(a);
      opts.runtimes = [];
    }
  }
  return opts;
}

/** uvu's closing summary ("Total: N", "Passed: N", ...) from a file's output, or null. */
function uvuTotals(out) {
  const total = /Total:\s+(\d+)/.exec(out);
  const passed = /Passed:\s+(\d+)/.exec(out);
  return total ? { total: +total[1], passed: passed ? +passed[1] : 0 } : null;
}

async function runTestFile(file) {
  const t0 = performance.now();
  const r = await runProcess(process.execPath, [`tests/${file}`], { timeoutMs: FILE_TIMEOUT_MS });
  const secs = ((performance.now() - t0) / 1000).toFixed(1);
  const out = `${r.stdout}${r.stderr ? `\n${r.stderr}` : ''}`;
  const totals = uvuTotals(r.stdout);
  let problem = null;
  if (r.timedOut) problem = `timed out after ${FILE_TIMEOUT_MS / 60000} min (killed)`;
  else if (r.code !== 0) problem = `exit ${r.code ?? r.signal}`;
  // a file that never calls test.run() (or runs zero tests) would pass silently: count it as failed
  else if (!totals) problem = 'no uvu summary in its output (does the file call test.run()?)';
  else if (totals.total === 0) problem = 'ran zero tests';
  const status = problem ? 'failed' : 'passed';
  const text = `tests/${file}: ${totals ? `${totals.passed}/${totals.total} tests` : 'no summary'} in ${secs} s${problem ? ` -- ${problem}` : ''}`;
  const details = problem ? out.trim().split('\n').slice(-120) : [];
  return { status, text, details };
}

async function runUnit(filters) {
  const dir = new URL('./', import.meta.url);
  let files = readdirSync(dir).filter((f) => f.endsWith('.test.js')).sort();
  if (filters.length) files = files.filter((f) => filters.some((s) => f.includes(s)));
  console.log(`== unit tests: ${files.length} file(s) in Node ${process.version}`);
  if (files.length === 0) {
    console.log('(no tests/*.test.js files)');
    return [];
  }
  // two at a time (the CI machine has 2 cores); results printed in file order
  const width = Math.max(1, Math.min(2, cpus().length));
  const results = new Array(files.length);
  let next = 0;
  let printed = 0;
  const flush = () => {
    while (printed < files.length && results[printed]) printOutcome(results[printed++]);
  };
  await Promise.all(Array.from({ length: width }, async () => {
    while (next < files.length) {
      const i = next++;
      results[i] = await runTestFile(files[i]);
      flush();
    }
  }));
  return results;
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const t0 = performance.now();
  if (!existsSync(`${ROOT}dist/index.js`) || !existsSync(`${ROOT}dist/core.wasm`)) {
    console.log('FAIL  dist/ is not built: run `npm run build` (npm test does it first)');
    console.log('0 passed, 1 failed');
    process.exitCode = 1;
    return;
  }
  const outcomes = [];
  if (opts.unit) outcomes.push(...await runUnit(opts.files));
  if (opts.runtimes.length) {
    console.log(`== conformance: corpus and loading in ${opts.runtimes.join(', ')}${IS_CI ? ' (CI: every runtime required)' : ''}`);
    for (const name of opts.runtimes) {
      let o;
      try {
        o = await RUNTIMES[name]();
      } catch (e) {
        o = { runtime: name, status: 'failed', text: `${name}: runner crashed`, details: String(e && e.stack || e).split('\n') };
      }
      printOutcome(o);
      outcomes.push(o);
    }
  }
  const count = (s) => outcomes.filter((o) => o.status === s).length;
  const passed = count('passed');
  const failed = count('failed');
  const skippedN = count('skipped');
  console.log(`(${((performance.now() - t0) / 1000).toFixed(1)} s)`);
  console.log(`${passed} passed, ${failed} failed${skippedN ? `, ${skippedN} skipped` : ''}`);
  process.exitCode = failed > 0 || outcomes.length === 0 ? 1 : 0;
}

main().catch((e) => {
  console.log(String(e && e.stack || e));
  console.log('0 passed, 1 failed');
  process.exitCode = 1;
});
