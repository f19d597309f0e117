import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { servers, useTestDatabase } from '@wesley/postgres/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBuiltCli } from './run-built-cli.js';

/** Each test runs several `wesley` processes: seconds on a busy machine. */
const processTimeout = 120_000;

const task = (extra = '') => `type Task @wes_table {\n  id: Int! @wes_pk\n  title: String\n  estimate: Int${extra}\n}\n`;

/** A project directory of its own for one suite's tests: `wesley` runs in it; `write` and `read` a file there; `config` writes its config. */
function useProject() {
  let cwd = '';
  beforeAll(async () => {
    cwd = await mkdtemp(path.join(os.tmpdir(), 'wesley-assumptions-'));
  });
  afterAll(() => rm(cwd, { recursive: true, force: true }));
  return {
    wesley: (...args: string[]) => runBuiltCli(cwd, ...args),
    write: (file: string, text: string) => writeFile(path.join(cwd, file), text),
    read: (file: string) => readFile(path.join(cwd, file), 'utf8'),
    config: (serverVersion: number) =>
      writeFile(path.join(cwd, 'wesley.config.json'), JSON.stringify({ schema: 'schema.graphql', serverVersion })),
  };
}

/**
 * The stuck case of issue 15 as a user meets it, with the built `wesley`: a plan made for one
 * PostgreSQL version is refused on another before anything runs, and the config's
 * `serverVersion` makes the plan that runs; two plans made on parallel branches are refused, and
 * the command the refusal names re-plans the later one so that it applies.
 */
describe.each(servers())('wesley plan and migrate: assumptions [$label]', (server) => {
  const db = useTestDatabase(server);
  const { wesley, write, read, config } = useProject();

  it(
    'refuses a plan made for another PostgreSQL version, then runs the one the config plans for',
    { timeout: processTimeout },
    async () => {
      const other = server.major >= 18 ? 15 : 18;
      await config(other);
      await write('schema.graphql', task());
      const planned = await wesley('plan', '--config', 'wesley.config.json', '--out', 'migrations/0001_init');
      expect(planned.code).toBe(0);
      expect(planned.stdout).toContain(`for PostgreSQL ${other}; migration in migrations/0001_init`);
      const plan = JSON.parse(await read('migrations/0001_init/plan.json')) as { serverVersion: number };
      expect(plan.serverVersion).toBe(other * 10000);

      for (const args of [['--dry-run'], []]) {
        const run = await wesley('migrate', '--config', 'wesley.config.json', '--database-url', db.url, ...args);
        expect(run.code).toBe(1);
        expect(run.stderr).toMatch(
          new RegExp(
            `^wesley migrate: WES170 migration 0001_init was planned for PostgreSQL ${other} \\(${other}0000\\) and holds for server_version_num \\d+ (and later|up to \\d+), ` +
              `but this server is PostgreSQL ${server.major} \\(\\d+\\): nothing was run$`,
            'm',
          ),
        );
        expect(run.stderr).toContain(
          `  help: plan it again for this server (wesley plan --server-version ${server.major}, or serverVersion in the config) before anything of it runs, or run it on the server it was planned for`,
        );
      }
      const session = await db.connect();
      expect((await session.query(`SELECT to_regclass('task') IS NULL AS absent`)).rows).toEqual([{ absent: true }]);

      // Nothing of it ran, so it may be planned again, into the same directory (from where the
      // migrations before it lead: none here): the config now says what the server runs.
      await config(server.major);
      expect((await wesley('plan', '--config', 'wesley.config.json', '--out', 'migrations/0001_init')).code).toBe(0);
      const run = await wesley('migrate', '--config', 'wesley.config.json', '--database-url', db.url);
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
    },
  );

  it('refuses the later of two plans made from one base, and the command it names re-plans it', { timeout: processTimeout }, async () => {
    const migrate = () => wesley('migrate', '--config', 'wesley.config.json', '--database-url', db.url);
    // Branch a adds `a` from 0001_init; branch b adds `b` from 0001_init too (as its own checkout would).
    await write('schema.graphql', task('\n  a: Int'));
    expect((await wesley('plan', '--config', 'wesley.config.json', '--out', 'migrations/0002_a')).code).toBe(0);
    await write('schema.graphql', task('\n  a: Int\n  b: Int'));
    await write('b.graphql', task('\n  b: Int'));
    const b = await wesley(
      'plan',
      ...['--from', 'migrations/0001_init/ir.json', '--to', 'b.graphql', '--out', 'migrations/0003_b'],
      ...['--server-version', String(server.major)],
    );
    expect(b.code).toBe(0);

    const refused = await migrate();
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(
      /^wesley migrate: WES172 migration 0003_b starts from schema sha256:[0-9a-f]{12}…, but 0002_a, which runs before it, leads to sha256:[0-9a-f]{12}…: 0003_b was planned from another base \(a parallel branch\?\); nothing was run$/m,
    );
    // The command the user runs `wesley plan` with: their --config as they gave it to migrate.
    const help = /^ {2}help: plan 0003_b again onto 0002_a: (wesley plan .*)$/m.exec(refused.stderr);
    expect(help?.[1]).toBe('wesley plan --config wesley.config.json --from migrations/0002_a/ir.json --out migrations/0003_b');
    const session = await db.connect();
    const columns = async () =>
      (
        await session.query<{ attname: string }>(
          `SELECT attname FROM pg_attribute WHERE attrelid = 'task'::regclass AND attnum > 0 AND NOT attisdropped ORDER BY attnum`,
        )
      ).rows.map((row) => row.attname);
    expect(await columns()).toEqual(['id', 'title', 'estimate']);

    // The command as the help names it: `wesley` and its arguments.
    const [, ...args] = (help?.[1] ?? '').split(' ');
    expect((await wesley(...args)).code).toBe(0);
    const run = await migrate();
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(await columns()).toEqual(['id', 'title', 'estimate', 'a', 'b']);
  });
});

