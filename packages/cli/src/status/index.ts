export { statusRow, type StatusRow } from './status-row.js';
export { formatStatusTable } from './format-status-table.js';
