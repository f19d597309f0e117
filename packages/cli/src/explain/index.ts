export { formatEstimates, describeWork, type MigrationStep } from './format-estimates.js';
