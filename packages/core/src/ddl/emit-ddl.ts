import type { SchemaIR } from '../ir/types.js';

/** DDL that creates `ir` in an empty database. (Implementation lands with the DDL emitter.) */
export function emitDdl(ir: SchemaIR): string {
  throw new Error(`emitDdl: not implemented yet (${ir.tables.length} tables)`);
}
