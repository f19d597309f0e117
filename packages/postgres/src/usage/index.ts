export { readUsageSnapshot, type UsageRead } from './read-usage-snapshot.js';
export { readStoredSnapshots, storeUsageSnapshot } from './usage-snapshots.js';
export { UsageUnavailableError } from './usage-unavailable-error.js';
export { checkUsageGate } from './usage-gate.js';
export { ObjectStillUsedError } from './object-still-used-error.js';
