// Element-type-generic 128-bit SIMD helpers. T is f32 (4 lanes) or f64 (2 lanes); the branch on
// sizeof<T>() is resolved at compile time, so each instantiation is straight-line SIMD code.
// Only IEEE lane-wise operations are used (no relaxed-simd, no fused multiply-add), so every lane
// rounds exactly as the scalar operation would: the scalar fallbacks give bit-identical results.

@inline export function lanes<T>(): i32 { return 16 / sizeof<T>(); }

@inline export function vsplat<T>(x: T): v128 {
  if (sizeof<T>() == 4) return f32x4.splat(<f32>x);
  return f64x2.splat(<f64>x);
}
@inline export function vadd<T>(a: v128, b: v128): v128 {
  if (sizeof<T>() == 4) return f32x4.add(a, b);
  return f64x2.add(a, b);
}
@inline export function vsub<T>(a: v128, b: v128): v128 {
  if (sizeof<T>() == 4) return f32x4.sub(a, b);
  return f64x2.sub(a, b);
}
@inline export function vmul<T>(a: v128, b: v128): v128 {
  if (sizeof<T>() == 4) return f32x4.mul(a, b);
  return f64x2.mul(a, b);
}
@inline export function vneg<T>(a: v128): v128 {
  if (sizeof<T>() == 4) return f32x4.neg(a);
  return f64x2.neg(a);
}

// Loads/stores of either a whole vector (W = true) or only lane 0 (W = false). The one-lane form
// lets every butterfly be written once and serve both the vector and the scalar tail paths.
@inline export function vload<T>(ptr: usize, whole: bool): v128 {
  if (whole) return v128.load(ptr);
  if (sizeof<T>() == 4) return v128.load32_zero(ptr);
  return v128.load64_zero(ptr);
}
@inline export function vstore<T>(ptr: usize, v: v128, whole: bool): void {
  if (whole) { v128.store(ptr, v); return; }
  if (sizeof<T>() == 4) v128.store32_lane(ptr, v, 0);
  else v128.store64_lane(ptr, v, 0);
}
