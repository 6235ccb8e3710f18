// The tour's printer: sections, plain lines, tables, and measured-vs-target checks that are
// tallied for the closing summary. Each family's tour module receives one of these as `log`.

import { table } from './format.js';

export function makeLog(write = (s) => process.stdout.write(s + '\n')) {
  const checks = [];
  const log = (text = '') => write(text === '' ? '' : `  ${text}`);
  log.section = (title) => {
    write('');
    write(`== ${title} ${'='.repeat(Math.max(3, 92 - title.length))}`);
  };
  log.heading = (text) => {
    write('');
    write(`-- ${text}`);
  };
  log.table = (header, rows) => {
    for (const line of table(header, rows).split('\n')) write(`  ${line}`);
  };
  /**
   * Records a measured value against an upper bound and returns a short verdict for tables
   * ('ok' or 'ABOVE'). `label` says what was measured.
   */
  log.check = (label, value, limit) => {
    const ok = value <= limit; // NaN fails
    checks.push({ label, value, limit, ok });
    return ok ? 'ok' : 'ABOVE';
  };
  /** A check printed on its own line. */
  log.result = (label, value, limit, unit = '') => {
    const v = log.check(label, value, limit);
    const f = (x) => (typeof x !== 'number' || Number.isInteger(x) ? String(x)
      : Math.abs(x) < 1e-3 ? x.toExponential(1) : x.toPrecision(3));
    log(`${label}: ${f(value)}${unit} (target <= ${f(limit)}${unit}) ${v}`);
  };
  log.summary = () => ({
    total: checks.length,
    failed: checks.filter((c) => !c.ok),
  });
  return log;
}
