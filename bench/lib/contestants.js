// The contestants of the FFT benchmarks: spectrakit and its peers, each wrapped so that it does
// the same user-visible work. Fairness rules (see bench/README.md):
//   - input starts in a JS typed array, the result ends in a JS typed array (copies in and out of
//     a Wasm heap are part of the timed work, for us as for the Wasm peers);
//   - plans / setups / heap buffers are made once, outside the timed function;
//   - every contestant's output is checked against a double-precision reference before it is timed.
//
// A contestant is { name, note, dtypes, supports(n, kind) -> true | reason, make(n, kind, dtype, x) }
// where make() returns { run(), result() -> Float64Array (n/2+1 or n interleaved bins), dispose() }.

import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { isPow2 } from './data.js';

const require = createRequire(import.meta.url);

const ctor = (dtype) => (dtype === 'f32' ? Float32Array : Float64Array);
const binsOf = (n, kind) => (kind === 'real' ? Math.floor(n / 2) + 1 : n);

// ---- spectrakit ------------------------------------------------------------------------------

export function spectrakit(sk) {
  return {
    name: 'spectrakit',
    note: 'plan made once; plan.forward(x, { out })',
    dtypes: ['f32', 'f64'],
    supports: () => true,
    make(n, kind, dtype, x) {
      const plan = sk.fftPlan(n, { dtype, kind });
      const out = new (ctor(dtype))(2 * binsOf(n, kind));
      const opts = { out };
      return {
        algorithm: plan.algorithm,
        run: () => plan.forward(x, opts),
        result: () => Float64Array.from(out),
        dispose: () => plan.dispose(),
      };
    },
  };
}

// ---- fft.js (pure JS, radix-4, doubles internally) -------------------------------------------

export function fftjs() {
  const FFT = require('fft.js');
  return {
    name: 'fft.js',
    note: 'pure JS; transform(out, x) / realTransform(out, x) on typed arrays of the case dtype',
    dtypes: ['f32', 'f64'],
    supports(n) {
      if (!isPow2(n) || n < 4) return 'powers of two >= 4 only';
      return true;
    },
    make(n, kind, dtype, x) {
      const f = new FFT(n);
      // realTransform fills the first n/2+1 bins of a 2n-long array (completeSpectrum would
      // mirror the rest; we do not time that, since the other contestants return n/2+1 bins)
      const out = new (ctor(dtype))(2 * n);
      const run = kind === 'real' ? () => f.realTransform(out, x) : () => f.transform(out, x);
      return {
        run,
        result: () => Float64Array.from(out.subarray(0, 2 * binsOf(n, kind))),
        dispose() {},
      };
    },
  };
}

// ---- pffft (Julien Pommier's PFFFT, Emscripten build with Wasm SIMD) -------------------------

const pffftSupportsN = (n, kind) => {
  const m = kind === 'real' ? 32 : 16; // pffft asserts N % (2 SIMD^2) for real, N % SIMD^2 for complex
  if (n % m !== 0) return `n must be a multiple of ${m}`;
  let r = n;
  for (const p of [2, 3, 5]) while (r % p === 0) r /= p;
  if (r !== 1) return 'n must factor into 2, 3 and 5';
  return true;
};

