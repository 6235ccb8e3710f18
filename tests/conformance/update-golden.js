// Regenerates tests/conformance/golden.json by running the corpus in Node against dist/.
// Run after `npm run build`, and only when an output is meant to change (a new case, a new
// family, or a deliberate change of results); the diff of golden.json belongs in that commit.
//
//   node tests/conformance/update-golden.js

import { writeFileSync, readFileSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as sk from '../../dist/index.js';
import { runCorpus } from './corpus.js';

const file = fileURLToPath(new URL('./golden.json', import.meta.url));
await sk.init();
const t0 = performance.now();
const hashes = await runCorpus(sk);
const ms = performance.now() - t0;

const errors = Object.entries(hashes).filter(([, h]) => h.startsWith('error: '));
if (errors.length) {
  for (const [name, h] of errors) console.error(`${name}: ${h}`);
  console.error(`update-golden: ${errors.length} case(s) threw; golden.json not written`);
  process.exit(1);
}

const old = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : {};
let changed = 0, added = 0, removed = 0;
for (const [k, v] of Object.entries(hashes)) {
  if (!(k in old)) added++;
  else if (old[k] !== v) changed++;
}
for (const k of Object.keys(old)) if (!(k in hashes)) removed++;

writeFileSync(file, JSON.stringify(hashes, null, 1) + '\n');
console.log(`golden.json: ${Object.keys(hashes).length} cases (${added} added, ${changed} changed, ${removed} removed) in ${ms.toFixed(0)} ms`);
