import { once } from 'node:events';
import { finished } from 'node:stream/promises';
import { from as copyFrom } from 'pg-copy-streams';
import { quoteIdent } from '@wesley/core/run';
import type { Connection } from '../connect/connect.js';
import type { RunOptions } from '../execute/run-options.js';
import { resolveRunOptions, type ResolvedRunOptions } from '../execute/run-options.js';
import { sqlStateOf, StepFailedError } from '../execute/step-failed-error.js';
import { beginStepTransaction, outsideStepTransaction, waitToRetry } from '../execute/step-session.js';
import { splitSqlFile } from '../sql-stream/split-sql-file.js';
import type { SqlCopy } from '../sql-stream/sql-item.js';
import { readSteps, recordStep, saveCursor } from './ledger.js';
import { inLockedTransaction } from './locked-transaction.js';
import type { MigrateEvent } from './migrate-events.js';
import type { MigrationFile } from './migration-files.js';
import type { MigrationLock } from './migration-lock.js';
import { configureMigratorSession } from './migrator-session.js';
import { PipelinedStatementError, StatementPipeline } from './statement-pipeline.js';
import { StretchBudget } from './stretch-budget.js';
import { TransactionControlError } from './transaction-control-error.js';
import {
  concurrentIndexTarget,
  isSessionSetting,
  needsOwnTransaction,
  parsedTransactionControl,
  settledByLexer,
} from './transaction-rules.js';

/** The ledger step of a SQL migration: its cursor is the number of statements committed. */
const stepId = 'statements';

type SqlRunOptions = Omit<RunOptions, 'onEvent'> & { readonly onEvent: (event: MigrateEvent) => void; readonly lock: MigrationLock };

/** What a run of the file's statements works with besides the options. */
interface Stretching {
  readonly lock: MigrationLock;
  readonly budget: StretchBudget;
}

/**
 * Runs a SQL migration file statement by statement as the streaming lexer splits it, never
 * holding the file in memory. Ordinary statements run in one transaction per stretch between
 * statements that cannot run in a transaction (`CREATE INDEX CONCURRENTLY`, `VACUUM`, ...), a
 * long stretch in parts that keep its locks near `max_locks_per_transaction` ({@link StretchBudget}),
 * so a failing statement leaves its stretch unapplied; the ledger cursor (statements done) commits
 * in the same transaction, after `lock.verify`, so a killed run resumes after the last committed
 * statement and nothing commits once the migration lock is lost. A
 * statement run on its own is recorded before and after; an interrupted `CREATE INDEX
 * CONCURRENTLY` has its INVALID index dropped before it runs again. psql meta-commands
 * (`\restrict`) are skipped with a notice; a file with transaction control of its own was
 * refused before the run (`pendingMigrations`), and is again here, should it have changed since.
 * A lock timeout or deadlock retries the stretch from its start, with backoff. Session settings
 * the file makes (`SET search_path`) are reset at the end.
 */
export async function runSqlMigration(session: Connection, file: MigrationFile, options: SqlRunOptions): Promise<boolean> {
  const resolved = resolveRunOptions(options);
  const record = (await readSteps(session, file.name)).get(stepId);
  const { rows } = await session.query<{ n: number }>(`SELECT current_setting('max_locks_per_transaction')::int AS n`);
  const stretching = { lock: options.lock, budget: new StretchBudget(rows[0]?.n ?? 64) };
  let done = typeof record?.cursor === 'number' ? record.cursor : 0;
  for (let attempt = 1; ; attempt++) {
    try {
      // A run resumed after a crash, or this run's retry, may start at a statement run alone that
      // was cut short (an INVALID index left by a concurrent build): `runAlone` looks first.
      done = await runFrom(session, file, done, record?.status === 'running' || attempt > 1, resolved, options.onEvent, stretching);
      await inLockedTransaction(options.lock, file.name, null, () => recordStep(session, file.name, stepId, 'applied', done));
      await session.query('RESET ALL');
      await configureMigratorSession(session);
      return true;
    } catch (error) {
      await session.query('ROLLBACK').catch(() => undefined);
      if (!(error instanceof Progress)) throw error;
      done = error.done;
      const sqlState = sqlStateOf(error.cause);
      if (stretching.budget.rolledBack(sqlState === '53200')) continue;
      const retried = await waitToRetry(resolved, attempt, sqlState, (state, waitMs) =>
        options.onEvent({ kind: 'step-retry', stepId: file.name, attempt, sqlState: state, waitMs }),
      );
      if (retried) continue;
      throw new StepFailedError(`${file.name}:${error.line}`, attempt, error.cause);
    }
  }
}

/** A failure at a statement, with the count of statements committed before it. */
class Progress extends Error {
  constructor(
    readonly done: number,
    readonly line: number,
    override readonly cause: unknown,
  ) {
    super(cause instanceof Error ? cause.message : String(cause));
  }
}

/** A failure's Progress; a pipelined statement fails with its own line, not the one the lexer reached. */
function failedAt(committed: number, line: number, error: unknown): Progress {
  return error instanceof PipelinedStatementError ? new Progress(committed, error.line, error.cause) : new Progress(committed, line, error);
}

