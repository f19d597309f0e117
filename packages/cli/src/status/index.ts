export { statusRow, type StatusRow } from './status-row.js';
export { formatStatusTable } from './format-status-table.js';
export { nextCommands, type NextCommand } from './next-commands.js';
export { formatNextCommands } from './format-next-commands.js';
