import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Connection } from '@wesley/postgres';
import { servers, useTestDatabase } from '@wesley/postgres/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBuiltCli } from './run-built-cli.js';

/** Each test runs about twenty `wesley` processes: 30 s alone, minutes on a machine shared with other test runs. */
const processTimeout = 600_000;

const account = (extra = '') => `type Account @wes_table {\n  id: Int! @wes_pk\n  email: String${extra}\n}\n`;

/**
 * The way out of a stopped migration (issue 15), with the built `wesley` and no SQL written by
 * hand to the ledger: a planned migration stopped by a failing step is shown by `status` with the
 * commands that move it on, rolled back by `wesley migrate rollback`, replaced by a plan made
 * again and applied; `wesley migrate resolve` refuses a state the catalog contradicts and
 * records one it agrees with.
 */
describe.each(servers())('wesley migrate rollback and resolve [$label]', (server) => {
  const db = useTestDatabase(server);
  let cwd: string;
  let session: Connection;
  const wesley = (...args: string[]) => runBuiltCli(cwd, ...args);
  const withDb = ['--config', 'wesley.config.json', '--database-url'];
  const schema = (body: string) => writeFile(path.join(cwd, 'schema.graphql'), body);
  const plan = (name: string) => wesley('plan', '--config', 'wesley.config.json', '--out', `migrations/${name}`);

  beforeAll(async () => {
    cwd = await mkdtemp(path.join(os.tmpdir(), 'wesley-rollback-'));
    session = await db.connect();
    await writeFile(path.join(cwd, 'wesley.config.json'), JSON.stringify({ schema: 'schema.graphql', serverVersion: server.major }));
  });
  afterAll(async () => {
    await rm(cwd, { recursive: true, force: true });
  });

  it(
    'a migration stopped by a failing step is rolled back, re-planned and applied; status is right at each stage',
    { timeout: processTimeout },
    async () => {
      await schema(account());
      expect((await plan('0001_init')).code).toBe(0);
      expect((await wesley('migrate', ...withDb, db.url)).code).toBe(0);
      // Rows the next migration's unique constraint cannot hold.
      await session.query(`INSERT INTO account VALUES (1, 'a@x'), (2, 'a@x')`);
      await schema(account(' @wes_unique\n  score: Int @wes_default(value: 0)'));
      expect((await plan('0002_more')).code).toBe(0);

      const failed = await wesley('migrate', ...withDb, db.url);
      expect(failed.code).toBe(1);
      expect(failed.stderr).toMatch(/^wesley migrate: step add-unique:account\.\S+ failed after 1 attempt: /m);
      expect(failed.stderr).toMatch(
        /^ {2}help: fix the cause and run 'wesley migrate' again \(it carries on from this step\), or undo what 0002_more applied with 'wesley migrate rollback 0002_more' and plan it again; if you put it right by hand: 'wesley migrate resolve 0002_more --applied \| --rolled-back'$/m,
      );

      const stuck = await wesley('status', ...withDb, db.url);
      expect(stuck.code).toBe(0);
      expect(stuck.stdout).toMatch(/^ {2}0002_more +stopped \(\d+\/\d+ steps\) /m);
      expect(stuck.stdout).toContain(
        '0002_more: stopped part way (a step failed, a run was stopped or killed):\n' +
          '  to continue   wesley migrate --config wesley.config.json --database-url <url>\n' +
          '  to roll back  wesley migrate rollback 0002_more --config wesley.config.json --database-url <url>\n' +
          '  to resolve    wesley migrate resolve 0002_more --applied | --rolled-back --config wesley.config.json --database-url <url>\n',
      );

      // The catalog is neither the schema 0002 leads to nor the one it starts from.
      for (const as of ['--applied', '--rolled-back']) {
        const refused = await wesley('migrate', 'resolve', '0002_more', as, ...withDb, db.url);
        expect(refused.code, as).toBe(1);
        expect(refused.stderr).toMatch(
          /^wesley migrate resolve: WES183 migration 0002_more cannot be recorded as (applied|rolled-back): the database is not the schema/m,
        );
      }

      const destructive = await wesley('migrate', 'rollback', '0002_more', ...withDb, db.url);
      expect(destructive.code).toBe(1);
      expect(destructive.stderr).toMatch(/^wesley migrate rollback: WES155 migration 0002_more loses data in rollback:/m);
      const rolledBack = await wesley('migrate', 'rollback', '0002_more', '--allow-destructive', ...withDb, db.url);
      expect(rolledBack.stderr).toBe('');
      expect(rolledBack.code).toBe(0);
      expect(rolledBack.stdout).toMatch(/^wesley migrate rollback: rolled back 0002_more \(\d+ steps undone\)/m);
      const columns = await session.query<{ c: string }>(
        `SELECT column_name AS c FROM information_schema.columns WHERE table_name = 'account' ORDER BY 1`,
      );
      expect(columns.rows.map((row) => row.c)).toEqual(['email', 'id']);

      const after = await wesley('status', ...withDb, db.url);
      expect(after.stdout).toMatch(/^ {2}0002_more +rolled back /m);
      expect(after.stdout).not.toContain('to continue');
      expect(after.stdout).toMatch(/^wesley status: 1 applied, 1 rolled back in migrations$/m);
      // The catalog agrees with the schema 0002 starts from.
      const resolved = await wesley('migrate', 'resolve', '0002_more', '--rolled-back', ...withDb, db.url);
      expect(resolved.code).toBe(0);
      expect(resolved.stdout).toContain('the database matches migrations/0001_init/ir.json, the schema 0002_more starts from');

      // Planned again, without the constraint its rows cannot hold, under the same name.
      await rm(path.join(cwd, 'migrations', '0002_more'), { recursive: true });
      await schema(account('\n  score: Int @wes_default(value: 0)'));
      expect((await plan('0002_more')).code).toBe(0);
      const applied = await wesley('migrate', ...withDb, db.url);
      expect(applied.stderr).toBe('');
      expect(applied.code).toBe(0);
      const done = await wesley('status', ...withDb, db.url);
      expect(done.stdout).toMatch(/^wesley status: 2 applied in migrations$/m);
      expect(done.stdout).not.toContain('stopped part way');
      const agreed = await wesley('migrate', 'resolve', '0002_more', '--applied', ...withDb, db.url);
      expect(agreed.code).toBe(0);
      expect(agreed.stdout).toContain('recorded 0002_more as applied (was applied)');
    },
  );

  it('usage: a name is required, one of --applied and --rolled-back, and each has --help', { timeout: processTimeout }, async () => {
    const missing = await wesley('migrate', 'rollback');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/^wesley migrate rollback: missing <name>$/m);
    const both = await wesley('migrate', 'resolve', 'x', '--applied', '--rolled-back');
    expect(both.code).toBe(2);
    expect(both.stderr).toMatch(/give one of --applied and --rolled-back/);
    const extra = await wesley('migrate', 'rollback', 'a', 'b');
    expect(extra.code).toBe(2);
    for (const sub of ['rollback', 'resolve']) {
      const help = await wesley('migrate', sub, '--help');
      expect(help.code).toBe(0);
      expect(help.stdout).toMatch(new RegExp(`^Usage: wesley migrate ${sub} <name>`));
    }
    await mkdir(path.join(cwd, 'migrations'), { recursive: true });
    const unknown = await wesley('migrate', 'rollback', 'nope', ...withDb, db.url);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/^wesley migrate rollback: WES182 migration nope is not in the migrations directory$/m);
  });
});
