import { quoteIdent } from '@wesley/core';
import type { Connection } from '@wesley/postgres';

/**
 * A long report query, as applications run them: opens a transaction on `session`, reads a
 * row of each of `tables` (taking ACCESS SHARE on them, held to the end of the transaction),
 * and resolves once the locks are held, with `released`: the commit, `holdMs` later. (An
 * object, not a bare promise: an async function returning a promise would wait for it.)
 *
 * ACCESS SHARE blocks nothing but ACCESS EXCLUSIVE; but a DDL statement queued for ACCESS
 * EXCLUSIVE behind it blocks every later lock request on the table, so without lock_timeout
 * each write waits for the reader to finish.
 */
export async function holdAccessShare(
  session: Connection,
  tables: readonly string[],
  holdMs: number,
): Promise<{ released: Promise<void> }> {
  await session.query('BEGIN');
  for (const table of tables) await session.query(`SELECT 1 FROM ${quoteIdent(table)} LIMIT 1`);
  const released = new Promise<void>((resolve, reject) => {
    setTimeout(() => {
      session.query('COMMIT').then(() => resolve(), reject);
    }, holdMs);
  });
  return { released };
}
