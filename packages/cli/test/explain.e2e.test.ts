import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Connection } from '@wesley/postgres';
import { describeEachServer, useTestDatabase } from '@wesley/postgres/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { runBuiltCli, runBuiltCliWithEnv } from './run-built-cli.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * `wesley explain`: the pending planned steps of a directory estimated against the database
 * (rows, size, WAL, predicted duration, ranked, the bottleneck named), the calibration cached
 * outside the database, and a transaction left open named as what the concurrent build waits for.
 */
describeEachServer('wesley explain', (server) => {
  const db = useTestDatabase(server);
  let cwd: string;
  let cache: string;
  let session: Connection;
  const explain = (...args: string[]) =>
    runBuiltCliWithEnv(cwd, { WESLEY_CACHE_DIR: cache }, 'explain', '--database-url', db.url, '--dir', 'migrations', ...args);

  beforeAll(async () => {
    cwd = await mkdtemp(path.join(os.tmpdir(), 'wesley-explain-e2e-'));
    cache = path.join(cwd, 'cache');
    session = await db.connect();
    await session.query('CREATE TABLE invoice (id integer PRIMARY KEY, total integer NOT NULL)');
    await session.query('INSERT INTO invoice SELECT g, g % 97 FROM generate_series(1, 200000) AS g');
    await session.query('ANALYZE invoice');
    const { rows } = await session.query<{ v: string }>(`SELECT current_setting('server_version_num') AS v`);
    await writeFile(path.join(cwd, 'v1.graphql'), 'type Invoice @wes_table { id: Int! @wes_pk total: Int! }\n');
    await writeFile(path.join(cwd, 'v2.graphql'), 'type Invoice @wes_table { id: Int! @wes_pk total: Int! @wes_index memo: String }\n');
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
      'migrations/0001_total',
    );
    expect(planned.code, planned.stderr).toBe(0);
  }, 60_000);
  afterAll(async () => {
    await session.close();
    await rm(cwd, { recursive: true, force: true });
  });

  it('prints each step with its rows, size, WAL and predicted time, ranked, and names the bottleneck', { timeout: 60_000 }, async () => {
    const run = await explain();
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('wesley explain: 2 steps of 1 pending planned migration in migrations');
    expect(run.stdout).toContain('measured now in');
    expect(run.stdout).toMatch(/^ {2}1 +0001_total add-index:invoice\.\S+ +index build on invoice \(concurrent\) +200\.0k +\d/m);
    expect(run.stdout).toMatch(/^ {2}- +0001_total add-column:invoice\.memo +catalog update +- +- +- +-$/m);
    expect(run.stdout).toMatch(/^bottleneck: 0001_total add-index:invoice\.\S+, index build on invoice \(concurrent\), /m);
    expect(await readdir(path.join(cache, 'calibration'))).toHaveLength(1);
    // Nothing was applied, nothing of the calibration is left.
    const { rows } = await session.query<{ n: number }>(
      `SELECT (SELECT count(*) FROM pg_indexes WHERE tablename = 'invoice')::int + (SELECT count(*) FROM pg_namespace WHERE nspname LIKE 'wesley%')::int AS n`,
    );
    expect(rows[0]?.n).toBe(1);
  });

  it(
    '--json carries the estimates and the transaction a concurrent build would wait for, pid and age, password masked',
    { timeout: 60_000 },
    async () => {
      const holder = await db.connect();
      try {
        const pid = (await holder.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0]?.pid;
        await holder.query('BEGIN ISOLATION LEVEL REPEATABLE READ');
        await holder.query(`SELECT count(*) FROM invoice WHERE 'postgres://report:hunter2@db/app' <> ''`);
        await sleep(300);
        const run = await explain('--json');
        expect(run.code, run.stderr).toBe(0);
        expect(run.stdout).not.toContain('hunter2');
        const report = JSON.parse(run.stdout) as {
          cached: boolean;
          bottleneck: string;
          steps: {
            migration: string;
            step: string;
            rows: number;
            predictedMs: number;
            delays: { pid: number; openMs: number; reason: { kind: string } }[];
          }[];
        };
        expect(report.cached).toBe(true);
        const index = report.steps.find((step) => step.step === report.bottleneck);
        expect(index).toMatchObject({ migration: '0001_total', rows: 200000 });
        expect(index?.delays).toEqual([expect.objectContaining({ pid, reason: { kind: 'snapshot' } })]);
        expect(index?.delays[0]?.openMs).toBeGreaterThanOrEqual(250);
        const text = await explain();
        expect(text.stdout).toMatch(
          new RegExp(`^waits: 0001_total add-index:invoice\\.\\S+ would wait for pid ${pid} \\(holds an older snapshot, open \\d`, 'm'),
        );
      } finally {
        await holder.close();
      }
    },
  );

  it('plan --from <url> --explain: after the lock table, each step estimated against that database', { timeout: 60_000 }, async () => {
    const run = await runBuiltCliWithEnv(cwd, { WESLEY_CACHE_DIR: cache }, 'plan', '--from', db.url, '--to', 'v2.graphql', '--explain');
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('server throughput measured');
    expect(run.stdout).toMatch(/^ {2}1 +add-index:invoice\.\S+ +index build on invoice \(concurrent\) +200\.0k +\d/m);
    expect(run.stdout).toMatch(/^bottleneck: add-index:invoice\.\S+, index build on invoice \(concurrent\), /m);
  });

  it('migrate --dry-run --explain: the table on standard error, the SQL alone on standard output', { timeout: 60_000 }, async () => {
    const run = await runBuiltCliWithEnv(
      cwd,
      { WESLEY_CACHE_DIR: cache },
      'migrate',
      '--database-url',
      db.url,
      '--dir',
      'migrations',
      '--dry-run',
      '--explain',
    );
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toMatch(/^bottleneck: 0001_total add-index:invoice\.\S+, index build on invoice \(concurrent\), /m);
    expect(run.stdout).not.toContain('bottleneck');
    expect(run.stdout).toContain('CREATE INDEX CONCURRENTLY');
  });

  it(
    'migrate --explain: the predicted time beside each step as it runs, the actual at its end; --json carries the estimates event',
    { timeout: 60_000 },
    async () => {
      const plan = JSON.parse(await readFile(path.join(cwd, 'migrations', '0001_total', 'plan.json'), 'utf8')) as {
        steps: { id: string }[];
      };
      const [first, second] = plan.steps.map((step) => step.id);
      const migrate = (...args: string[]) =>
        runBuiltCliWithEnv(
          cwd,
          { WESLEY_CACHE_DIR: cache },
          'migrate',
          '--database-url',
          db.url,
          '--dir',
          'migrations',
          '--explain',
          ...args,
        );
      const json = await migrate('--json', '--to', first ?? '');
      expect(json.code, json.stderr).toBe(0);
      const events = json.stdout
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line) as { kind: string; steps?: { stepId: string; predictedMs: number }[] });
      expect(events[0]).toMatchObject({
        kind: 'estimates',
        totalMs: expect.any(Number) as number,
        bottleneck: { migration: '0001_total' },
      });
      expect(events[0]?.steps?.map((step) => step.stepId)).toEqual([first, second]);
      // The rest of the stopped migration: its step left is estimated and shown with its predicted time.
      const log = await migrate();
      expect(log.code, log.stderr).toBe(0);
      expect(log.stdout).toMatch(/^wesley migrate: predicted .+ in all/m);
      const escaped = (second ?? '').replace(/[.]/g, '\\.');
      expect(log.stdout).toMatch(new RegExp(`^0001_total: step 2/2 \\w+ ${escaped} done in .+, predicted `, 'm'));
    },
  );
});
