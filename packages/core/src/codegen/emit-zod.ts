import type { SchemaIR } from '../ir/types.js';

/** Zod 4 schemas for `ir`. (Implementation lands with codegen.) */
export function emitZod(ir: SchemaIR): string {
  throw new Error(`emitZod: not implemented yet (${ir.tables.length} tables)`);
}
