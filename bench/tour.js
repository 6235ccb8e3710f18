// `npm start`: a tour of spectrakit. Loads the package as a user would (dist/index.js), then
// each family's module in bench/tour/ runs every capability on built-in deterministic data and
// prints what it measured: accuracy against a double-precision reference, and a quick look at
// speed beside the peers (the full measurement is `npm run bench`).
//
// Adding a family: drop bench/tour/<family>.js exporting
//   export const title = 'Walsh-Hadamard transforms';
//   export async function tour(sk, log) { ... }
// It is picked up automatically; FAMILY_ORDER below only fixes the order of the known ones
// (others follow alphabetically). `log` is bench/lib/tourlog.js: log(text), log.heading(),
// log.table(header, rows), log.check(label, value, limit), log.result(label, value, limit).
//
//   node bench/tour.js [family ...]     e.g. `node bench/tour.js fft` runs one section

import { readdirSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import * as sk from '../dist/index.js';
import { makeLog } from './lib/tourlog.js';

const FAMILY_ORDER = ['fft', 'wht', 'special', 'linalg', 'gp', 'conv'];

const here = dirname(fileURLToPath(import.meta.url));

function families() {
  const found = readdirSync(join(here, 'tour'))
    .filter((f) => f.endsWith('.js'))
    .map((f) => f.slice(0, -3));
  const rank = (f) => (FAMILY_ORDER.includes(f) ? FAMILY_ORDER.indexOf(f) : FAMILY_ORDER.length);
  return found.sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
}

async function main() {
  const wanted = process.argv.slice(2);
  const t0 = performance.now();
  await sk.init();
  const log = makeLog();
  console.log('spectrakit tour: every capability on built-in data, accuracy against a reference,');
  console.log('and a quick look at speed beside the peers (rough timings; `npm run bench` measures properly).');
  console.log(`node ${process.version}; core loaded in ${(performance.now() - t0).toFixed(0)} ms`);

  const list = families().filter((f) => !wanted.length || wanted.includes(f));
  if (wanted.length && list.length !== wanted.length) {
    console.error(`unknown family in ${wanted.join(', ')}; available: ${families().join(', ')}`);
    process.exit(2);
  }
  for (const f of list) {
    const mod = await import(pathToFileURL(join(here, 'tour', `${f}.js`)).href);
    const t = performance.now();
    log.section(mod.title ?? f);
    await mod.tour(sk, log);
    log('');
    log(`(${f}: ${((performance.now() - t) / 1000).toFixed(1)} s)`);
  }

  const s = log.summary();
  console.log('');
  console.log(`== summary: ${s.total - s.failed.length} of ${s.total} checks within target; `
    + `${((performance.now() - t0) / 1000).toFixed(1)} s in all`);
  for (const c of s.failed) console.log(`   ABOVE TARGET: ${c.label}: ${c.value} > ${c.limit}`);
  if (s.failed.length) process.exitCode = 1;
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
