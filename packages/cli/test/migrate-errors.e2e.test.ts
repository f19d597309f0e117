import { appendFile, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { advisoryLockKey, type Connection } from '@wesley/postgres';
import { servers, useTestDatabase } from '@wesley/postgres/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { initSql, migrateV1 } from './migrate-fixtures.js';
import { runBuiltCli } from './run-built-cli.js';

/** How `wesley migrate` fails: exit codes and messages, on one server (the migrator itself is tested on each). */
describe('wesley migrate: failures', () => {
  const [server] = servers();
  const db = useTestDatabase(server);
  let cwd: string;
  let session: Connection;
  let password: string;
  const wesley = (...args: string[]) => runBuiltCli(cwd, ...args);

  beforeAll(async () => {
    cwd = await mkdtemp(path.join(os.tmpdir(), 'wesley-migrate-errors-'));
    session = await db.connect();
    password = decodeURIComponent(new URL(db.url).password);
    await mkdir(path.join(cwd, 'migrations'));
    await writeFile(path.join(cwd, 'migrations', '0001_init.sql'), initSql());
    await writeFile(path.join(cwd, 'v1.graphql'), migrateV1);
    await writeFile(path.join(cwd, 'v0.graphql'), migrateV1.replace('  nickname: String\n', ''));
  });
  afterAll(async () => {
    await rm(cwd, { recursive: true, force: true });
  });

  it('exits 1 without the password when the password is wrong or the server unreachable', async () => {
    expect(password.length).toBeGreaterThan(0);
    const wrongUrl = new URL(db.url);
    wrongUrl.password = 'not-the-Secret-42';
    const wrong = await wesley('migrate', '--database-url', wrongUrl.href);
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toMatch(
      /^wesley migrate: WESLEY_CONNECTION_FAILED could not connect to postgres:\/\/\S+:\*\*\*@\S+: password authentication failed/m,
    );
    expect(wrong.stderr).toMatch(/^ {2}help: check the user name and password/m);
    const unreachable = `postgres://someone:${encodeURIComponent(password)}@127.0.0.1:1/nowhere`;
    const refused = await wesley('migrate', '--database-url', unreachable);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(
      /^wesley migrate: WESLEY_CONNECTION_FAILED could not connect to postgres:\/\/someone:\*\*\*@127\.0\.0\.1:1\/nowhere: /m,
    );
    for (const run of [wrong, refused]) {
      for (const secret of [password, 'not-the-Secret-42']) expect(`${run.stdout}${run.stderr}`).not.toContain(secret);
    }
  });

  it('exits 3 once --lock-wait is over while another session holds the migration lock', async () => {
    const key = advisoryLockKey('wesley');
    await session.query('SELECT pg_advisory_lock($1::bigint)', [key]);
    try {
      const started = Date.now();
      const run = await wesley('migrate', '--database-url', db.url, '--lock-wait', '1');
      expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
      expect(run.code).toBe(3);
      expect(run.stdout).toMatch(/another migrator holds the "wesley" migration lock; waiting for it/);
      expect(run.stderr).toMatch(/^wesley migrate: another migrator holds the "wesley" migration lock; gave up after 1 s\n {2}help: /m);
    } finally {
      await session.query('SELECT pg_advisory_unlock($1::bigint)', [key]);
    }
    const { rows } = await session.query(`SELECT to_regclass('wesley.migrations') AS ledger`);
    expect(rows).toEqual([{ ledger: null }]);
  });

  it('refuses a destructive plan without --allow-destructive (exit 1), runs it with the flag', async () => {
    expect((await wesley('migrate', '--database-url', db.url)).code).toBe(0);
    const planned = await wesley(
      'plan',
      '--from',
      'v1.graphql',
      '--to',
      'v0.graphql',
      '--allow-destructive',
      '--out',
      'migrations/0002_drop',
    );
    expect(planned.code, planned.stderr).toBe(0);
    const refused = await wesley('migrate', '--database-url', db.url);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(
      'wesley migrate: WES155 migration 0002_drop loses data in drop-column:account.nickname (drops column account.nickname; the plan says: the data in account.nickname is lost); run it with --allow-destructive',
    );
    const dryRun = await wesley('migrate', '--database-url', db.url, '--dry-run');
    expect(dryRun.code).toBe(1);
    expect(dryRun.stdout).toBe('');
    const allowed = await wesley('migrate', '--database-url', db.url, '--allow-destructive');
    expect(allowed.code, allowed.stderr).toBe(0);
    const { rows } = await session.query(
      `SELECT count(*)::int AS n FROM information_schema.columns WHERE table_name = 'account' AND column_name = 'nickname'`,
    );
    expect(rows).toEqual([{ n: 0 }]);
  });

  it('exits 1 with a clear message when an applied migration was edited, and changes nothing', async () => {
    await appendFile(path.join(cwd, 'migrations', '0001_init.sql'), 'CREATE TABLE sneaky (id integer);\n');
    const run = await wesley('migrate', '--database-url', db.url);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(
      /^wesley migrate: migration 0001_init\.sql was \w+ with checksum sha256:[0-9a-f]+… but its file now has sha256:[0-9a-f]+…; /m,
    );
    expect(run.stderr).toMatch(/^ {2}help: put the file back as it was when it was applied, and make the change in a new migration\n/m);
    const status = await wesley('status', '--database-url', db.url);
    expect(status.stdout).toMatch(/^ {2}0001_init\.sql +edited /m);
    const { rows } = await session.query(`SELECT to_regclass('public.sneaky') AS sneaky`);
    expect(rows).toEqual([{ sneaky: null }]);
  });
});
