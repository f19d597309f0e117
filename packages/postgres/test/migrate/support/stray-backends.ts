import { connect } from '../../../src/connect/connect.js';

/**
 * What to do with the backends a killed migrator leaves in its database (a backend notices
 * its client is gone only when it next talks to it, so one inside a statement runs it to the
 * end first):
 * - `leave`: nothing, the re-run starts at once and races them;
 * - `finish`: wait until they have ended on their own;
 * - `terminate`: end them now (`pg_terminate_backend`), as a lost connection or a server
 *   restart would, leaving e.g. an unfinished index build INVALID.
 */
export type StrayBackends = 'leave' | 'finish' | 'terminate';

/** Deals with the other sessions of the database at `url` as `how` says; returns once `finish` or `terminate` has left none. */
export async function endStrayBackends(url: string, how: StrayBackends): Promise<void> {
  if (how === 'leave') return;
  const session = await connect(url);
  try {
    const others = `FROM pg_catalog.pg_stat_activity
      WHERE datname = current_database() AND pid <> pg_backend_pid() AND backend_type = 'client backend'`;
    if (how === 'terminate') await session.query(`SELECT pg_catalog.pg_terminate_backend(pid) ${others}`);
    const deadline = Date.now() + 10_000;
    for (;;) {
      const { rows } = await session.query<{ n: number }>(`SELECT count(*)::int AS n ${others}`);
      if (rows[0]?.n === 0) return;
      if (Date.now() > deadline) throw new Error('a killed migrator’s backend is still running after 10 s');
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  } finally {
    await session.close();
  }
}
