export { formatUsageTable } from './format-usage-table.js';
export { describeUnused, usageDiagnostics } from './usage-diagnostics.js';
