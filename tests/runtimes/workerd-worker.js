// One scenario's worker for the workerd runner (workerd.js writes the config). workerd refuses to
// compile Wasm bytes at run time, so core.wasm reaches the worker the way Cloudflare Workers users
// get it: as a Wasm module in the worker's module list, imported as a WebAssembly.Module and passed
// to init(). Each scenario is its own worker, hence its own isolate with an uninitialized package.

import * as sk from '../../dist/index.js';
import wasmModule from '../../dist/core.wasm';
import { runScenario } from '../conformance/scenarios.js';

export default {
  async fetch(request, env) {
    const env2 = {
      bytes: async () => { throw new Error('workerd cannot compile bytes'); },
      module: async () => wasmModule,
      url: undefined,
      // init() with no argument cannot find core.wasm here; the scenario checks that it says so
      defaultInitFails: true,
    };
    const t0 = Date.now();
    let result;
    try {
      result = await runScenario(sk, env.SCENARIO, env2);
    } catch (e) {
      result = { checks: [{ name: 'scenario ran to completion', ok: false, detail: String(e && e.stack || e) }], hashes: {} };
    }
    result.ms = Date.now() - t0;
    return new Response(JSON.stringify(result), { headers: { 'content-type': 'application/json' } });
  },
};
