export type * from './types.js';
export { stableJsonTexts, stableStringify, type StableJsonTexts } from './stable-stringify.js';
export { hashIR, hashIRJson, portableSha256, type Sha256 } from './hash.js';
export { parseColumnType, columnType } from './column-type.js';
