export { readTableSizes, type TableSize } from './read-table-sizes.js';
export { calibrate, type Calibration } from './calibration.js';
export { CalibrationTimeoutError } from './calibration-timeout-error.js';
export { loadCalibration, type CalibrationCacheOptions, type ServerCalibration } from './calibration-cache.js';
export { stepWork, type StepWork } from './step-work.js';
export { estimateStep, type StepCost } from './estimate-step.js';
export { readStepDelays, type StepDelay } from './read-step-delays.js';
export { estimateSteps, type StepEstimate, type StepsEstimate } from './estimate-steps.js';
