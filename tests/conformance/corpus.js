// The conformance corpus: every public function run on seeded integer-arithmetic inputs, each
// output hashed. The same hashes must come out of Node, Deno, Bun, Chromium and workerd, and must
// equal tests/conformance/golden.json (written by update-golden.js).
//
// Pure ESM using only ECMAScript and WebCrypto (crypto.subtle), so it runs unchanged everywhere.

import { families } from './families.js';

/**
 * What gets hashed, per output array: a header `<TypeName>[<length>];` then the elements as
 * little-endian bytes. NaNs are written as the canonical quiet NaN (0x7fc00000 / 0x7ff8000000000000)
 * because WebAssembly leaves the sign and payload of a NaN produced by arithmetic
 * nondeterministic (core spec, "NaN propagation"); everything else, -0 and subnormals included,
 * is hashed bit for bit.
 */
function encode(value) {
  const parts = [];
  const enc = new TextEncoder();
  const arrays = typeof value === 'number' ? [Float64Array.of(value)]
    : Array.isArray(value) ? value : [value];
  for (const a of arrays) {
    if (!ArrayBuffer.isView(a) || a instanceof DataView) {
      throw new TypeError(`a case must return a typed array, an array of them, or a number; got ${Object.prototype.toString.call(a)}`);
    }
    const name = a.constructor.name;
    parts.push(enc.encode(`${name}[${a.length}];`));
    const bytes = new Uint8Array(a.byteLength);
    const dv = new DataView(bytes.buffer);
    if (a instanceof Float32Array) {
      const src = new DataView(a.buffer, a.byteOffset, a.byteLength);
      for (let i = 0; i < a.length; i++) {
        let u = src.getUint32(4 * i, LITTLE);
        if ((u & 0x7f800000) === 0x7f800000 && (u & 0x007fffff) !== 0) u = 0x7fc00000;
        dv.setUint32(4 * i, u, true);
      }
    } else if (a instanceof Float64Array) {
      const src = new DataView(a.buffer, a.byteOffset, a.byteLength);
      for (let i = 0; i < a.length; i++) {
        let lo = src.getUint32(8 * i + (LITTLE ? 0 : 4), LITTLE);
        let hi = src.getUint32(8 * i + (LITTLE ? 4 : 0), LITTLE);
        if ((hi & 0x7ff00000) === 0x7ff00000 && ((hi & 0x000fffff) !== 0 || lo !== 0)) {
          hi = 0x7ff80000;
          lo = 0;
        }
        dv.setUint32(8 * i, lo, true);
        dv.setUint32(8 * i + 4, hi, true);
      }
    } else {
      // integer arrays (e.g. encoded error messages): bytes as stored, made little-endian
      const bpe = a.BYTES_PER_ELEMENT;
      const src = new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
      for (let i = 0; i < a.length; i++) {
        for (let b = 0; b < bpe; b++) bytes[i * bpe + b] = src[i * bpe + (LITTLE ? b : bpe - 1 - b)];
      }
    }
    parts.push(bytes);
  }
  let total = 0;
  for (const p of parts) total += p.length;
  const out = new Uint8Array(total);
  let off = 0;
  for (const p of parts) {
    out.set(p, off);
    off += p.length;
  }
  return out;
}

const LITTLE = new Uint8Array(Uint16Array.of(1).buffer)[0] === 1;

function hex(buf) {
  const b = new Uint8Array(buf);
  let s = '';
  for (let i = 0; i < b.length; i++) s += (b[i] < 16 ? '0' : '') + b[i].toString(16);
  return s;
}

/** SHA-256 (hex) of one case output, as encoded above. */
export async function hashOutput(value) {
  return hex(await crypto.subtle.digest('SHA-256', encode(value)));
}

/** Every case as `{ name: '<family>/<case>', run }`, in registration order; names are unique. */
export function allCases() {
  const list = [];
  const seen = new Set();
  for (const [family, cases] of Object.entries(families)) {
    for (const c of cases) {
      const name = `${family}/${c.name}`;
      if (seen.has(name)) throw new Error(`conformance: duplicate case name ${name}`);
      seen.add(name);
      list.push({ name, run: c.run });
    }
  }
  return list;
}

/**
 * Runs the corpus against an initialized spectrakit module object and returns
 * `{ caseName: sha256hex }`. `opts.filter(name)` selects a subset (used by the loading scenarios).
 * A case that throws is recorded as `error: <message>` so one bad case never hides the others.
 */
export async function runCorpus(sk, opts = {}) {
  const filter = opts.filter ?? (() => true);
  const out = {};
  for (const { name, run } of allCases()) {
    if (!filter(name)) continue;
    let value;
    try {
      value = await run(sk); // a case may be async (sparseWht takes an async oracle)
    } catch (e) {
      out[name] = `error: ${e && e.name}: ${e && e.message}`;
      continue;
    }
    out[name] = await hashOutput(value);
  }
  return out;
}

/** Compares hashes with the golden map: `{ ok, checked, mismatched: [...], missing: [...], extra: [...] }`.
 *  `partial`: the hashes are a subset of the corpus (loading scenarios), so absent names are fine. */
export function compareToGolden(hashes, golden, partial = false) {
  const mismatched = [];
  const missing = [];
  const extra = [];
  for (const [name, h] of Object.entries(hashes)) {
    if (!(name in golden)) extra.push(name);
    else if (golden[name] !== h) mismatched.push({ name, got: h, want: golden[name] });
  }
  if (!partial) for (const name of Object.keys(golden)) if (!(name in hashes)) missing.push(name);
  return {
    ok: mismatched.length === 0 && missing.length === 0 && extra.length === 0,
    checked: Object.keys(hashes).length,
    mismatched, missing, extra,
  };
}
