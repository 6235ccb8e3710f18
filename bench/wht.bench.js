// fwht speed: spectrakit's public fwht (copy in, Wasm SIMD kernel, copy out), the bare Wasm
// kernel on data already in the arena, and a plain JS radix-4 FWHT, in one process with
// benchmark.js; native FFHT (FALCONN-LIB, AVX, f32) from ../shared/SOURCES.md as the reference
// column. Usage: node bench/wht.bench.js [minLog=10] [maxLog=22] [f32|f64|both]
import Benchmark from 'benchmark';
import { init, fwht } from '../dist/index.js';
import { getCore } from '../dist/init.js';

await init();
const core = getCore();

// Native FFHT, f32, microseconds (SOURCES.md, Walsh-Hadamard section); other n interpolated at
// its quoted 0.033 ns per element per stage are marked '~'.
const FFHT = { 10: 0.45, 16: 33.6, 20: 695, 22: 3441 };
const ffhtUs = (k) => (FFHT[k] !== undefined ? { us: FFHT[k], exact: true } : { us: 0.033e-3 * (1 << k) * k, exact: false });

/** Plain JS radix-4 FWHT (two radix-2 stages fused per sweep), natural order, in place. */
function jsRadix4(x) {
  const n = x.length;
  let h = 1;
  for (; 4 * h <= n; h *= 4) {
    for (let i = 0; i < n; i += 4 * h) {
      for (let j = i; j < i + h; j++) {
        const a = x[j], b = x[j + h], c = x[j + 2 * h], d = x[j + 3 * h];
        const s0 = a + b, s1 = a - b, s2 = c + d, s3 = c - d;
        x[j] = s0 + s2; x[j + 2 * h] = s0 - s2;
        x[j + h] = s1 + s3; x[j + 3 * h] = s1 - s3;
      }
    }
  }
  if (h < n) {
    for (let j = 0; j < h; j++) {
      const a = x[j], b = x[j + h];
      x[j] = a + b; x[j + h] = a - b;
    }
  }
  return x;
}

const [minLog = 10, maxLog = 22] = process.argv.slice(2, 4).map(Number);
const which = process.argv[4] ?? 'both';
const types = which === 'f32' ? [Float32Array] : which === 'f64' ? [Float64Array] : [Float32Array, Float64Array];

function fill(T, n) {
  const x = new T(n);
  let s = 12345;
  for (let i = 0; i < n; i++) { s = (Math.imul(s, 1664525) + 1013904223) >>> 0; x[i] = (s >>> 8) / 16777216 - 0.5; }
  return x;
}

const rows = [];
for (const T of types) {
  for (let k = minLog; k <= maxLog; k++) {
    const n = 1 << k;
    const x = fill(T, n);
    const out = new T(n);
    const work = new T(n);
    const elem = T.BYTES_PER_ELEMENT;
    const ptr = core.alloc(n * elem);
    new T(core.memory.buffer, ptr, n).set(x);
    const suite = new Benchmark.Suite();
    const us = {};
    const best = {}; // fastest sample: steadier than the mean on a shared machine
    suite
      .add('fwht', () => { fwht(x, { out }); })
      .add('kernel', () => { core.whtExec(ptr, ptr, n, 1, 1, elem, 0, 1); })
      .add('js-radix4', () => { work.set(x); jsRadix4(work); })
      .on('cycle', (e) => { us[e.target.name] = (e.target.stats.mean * 1e6); best[e.target.name] = Math.min(...e.target.stats.sample) * 1e6; })
      .run({ maxTime: k >= 20 ? 1.5 : 0.6 });
    core.free(ptr);
    const ref = ffhtUs(k);
    rows.push({
      dtype: T === Float32Array ? 'f32' : 'f64', n: `2^${k}`,
      'fwht us': us.fwht.toFixed(2), 'kernel us': us.kernel.toFixed(2), 'js-radix4 us': us['js-radix4'].toFixed(2),
      'FFHT f32 us': (ref.exact ? '' : '~') + ref.us.toFixed(2),
      'fwht/FFHT': (us.fwht / ref.us).toFixed(2), 'kernel/FFHT': (us.kernel / ref.us).toFixed(2),
      'fwht best/FFHT': (best.fwht / ref.us).toFixed(2), 'kernel best/FFHT': (best.kernel / ref.us).toFixed(2),
    });
  }
}
console.table(rows);
console.log('FFHT figures are native AVX f32 (SOURCES.md); the f64 rows compare against the same f32 figures.');
