// TEMPORARY lane-wise placeholder (replaced by the f64x2 implementation from branch vmath).
// @ts-ignore: decorator
@inline export function vlog(x: v128): v128 {
  return f64x2.replace_lane(f64x2.splat(Math.log(f64x2.extract_lane(x, 0))), 1, Math.log(f64x2.extract_lane(x, 1)));
}
// @ts-ignore: decorator
@inline export function vexp(x: v128): v128 {
  return f64x2.replace_lane(f64x2.splat(Math.exp(f64x2.extract_lane(x, 0))), 1, Math.exp(f64x2.extract_lane(x, 1)));
}
// @ts-ignore: decorator
@inline export function vlog1p(x: v128): v128 {
  return f64x2.replace_lane(f64x2.splat(Math.log1p(f64x2.extract_lane(x, 0))), 1, Math.log1p(f64x2.extract_lane(x, 1)));
}
