import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describeEachServer } from '@wesley/postgres/testing';
import { beforeAll, expect, it } from 'vitest';
import { connect } from '../../src/connect/connect.js';
import { migrate } from '../../src/migrate/migrate.js';
import { buildCrashChild } from './support/build-crash-child.js';
import { comparableSchema, outcomeDifference, readCrashOutcome, type CrashOutcome } from './support/crash-outcome.js';
import { accountRows, accountsExtras, accountsStatements, auditRows, schemaV1, writeCrashMigrations, type CrashMigrations } from './support/crash-migrations.js';
import { killPoints, type Census, type CrashPoint } from './support/kill-points.js';
import { runCrashChild } from './support/run-crash-child.js';
import { scratchDatabase } from './support/scratch-database.js';
import { endStrayBackends } from './support/stray-backends.js';

/** Kill points run side by side, each on a database of its own (2 cores; the server does most of the work). */
const concurrency = Number(process.env.CC ?? 3);

let child: string;
beforeAll(async () => {
  child = await buildCrashChild();
}, 60_000);

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
      if (process.env.CENSUS) (await import('node:fs')).writeFileSync(process.env.CENSUS, run.stdout);
      const session = await connect(db.url);
      baseline = await readCrashOutcome(session).finally(() => session.close());
    } finally {
      await db.drop();
    }
  }, 60_000);

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

  it('killed at each point and run again, it ends exactly where the uninterrupted run does', async () => {
    const points = killPoints(census);
    expect(points.length).toBeGreaterThanOrEqual(50);
    const failures: string[] = [];
    const queue = process.env.NP ? points.slice(0, Number(process.env.NP)) : [...points];
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
  }, 240_000);

  /** One kill point on a fresh database: `null` when the re-run ends like the baseline, else what differs. */
  async function crashAndResume(point: CrashPoint, url: string): Promise<string | null> {
    const t1 = Date.now();
    try {
      const run = await runCrashChild(child, url, migrations.directory, point.kill);
      const t2 = Date.now();
      if (run.signal !== 'SIGKILL') return `the child was not killed (exit ${run.code}): ${run.stderr}`;
      // A backend of the dead process may still be running its statement: end it (as a lost
      // connection would) or let it finish, as the point says.
      await endStrayBackends(url, point.strays);
      await migrate({ url, directory: migrations.directory, appliedBy: 'rerun', lock: { timeoutMs: 30_000, pollMs: 20 } });
      const session = await connect(url);
      const t3 = Date.now();
      const outcome = await readCrashOutcome(session).finally(() => session.close());
      console.log('TIMING', point.label, t2 - t1, t3 - t2, Date.now() - t3);
      try {
        expect(outcome).toEqual(baseline);
      } catch (error) {
        return outcomeDifference(outcome, baseline);
      }
      return null;
    } catch (error) {
      return `${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`;
    }
  }
});
