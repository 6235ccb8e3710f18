// Helpers the grid-GP tour section and bench/gp.bench.js share (user-level code on top of the
// library, like an application would write).

/**
 * A spectral-mixture start from the data: the periodogram of y along one dimension (rfft of every
 * line, powers averaged over the other dimension); its strongest bin gives a frequency in cycles
 * per unit of x. User-level code on top of the library's rfft.
 */
export function periodogramPeak(sk, y, n, x, dim) {
  const power = new Float64Array(Math.floor(n / 2) + 1);
  const line = new Float64Array(n);
  for (let a = 0; a < n; a++) {
    for (let b = 0; b < n; b++) line[b] = dim === 1 ? y[a * n + b] : y[b * n + a];
    const X = sk.rfft(line);
    for (let k = 0; k < power.length; k++) power[k] += X[2 * k] ** 2 + X[2 * k + 1] ** 2;
  }
  let best = 1;
  for (let k = 2; k < power.length; k++) if (power[k] > power[best]) best = k;
  return best / (n * (x[1] - x[0]));
}
