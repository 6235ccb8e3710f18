// spectrakit: numerics for every JavaScript runtime, on one WebAssembly SIMD core.
export { init, initSync, isInitialized } from './init.js';
export type { InitSource } from './init.js';
export { NotInitializedError } from './errors.js';
export type { FloatArray } from './errors.js';
export {
  fft, ifft, rfft, irfft, fft2, ifft2, fftbr, ifftbr, fftPlan, FftPlan, clearPlanCache,
} from './fft.js';
export type { FftOptions, Norm, DType, FftKind, FftAlgorithm } from './fft.js';
export { fwht, hadamardRotate } from './wht.js';
export type { FwhtOptions, HadamardRotateOptions, WhtOrder } from './wht.js';
export { sparseWht } from './sparse-wht.js';
export type { SparseQuery, SparseWhtOptions, SparseWhtResult, SparseWhtProgress } from './sparse-wht.js';
