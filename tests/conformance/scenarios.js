// Loading scenarios, run once each in a fresh realm (a new process, page or worker isolate) with a
// spectrakit module object that has not been initialized yet. Runtime-agnostic: the runtime's
// entry hands in how to get the bytes, a compiled module, and what its default init() should do.
//
// Every scenario first checks the state before init (kernels throw the "await init()" error), then
// loads one way and runs corpus cases, whose hashes the runner compares with golden.json.

import { allCases, runCorpus } from './corpus.js';

/**
 * Scenario names and what they load with. `env` supplies:
 *   bytes(): Promise<Uint8Array>       core.wasm's bytes (not in workerd)
 *   module(): Promise<WebAssembly.Module>
 *   url: string | undefined            where core.wasm is served (Chromium)
 *   defaultInitFails: boolean          init() with no argument cannot work here (workerd)
 */
export const SCENARIOS = {
  // default init() (or the module where default cannot work), concurrency, retry, full corpus
  main: 'before-init error; failed init then retry; two concurrent init(); idempotent re-init; full corpus',
  module: 'await init(WebAssembly.Module)',
  bytes: 'await init(Uint8Array of core.wasm)',
  response: 'await init(Response) with application/wasm (instantiateStreaming)',
  url: 'await init(url string)',
  'sync-bytes': 'initSync(bytes)',
  'sync-module': 'initSync(WebAssembly.Module)',
};

// a fixed tenth of the corpus for the non-main scenarios: same code paths, a fraction of the time
function subsetFilter() {
  const names = new Set(allCases().filter((_, i) => i % 10 === 0).map((c) => c.name));
  return (name) => names.has(name);
}

function describeError(e) {
  return e && typeof e === 'object' ? `${e.name}: ${e.message}` : String(e);
}

export async function runScenario(sk, scenario, env) {
  const checks = [];
  const check = (name, ok, detail = '') => checks.push({ name, ok: !!ok, detail });
  const expectThrow = (name, fn, pred) => {
    try {
      fn();
      check(name, false, 'did not throw');
    } catch (e) {
      check(name, pred(e), describeError(e));
    }
  };
  const expectReject = async (name, p, pred) => {
    try {
      await p;
      check(name, false, 'resolved');
    } catch (e) {
      check(name, pred(e), describeError(e));
    }
  };
  const notInit = (e) => e instanceof sk.NotInitializedError && e.name === 'NotInitializedError' &&
    e.message.includes('await init()');

  // ---- before init ----------------------------------------------------------------------------
  check('isInitialized() is false before init', sk.isInitialized() === false);
  expectThrow('fft before init throws the "await init()" error', () => sk.fft(new Float64Array(8)), notInit);
  expectThrow('fftPlan before init throws the "await init()" error', () => sk.fftPlan(8), notInit);

  let hashes = {};
  let filter = subsetFilter();

  if (scenario === 'main') {
    // a failed load leaves nothing sticky: both concurrent callers see the failure, kernels still
    // say "await init()", and the next init() succeeds
    const bad = new Uint8Array([0, 1, 2]);
    const r1 = sk.init(bad);
    const r2 = sk.init(bad);
    await expectReject('init(invalid bytes) rejects', r1, (e) => e instanceof Error);
    await expectReject('a concurrent init(invalid bytes) rejects too', r2, (e) => e instanceof Error);
    check('isInitialized() is false after a failed init', sk.isInitialized() === false);
    expectThrow('fft after a failed init still throws the "await init()" error', () => sk.fft(new Float64Array(8)), notInit);
    await expectReject('init(42) rejects with a TypeError naming `source`', sk.init(42),
      (e) => e instanceof TypeError && e.message.startsWith('invalid argument `source`'));
    if (env.defaultInitFails) {
      await expectReject('default init() rejects with advice to pass the module', sk.init(),
        (e) => e instanceof Error && e.message.includes('init(wasm)'));
    }

    // the real load: two concurrent calls, then repeated calls that must not reload
    const source = env.defaultInitFails ? await env.module() : undefined;
    const a = sk.init(source);
    const b = sk.init(source);
    try {
      await Promise.all([a, b]);
      check('two concurrent init() calls both resolve', true);
    } catch (e) {
      check('two concurrent init() calls both resolve', false, describeError(e));
      return { checks, hashes };
    }
    check('isInitialized() is true after init', sk.isInitialized() === true);
    // a plan made now belongs to this instance; a reload would invalidate it
    const plan = sk.fftPlan(8);
    await sk.init();
    await sk.init(new Uint8Array([0, 1, 2])); // already loaded: resolves without looking at the source
    let survived = false;
    try {
      plan.forward(new Float64Array(16));
      survived = true;
    } catch (e) {
      check('init() after success is a no-op (plans stay valid)', false, describeError(e));
    }
    if (survived) check('init() after success is a no-op (plans stay valid)', true);
    plan.dispose();
    filter = () => true;
  } else {
    try {
      switch (scenario) {
        case 'module': await sk.init(await env.module()); break;
        case 'bytes': await sk.init(await env.bytes()); break;
        case 'response':
          await sk.init(new Response(await env.bytes(), { headers: { 'content-type': 'application/wasm' } }));
          break;
        case 'url': await sk.init(env.url); break;
        case 'sync-bytes': sk.initSync(await env.bytes()); break;
        case 'sync-module': sk.initSync(await env.module()); break;
        default: throw new Error(`unknown scenario ${scenario}`);
      }
      check(`${SCENARIOS[scenario]} loads`, sk.isInitialized() === true);
    } catch (e) {
      check(`${SCENARIOS[scenario]} loads`, false, describeError(e));
      return { checks, hashes };
    }
  }

  hashes = await runCorpus(sk, { filter });
  return { checks, hashes };
}
