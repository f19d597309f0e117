export { watchSchema, type WatchOptions } from './watch-schema.js';
export { processStopSignal } from './stop-signal.js';
export { debouncedRunner, type DebouncedRunner } from './debounced-runner.js';
export { watchScope, type WatchScope } from './watch-scope.js';
export { regenerator, type Regeneration, type RegeneratorOptions } from './regenerator.js';
export { reportRegeneration } from './report-regeneration.js';
