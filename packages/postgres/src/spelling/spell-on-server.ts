import { emitDdlStatements, quoteIdent, type SchemaIR } from '@wesley/core';
import { randomBytes } from 'node:crypto';
import type pg from 'pg';
import type { Connection } from '../connect/connect.js';
import { readSchema } from '../introspect/introspect.js';
import { runStatementsApart } from './run-statements-apart.js';

/** How long the scratch build may wait for a lock or run; it touches no user table. */
const budget = '5s';

/**
 * A session to spell on: a Wesley {@link Connection}, or a node-postgres client. Not a pool:
 * the scratch build and its rollback must run on one session.
 */
export type SpellingSession = Connection | pg.ClientBase;

/**
 * `ir` as this server stores it: its DDL is run in a scratch schema inside a transaction that
 * is always rolled back, and the scratch schema is read back from the catalog. Its
 * expressions (checks, defaults, generated columns, index predicates) are then spelled as
 * `pg_get_expr` prints them — the same words the introspection of a live database uses — which
 * a text normaliser can only approximate (`a < b + 1` comes back `(a < (b + 1))`, `BETWEEN`
 * as two comparisons, `LIKE` as `~~`). This is the "dev database" approach of Atlas, done in
 * the database being compared.
 *
 * Nothing is left behind and no lock is taken on a user object. Each DDL statement goes to the
 * server in a Parse message of its own ({@link runStatementsApart}), so an expression that
 * smuggles `;`, `COMMIT` or a second statement into the text is refused by the server as a
 * whole, before any of it runs: the build cannot end its transaction, and the rollback always
 * takes the scratch schema with it. `liveSchema` follows the scratch schema on the
 * `search_path`, so that functions from extensions installed there resolve and everything
 * prints unqualified as it does in the live schema. Call it on a session that is not inside a
 * transaction.
 *
 * @throws the server's error when it refuses the build: no CREATE privilege, a read-only
 * server (a standby), a function or extension the schema uses that is missing, a statement
 * text that holds more than one statement.
 */
export async function spellOnServer(db: SpellingSession, ir: SchemaIR, liveSchema: string): Promise<SchemaIR> {
  const client = 'client' in db ? db.client : db;
  const scratch = `wesley_spelling_${randomBytes(6).toString('hex')}`;
  await client.query('BEGIN');
  try {
    await client.query(`SELECT pg_catalog.set_config('lock_timeout', $1, true), pg_catalog.set_config('statement_timeout', $1, true)`, [
      budget,
    ]);
    await client.query(`CREATE SCHEMA ${quoteIdent(scratch)}`);
    await client.query(`SELECT pg_catalog.set_config('search_path', $1, true)`, [`${quoteIdent(scratch)}, ${quoteIdent(liveSchema)}`]);
    // The statements as the schema's DDL lists them, never split again from its text: a split
    // would cut a smuggled `; COMMIT;` into statements of their own, which is what it must not be.
    await runStatementsApart(client, emitDdlStatements(ir));
    return await readSchema(client, scratch);
  } finally {
    await client.query('ROLLBACK').catch(() => undefined);
  }
}
