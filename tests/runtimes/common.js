// Shared by the runtime runners (Node-side): finding binaries, running a child process with a hard
// time limit, judging a scenario's result against golden.json, and printing a summary.

import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { compareToGolden } from '../conformance/corpus.js';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const IS_CI = process.env.CI === 'true' || process.env.CI === '1';
/** CONFORMANCE_VERBOSE=1 lists every loading check of every scenario. */
const VERBOSE = !!process.env.CONFORMANCE_VERBOSE;

export function loadGolden() {
  const file = fileURLToPath(new URL('../conformance/golden.json', import.meta.url));
  return JSON.parse(readFileSync(file, 'utf8'));
}

/**
 * The first candidate that runs `<bin> <versionArgs>` successfully, as { bin, version }, or
 * { bin: null, reason } when none does. Candidates that do not exist are skipped; an override
 * from the environment (e.g. DENO_BIN) comes first.
 */
export function findBinary(envVar, candidates, versionArgs = ['--version']) {
  const list = [process.env[envVar], ...candidates].filter(Boolean);
  const tried = [];
  for (const c of list) {
    const bin = c.startsWith('/') ? c : ROOT + c;
    if (!existsSync(bin)) {
      tried.push(`${c}: not found`);
      continue;
    }
    const r = spawnSync(bin, versionArgs, { encoding: 'utf8', timeout: 30000, stdio: ['ignore', 'pipe', 'pipe'] });
    if (r.status === 0) return { bin, version: (r.stdout || r.stderr).trim().split('\n')[0] };
    tried.push(`${c}: ${r.error ? r.error.message : `exit ${r.status} ${(r.stderr || '').trim().split('\n')[0]}`}`);
  }
  return { bin: null, reason: tried.join('; ') || 'no candidates' };
}

/** Platform package folders of the npm binaries, for when their postinstall did not run. */
export function platformTag() {
  const arch = process.arch === 'x64' ? 'x64' : process.arch === 'arm64' ? 'arm64' : process.arch;
  return { os: process.platform, arch };
}

/**
 * Runs a command, resolving { code, signal, stdout, stderr, timedOut } and never rejecting. After
 * `timeoutMs` the process group gets SIGKILL, so a hung runtime cannot stall the test run.
 */
export function runProcess(cmd, args, { timeoutMs = 120000, cwd = ROOT, env = process.env, input } = {}) {
  return new Promise((resolve) => {
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    let child;
    try {
      child = spawn(cmd, args, { cwd, env, stdio: [input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'], detached: true });
    } catch (e) {
      resolve({ code: null, signal: null, stdout, stderr: String(e), timedOut });
      return;
    }
    const kill = () => {
      try { process.kill(-child.pid, 'SIGKILL'); } catch { try { child.kill('SIGKILL'); } catch { /* gone */ } }
    };
    const timer = setTimeout(() => { timedOut = true; kill(); }, timeoutMs);
    child.stdout.on('data', (d) => { stdout += d; });
    child.stderr.on('data', (d) => { stderr += d; });
    if (input !== undefined) child.stdin.end(input);
    child.on('error', (e) => { stderr += String(e); });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr, timedOut });
    });
  });
}

const MARKER = '@@RESULT@@';

/** The JSON result an entry printed after the marker, or null. */
export function parseResult(stdout) {
  const line = stdout.split('\n').find((l) => l.startsWith(MARKER));
  if (!line) return null;
  try {
    return JSON.parse(line.slice(MARKER.length));
  } catch {
    return null;
  }
}

/**
 * Judges one scenario's result: every loading check must pass and every hash must equal the
 * golden one; 'main' must cover the whole corpus. Returns { ok, lines } (lines: what went wrong).
 */
export function judge(scenario, result, golden) {
  const lines = [];
  if (!result) return { ok: false, lines: ['no result (the entry crashed or printed nothing)'], checks: 0, hashes: 0 };
  for (const c of result.checks) {
    if (!c.ok) lines.push(`check failed: ${c.name}${c.detail ? ` (${c.detail})` : ''}`);
  }
  const cmp = compareToGolden(result.hashes, golden, scenario !== 'main');
  for (const m of cmp.mismatched.slice(0, 12)) {
    lines.push(`hash differs: ${m.name}${m.got.startsWith('error') ? ` (${m.got})` : ''}`);
  }
  if (cmp.mismatched.length > 12) lines.push(`... and ${cmp.mismatched.length - 12} more differing hashes`);
  if (cmp.missing.length) lines.push(`${cmp.missing.length} golden case(s) not produced, e.g. ${cmp.missing[0]}`);
  if (cmp.extra.length) {
    lines.push(`${cmp.extra.length} case(s) missing from golden.json, e.g. ${cmp.extra[0]} ` +
      '(new cases? run `node tests/conformance/update-golden.js` and commit golden.json)');
  }
  if (scenario !== 'main' && cmp.checked === 0 && result.checks.every((c) => c.ok)) lines.push('no corpus cases ran');
  return { ok: lines.length === 0, lines, checks: result.checks.length, hashes: cmp.checked };
}

/**
 * The outcome of one runtime: { runtime, status: 'passed'|'failed'|'skipped', text, details }.
 * `scenarios`: [{ scenario, label?, result, problem? }] from the runner.
 */
export function summarize(runtime, version, scenarios, golden, ms) {
  const details = [];
  let checks = 0;
  let hashes = 0;
  let ok = true;
  for (const { scenario, label, result, problem } of scenarios) {
    const j = problem && !result ? { lines: [], checks: 0, hashes: 0 } : judge(scenario, result, golden);
    checks += j.checks;
    hashes += j.hashes;
    if (problem) j.lines.unshift(problem);
    if (VERBOSE && result) {
      for (const c of result.checks) details.push(`[${label ?? scenario}] ${c.ok ? 'ok  ' : 'FAIL'} ${c.name}${c.detail ? ` (${c.detail})` : ''}`);
      details.push(`[${label ?? scenario}] ${Object.keys(result.hashes).length} hashes in ${Math.round(result.ms ?? 0)} ms`);
    }
    if (j.lines.length) {
      ok = false;
      for (const l of j.lines) details.push(`[${label ?? scenario}] ${l}`);
    }
  }
  const text = `${runtime} (${version}): ${scenarios.length} loading scenarios, ${checks} loading checks, ` +
    `${hashes} output hashes vs golden.json (${Object.keys(golden).length} cases) in ${(ms / 1000).toFixed(1)} s`;
  return { runtime, status: ok ? 'passed' : 'failed', text, details };
}

export function skipped(runtime, reason) {
  return { runtime, status: IS_CI ? 'failed' : 'skipped', text: `${runtime}: ${IS_CI ? 'MISSING on CI' : 'skipped'}: ${reason}`, details: [] };
}

export function printOutcome(o) {
  const tag = o.status === 'passed' ? 'PASS' : o.status === 'skipped' ? 'SKIP' : 'FAIL';
  console.log(`${tag}  ${o.text}`);
  for (const d of o.details) console.log(`      ${d}`);
}

/** Lets a runner module be run on its own: `node tests/runtimes/<name>.js`. */
export async function mainIfRun(metaUrl, fn) {
  if (process.argv[1] && fileURLToPath(metaUrl) === process.argv[1]) {
    const o = await fn();
    printOutcome(o);
    process.exitCode = o.status === 'failed' ? 1 : 0;
  }
}
