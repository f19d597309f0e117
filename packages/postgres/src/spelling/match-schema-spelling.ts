import type { SchemaIR } from '@wesley/core';
import { keepSchemaRoles } from '../introspect/keep-schema-roles.js';
import { adoptSchemaSpelling } from './adopt-schema-spelling.js';
import { spellOnServer, type SpellingSession } from './spell-on-server.js';

/** `live` ready to compare with a schema, and why it is not, when it is not. */
export interface SchemaSpelling {
  /** `live`, its expressions in `expected`'s words where the server stores both alike. */
  readonly ir: SchemaIR;
  /** Set when the server could not build `expected` and expressions compare as text. */
  readonly notice: string | null;
}

/**
 * Prepares the introspected `live` schema (read from `liveSchema`) for a diff against
 * `expected`: grants to roles `expected` does not name are left out ({@link keepSchemaRoles}); the server builds `expected` in a rolled-back scratch schema
 * ({@link spellOnServer}) and every expression it stores as `live` has it takes `expected`'s
 * spelling ({@link adoptSchemaSpelling}). When the server refuses (a read-only role or a
 * standby), `live` is returned as it is, with a notice: expressions then compare through
 * `normalizeExpression` alone, which may see two spellings of one expression as a difference.
 */
export async function matchSchemaSpelling(
  db: SpellingSession,
  live: SchemaIR,
  expected: SchemaIR,
  liveSchema: string,
): Promise<SchemaSpelling> {
  const managed = keepSchemaRoles(live, expected);
  let spelled: SchemaIR;
  try {
    spelled = await spellOnServer(db, expected, liveSchema);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return {
      ir: managed,
      notice: `expressions compared as text: the server did not build the schema in a scratch schema (${reason}); an expression written otherwise than PostgreSQL prints it may show as a difference`,
    };
  }
  // Outside the try: only the server's refusal falls back, never a fault of this code.
  return { ir: adoptSchemaSpelling(managed, expected, spelled), notice: null };
}
