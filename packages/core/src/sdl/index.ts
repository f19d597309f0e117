export { compileSchema, type CompileResult } from './compile-schema.js';
export type { SchemaSource, CompileOptions } from './source.js';
