// The corpus's families, in the order they run. A new family adds one file
// tests/conformance/cases/<family>.js exporting `cases` and one line here.

import { cases as fft } from './cases/fft.js';
import { cases as linalg } from './cases/linalg.js';
import { cases as gp } from './cases/gp.js';
import { cases as special } from './cases/special.js';
import { cases as wht } from './cases/wht.js';

export const families = {
  fft,
  linalg,
  gp,
  special,
  wht,
};
