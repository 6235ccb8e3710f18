// Loading core.wasm the same way in every runtime. No top-level await anywhere: nothing happens
// until init() or initSync() is called. init() is idempotent (concurrent and repeated calls share
// one instance) and retryable (a failed load leaves no sticky state).

export interface CoreExports {
  memory: WebAssembly.Memory;
  alloc(bytes: number): number;
  free(ptr: number): void;
  memoryBytes(): number;
  fftPlanCreate(n: number, elem: number, kind: number): number;
  fftPlanDestroy(plan: number): void;
  fftPlanAlgorithm(plan: number): number;
  fftNormFactor(n: number, norm: number, inverse: number): number;
  fftExec(plan: number, inp: number, out: number, batch: number, inverse: number, fct: number): void;
  rfftExec(plan: number, inp: number, out: number, batch: number, fct: number): void;
  irfftExec(plan: number, inp: number, out: number, batch: number, fct: number): void;
  fft2Exec(planRows: number, planCols: number, inp: number, out: number, rows: number, cols: number,
           batch: number, inverse: number, fct: number): void;
  fftbrExec(plan: number, inp: number, out: number, batch: number, inverse: number): void;
  symEigExec(a: number, n: number, values: number, vectors: number, wantVectors: number): number;
  choleskyExec(a: number, n: number): number;
  triSolveExec(t: number, n: number, b: number, k: number, lower: number, trans: number, unit: number): void;
  kronMatvecExec(factors: number, dims: number, d: number, x: number, y: number, trans: number): void;
  gemmExec(a: number, b: number, c: number, m: number, k: number, n: number): void;
  gpKernelMatrix(kind: number, theta: number, nparams: number, x: number, n: number, z: number, m: number, out: number, which: number): void;
  gpKernelDerivMatrix(kind: number, theta: number, nparams: number, x: number, n: number, z: number, m: number, out: number,
                      dx: number, dz: number): void;
  gpKernelParamCount(kind: number, q: number): number;
  gpSumLogShift(v: number, n: number, shift: number): number;
  gpLog(x: number): number;
  gpExp(x: number): number;
  logBesselIBatch(v: number, vStep: number, x: number, xStep: number, out: number, n: number): void;
  logBesselKBatch(v: number, vStep: number, x: number, xStep: number, out: number, n: number): void;
  besselIRatioBatch(v: number, vStep: number, x: number, xStep: number, out: number, n: number): void;
  logGammaBatch(x: number, out: number, n: number): void;
  logBesselIScalar(v: number, x: number): number;
  logBesselKScalar(v: number, x: number): number;
  besselIRatioScalar(v: number, x: number): number;
  logGammaScalar(x: number): number;
  besselRegionOf(v: number, x: number, kind: number): number;
  vmfLogNormalizer(p: number, kappa: number): number;
  vmfMeanResultant(p: number, kappa: number): number;
  vmfFitKappa(p: number, R: number, maxIter: number, tol: number): number;
  vmfSeed(state: number, seedLo: number, seedHi: number): void;
  vmfSampleExec(mu: number, p: number, kappa: number, m: number, state: number, out: number): void;
  vmfAccumulateRows(X: number, m: number, p: number, acc: number): void;
  vecNorm(x: number, p: number): number;
  whtExec(inp: number, out: number, n: number, m: number, batch: number, elem: number, order: number, fct: number): void;
  whtNormFactor(n: number, norm: number): number;
  whtRotate(p: number, n: number, m: number, batch: number, elem: number, seedLo: number, seedHi: number, inverse: number): void;
  whtSuperLog(elem: number): number;
  whtSuperblock(p: number, elem: number): void;
  whtTopStages(p: number, k: number, elem: number, fct: number): void;
  vlogBatch(x: number, out: number, n: number): void;
  vexpBatch(x: number, out: number, n: number): void;
  vlog1pBatch(x: number, out: number, n: number): void;
  [name: string]: unknown;
}

/** What init() accepts: a compiled module (required in workerd), the bytes, where to fetch them,
 *  or a Response (or a promise of one). Omitted: core.wasm next to this file. */
export type InitSource =
  | WebAssembly.Module
  | ArrayBuffer
  | ArrayBufferView
  | URL
  | string
  | Response
  | PromiseLike<Response>;

let core: CoreExports | null = null;
let pending: Promise<CoreExports> | null = null;
const onLoad: Array<(c: CoreExports) => void> = [];

/** Registers a hook run on every (re)load, e.g. to drop caches that hold pointers. */
export function onCoreLoaded(fn: (c: CoreExports) => void): void {
  onLoad.push(fn);
}

function imports(getMemory: () => WebAssembly.Memory | null): WebAssembly.Imports {
  return {
    env: {
      // AssemblyScript's abort(message, file, line, column); reached only on a kernel bug or
      // when the arena cannot grow.
      abort(msg: number, file: number, line: number, col: number): never {
        const mem = getMemory();
        const text = (p: number) => {
          if (!mem || !p) return '';
          const len = new Uint32Array(mem.buffer, p - 4, 1)[0] >>> 1;
          return String.fromCharCode(...new Uint16Array(mem.buffer, p, Math.min(len, 512)));
        };
        throw new Error(`spectrakit core aborted: ${text(msg) || 'out of memory or internal error'} (${text(file)}:${line}:${col})`);
      },
    },
  };
}

