import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { describeEachServer } from '@wesley/postgres/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { connect } from '../../src/connect/connect.js';
import { migrate } from '../../src/migrate/migrate.js';
import { buildCrashChild } from './support/build-crash-child.js';
import { comparableSchema, outcomeDifference, readCrashOutcome, type CrashOutcome } from './support/crash-outcome.js';
import {
  accountRows,
  accountsExtras,
  accountsStatements,
  auditRows,
  schemaV1,
  writeCrashMigrations,
  type CrashMigrations,
} from './support/crash-migrations.js';
import { killPoints, type Census, type CrashPoint } from './support/kill-points.js';
import { runCrashChild } from './support/run-crash-child.js';
import { scratchDatabase } from './support/scratch-database.js';
import { endStrayBackends } from './support/stray-backends.js';

/**
 * Crash safety (issue 5): a migrator in a child process is killed with SIGKILL at every point a
 * crash can leave a different state (see `killPoints`: after each event, inside each
 * transaction before COMMIT, around and during each CREATE INDEX CONCURRENTLY), on a database
 * of its own; then `migrate` runs again, in this process. Each time the result must be exactly
 * that of an uninterrupted run, itself checked against the target: the schema, the ledger
 * (every migration and step applied, once), and every row, neither lost nor doubled.
 */

/** Kill points run side by side, each on a database of its own (2 cores; the server does most of the work). */
const concurrency = 3;

let child: string;
beforeAll(async () => {
  child = await buildCrashChild();
}, 60_000);
afterAll(() => rm(path.dirname(child), { recursive: true, force: true }));

describeEachServer('migrate: killed with SIGKILL at every point, then run again', (server) => {
  let migrations: CrashMigrations;
  let census: Census;
  let baseline: CrashOutcome;

  beforeAll(async () => {
    const admin = await connect(server.url);
    const version = Number((await admin.query<{ v: string }>(`SELECT current_setting('server_version_num') AS v`)).rows[0]?.v);
    await admin.close();
    migrations = await writeCrashMigrations(await mkdtemp(path.join(tmpdir(), 'wesley-crash-')), version);
    const db = await scratchDatabase(server);
    try {
      const run = await runCrashChild(child, db.url, migrations.directory, {});
      if (run.code !== 0) throw new Error(`the uninterrupted run failed: ${run.stderr}`);
      census = JSON.parse(run.stdout) as Census;
      const session = await connect(db.url);
      baseline = await readCrashOutcome(session).finally(() => session.close());
    } finally {
      await db.drop();
    }
  }, 60_000);
  afterAll(() => rm(migrations.directory, { recursive: true, force: true }));

  it('an uninterrupted run reaches the target schema, applies every step once and keeps every row', () => {
    const stepIds = migrations.plan.steps.map((step) => step.id);
    expect(baseline.schema).toEqual(comparableSchema(schemaV1));
    expect(baseline.leftovers).toEqual(accountsExtras);
    expect(baseline.migrations).toEqual([
      ['0001_accounts.sql', 'applied'],
      ['0002_accounts_v1', 'applied'],
    ]);
    expect(baseline.steps.map(([migration, step, status]) => [migration, step, status])).toEqual(
      [['0001_accounts.sql', 'statements', 'applied'], ...stepIds.map((id) => ['0002_accounts_v1', id, 'applied'])].sort((a, b) =>
        `${a[0]} ${a[1]}`.localeCompare(`${b[0]} ${b[1]}`),
      ),
    );
    expect(baseline.steps[0]?.[3]).toBe(accountsStatements);
    expect(baseline.accounts).toEqual({
      rows: accountRows,
      distinctIds: accountRows,
      minId: 1,
      maxId: accountRows,
      wrongValues: 0,
      nullTokens: 0,
      distinctTokens: accountRows,
    });
    expect(baseline.audit).toEqual(auditRows.map((row) => [row.at, row.message, 1]).sort((a, b) => Number(a[0]) - Number(b[0])));
  });

  /** Kill points whose index build was really cut short (an INVALID index before the re-run). */
  let cutShort = 0;

  it('killed at each point and run again, it ends exactly where the uninterrupted run does', async () => {
    const points = killPoints(census);
    expect(points.length).toBeGreaterThanOrEqual(50);
    const failures: string[] = [];
    const queue = [...points];
    const worker = async () => {
      const db = await scratchDatabase(server);
      try {
        for (let point = queue.shift(); point !== undefined; point = queue.shift()) {
          await db.reset();
          const failure = await crashAndResume(point, db.url);
          if (failure !== null) failures.push(`${point.label}: ${failure}`);
        }
      } finally {
        await db.drop();
      }
    };
    await Promise.all(Array.from({ length: concurrency }, worker));
    expect(failures).toEqual([]);
    // The repair path (an INVALID index dropped before the redo) must have run at least once.
    expect(cutShort).toBeGreaterThan(0);
  }, 240_000);

  /** One kill point on a fresh database: `null` when the re-run ends like the baseline, else what differs. */
  async function crashAndResume(point: CrashPoint, url: string): Promise<string | null> {
    try {
      const run = await runCrashChild(child, url, migrations.directory, point.kill);
      if (run.signal !== 'SIGKILL') return `the child was not killed (exit ${run.code}): ${run.stderr}`;
      // A backend of the dead process may still be running its statement: end it (as a lost
      // connection would) or let it finish, as the point says.
      await endStrayBackends(url, point.strays);
      if (point.strays !== 'leave') {
        // The build the child died in was cut short (INVALID index) or finished on its own. Ending
        // it races with its own end on a busy machine: a build that won the race is a "finished"
        // point, still checked below; an INVALID index where none was cut is a failure.
        const invalid = await invalidIndexes(url);
        if (point.strays === 'finish' && invalid.length > 0)
          return `unexpected INVALID indexes before the re-run: ${JSON.stringify(invalid)}`;
        if (invalid.length > 0) cutShort++;
      }
      await migrate({ url, directory: migrations.directory, appliedBy: 'rerun', lock: { timeoutMs: 30_000, pollMs: 20 } });
      const session = await connect(url);
      const outcome = await readCrashOutcome(session).finally(() => session.close());
      return isDeepStrictEqual(outcome, baseline) ? null : outcomeDifference(outcome, baseline);
    } catch (error) {
      return `${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`;
    }
  }
});

async function invalidIndexes(url: string): Promise<string[]> {
  const session = await connect(url);
  try {
    const { rows } = await session.query<{ name: string }>(
      'SELECT c.relname AS name FROM pg_catalog.pg_index i JOIN pg_catalog.pg_class c ON c.oid = i.indexrelid WHERE NOT i.indisvalid',
    );
    return rows.map((row) => row.name);
  } finally {
    await session.close();
  }
}
