// Moving data between JS arrays and the Wasm arena.
//
// Any call into Wasm that allocates may grow linear memory, which detaches every typed-array view
// of the old buffer. So a view is re-derived whenever it has been detached (see viewF64) before
// every use. User arrays are never views of Wasm memory: input is copied in
// and results copied out, so growth can never make a user's array stale.

import { getCore, onCoreLoaded } from './init.js';
import type { FloatArray } from './errors.js';

let f32: Float32Array | null = null;
let f64: Float64Array | null = null;
// One grow-only staging block reused by every call (the arena's busiest allocation).
let stagePtr = 0;
let stageBytes = 0;

onCoreLoaded(() => { f32 = null; f64 = null; lastView = null; lastWin = null; stagePtr = 0; stageBytes = 0; });

// A view spans all of memory, so it has length 0 exactly when growth has detached its buffer:
// that test costs nothing, unlike reading `memory.buffer` (a native getter) on every call.
export function viewF32(): Float32Array {
  if (f32 === null || f32.length === 0) f32 = new Float32Array(getCore().memory.buffer);
  return f32;
}

export function viewF64(): Float64Array {
  if (f64 === null || f64.length === 0) f64 = new Float64Array(getCore().memory.buffer);
  return f64;
}

export function viewOf(ctor: Float32ArrayConstructor | Float64ArrayConstructor): FloatArray {
  return ctor === Float32Array ? viewF32() : viewF64();
}

/** A staging block of at least `bytes`, valid until the next stage() call. May grow memory. */
export function stage(bytes: number): number {
  if (bytes > stageBytes) {
    const c = getCore();
    if (stagePtr) c.free(stagePtr);
    stagePtr = 0;
    stageBytes = 0;
    const size = Math.max(bytes, 4096);
    stagePtr = c.alloc(size);
    stageBytes = size;
  }
  return stagePtr;
}

/** Copies x into the arena at byte offset ptr (x's element type). */
export function copyIn(x: FloatArray, ptr: number): void {
  const v = x instanceof Float32Array ? viewF32() : viewF64();
  v.set(x, ptr / x.BYTES_PER_ELEMENT);
}

// The last source window handed to copyOut, reused while the same (view, offset, length) comes
// again: repeated calls on one plan then allocate no view at all. Views are compared by identity
// (a re-derived view is a new object), which costs nothing, unlike the `buffer` getter.
let lastView: FloatArray | null = null;
let lastPtr = -1;
let lastLen = -1;
let lastWin: FloatArray | null = null;

/** Copies `length` elements at byte offset ptr into out (from its start). */
export function copyOut(out: FloatArray, ptr: number, length: number): void {
  copyOutOf(out instanceof Float32Array ? viewF32() : viewF64(), out, ptr, length);
}

/** copyOut with the view of out's element type already in hand (the hot paths know it). If a
 *  call in between grew memory, the view is detached (length 0) and is taken again. */
export function copyOutOf(v: FloatArray, out: FloatArray, ptr: number, length: number): void {
  if (v.length === 0) v = out instanceof Float32Array ? viewF32() : viewF64();
  let win = lastWin;
  if (lastView !== v || lastPtr !== ptr || lastLen !== length || win === null) {
    const i = ptr / out.BYTES_PER_ELEMENT;
    win = v.subarray(i, i + length);
    lastView = v; lastPtr = ptr; lastLen = length; lastWin = win;
  }
  out.set(win);
}
