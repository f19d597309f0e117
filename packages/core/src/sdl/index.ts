export { compileSchema, type CompileResult } from './compile-schema.js';
export type { SchemaSource, CompileOptions } from './source.js';
export { similarDirectives } from './read-directives.js';
export { resolveSpelling, type Spelling } from './vocabulary/index.js';
export { schemaDeclarations } from './schema-declarations.js';
