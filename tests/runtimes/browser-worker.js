// Dedicated module worker for the Chromium runner: runs one scenario off the main thread, where
// initSync (synchronous compilation) is allowed. Workers have no import map, so the package is
// imported by its served path.

import * as sk from '/dist/index.js';
import { runScenario } from '../conformance/scenarios.js';

const scenario = new URLSearchParams(location.search).get('scenario') ?? 'main';
const WASM = '/dist/core.wasm';
const env = {
  bytes: async () => new Uint8Array(await (await fetch(WASM)).arrayBuffer()),
  module: async () => WebAssembly.compileStreaming(fetch(WASM)),
  url: WASM,
  defaultInitFails: false,
};

const t0 = performance.now();
runScenario(sk, scenario, env).then(
  (result) => { result.ms = performance.now() - t0; postMessage(result); },
  (e) => postMessage({ checks: [{ name: 'scenario ran to completion', ok: false, detail: String(e && e.stack || e) }], hashes: {} }),
);
