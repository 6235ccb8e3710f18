// Runners for the command-line runtimes: Node (this process's own binary), Deno 2 and Bun from
// their npm packages. Each loading scenario runs in a fresh process of that runtime.
//
//   node tests/runtimes/cli.js node|deno|bun

import { findBinary, runProcess, parseResult, summarize, skipped, loadGolden, mainIfRun, platformTag } from './common.js';

const SCENARIOS = ['main', 'module', 'bytes', 'response', 'sync-bytes', 'sync-module'];
const ENTRY = 'tests/runtimes/cli-entry.js';

function binaries() {
  const { os, arch } = platformTag();
  return {
    // node_modules/.bin first; the platform package's own binary second, for an install whose
    // postinstall scripts did not run (npm --ignore-scripts or a script policy)
    deno: findBinary('DENO_BIN', [
      'node_modules/.bin/deno',
      `node_modules/@deno/${os}-${arch}${os === 'linux' ? '-glibc' : ''}/deno`,
    ]),
    bun: findBinary('BUN_BIN', [
      'node_modules/.bin/bun',
      `node_modules/@oven/bun-${os}-${arch === 'arm64' ? 'aarch64' : arch}/bin/bun`,
      `node_modules/@oven/bun-${os}-${arch === 'arm64' ? 'aarch64' : arch}-baseline/bin/bun`,
    ]),
  };
}

function command(runtime, bin, scenario) {
  if (runtime === 'node') return [process.execPath, [ENTRY, scenario]];
  // --no-lock: write no deno.lock next to package.json (Deno reads package.json for the self-import)
  if (runtime === 'deno') return [bin, ['run', '--allow-read', '--no-lock', ENTRY, scenario]];
  return [bin, [ENTRY, scenario]];
}

export async function checkCli(runtime) {
  let bin = null;
  let version;
  if (runtime === 'node') {
    version = process.version;
  } else {
    const found = binaries()[runtime];
    if (!found.bin) return skipped(runtime, `no working ${runtime} binary (${found.reason}); \`npm ci\` installs it`);
    bin = found.bin;
    version = found.version;
  }
  const golden = loadGolden();
  const env = { ...process.env, DENO_NO_UPDATE_CHECK: '1', DENO_NO_PROMPT: '1', NO_COLOR: '1' };
  const t0 = performance.now();
  const scenarios = [];
  for (const scenario of SCENARIOS) {
    const [cmd, args] = command(runtime, bin, scenario);
    const r = await runProcess(cmd, args, { timeoutMs: 120000, env });
    const result = parseResult(r.stdout);
    let problem;
    if (r.timedOut) problem = 'timed out after 120 s (killed)';
    else if (!result || r.code !== 0) {
      problem = `exit ${r.code ?? r.signal}: ${(r.stderr || r.stdout).trim().split('\n').slice(-5).join(' | ')}`;
    }
    scenarios.push({ scenario, result, problem });
  }
  return summarize(runtime, version, scenarios, golden, performance.now() - t0);
}

await mainIfRun(import.meta.url, () => checkCli(process.argv[2] ?? 'node'));
