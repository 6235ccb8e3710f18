// Small dense building blocks shared by the linear-algebra kernels: f64 vectors addressed by byte
// pointers, f64x2 SIMD with unaligned loads (rows of a row-major matrix start at any element).
// Only IEEE lane-wise operations (no fused multiply-add), so every lane rounds as the scalar
// operation would and the scalar tails give bit-identical results to the vector bodies.

@inline export function ldf(p: usize, i: i32): f64 { return load<f64>(p + (<usize>i << 3)); }
@inline export function stf(p: usize, i: i32, v: f64): void { store<f64>(p + (<usize>i << 3), v); }
@inline export function ldi(p: usize, i: i32): i32 { return load<i32>(p + (<usize>i << 2)); }
@inline export function sti(p: usize, i: i32, v: i32): void { store<i32>(p + (<usize>i << 2), v); }

/** Arena scratch of `count` doubles (16-byte aligned by the allocator). */
@inline export function allocF64(count: i32): usize {
  return heap.alloc(<usize>(count < 2 ? 2 : count) << 3);
}

/** sum_j x[j] y[j] over len elements. Two lanes accumulate the even and odd positions; the lanes
 *  are added at the end, then the odd tail. The order is fixed by len alone. */
export function dot(x: usize, y: usize, len: i32): f64 {
  let acc = f64x2.splat(0);
  let j = 0;
  for (; j + 1 < len; j += 2) {
    const o = <usize>j << 3;
    acc = f64x2.add(acc, f64x2.mul(v128.load(x + o), v128.load(y + o)));
  }
  let s = f64x2.extract_lane(acc, 0) + f64x2.extract_lane(acc, 1);
  if (j < len) s += ldf(x, j) * ldf(y, j);
  return s;
}

/** y[j] += a x[j] over len elements. */
export function axpy(a: f64, x: usize, y: usize, len: i32): void {
  const va = f64x2.splat(a);
  let j = 0;
  for (; j + 3 < len; j += 4) {
    const o = <usize>j << 3;
    v128.store(y + o, f64x2.add(v128.load(y + o), f64x2.mul(va, v128.load(x + o))));
    v128.store(y + o + 16, f64x2.add(v128.load(y + o + 16), f64x2.mul(va, v128.load(x + o + 16))));
  }
  for (; j + 1 < len; j += 2) {
    const o = <usize>j << 3;
    v128.store(y + o, f64x2.add(v128.load(y + o), f64x2.mul(va, v128.load(x + o))));
  }
  if (j < len) stf(y, j, ldf(y, j) + a * ldf(x, j));
}

/** y[j] -= a x[j] over len elements (kept apart from axpy(-a) so that the rounding is that of
 *  a subtraction of the product, as the elimination formulas are written). */
export function axmy(a: f64, x: usize, y: usize, len: i32): void {
  const va = f64x2.splat(a);
  let j = 0;
  for (; j + 3 < len; j += 4) {
    const o = <usize>j << 3;
    v128.store(y + o, f64x2.sub(v128.load(y + o), f64x2.mul(va, v128.load(x + o))));
    v128.store(y + o + 16, f64x2.sub(v128.load(y + o + 16), f64x2.mul(va, v128.load(x + o + 16))));
  }
  for (; j + 1 < len; j += 2) {
    const o = <usize>j << 3;
    v128.store(y + o, f64x2.sub(v128.load(y + o), f64x2.mul(va, v128.load(x + o))));
  }
  if (j < len) stf(y, j, ldf(y, j) - a * ldf(x, j));
}

/** x[j] *= a over len elements. */
export function scal(a: f64, x: usize, len: i32): void {
  const va = f64x2.splat(a);
  let j = 0;
  for (; j + 1 < len; j += 2) {
    const o = <usize>j << 3;
    v128.store(x + o, f64x2.mul(va, v128.load(x + o)));
  }
  if (j < len) stf(x, j, ldf(x, j) * a);
}

/** Out-of-place transpose of a rows x cols row-major matrix into cols x rows, in 16 x 16 tiles
 *  so that both sides stay in cache. */
export function transpose(src: usize, dst: usize, rows: i32, cols: i32): void {
  const T = 16;
  for (let i0 = 0; i0 < rows; i0 += T) {
    const i1 = min(i0 + T, rows);
    for (let j0 = 0; j0 < cols; j0 += T) {
      const j1 = min(j0 + T, cols);
      for (let i = i0; i < i1; i++) {
        const s = src + (<usize>i * <usize>cols << 3);
        for (let j = j0; j < j1; j++) stf(dst, j * rows + i, ldf(s, j));
      }
    }
  }
}
