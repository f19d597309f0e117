export type * from './types.js';
export { stableStringify, hashIR } from './hash.js';
export { parseColumnType, columnType } from './column-type.js';
