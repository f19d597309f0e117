import type { SchemaIR } from '../ir/types.js';

/** TypeScript row/insert types and enums for `ir`. (Implementation lands with codegen.) */
export function emitTypeScript(ir: SchemaIR): string {
  throw new Error(`emitTypeScript: not implemented yet (${ir.tables.length} tables)`);
}
