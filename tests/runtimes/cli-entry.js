// Entry for the command-line runtimes (Node, Deno, Bun): loads the package exactly as a user would,
// by its name (the package imports itself through package.json's "exports", so this also checks
// the exports map), runs one loading scenario in this fresh process and prints its result as one
// JSON line after a marker. The parent process compares the hashes with golden.json.
//
//   node tests/runtimes/cli-entry.js main
//   deno run --allow-read tests/runtimes/cli-entry.js main
//   bun tests/runtimes/cli-entry.js main

import { readFile } from 'node:fs/promises';
import * as sk from 'spectrakit';
import { runScenario } from '../conformance/scenarios.js';

const scenario = (globalThis.Deno ? globalThis.Deno.args : globalThis.process.argv.slice(2))[0] ?? 'main';
const wasmUrl = new URL('../../dist/core.wasm', import.meta.url);
const env = {
  bytes: async () => new Uint8Array(await readFile(wasmUrl)),
  module: async () => WebAssembly.compile(await readFile(wasmUrl)),
  url: undefined,
  defaultInitFails: false,
};

const t0 = performance.now();
let result;
try {
  result = await runScenario(sk, scenario, env);
} catch (e) {
  result = { checks: [{ name: 'scenario ran to completion', ok: false, detail: String(e && e.stack || e) }], hashes: {} };
}
result.ms = performance.now() - t0;
console.log('@@RESULT@@' + JSON.stringify(result));
