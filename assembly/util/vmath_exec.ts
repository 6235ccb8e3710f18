// Batch entry points of the f64x2 log/exp/log1p (assembly/util/vmath.ts), for tests and benches:
// out[i] = f(x[i]) for i < n, two lanes per call; an odd last element goes alone in lane 0.

import { vlog, vexp, vlog1p } from "./vmath";

export function vlogBatch(x: usize, out: usize, n: i32): void {
  let i = 0;
  for (; i + 1 < n; i += 2) v128.store(out + (<usize>i << 3), vlog(v128.load(x + (<usize>i << 3))));
  if (i < n) v128.store64_lane(out + (<usize>i << 3), vlog(v128.load64_zero(x + (<usize>i << 3))), 0);
}

export function vexpBatch(x: usize, out: usize, n: i32): void {
  let i = 0;
  for (; i + 1 < n; i += 2) v128.store(out + (<usize>i << 3), vexp(v128.load(x + (<usize>i << 3))));
  if (i < n) v128.store64_lane(out + (<usize>i << 3), vexp(v128.load64_zero(x + (<usize>i << 3))), 0);
}

export function vlog1pBatch(x: usize, out: usize, n: i32): void {
  let i = 0;
  for (; i + 1 < n; i += 2) v128.store(out + (<usize>i << 3), vlog1p(v128.load(x + (<usize>i << 3))));
  if (i < n) v128.store64_lane(out + (<usize>i << 3), vlog1p(v128.load64_zero(x + (<usize>i << 3))), 0);
}