function finish(instance: WebAssembly.Instance): CoreExports {
  const c = instance.exports as unknown as CoreExports;
  if (!(c.memory instanceof WebAssembly.Memory) || typeof c.fftExec !== 'function') {
    throw new Error('spectrakit: the module given to init() is not spectrakit\'s core.wasm');
  }
  core = c;
  for (const fn of onLoad) fn(c);
  return c;
}

function isResponse(x: unknown): x is Response {
  return typeof Response !== 'undefined' && x instanceof Response;
}

async function fromResponse(res: Response, imp: WebAssembly.Imports): Promise<WebAssembly.Instance> {
  if (!res.ok) throw new Error(`spectrakit: fetching core.wasm failed with HTTP ${res.status}`);
  const type = res.headers.get('content-type') ?? '';
  if (typeof WebAssembly.instantiateStreaming === 'function' && type.startsWith('application/wasm')) {
    return (await WebAssembly.instantiateStreaming(res, imp)).instance;
  }
  return (await WebAssembly.instantiate(await res.arrayBuffer(), imp)).instance;
}

async function defaultBytes(): Promise<Response | Uint8Array> {
  const url = new URL('./core.wasm', import.meta.url);
  if (url.protocol === 'file:') {
    const g = globalThis as unknown as { Deno?: { readFile(u: URL): Promise<Uint8Array> } };
    if (g.Deno) return g.Deno.readFile(url);
    // Node and Bun; the specifier is a variable so that browser bundlers leave it alone.
    const spec = 'node:fs/promises';
    const fs = (await import(/* @vite-ignore */ spec)) as { readFile(u: URL): Promise<Uint8Array> };
    return fs.readFile(url);
  }
  return fetch(url);
}

async function load(source: InitSource | undefined): Promise<CoreExports> {
  let memory: WebAssembly.Memory | null = null;
  const imp = imports(() => memory);
  let src: unknown = source;
  if (src === undefined) {
    try {
      src = await defaultBytes();
    } catch (e) {
      throw new Error('spectrakit: could not load core.wasm next to the package (' + String(e) + '). ' +
        'Pass it explicitly: in Cloudflare Workers `import wasm from "spectrakit/core.wasm"; await init(wasm)`.');
    }
  }
  if (typeof src === 'string' || src instanceof URL) src = await fetch(src);
  if (src && typeof (src as PromiseLike<unknown>).then === 'function') src = await src;
  let instance: WebAssembly.Instance;
  if (src instanceof WebAssembly.Module) instance = await WebAssembly.instantiate(src, imp);
  else if (isResponse(src)) instance = await fromResponse(src, imp);
  else if (src instanceof ArrayBuffer || ArrayBuffer.isView(src)) {
    instance = (await WebAssembly.instantiate(src as BufferSource, imp)).instance;
  } else {
    throw new TypeError('invalid argument `source`. Must provide a WebAssembly.Module, bytes, a URL or a Response. Value: `' + Object.prototype.toString.call(src) + '`.');
  }
  memory = (instance.exports as { memory: WebAssembly.Memory }).memory;
  return finish(instance);
}

/**
 * Loads the core module. Safe to call any number of times; calls made while loading share the
 * same promise, later calls resolve at once, and after a failure the next call tries again.
 */
export function init(source?: InitSource): Promise<void> {
  if (core) return Promise.resolve();
  if (!pending) {
    pending = load(source).catch((e) => {
      pending = null;
      throw e;
    });
  }
  return pending.then(() => undefined);
}

/** Synchronous loading from a compiled module or bytes, where the runtime allows synchronous
 *  compilation (browsers limit it to small modules on the main thread; workerd needs a Module). */
export function initSync(source: WebAssembly.Module | ArrayBuffer | ArrayBufferView): void {
  if (core) return;
  let memory: WebAssembly.Memory | null = null;
  const imp = imports(() => memory);
  let mod: WebAssembly.Module;
  if (source instanceof WebAssembly.Module) mod = source;
  else if (source instanceof ArrayBuffer || ArrayBuffer.isView(source)) mod = new WebAssembly.Module(source as BufferSource);
  else throw new TypeError('invalid argument `source`. Must provide a WebAssembly.Module or bytes. Value: `' + Object.prototype.toString.call(source) + '`.');
  const instance = new WebAssembly.Instance(mod, imp);
  memory = (instance.exports as { memory: WebAssembly.Memory }).memory;
  finish(instance);
}

export function isInitialized(): boolean {
  return core !== null;
}

import { NotInitializedError } from './errors.js';

/** The loaded core; throws an error that says to await init() when called too early. */
export function getCore(): CoreExports {
  if (!core) throw new NotInitializedError();
  return core;
}
