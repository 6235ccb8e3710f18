// The only export surface of core.wasm: a narrow pointer ABI over the arena. Every argument is a
// number (pointer, length, flag or factor); the facade in ts/ owns validation and copying.

export { alloc, free, memoryBytes } from "./util/arena";
export {
  fftPlanCreate, fftPlanDestroy, fftPlanAlgorithm, fftNormFactor,
  fftExec, rfftExec, irfftExec, fft2Exec, fftbrExec,
} from "./fft/exec";
export { symEigExec } from "./linalg/eig";
export { choleskyExec, triSolveExec } from "./linalg/chol";
export { kronMatvecExec } from "./linalg/kron";
export { gemmExec } from "./linalg/kron";
export { gpKernelMatrix, gpKernelDerivMatrix, gpKernelParamCount, gpSumLogShift, gpLog, gpExp } from "./gp/kernels";
export {
  logBesselIBatch, logBesselKBatch, besselIRatioBatch, logGammaBatch,
  logBesselIScalar, logBesselKScalar, besselIRatioScalar, logGammaScalar, besselRegionOf,
} from "./special/exec";
export {
  vmfLogNormalizer, vmfMeanResultant, vmfFitKappa, vmfSeed, vmfSampleExec, vmfAccumulateRows, vecNorm,
} from "./special/vmf";
export { whtExec, whtNormFactor, whtRotate, whtSuperLog, whtSuperblock, whtTopStages } from "./wht/fwht";
export { vlogBatch, vexpBatch, vlog1pBatch } from "./util/vmath_exec";
