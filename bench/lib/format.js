// Plain-text tables and number formatting shared by the benchmark and the tour.

/** Right-aligned table; rows are arrays of strings; the first column is left-aligned. */
export function table(header, rows) {
  const w = header.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i] ?? '').length)));
  const fmt = (r) => r.map((c, i) => (i === 0 ? String(c ?? '').padEnd(w[i]) : String(c ?? '').padStart(w[i]))).join('  ');
  return [fmt(header), w.map((x) => '-'.repeat(x)).join('  '), ...rows.map(fmt)].join('\n');
}

/** Microseconds with 3-4 significant digits. */
export function us(t) {
  if (!Number.isFinite(t)) return '-';
  if (t >= 1000) return t.toFixed(0);
  if (t >= 100) return t.toFixed(1);
  if (t >= 10) return t.toFixed(2);
  return t.toFixed(3);
}

export function ratio(r) {
  return Number.isFinite(r) ? `${r.toFixed(2)}x` : '-';
}

export function sci(e) {
  return Number.isFinite(e) ? e.toExponential(1) : String(e);
}

export function sizeLabel(n) {
  if (n > 1 && (n & (n - 1)) === 0) return `2^${Math.log2(n)}`;
  return String(n);
}
