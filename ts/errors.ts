// One error template for the whole package (after stdlib-js):
//   invalid argument `x`. Must provide a Float32Array or Float64Array. Value: `[object Array]`.
// TypeError for a wrong kind of value, RangeError for a value of the right kind out of range.

/** Describes a value for an error message without calling user code that could throw. */
export function describe(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'undefined';
  const t = typeof value;
  if (t === 'number' || t === 'boolean' || t === 'bigint') return String(value);
  if (t === 'string') return JSON.stringify(value);
  if (t === 'function') return '[function]';
  if (ArrayBuffer.isView(value)) {
    const name = (value as object).constructor?.name ?? 'TypedArray';
    const len = (value as unknown as { length?: number }).length;
    return len === undefined ? name : `${name}(${len})`;
  }
  if (Array.isArray(value)) return `Array(${value.length})`;
  return Object.prototype.toString.call(value);
}

export function typeError(name: string, must: string, value: unknown): TypeError {
  return new TypeError(`invalid argument \`${name}\`. Must provide ${must}. Value: \`${describe(value)}\`.`);
}

export function rangeError(name: string, must: string, value: unknown): RangeError {
  return new RangeError(`invalid argument \`${name}\`. Must provide ${must}. Value: \`${describe(value)}\`.`);
}

/** Thrown when a kernel is called before the module is loaded. */
export class NotInitializedError extends Error {
  constructor() {
    super('spectrakit is not initialized: `await init()` (or call `initSync(module)`) before using it.');
    this.name = 'NotInitializedError';
  }
}

export type FloatArray = Float32Array | Float64Array;

export function isFloatArray(x: unknown): x is FloatArray {
  return x instanceof Float32Array || x instanceof Float64Array;
}

export function checkFloatArray(name: string, x: unknown): FloatArray {
  if (!isFloatArray(x)) throw typeError(name, 'a Float32Array or Float64Array', x);
  return x;
}

export function checkPositiveInt(name: string, v: unknown, max = 2 ** 31 - 1): number {
  if (typeof v !== 'number' || !Number.isInteger(v)) throw typeError(name, 'a positive integer', v);
  if (v < 1 || v > max) throw rangeError(name, `a positive integer no larger than ${max}`, v);
  return v;
}

/** An optional options argument: undefined or null mean no options; anything but an object is a
 *  TypeError naming `opts`. */
export function checkOpts<T extends object>(opts: unknown): Partial<T> {
  if (opts === undefined || opts === null) return {};
  if (typeof opts !== 'object') throw typeError('opts', 'an options object', opts);
  return opts as Partial<T>;
}

/** numpy's normalisation modes, shared by every transform family. */
export type Norm = 'backward' | 'ortho' | 'forward';
const NORM_CODE: Record<Norm, number> = { backward: 0, ortho: 1, forward: 2 };

/** `opts.norm` as the kernels' code: 0 'backward' (default), 1 'ortho', 2 'forward'. */
export function normCode(norm: unknown): number {
  if (norm === undefined) return 0;
  if (typeof norm !== 'string') throw typeError('opts.norm', "one of 'backward', 'ortho', 'forward'", norm);
  const c = NORM_CODE[norm as Norm];
  if (c === undefined) throw rangeError('opts.norm', "one of 'backward', 'ortho', 'forward'", norm);
  return c;
}
