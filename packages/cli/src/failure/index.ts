export type { CliFailure } from './cli-failure.js';
export { describeFailure } from './describe-failure.js';
export { failureText, debugEnabled } from './failure-text.js';
export { writeFailure } from './write-failure.js';
export { failureJson } from './failure-json.js';