/** WES171 as a user meets it: the refusal's help is the command that plans the migration again, with the user's config. */
describe.each(servers())('wesley migrate: a table not as the plan assumed [$label]', (server) => {
  const db = useTestDatabase(server);
  const { wesley, write, read, config } = useProject();

  it(
    'refuses a plan whose table became partitioned, and the command it names plans it again from the database',
    { timeout: processTimeout },
    async () => {
      const migrate = () => wesley('migrate', '--config', 'wesley.config.json', '--database-url', db.url);
      await config(server.major);
      await write('schema.graphql', task());
      expect((await wesley('plan', '--config', 'wesley.config.json', '--out', 'migrations/0001_init')).code).toBe(0);
      const first = await migrate();
      expect(first.stderr).toBe('');
      expect(first.code).toBe(0);
      await write('schema.graphql', task(' @wes_index'));
      expect((await wesley('plan', '--config', 'wesley.config.json', '--out', 'migrations/0002_index')).code).toBe(0);
      // Someone made task partitioned by hand after 0002_index was planned.
      const session = await db.connect();
      await session.query(
        'DROP TABLE task; CREATE TABLE task (id integer PRIMARY KEY, title text, estimate integer) PARTITION BY RANGE (id); ' +
          'CREATE TABLE task_low PARTITION OF task FOR VALUES FROM (0) TO (1000)',
      );

      const refused = await migrate();
      expect(refused.code).toBe(1);
      expect(refused.stderr).toContain(
        'wesley migrate: WES171 migration 0002_index was planned for another database: table task exists and is partitioned',
      );
      const help =
        /^ {2}help: plan 0002_index again from the database as it is now: (wesley plan .*), or put the table back as the plan assumed$/m.exec(
          refused.stderr,
        );
      expect(help?.[1]).toBe('wesley plan --config wesley.config.json --from <database url> --out migrations/0002_index');

      // The schema says so too now; the command as the help names it, the database's URL in its place, plans it again.
      await write('schema.graphql', task(' @wes_index').replace('@wes_table', '@wes_table @wes_partition(by: "id", strategy: RANGE)'));
      const [, ...args] = (help?.[1] ?? '').replace('<database url>', db.url).split(' ');
      const replanned = await wesley(...args);
      expect(replanned.stderr).toBe('');
      expect(replanned.code).toBe(0);
      const plan = JSON.parse(await read('migrations/0002_index/plan.json')) as {
        assumptions: { tables: unknown[] };
      };
      expect(plan.assumptions.tables).toEqual([{ exists: true, kind: 'table', name: 'task', partitioned: true }]);
      await session.close();
    },
  );
});
