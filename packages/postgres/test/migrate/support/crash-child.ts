/**
 * A migrator in a process of its own, for the crash tests (bundled by `buildCrashChild`, run by
 * `runCrashChild`): runs `migrate()` on the database and directory given as a JSON argument,
 * and kills itself with SIGKILL at a chosen point, as a crash or `kill -9` would:
 *
 * - `killAtEvent: n`: in `onEvent`, at the n-th event (1-based) the migrator reports;
 * - `killAtBatch: n`: in `onEvent`, at the n-th backfill `batch` event, just after that batch committed;
 * - `killAtQuery: n`: just before the n-th statement the process sends to PostgreSQL (on any
 *   of its connections), so inside a transaction when the statement is one of its statements,
 *   its ledger write or its `COMMIT`;
 * - `killInConcurrent: n`: while the n-th `CREATE INDEX CONCURRENTLY` runs on the server: a
 *   second session holds a snapshot, which the build waits for at its end (its index exists,
 *   INVALID); once PostgreSQL shows the build waiting, the process dies. The holder's backend
 *   sees its client gone and ends, so the orphaned build completes; with `holderOutlives` the
 *   holder is inside `pg_sleep` and keeps the build waiting until the test ends both backends.
 *
 * The points are counted by wrapping `pg.Client.prototype.query` in this process only; nothing
 * in the migrator knows about them. Without a kill point the run completes and prints one JSON
 * line, a {@link Census}: the statements sent and the events, which the test enumerates kill
 * points from. A run that fails prints the error on stderr and exits with 1.
 */
import { maxTimeoutMs } from '@wesley/core/run';
import pg from 'pg';
import { migrate } from '../../../src/migrate/migrate.js';
import { rollbackMigration } from '../../../src/migrate/rollback-migration.js';
import type { MigrateEvent } from '../../../src/migrate/migrate-events.js';
import type { Census } from './kill-points.js';

type Options = { readonly url: string; readonly directory: string } & Partial<{
  readonly killAtEvent: number;
  readonly killAtBatch: number;
  readonly killAtQuery: number;
  readonly killInConcurrent: number;
  readonly holderOutlives: boolean;
  /** Roll this migration back (with `allowDestructive`) instead of migrating. */
  readonly rollback: string;
}>;

const options = JSON.parse(process.argv[2] ?? '{}') as Options;
const die = (): never => {
  process.kill(process.pid, 'SIGKILL');
  throw new Error('unreachable: SIGKILL was sent');
};
const queries: { sql: string; inTransaction: boolean }[] = [];
const events: { kind: string; migration: string | null; afterQueries: number }[] = [];
const inTransaction = new WeakSet<pg.Client>();
let builds = 0;
let batches = 0;

type Query = (this: pg.Client, ...args: unknown[]) => unknown;
// Taken off the prototype to be called as `query.apply(this, args)` by the replacement below.
// eslint-disable-next-line @typescript-eslint/unbound-method
const query = pg.Client.prototype.query as unknown as Query;
(pg.Client.prototype as unknown as { query: Query }).query = function countedQuery(this: pg.Client, ...args: unknown[]) {
  const [config] = args as [string | { text?: string } | undefined];
  const sql = (typeof config === 'string' ? config : config?.text) ?? '';
  const head = sql.trimStart().slice(0, 60).toUpperCase();
  const ends = /^(COMMIT|ROLLBACK)\b/.test(head);
  queries.push({ sql: sql.slice(0, 120), inTransaction: inTransaction.has(this) && !ends });
  if (queries.length === options.killAtQuery) die();
  if (/^BEGIN\b/.test(head)) inTransaction.add(this);
  if (ends) inTransaction.delete(this);
  if (/^CREATE\s+(UNIQUE\s+)?INDEX\s+CONCURRENTLY\b/.test(head) && ++builds === options.killInConcurrent) {
    // node-postgres keeps the backend pid from the startup handshake; its types leave it out.
    return dieDuringBuild(() => query.apply(this, args), (this as unknown as { processID: number }).processID);
  }
  return query.apply(this, args);
};

/** Starts the build with a snapshot held by a second session, so that it waits; dies once PostgreSQL shows it waiting. */
async function dieDuringBuild(build: () => unknown, pid: number): Promise<never> {
  const holder = new pg.Client({ connectionString: options.url });
  const watcher = new pg.Client({ connectionString: options.url });
  await Promise.all([holder.connect(), watcher.connect()]);
  await query.call(holder, 'BEGIN ISOLATION LEVEL REPEATABLE READ');
  await query.call(holder, 'SELECT 1');
  // A backend notices a dead client only when it next reads from it: not while it sleeps.
  if (options.holderOutlives === true) (query.call(holder, 'SELECT pg_sleep(60)') as Promise<unknown>).catch(() => undefined);
  (build() as Promise<unknown>).catch(() => undefined);
  for (;;) {
    const { rows } = (await query.call(
      watcher,
      'SELECT EXISTS (SELECT 1 FROM pg_catalog.pg_locks WHERE pid = $1 AND NOT granted) AS waiting',
      [pid],
    )) as pg.QueryResult<{ waiting: boolean }>;
    if (rows[0]?.waiting === true) die();
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
}

/**
 * Backfill batches sized by time would differ from run to run with the machine's load, and the
 * kill points are counted in the statements of an uninterrupted run: with a target no batch
 * reaches, each batch is twice the one before (core's maxBatchGrowth) from the plan's size, every run.
 */
const sizing = { batchTargetMs: maxTimeoutMs };

const onEvent = (event: MigrateEvent) => {
  events.push({ kind: event.kind, migration: 'migration' in event ? event.migration : null, afterQueries: queries.length });
  if (events.length === options.killAtEvent) die();
  if (event.kind === 'batch' && ++batches === options.killAtBatch) die();
};

try {
  if (options.rollback === undefined)
    await migrate({ url: options.url, directory: options.directory, appliedBy: 'crash-child', ...sizing, onEvent });
  else
    await rollbackMigration({
      url: options.url,
      directory: options.directory,
      migration: options.rollback,
      allowDestructive: true,
      onEvent,
    });
  const census: Census = { queries, events };
  process.stdout.write(`${JSON.stringify(census)}\n`);
} catch (error) {
  process.stderr.write(`${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}\n`);
  process.exitCode = 1;
}
