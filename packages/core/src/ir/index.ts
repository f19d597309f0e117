export type * from './types.js';
export { stableStringify } from './stable-stringify.js';
export { hashIR, portableSha256, type Sha256 } from './hash.js';
export { parseColumnType, columnType } from './column-type.js';
