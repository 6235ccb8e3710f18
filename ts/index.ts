// spectrakit: numerics for every JavaScript runtime, on one WebAssembly SIMD core.
export { init, initSync, isInitialized } from './init.js';
export type { InitSource } from './init.js';
export { NotInitializedError } from './errors.js';
export type { FloatArray } from './errors.js';
export {
  fft, ifft, rfft, irfft, fft2, ifft2, fftbr, ifftbr, fftPlan, FftPlan, clearPlanCache,
} from './fft.js';
export type { FftOptions, Norm, DType, FftKind, FftAlgorithm } from './fft.js';
export { logBesselI, logBesselK, besselIRatio, logGamma, besselRegion } from './special.js';
export type { Operand } from './special.js';
export { vmfLogNormalizer, vmfMeanResultant, vmfSample, vmfFit } from './vmf.js';
export type { VmfFit, VmfFitOptions } from './vmf.js';
