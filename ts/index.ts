// spectrakit: numerics for every JavaScript runtime, on one WebAssembly SIMD core.
export { init, initSync, isInitialized } from './init.js';
export type { InitSource } from './init.js';
export { NotInitializedError } from './errors.js';
export type { FloatArray } from './errors.js';
export {
  fft, ifft, rfft, irfft, fft2, ifft2, fftbr, ifftbr, fftPlan, FftPlan, clearPlanCache,
} from './fft.js';
export type { FftOptions, Norm, DType, FftKind, FftAlgorithm } from './fft.js';
export {
  symEig, cholesky, solveTriangular, choleskySolve, kronMatvec, matmul, NotPositiveDefiniteError,
} from './linalg.js';
export type { SymEigOptions, SymEigResult, TriangularOptions, KronOptions, KronFactor } from './linalg.js';
export {
  Kernel1D, rbf, matern12, matern32, matern52, periodic, spectralMixture, studentTMixture,
} from './gp/kernels.js';
export type { KernelKind, KernelParams, MixtureParams } from './gp/kernels.js';
export { KroneckerGP } from './gp/kronecker.js';
export type { KroneckerGPOptions, OptimizeOptions, OptimizeResult } from './gp/kronecker.js';
export { logBesselI, logBesselK, besselIRatio, logGamma, besselRegion } from './special.js';
export type { BesselRegion } from './special.js';
export type { Operand } from './special.js';
export { vmfLogNormalizer, vmfMeanResultant, vmfSample, vmfFit } from './vmf.js';
export type { VmfFit, VmfFitOptions } from './vmf.js';
export { fwht, hadamardRotate } from './wht.js';
export type { FwhtOptions, HadamardRotateOptions, WhtOrder } from './wht.js';
export { sparseWht } from './sparse-wht.js';
export type { SparseQuery, SparseWhtOptions, SparseWhtResult, SparseWhtProgress } from './sparse-wht.js';
