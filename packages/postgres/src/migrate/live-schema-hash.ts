import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { SchemaIR } from '@wesley/core';
import type { Plan } from '@wesley/core/run';
import type { Queryable } from '../introspect/queryable.js';
import type { SpellingSession } from '../spelling/spell-on-server.js';

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

/**
 * The `from` hash `wesley plan --from <database>` would give a plan towards `plan`'s target made
 * from the database as it is now: the live schema (the session's current schema) introspected,
 * its expressions spelled as the target spells them, hashed. A plan made from the database after
 * a change by hand starts there, not where the ledger's last migration led, and may run.
 *
 * `null` when the target cannot be read: no `ir.json` beside `plan.json`, or one that is not the
 * plan's `to` (edited, or from another plan), so that only a schema the plan itself names is
 * compared. Introspection needs the compiler, loaded here only when a plan's `from` is not the
 * ledger's (a run whose chain holds never pays for it).
 */
export async function liveSchemaHash(db: Queryable & SpellingSession, planFile: string, plan: Plan): Promise<string | null> {
  let to: SchemaIR;
  try {
    to = JSON.parse(await readFile(path.join(path.dirname(planFile), 'ir.json'), 'utf8')) as SchemaIR;
  } catch {
    return null;
  }
  const [{ hashIR }, { introspect }, { matchSchemaSpelling }] = await Promise.all([
    import('@wesley/core'),
    import('../introspect/introspect.js'),
    import('../spelling/match-schema-spelling.js'),
  ]);
  if (typeof to !== 'object' || to === null || hashIR(to, sha256) !== plan.to) return null;
  const queryable: Queryable = db;
  const { rows } = await queryable.query<{ schema: string | null }>('SELECT current_schema() AS schema');
  const schema = rows[0]?.schema;
  if (schema == null) return null;
  const { ir } = await matchSchemaSpelling(db, await introspect(db, { schema }), to, schema);
  return hashIR(ir, sha256);
}
