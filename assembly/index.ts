// The only export surface of core.wasm: a narrow pointer ABI over the arena. Every argument is a
// number (pointer, length, flag or factor); the facade in ts/ owns validation and copying.

export { alloc, free, memoryBytes } from "./util/arena";
export {
  fftPlanCreate, fftPlanDestroy, fftPlanAlgorithm, fftNormFactor,
  fftExec, rfftExec, irfftExec, fft2Exec, fftbrExec,
} from "./fft/exec";
export { whtExec, whtNormFactor, whtRotate, whtSuperLog, whtSuperblock, whtTopStages } from "./wht/fwht";
