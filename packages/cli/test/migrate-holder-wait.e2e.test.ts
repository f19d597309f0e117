import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Connection } from '@wesley/postgres';
import { describeEachServer, useTestDatabase } from '@wesley/postgres/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { runBuiltCli } from './run-built-cli.js';

/** Each test runs a `wesley` process that waits seconds on purpose: generous on a busy machine. */
const processTimeout = 60_000;

/** A report reading `invoice`, left open; its text holds a connection string with a password. */
const reportSql = `SELECT count(*) FROM invoice WHERE 'postgres://report:hunter2@db/app' <> ''`;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * `wesley migrate` when another session holds a table a step needs ACCESS EXCLUSIVE on: the
 * step waits for it outside the lock queue (`--holder-wait`), and says so, in the log and as
 * JSON events, without the password in the holder's query.
 */
describeEachServer('wesley migrate --holder-wait', (server) => {
  const db = useTestDatabase(server);
  let cwd: string;
  let session: Connection;
  let holder: Connection;
  let pid: number;
  const migrate = (...args: string[]) => runBuiltCli(cwd, 'migrate', '--database-url', db.url, '--dir', 'migrations', ...args);

  /** Opens the report and lets it grow older than the youngest transaction the migrator waits for (100 ms). */
  async function openReport(): Promise<void> {
    await holder.query('BEGIN');
    await holder.query(reportSql);
    await sleep(300);
  }

  /** Until the migrator's session has read who holds its table (its last statement is that read), however slowly the process started. */
  async function migratorWaiting(): Promise<void> {
    for (let tries = 0; tries < 600; tries++) {
      const { rows } = await session.query(
        `SELECT 1 FROM pg_catalog.pg_stat_activity WHERE datname = current_database() AND query LIKE '%FROM claim CROSS JOIN LATERAL%' AND pid <> pg_backend_pid()`,
      );
      if (rows.length > 0) return;
      await sleep(50);
    }
    throw new Error('the migrator never read the holders of its table');
  }

  beforeAll(async () => {
    cwd = await mkdtemp(path.join(os.tmpdir(), 'wesley-holder-wait-e2e-'));
    session = await db.connect();
    await session.query('CREATE TABLE invoice (id integer PRIMARY KEY); INSERT INTO invoice VALUES (1)');
    const { rows } = await session.query<{ v: string }>(`SELECT current_setting('server_version_num') AS v`);
    await writeFile(path.join(cwd, 'v1.graphql'), 'type Invoice @wes_table { id: Int! @wes_pk }\n');
    await writeFile(path.join(cwd, 'v2.graphql'), 'type Invoice @wes_table { id: Int! @wes_pk memo: String }\n');
    const planned = await runBuiltCli(
      cwd,
      'plan',
      '--from',
      'v1.graphql',
      '--to',
      'v2.graphql',
      '--server-version',
      rows[0]?.v ?? '',
      '--out',
      'migrations/0001_memo',
    );
    expect(planned.code, planned.stderr).toBe(0);
    holder = await db.connect();
    pid = (await holder.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0]?.pid ?? -1;
  });
  afterAll(async () => {
    await rm(cwd, { recursive: true, force: true });
  });

  it(
    '--json: waits no longer than --holder-wait, reports the holder and the end of the wait, then fails on lock_timeout',
    { timeout: processTimeout },
    async () => {
      await openReport();
      const run = await migrate('--json', '--holder-wait', '1s', '--lock-timeout', '100ms');
      await holder.query('COMMIT');
      expect(run.code).toBe(1);
      expect(run.stdout).not.toContain('hunter2');
      const events = run.stdout
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line) as Record<string, unknown>);
      const wait = events.find((event) => event.kind === 'holder-wait');
      expect(wait).toMatchObject({
        stepId: 'add-column:invoice.memo',
        pid,
        relation: 'invoice',
        mode: 'AccessShareLock',
        state: 'idle in transaction',
      });
      expect(wait?.query).toBe(`SELECT count(*) FROM invoice WHERE 'postgres://report:***@db/app' <> ''`);
      const end = events.find((event) => event.kind === 'holder-wait-end');
      expect(end).toMatchObject({ stepId: 'add-column:invoice.memo', holders: 1 });
      expect(end?.waitedMs).toBeGreaterThanOrEqual(1000);
      expect(events.at(-1)).toMatchObject({ kind: 'summary', ok: false, exitCode: 1 });
      expect(run.stderr).toContain('add-column:invoice.memo');
    },
  );

  it('a log line per holder, then the step goes on once it commits', { timeout: processTimeout }, async () => {
    await openReport();
    const running = migrate('--holder-wait', '30s', '--lock-timeout', '200ms');
    await migratorWaiting();
    // Past the lock timeout: had it queued, it would have given up and said so.
    await sleep(1000);
    await holder.query('COMMIT');
    const run = await running;
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(
      new RegExp(
        `0001_memo: add-column:invoice\\.memo: waiting for pid ${pid}, open [\\d.]+ m?s, idle in transaction, holding AccessShareLock on invoice: \`SELECT count\\(\\*\\) FROM invoice WHERE 'postgres://report:\\*\\*\\*@db/app' <> ''\`\n`,
      ),
    );
    expect(run.stdout).toMatch(
      /0001_memo: add-column:invoice\.memo: the sessions holding its tables let go after \d\.\d s; asking for the lock\n/,
    );
    expect(run.stdout).not.toContain('lock not granted');
    expect(run.stdout).not.toContain('hunter2');
    const { rows } = await session.query(`SELECT column_name FROM information_schema.columns WHERE table_name = 'invoice' ORDER BY 1`);
    expect(rows).toEqual([{ column_name: 'id' }, { column_name: 'memo' }]);
  });

  it('rejects a --holder-wait that is no duration', { timeout: processTimeout }, async () => {
    const run = await migrate('--holder-wait', 'soon');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--holder-wait');
  });
});
