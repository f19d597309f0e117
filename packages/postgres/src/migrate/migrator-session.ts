import type { Queryable } from '../introspect/queryable.js';

/** What `pg_stat_activity.application_name` shows for a migrator's session. */
export const migratorApplicationName = 'wesley migrate';

/**
 * Session settings of the migrator's one session, the one that holds the migration lock:
 *
 * - `idle_session_timeout` and `idle_in_transaction_session_timeout` off: the server would end
 *   the session, and the lock with it, while the migrator waits between attempts or batches
 *   (the database or role may set them for applications);
 * - `client_connection_check_interval` 1 s (PostgreSQL 14+): a backend whose migrator died
 *   (`kill -9`, a cut connection) notices within a second, even inside a long statement such as
 *   a waiting `CREATE INDEX CONCURRENTLY`, and ends, releasing the lock, instead of running the
 *   statement on without anyone to record it;
 * - `application_name`, so that `pg_stat_activity` shows which session is the migrator.
 *
 * A setting the server does not have (an older version) is left out, not an error. Made again
 * after `RESET ALL`, which resets them too.
 */
export async function configureMigratorSession(session: Queryable): Promise<void> {
  await session.query(
    `SELECT pg_catalog.set_config(s.name, s.value, false)
       FROM (VALUES ('application_name', $1), ('idle_session_timeout', '0'), ('idle_in_transaction_session_timeout', '0'),
                    ('client_connection_check_interval', '1000')) AS s (name, value)
      WHERE s.name IN (SELECT name FROM pg_catalog.pg_settings)`,
    [migratorApplicationName],
  );
}
