export { formatEstimates, describeCalibration, describeWork, type MigrationStep } from './format-estimates.js';
export { estimatePending, type PendingEstimate } from './estimate-pending.js';
export { estimatesEvent } from './estimates-event.js';
