import { emitDdl, quoteIdent, type SchemaIR } from '@wesley/core';
import { randomBytes } from 'node:crypto';
import { readSchema } from '../introspect/introspect.js';
import type { Queryable } from '../introspect/queryable.js';

/** How long the scratch build may wait for a lock or run; it touches no user table. */
const budget = '5s';

/**
 * `ir` as this server stores it: its DDL is run in a scratch schema inside a transaction that
 * is always rolled back, and the scratch schema is read back from the catalog. Its
 * expressions (checks, defaults, generated columns, index predicates) are then spelled as
 * `pg_get_expr` prints them — the same words the introspection of a live database uses — which
 * a text normaliser can only approximate (`a < b + 1` comes back `(a < (b + 1))`, `BETWEEN`
 * as two comparisons, `LIKE` as `~~`). This is the "dev database" approach of Atlas, done in
 * the database being compared.
 *
 * Nothing is left behind and no lock is taken on a user object. `liveSchema` follows the
 * scratch schema on the `search_path`, so that functions from extensions installed there
 * resolve and everything prints unqualified as it does in the live schema. Call it on a
 * connection that is not inside a transaction.
 *
 * @throws the server's error when it refuses the build: no CREATE privilege, a read-only
 * server (a standby), a function or extension the schema uses that is missing.
 */
export async function spellOnServer(db: Queryable, ir: SchemaIR, liveSchema: string): Promise<SchemaIR> {
  const scratch = `wesley_spelling_${randomBytes(6).toString('hex')}`;
  await db.query('BEGIN');
  try {
    await db.query(`SELECT pg_catalog.set_config('lock_timeout', $1, true), pg_catalog.set_config('statement_timeout', $1, true)`, [
      budget,
    ]);
    await db.query(`CREATE SCHEMA ${quoteIdent(scratch)}`);
    await db.query(`SELECT pg_catalog.set_config('search_path', $1, true)`, [`${quoteIdent(scratch)}, ${quoteIdent(liveSchema)}`]);
    // One message for the whole DDL: a round trip per statement would cost more than the statements.
    const ddl = emitDdl(ir);
    if (ddl !== '') await db.query(ddl);
    return await readSchema(db, scratch);
  } finally {
    await db.query('ROLLBACK').catch(() => undefined);
  }
}
