// Hadamard matrices of order m in {12, 20, 28, 40}, built here (never tabulated from elsewhere)
// from the Paley constructions, for the non-power-of-two sizes m * 2^k:
//   H_12 : Paley II, q = 5   (q = 1 mod 4, order 2(q+1))
//   H_20 : Paley I,  q = 19  (q = 3 mod 4, order q+1)
//   H_28 : Paley II, q = 13
//   H_40 : H_20 (x) H_2 (Sylvester doubling of the Paley I matrix above)
// With chi the quadratic character of GF(q) and the Jacobsthal matrix Q[a][b] = chi(a - b):
//   Paley I : H = I + [[0, 1^T], [-1, Q]]                       (first row all +1)
//   Paley II: C = [[0, 1^T], [1, Q]],  H = C (x) [[1,-1],[-1,-1]] + I (x) [[1,1],[1,-1]]
// (R. E. A. C. Paley, "On orthogonal matrices", J. Math. Phys. 12 (1933); the same recipes as
// Wikipedia's "Paley construction"). Entries are stored as i8 +1/-1, row-major.
// H_12 and H_28 are symmetric (so fwht is an involution up to n there); H_20 and H_40 are not
// (H^T = 2I - H for Paley I): their inverse is H^T / n, which hadamardRotate's inverse applies.

const TABLE_BYTES: i32 = 12 * 12 + 20 * 20 + 28 * 28 + 40 * 40;
const table: usize = memory.data(TABLE_BYTES, 16);
let built = false;

@inline function offsetOf(m: i32): usize {
  if (m == 12) return 0;
  if (m == 20) return 144;
  if (m == 28) return 144 + 400;
  return 144 + 400 + 784;
}

/** chi(a) for a prime q, via Euler's criterion a^((q-1)/2) mod q. */
function chi(a: i32, q: i32): i32 {
  a = ((a % q) + q) % q;
  if (a == 0) return 0;
  let r = 1, b = a, e = (q - 1) >> 1;
  while (e > 0) {
    if (e & 1) r = (r * b) % q;
    b = (b * b) % q;
    e >>= 1;
  }
  return r == 1 ? 1 : -1;
}

function paleyI(dst: usize, q: i32): void {
  const m = q + 1;
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < m; j++) {
      let v: i32;
      if (i == j) v = 1;
      else if (i == 0) v = 1;
      else if (j == 0) v = -1;
      else v = chi(i - j, q);
      store<i8>(dst + <usize>(i * m + j), <i8>v);
    }
  }
}

function paleyII(dst: usize, q: i32): void {
  const h = q + 1, m = 2 * h;
  for (let a = 0; a < h; a++) {
    for (let b = 0; b < h; b++) {
      // the conference matrix entry C[a][b]
      let c: i32;
      if (a == b) c = 0;
      else if (a == 0 || b == 0) c = 1;
      else c = chi(a - b, q);
      for (let u = 0; u < 2; u++) {
        for (let v = 0; v < 2; v++) {
          let e: i32;
          if (c == 0) e = (u == 1 && v == 1) ? -1 : 1;      // I (x) [[1,1],[1,-1]]
          else e = (u == 0 && v == 0) ? c : -c;            // C (x) [[1,-1],[-1,-1]]
          store<i8>(dst + <usize>((2 * a + u) * m + 2 * b + v), <i8>e);
        }
      }
    }
  }
}

function build(): void {
  paleyII(table + offsetOf(12), 5);
  paleyI(table + offsetOf(20), 19);
  paleyII(table + offsetOf(28), 13);
  // H_40 = H_20 (x) H_2, so that H_40 (x) H_2^j = H_20 (x) H_2^(j+1): both readings of a length
  // 40 * 2^j = 20 * 2^(j+1) give the same matrix.
  const h20 = table + offsetOf(20), h40 = table + offsetOf(40);
  for (let i = 0; i < 20; i++) {
    for (let j = 0; j < 20; j++) {
      const e = <i32>load<i8>(h20 + <usize>(i * 20 + j));
      for (let a = 0; a < 2; a++) {
        for (let b = 0; b < 2; b++) {
          const s: i32 = (a == 1 && b == 1) ? -e : e;
          store<i8>(h40 + <usize>((2 * i + a) * 40 + 2 * j + b), <i8>s);
        }
      }
    }
  }
  built = true;
}

/** Row-major i8 table of H_m (m in {12, 20, 28, 40}). */
export function hadamardTable(m: i32): usize {
  if (!built) build();
  return table + offsetOf(m);
}
