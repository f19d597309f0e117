export { detectDrift, type DriftOptions } from './detect-drift.js';
export { driftFindings, type DriftFinding } from './drift-finding.js';
