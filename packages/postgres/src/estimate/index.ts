export { readTableSizes, type TableSize } from './read-table-sizes.js';
