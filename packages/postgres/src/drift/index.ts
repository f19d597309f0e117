export { detectDrift, type DriftOptions, type DriftReport } from './detect-drift.js';
export { driftFindings, type DriftFinding } from './drift-finding.js';
