import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { advisoryLockKey, type Connection } from '@wesley/postgres';
import { describeEachServer, useTestDatabase } from '@wesley/postgres/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { initSql, migrateV1, migrateV2, positionOf } from './migrate-fixtures.js';
import { runBuiltCli } from './run-built-cli.js';

/** `wesley migrate`, `status` and `drift` as users run them, against each test server. */
describeEachServer('wesley migrate, status and drift', (server) => {
  const db = useTestDatabase(server);
  let cwd: string;
  let session: Connection;
  const wesley = (...args: string[]) => runBuiltCli(cwd, ...args);
  const withDb = (command: string, ...args: string[]) => wesley(command, '--database-url', db.url, ...args);

  beforeAll(async () => {
    cwd = await mkdtemp(path.join(os.tmpdir(), 'wesley-migrate-e2e-'));
    session = await db.connect();
    const { rows } = await session.query<{ v: string }>(`SELECT current_setting('server_version_num') AS v`);
    await writeFile(path.join(cwd, 'v1.graphql'), migrateV1);
    await writeFile(path.join(cwd, 'v2.graphql'), migrateV2);
    const planned = await wesley(
      'plan',
      '--from',
      'v1.graphql',
      '--to',
      'v2.graphql',
      '--server-version',
      rows[0]?.v ?? '',
      '--batch-size',
      '2',
      '--out',
      'migrations/0002_v2',
    );
    expect(planned.code, planned.stderr).toBe(0);
    await writeFile(path.join(cwd, 'migrations', '0001_init.sql'), initSql());
  });
  afterAll(async () => {
    await rm(cwd, { recursive: true, force: true });
  });

  it('--dry-run prints every transaction with its SET LOCALs, CONCURRENTLY bare, and applies nothing', async () => {
    const run = await withDb('migrate', '--dry-run', '--lock-timeout', '2s', '--statement-timeout', '30000');
    expect(run.stderr).toMatch(/^wesley migrate: database postgres:\/\/\S+:\*\*\*@\S+ \(--database-url\)\n$/);
    expect(run.code).toBe(0);
    const lines = run.stdout.split('\n');
    expect(lines).toContain("SET LOCAL lock_timeout = '2000ms';");
    expect(lines).toContain("SET LOCAL statement_timeout = '30000ms';");
    expect(lines).toContain('COPY account (id, email, nickname) FROM stdin;');
    expect(run.stdout).toContain('-- 0002_v2, step 1/');
    // Every BEGIN is followed by the two SET LOCALs and closed by a COMMIT before the next one.
    let open = false;
    const concurrently: string[] = [];
    for (const [i, line] of lines.entries()) {
      if (line === 'BEGIN;') {
        expect(open, `line ${i + 1}`).toBe(false);
        expect(lines.slice(i + 1, i + 3).map((l) => l.split(' = ')[0])).toEqual(['SET LOCAL lock_timeout', 'SET LOCAL statement_timeout']);
        open = true;
      } else if (line === 'COMMIT;') {
        expect(open, `line ${i + 1}`).toBe(true);
        open = false;
      } else if (line.includes(' CONCURRENTLY ')) {
        expect(open, `${line} runs outside a transaction`).toBe(false);
        concurrently.push(line);
      }
    }
    expect(open).toBe(false);
    expect(concurrently).toEqual([
      'CREATE INDEX CONCURRENTLY account_email_idx ON account (email);',
      'CREATE INDEX CONCURRENTLY account_nickname_idx ON account (nickname);',
    ]);
    // A backfill is shown as its batch statements, with a comment saying how they repeat.
    expect(run.stdout).toMatch(
      /-- one transaction per batch, the first of up to 100 rows, each next one sized by time, by id, until a batch finds no row\n/,
    );

    const { rows } = await session.query(`SELECT to_regclass('wesley.migrations') AS ledger, to_regclass('public.account') AS account`);
    expect(rows).toEqual([{ ledger: null, account: null }]);
  });

  it('--json --to expand: one parseable event per line, then a summary; the plan stops after expand', async () => {
    const run = await withDb('migrate', '--json', '--to', 'expand');
    expect(run.code, run.stderr).toBe(0);
    const events = run.stdout
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line) as { kind: string; [key: string]: unknown });
    expect(events.filter((e) => e.kind.startsWith('migration-'))).toEqual([
      { kind: 'migration-start', migration: '0001_init.sql', type: 'sql', resumed: false },
      expect.objectContaining({ kind: 'migration-done', migration: '0001_init.sql' }),
      { kind: 'migration-start', migration: '0002_v2', type: 'plan', resumed: false },
      { kind: 'migration-stopped', migration: '0002_v2', after: 'expand' },
    ]);
    expect(events.filter((e) => e.kind === 'step-done').length).toBeGreaterThan(0);
    expect(events.at(-1)).toEqual(
      expect.objectContaining({ kind: 'summary', ok: true, exitCode: 0, applied: ['0001_init.sql'], stoppedIn: '0002_v2' }),
    );
    expect(run.stderr).toMatch(/^wesley migrate: database /);
  });

  it('status shows the first migration applied and the plan stopped', async () => {
    const run = await withDb('status');
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^ {2}migration +state +applied at +by +duration\n/m);
    expect(run.stdout).toMatch(/^ {2}0001_init\.sql +applied +\d{4}-\d\d-\d\d \d\d:\d\d:\d\dZ +\S+@\S+ +\d/m);
    expect(run.stdout).toMatch(/^ {2}0002_v2 +stopped \(\d+\/\d+ steps\) +started \d{4}-\d\d-\d\d/m);
    expect(run.stdout).toMatch(
      /^0002_v2: stopped part way \(a step failed, a run was stopped or killed\):\n {2}to continue {3}wesley migrate --database-url <url>\n/m,
    );
    expect(run.stdout).toMatch(/^wesley status: 1 applied, 1 stopped in migrations\n$/m);

    const json = await withDb('status', '--json');
    expect(json.code).toBe(0);
    const report = JSON.parse(json.stdout) as {
      migrations: { name: string; state: string; kind: string; stepsApplied: number; steps: number }[];
    };
    expect(report.migrations.map((m) => [m.name, m.state, m.kind])).toEqual([
      ['0001_init.sql', 'applied', 'sql'],
      ['0002_v2', 'stopped', 'plan'],
    ]);
    expect(report.migrations[1]?.stepsApplied).toBeLessThan(report.migrations[1]?.steps ?? 0);
  });

  it('status shows the plan running, with the pid, while a migrator holds the migration lock', async () => {
    // What a migrator resuming it holds: the session-level advisory lock of its name.
    const holder = await db.connect();
    const { rows } = await holder.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
    const key = advisoryLockKey('wesley');
    await holder.query('SELECT pg_advisory_lock($1::bigint)', [key]);
    try {
      const run = await withDb('status');
      expect(run.code, run.stderr).toBe(0);
      expect(run.stdout).toMatch(new RegExp(`^ {2}0002_v2 +running \\(pid ${rows[0]?.pid}, \\d+/\\d+ steps\\) +started `, 'm'));
      // Nothing to run while it runs: no commands under the table.
      expect(run.stdout).not.toContain('to continue');
      expect(run.stdout).toMatch(/^wesley status: 1 applied, 1 running in migrations\n$/m);
      const json = JSON.parse((await withDb('status', '--json')).stdout) as {
        migrations: { name: string; state: string; pid: number | null }[];
      };
      expect(json.migrations.map(({ name, state, pid }) => [name, state, pid])).toEqual([
        ['0001_init.sql', 'applied', null],
        ['0002_v2', 'running', rows[0]?.pid],
      ]);
    } finally {
      await holder.query('SELECT pg_advisory_unlock($1::bigint)', [key]);
    }
  });

  it('applies the rest, fills the NULLs with the default, then has nothing to do', async () => {
    // Batches of 2 rows at most, the plan's size: sized by time, they would be 100 rows at least, one batch for these rows.
    const run = await withDb('migrate', '--batch-min-rows', '1', '--batch-max-rows', '2');
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^0002_v2: resuming \(plan, \d+ steps\)$/m);
    expect(run.stdout).toMatch(
      /^0002_v2: step \d+\/\d+ backfill set-not-null:account\.nickname:backfill done in .+, 3 batches of 2 rows \(up to 6 rows\)$/m,
    );
    expect(run.stdout).toMatch(/^wesley migrate: 1 migration applied in /m);
    const { rows } = await session.query<{ id: string; nickname: string; token: boolean }>(
      'SELECT id, nickname, token IS NOT NULL AS token FROM account ORDER BY id',
    );
    expect(rows.map((row) => [row.id, row.nickname, row.token])).toEqual([
      ['1', 'ann', true],
      ['2', 'anon', true],
      ['3', 'cid', true],
      ['4', 'anon', true],
      ['5', 'eve', true],
    ]);
    const again = await withDb('migrate');
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/^wesley migrate: nothing to do, all 2 migrations are applied\n$/m);
  });

  it('drift: none after the migrations; then each difference made by hand, with its code and place in the SDL', async () => {
    const clean = await withDb('drift', '--schema', 'v2.graphql');
    expect(clean.stderr).toBe('');
    expect(clean.code).toBe(0);
    expect(clean.stdout).toMatch(/^wesley drift: no drift, schema public of the database matches v2\.graphql\n$/m);

    await session.query('DROP INDEX account_nickname_idx');
    await session.query('ALTER TABLE account ADD COLUMN legacy integer');
    await session.query('ALTER TABLE account ALTER COLUMN created_at DROP DEFAULT');
    const drifted = await withDb('drift', '--schema', 'v2.graphql');
    expect(drifted.code).toBe(1);
    const located = drifted.stderr
      .split('\n')
      .filter((line) => /^v2\.graphql:\d+:\d+ {2}WES20\d/.test(line))
      .map((line) => line.split('  error  ')[0]);
    expect(located).toEqual([
      `v2.graphql:${positionOf(migrateV2, 'Account')}  WES202`,
      `v2.graphql:${positionOf(migrateV2, 'nickname')}  WES201`,
      `v2.graphql:${positionOf(migrateV2, 'createdAt')}  WES203`,
    ]);
    expect(drifted.stderr).toContain('column account.legacy is in the database but not in the schema');
    expect(drifted.stderr).toMatch(/^3 errors\nwesley drift: schema public of the database differs from v2\.graphql\n$/m);

    await session.query('CREATE INDEX account_nickname_idx ON account (nickname)');
    await session.query('ALTER TABLE account DROP COLUMN legacy');
    await session.query('ALTER TABLE account ALTER COLUMN created_at SET DEFAULT now()');
    expect((await withDb('drift', '--schema', 'v2.graphql')).code).toBe(0);
  });
});