async function runFrom(
  session: Connection,
  file: MigrationFile,
  start: number,
  interrupted: boolean,
  options: ResolvedRunOptions,
  onEvent: (event: MigrateEvent) => void,
  { lock, budget }: Stretching,
): Promise<number> {
  let index = 0;
  let committed = start;
  let open = false;
  let line = 0;
  const pipeline = new StatementPipeline(session.client);
  const commit = async () => {
    if (!open) return;
    await pipeline.drain();
    await saveCursor(session, file.name, stepId, index);
    budget.committed(await lock.verify(file.name, `${file.name}:${line}`));
    await session.query('COMMIT');
    open = false;
    committed = index;
  };
  for await (const item of splitSqlFile(file.path)) {
    if (item.kind === 'meta') {
      if (index >= start)
        onEvent({ kind: 'notice', message: `${file.name}:${item.line}: skipped psql meta-command ${item.command.split(/\s/)[0]}` });
      continue;
    }
    if (index < start) {
      // Committed before: skipped, except the session settings it made (pg_dump's
      // search_path, check_function_bodies), which died with the session that made them.
      if (item.kind === 'statement' && isSessionSetting(item.sql)) {
        await session.query(item.sql).catch((error: unknown) => {
          throw new Progress(committed, item.line, error);
        });
      }
      index++;
      continue;
    }
    line = item.line;
    const control = settledByLexer(item.sql) ? null : await parsedTransactionControl(item.sql);
    if (control !== null) throw new TransactionControlError(file.name, item.line, control, item.sql);
    let full = false;
    try {
      if (needsOwnTransaction(item.sql)) {
        await commit();
        await runAlone(session, file, item, index, interrupted && index === start, options, onEvent, lock);
      } else {
        if (!open) {
          await beginStepTransaction(session, options);
          open = true;
        }
        if (item.kind === 'copy') {
          await pipeline.drain();
          await copyIn(session, item);
        } else await pipeline.send(item.sql, item.line);
        full = budget.add();
      }
    } catch (error) {
      throw failedAt(committed, item.line, error);
    }
    index++;
    if (full) {
      try {
        await commit();
      } catch (error) {
        throw failedAt(committed, item.line, error);
      }
    }
    if (index % 1000 === 0) onEvent({ kind: 'statements', migration: file.name, done: index });
  }
  try {
    await commit();
  } catch (error) {
    throw failedAt(committed, 0, error);
  }
  onEvent({ kind: 'statements', migration: file.name, done: index });
  return index;
}

/**
 * A statement that must run outside a transaction, bracketed by ledger records, each committed
 * only while the lock is held; the lock is checked again just before the statement, which no
 * transaction will roll back.
 */
async function runAlone(
  session: Connection,
  file: MigrationFile,
  { sql, line }: { readonly sql: string; readonly line: number },
  index: number,
  interrupted: boolean,
  options: ResolvedRunOptions,
  onEvent: (event: MigrateEvent) => void,
  lock: MigrationLock,
): Promise<void> {
  const place = `${file.name}:${line}`;
  const record = (write: () => Promise<void>) => inLockedTransaction(lock, file.name, place, write);
  await lock.verify(file.name, place);
  const target = concurrentIndexTarget(sql);
  if (interrupted && target !== null) {
    // The killed run's build may have been cut short (an INVALID index: drop it so the statement
    // can run) or have finished after its client died, unrecorded (a valid index: done). The
    // index is looked up beside its table, as the file's search_path may be '' (pg_dump's).
    const { rows } = await session.query<{ schema: string; name: string; valid: boolean }>(
      `SELECT n.nspname AS schema, c.relname AS name, i.indisvalid AS valid
         FROM pg_catalog.pg_class t
         JOIN pg_catalog.pg_namespace n ON n.oid = t.relnamespace
         JOIN pg_catalog.pg_class c ON c.relnamespace = t.relnamespace AND c.relname = (pg_catalog.parse_ident($2))[1]
         JOIN pg_catalog.pg_index i ON i.indexrelid = c.oid
        WHERE t.oid = pg_catalog.to_regclass($1)`,
      [target.table, target.index],
    );
    const left = rows[0];
    if (left?.valid === true) {
      onEvent({ kind: 'notice', message: `${file.name}: index ${left.name} was built before the interruption; not building it again` });
      await record(() => saveCursor(session, file.name, stepId, index + 1));
      return;
    }
    if (left !== undefined) await session.query(`DROP INDEX CONCURRENTLY IF EXISTS ${quoteIdent(left.schema)}.${quoteIdent(left.name)}`);
  }
  await record(() => recordStep(session, file.name, stepId, 'running', index));
  await outsideStepTransaction(session, options, () => session.query(sql));
  await record(() => saveCursor(session, file.name, stepId, index + 1));
}

/** `COPY ... FROM STDIN`: the data streamed to the server with backpressure. */
async function copyIn(session: Connection, item: SqlCopy): Promise<void> {
  const stream = session.client.query(copyFrom(item.sql));
  for await (const chunk of item.data) {
    if (!stream.write(chunk)) await once(stream, 'drain');
  }
  stream.end();
  await finished(stream);
}