export async function pffft() {
  const { default: PFFFT } = await import('@echogarden/pffft-wasm/simd');
  const m = await PFFFT();
  return {
    name: 'pffft-wasm',
    note: '@echogarden/pffft-wasm/simd; HEAPF32.set in, pffft_transform_ordered, copy out',
    dtypes: ['f32'],
    supports: pffftSupportsN,
    make(n, kind, dtype, x) {
      const len = kind === 'real' ? n : 2 * n;
      const setup = m._pffft_new_setup(n, kind === 'real' ? 0 : 1);
      if (!setup) throw new Error(`pffft_new_setup(${n}) returned 0`);
      const pin = m._pffft_aligned_malloc(4 * len);
      const pout = m._pffft_aligned_malloc(4 * len);
      const pwork = m._pffft_aligned_malloc(4 * len);
      const out = new Float32Array(len);
      const i0 = pin >> 2;
      const o0 = pout >> 2;
      const run = () => {
        // HEAPF32 is re-read every call: Emscripten replaces it when its memory grows
        m.HEAPF32.set(x, i0);
        m._pffft_transform_ordered(setup, pin, pout, pwork, 0);
        out.set(m.HEAPF32.subarray(o0, o0 + len));
        return out;
      };
      return {
        run,
        result() {
          if (kind !== 'real') return Float64Array.from(out);
          // pffft packs a real spectrum in n floats: [X0.re, X(n/2).re, X1.re, X1.im, ...]
          const r = new Float64Array(2 * binsOf(n, kind));
          r[0] = out[0];
          r[n] = out[1];
          for (let i = 2; i < n; i++) r[i] = out[i];
          return r;
        },
        dispose() {
          m._pffft_aligned_free(pin);
          m._pffft_aligned_free(pout);
          m._pffft_aligned_free(pwork);
          m._pffft_destroy_setup(setup);
        },
      };
    },
  };
}

// ---- kissfft-wasm (KISS FFT, Emscripten build, scalar) ---------------------------------------

export async function kissfft() {
  // kissfft-wasm's own loader (lib/wasm.js) fetch()es a file path under Node >= 18 and fails, so
  // the Emscripten factory is given the bytes directly. Its glue also installs process-wide
  // 'uncaughtException'/'unhandledRejection' handlers; they are removed again afterwards.
  const before = {
    uncaughtException: process.listeners('uncaughtException'),
    unhandledRejection: process.listeners('unhandledRejection'),
  };
  const factory = require('kissfft-wasm/lib/kissfft.js');
  const wasmBinary = readFileSync(require.resolve('kissfft-wasm/lib/kissfft.wasm'));
  const k = await factory({ wasmBinary });
  for (const ev of Object.keys(before)) {
    for (const l of process.listeners(ev)) if (!before[ev].includes(l)) process.removeListener(ev, l);
  }
  return {
    name: 'kissfft-wasm',
    note: 'kiss_fft / kiss_fftr on _malloc buffers; HEAPF32.set in, copy out',
    dtypes: ['f32'],
    supports(n, kind) {
      if (kind === 'real' && n % 2 !== 0) return 'real transforms need even n';
      return true;
    },
    make(n, kind, dtype, x) {
      const inLen = kind === 'real' ? n : 2 * n;
      const outLen = 2 * binsOf(n, kind);
      const cfg = kind === 'real' ? k._kiss_fftr_alloc(n, 0, 0, 0) : k._kiss_fft_alloc(n, 0, 0, 0);
      if (!cfg) throw new Error(`kiss_fft alloc(${n}) returned 0`);
      const pin = k._malloc(4 * inLen);
      const pout = k._malloc(4 * outLen);
      const out = new Float32Array(outLen);
      const i0 = pin >> 2;
      const o0 = pout >> 2;
      const exec = kind === 'real' ? k._kiss_fftr : k._kiss_fft;
      const run = () => {
        k.HEAPF32.set(x, i0);
        exec(cfg, pin, pout);
        out.set(k.HEAPF32.subarray(o0, o0 + outLen));
        return out;
      };
      return {
        run,
        result: () => Float64Array.from(out),
        dispose() {
          k._free(pin);
          k._free(pout);
          k._free(cfg);
        },
      };
    },
  };
}

const LOADERS = [['pffft-wasm', pffft], ['kissfft-wasm', kissfft], ['fft.js', fftjs]];

/** Loads the peers (all, or those named); one that fails to load is reported and left out. */
export async function loadPeers(log = console.error, names = LOADERS.map(([n]) => n)) {
  const peers = [];
  for (const [name, load] of LOADERS) {
    if (!names.includes(name)) continue;
    try {
      peers.push(await load());
    } catch (e) {
      log(`peer ${name} failed to load: ${e && e.message ? e.message : e}`);
    }
  }
  return peers;
}
