// Entry for Chromium (page served from the repository root on 127.0.0.1 by chromium.js). The
// scenario comes from the query string; the result is left in window.__result for the runner.
// `?worker=1` runs the scenario in a dedicated module worker instead (synchronous compilation of
// a module this size is refused on a page's main thread, allowed in workers).

import * as sk from 'spectrakit';
import { runScenario } from '../conformance/scenarios.js';

const params = new URLSearchParams(location.search);
const scenario = params.get('scenario') ?? 'main';
const WASM = '/dist/core.wasm';

async function inPage() {
  const env = {
    bytes: async () => new Uint8Array(await (await fetch(WASM)).arrayBuffer()),
    module: async () => WebAssembly.compileStreaming(fetch(WASM)),
    url: WASM,
    defaultInitFails: false,
  };
  const t0 = performance.now();
  const result = await runScenario(sk, scenario, env);
  result.ms = performance.now() - t0;
  return result;
}

function inWorker() {
  return new Promise((resolve, reject) => {
    const w = new Worker(`/tests/runtimes/browser-worker.js?scenario=${encodeURIComponent(scenario)}`, { type: 'module' });
    w.onmessage = (e) => { resolve(e.data); w.terminate(); };
    w.onerror = (e) => { reject(new Error(`worker error: ${e.message}`)); w.terminate(); };
  });
}

window.__result = (params.get('worker') ? inWorker() : inPage()).catch((e) => ({
  checks: [{ name: 'scenario ran to completion', ok: false, detail: String(e && e.stack || e) }],
  hashes: {},
}));
