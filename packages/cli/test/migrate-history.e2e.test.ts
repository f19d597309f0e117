import { mkdir, mkdtemp, rename, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Connection } from '@wesley/postgres';
import { servers, useTestDatabase } from '@wesley/postgres/testing';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { runBuiltCli } from './run-built-cli.js';

/**
 * `wesley migrate` and `wesley status` on a directory that departs from the ledger, and on a SQL
 * file with transactions of its own: exit code 1 with the message and help, nothing run; the
 * --allow-missing and --allow-out-of-order flags (the migrator itself is tested on each server).
 */
describe('wesley migrate: renamed, missing, out-of-order and transaction-controlling migrations', () => {
  const [server] = servers();
  const db = useTestDatabase(server);
  let cwd: string;
  let session: Connection;
  const wesley = (...args: string[]) => runBuiltCli(cwd, ...args);
  const file = (name: string) => path.join(cwd, 'migrations', name);
  const credits = async () =>
    (await session.query<{ credit: number }>('SELECT credit FROM customer ORDER BY id')).rows.map((r) => r.credit);

  beforeEach(async () => {
    session ??= await db.connect();
    await session.query('DROP SCHEMA IF EXISTS wesley CASCADE; DROP SCHEMA public CASCADE; CREATE SCHEMA public;');
    if (cwd !== undefined) await rm(cwd, { recursive: true, force: true });
    cwd = await mkdtemp(path.join(os.tmpdir(), 'wesley-migrate-history-'));
    await mkdir(path.join(cwd, 'migrations'));
    await writeFile(file('0001_customer.sql'), 'CREATE TABLE customer (id integer PRIMARY KEY, credit integer NOT NULL);\n');
    await writeFile(file('0002_credit.sql'), 'INSERT INTO customer VALUES (1, 100);\n');
  });
  afterAll(async () => {
    await rm(cwd, { recursive: true, force: true });
  });

  it('refuses a renamed migration (exit 1), names it, and status shows it; --dry-run refuses it too', async () => {
    expect((await wesley('migrate', '--database-url', db.url)).code).toBe(0);
    await rename(file('0002_credit.sql'), file('0002_credit_customer.sql'));
    for (const args of [[], ['--allow-missing', '--allow-out-of-order'], ['--dry-run'], ['--json']]) {
      const run = await wesley('migrate', '--database-url', db.url, ...args);
      expect(run.code, args.join(' ')).toBe(1);
      expect(run.stderr).toMatch(
        /^wesley migrate: WES152 0002_credit_customer\.sql is 0002_credit\.sql renamed \(the same sha256:[0-9a-f]+…\), which this database has already run: running it would apply it twice\n/m,
      );
      expect(run.stderr).toMatch(
        /^ {2}help: rename 0002_credit_customer\.sql back to 0002_credit\.sql; a change that must run again goes in a new migration\n/m,
      );
    }
    expect(await credits()).toEqual([100]);
    const status = await wesley('status', '--database-url', db.url);
    expect(status.code).toBe(0);
    expect(status.stdout).toMatch(/^ {2}0002_credit\.sql +missing file /m);
    expect(status.stdout).toMatch(/^ {2}0002_credit_customer\.sql +renamed from 0002_credit\.sql\n/m);
    expect(status.stdout).toMatch(/^wesley status: 1 applied, 1 missing file, 1 renamed in migrations\n/m);
  });

  it('refuses a missing migration (exit 1) unless --allow-missing', async () => {
    expect((await wesley('migrate', '--database-url', db.url)).code).toBe(0);
    await rm(file('0002_credit.sql'));
    await writeFile(file('0003_more.sql'), 'INSERT INTO customer VALUES (3, 300);\n');
    const refused = await wesley('migrate', '--database-url', db.url);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(
      /^wesley migrate: WES150 migration 0002_credit\.sql was applied to this database but is not in the migrations directory\n {2}help: .*--allow-missing/m,
    );
    expect(await credits()).toEqual([100]);
    const allowed = await wesley('migrate', '--database-url', db.url, '--allow-missing');
    expect(allowed.code, allowed.stderr).toBe(0);
    expect(await credits()).toEqual([100, 300]);
  });

  it('refuses a migration out of order (exit 1) unless --allow-out-of-order; status says which', async () => {
    await rename(file('0002_credit.sql'), file('0003_credit.sql'));
    expect((await wesley('migrate', '--database-url', db.url)).code).toBe(0);
    await writeFile(file('0002_early.sql'), 'INSERT INTO customer VALUES (2, 200);\n');
    expect((await wesley('status', '--database-url', db.url)).stdout).toMatch(/^ {2}0002_early\.sql +out of order\n/m);
    const refused = await wesley('migrate', '--database-url', db.url);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(
      /^wesley migrate: WES151 0002_early\.sql is pending but sorts before 0003_credit\.sql, which this database has already run: it would run out of order\n {2}help: .*--allow-out-of-order/m,
    );
    expect(await credits()).toEqual([100]);
    const allowed = await wesley('migrate', '--database-url', db.url, '--allow-out-of-order');
    expect(allowed.code, allowed.stderr).toBe(0);
    expect(await credits()).toEqual([100, 200]);
  });

  it('refuses a SQL file with a ROLLBACK of its own (exit 1) at file:line, before the file pending ahead of it', async () => {
    await writeFile(
      file('0003_rollback.sql'),
      ['INSERT INTO customer VALUES (3, 300);', 'BEGIN;', 'DELETE FROM customer;', 'ROLLBACK;'].join('\n'),
    );
    const run = await wesley('migrate', '--database-url', db.url);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(
      /^wesley migrate: WES153 0003_rollback\.sql:2: BEGIN \(BEGIN;\): a migration file may not control its own transactions\n {2}help: remove it: /m,
    );
    const { rows } = await session.query(`SELECT to_regclass('public.customer') AS customer`);
    expect(rows).toEqual([{ customer: null }]);
  });
});
