import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { compileSchema, formatExplain, hashIR, planMigration, type Plan, type SchemaIR } from '@wesley/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { v1, v2, v3 } from './plan-fixtures.js';
import { runBuiltCli } from './run-built-cli.js';

let cwd: string;
beforeAll(async () => {
  cwd = await mkdtemp(path.join(os.tmpdir(), 'wesley-plan-'));
  await writeFile(path.join(cwd, 'v1.graphql'), v1);
  await writeFile(path.join(cwd, 'v2.graphql'), v2);
  await writeFile(path.join(cwd, 'v3.graphql'), v3);
});
afterAll(async () => {
  await rm(cwd, { recursive: true, force: true });
});

function compile(body: string): SchemaIR {
  const { ir } = compileSchema({ name: 'schema.graphql', body });
  if (ir === null) throw new Error('fixture does not compile');
  return ir;
}

const plan = (...args: string[]) => runBuiltCli(cwd, 'plan', ...args);

const literal = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe('wesley plan between two schema files', () => {
  it('lists the steps, then a summary line', async () => {
    const run = await plan('--from', 'v1.graphql', '--to', 'v2.graphql');
    expect(run).toMatchObject({ code: 0, stderr: '' });
    const expected = planMigration(compile(v1), compile(v2)).plan;
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength((expected?.steps.length ?? 0) + 1);
    expected?.steps.forEach((step, i) =>
      expect(lines[i]).toMatch(new RegExp(`^ +${i + 1}  ${step.phase} +${literal(step.id)} +${literal(step.summary)}$`)),
    );
    expect(lines.at(-1)).toBe(`wesley plan: ${expected?.steps.length} steps from v1.graphql to v2.graphql for PostgreSQL 18`);
  });

  it('prints the lock table and SQL with --explain', async () => {
    const run = await plan('--from', 'v1.graphql', '--to', 'v2.graphql', '--explain', '--server-version', '15');
    expect(run.code).toBe(0);
    const expected = planMigration(compile(v1), compile(v2), { serverVersion: 150000 }).plan;
    expect(run.stdout).toBe(`${formatExplain(expected as Plan)}\nwesley plan: 9 steps from v1.graphql to v2.graphql for PostgreSQL 15\n`);
    expect(run.stdout).toMatchInlineSnapshot(`
      "#  phase     step                                         tx   locks                              blocks            effect                                                                risk (app/data)
      -  --------  -------------------------------------------  ---  ---------------------------------  ----------------  --------------------------------------------------------------------  -------------------
      1  expand    create-table:team                            yes  team: AccessExclusiveLock          reads and writes  catalog update only: milliseconds                                     safe/safe
      2  expand    add-column:account.token:add                 yes  account: AccessExclusiveLock       reads and writes  catalog update only: milliseconds                                     safe/safe
      3  expand    add-column:account.created_at                yes  account: AccessExclusiveLock       reads and writes  catalog update only: milliseconds                                     safe/safe
      4  expand    add-unique:account.account_email_key:build   no   account: ShareUpdateExclusiveLock  nothing           scans the table; reads and writes go on                               dangerous/dangerous
      5  expand    add-unique:account.account_email_key:attach  yes  account: AccessExclusiveLock       reads and writes  catalog update only: milliseconds                                     dangerous/dangerous
      6  backfill  add-column:account.token:backfill            yes  account: RowExclusiveLock          nothing           batches of 1000 rows, each its own short transaction; row locks only  safe/safe
      7  validate  add-column:account.token:not-null:check      yes  account: AccessExclusiveLock       reads and writes  catalog update only: milliseconds                                     safe/safe
      8  validate  add-column:account.token:not-null:validate   yes  account: ShareUpdateExclusiveLock  nothing           scans the table; reads and writes go on                               safe/safe
      9  validate  add-column:account.token:not-null:set        yes  account: AccessExclusiveLock       reads and writes  catalog update only: milliseconds                                     safe/safe

      -- 1. create-table:team (new table team)
      CREATE TABLE team (
          id uuid DEFAULT gen_random_uuid() NOT NULL,
          name text NOT NULL,
          CONSTRAINT team_pkey PRIMARY KEY (id)
      );

      -- 2. add-column:account.token:add (new column token)
      ALTER TABLE account ADD COLUMN token uuid, ALTER COLUMN token SET DEFAULT gen_random_uuid();

      -- 3. add-column:account.created_at (new column created_at)
      ALTER TABLE account ADD COLUMN created_at timestamp with time zone DEFAULT now() NOT NULL;

      -- 4. add-unique:account.account_email_key:build (unique account_email_key: fails if existing rows break it, and writes that break it fail)
      CREATE UNIQUE INDEX CONCURRENTLY account_email_key ON account (email);

      -- 5. add-unique:account.account_email_key:attach (unique account_email_key: fails if existing rows break it, and writes that break it fail)
      ALTER TABLE account ADD CONSTRAINT account_email_key UNIQUE USING INDEX account_email_key;

      -- 6. add-column:account.token:backfill (new column token)
      WITH batch AS (SELECT id FROM account ORDER BY id LIMIT $1 FOR UPDATE),
      last AS (SELECT id FROM batch ORDER BY id DESC LIMIT 1),
      updated AS (UPDATE account SET token = DEFAULT WHERE (account.id) <= (SELECT id FROM last) AND account.token IS NULL)
      SELECT id FROM last;
      WITH batch AS (SELECT id FROM account WHERE (id) > ($1) ORDER BY id LIMIT $2 FOR UPDATE),
      last AS (SELECT id FROM batch ORDER BY id DESC LIMIT 1),
      updated AS (UPDATE account SET token = DEFAULT WHERE (account.id) > ($1) AND (account.id) <= (SELECT id FROM last) AND account.token IS NULL)
      SELECT id FROM last;

      -- 7. add-column:account.token:not-null:check (new column token)
      ALTER TABLE account ADD CONSTRAINT account_token_not_null CHECK (token IS NOT NULL) NOT VALID;

      -- 8. add-column:account.token:not-null:validate (new column token)
      ALTER TABLE account VALIDATE CONSTRAINT account_token_not_null;

      -- 9. add-column:account.token:not-null:set (new column token)
      ALTER TABLE account ALTER COLUMN token SET NOT NULL, DROP CONSTRAINT account_token_not_null;

      wesley plan: 9 steps from v1.graphql to v2.graphql for PostgreSQL 15
      "
    `);
  });

  it('prints the plan as JSON with --json, and nothing else on stdout', async () => {
    const run = await plan('--from', 'v1.graphql', '--to', 'v2.graphql', '--json', '--batch-size', '250');
    expect(run.code).toBe(0);
    const printed = JSON.parse(run.stdout) as Plan;
    expect(printed.from).toBe(hashIR(compile(v1)));
    expect(printed.to).toBe(hashIR(compile(v2)));
    expect(printed.serverVersion).toBe(180000);
    expect(printed).toEqual(planMigration(compile(v1), compile(v2), { batchSize: 250 }).plan);
    expect(printed.steps.find((step) => step.backfill !== null)?.backfill?.batchSize).toBe(250);
    expect(run.stderr).toMatch(/^wesley plan: \d+ steps from v1\.graphql to v2\.graphql for PostgreSQL 18\n$/);
  });

  it('says there is nothing to do when the schemas are the same', async () => {
    expect(await plan('--from', 'v2.graphql', '--to', 'v2.graphql')).toEqual({
      code: 0,
      stdout: 'wesley plan: nothing to do, v2.graphql already matches v2.graphql\n',
      stderr: '',
    });
    const json = await plan('--from', 'v2.graphql', '--to', 'v2.graphql', '--json');
    expect((JSON.parse(json.stdout) as Plan).steps).toEqual([]);
  });
});

describe('wesley plan --out', () => {
  it('writes plan.json, up.sql with a header per step, and down.sql undoing it', async () => {
    const run = await plan('--from', 'v1.graphql', '--to', 'v2.graphql', '--out', 'migrations/0002');
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    const dir = path.join(cwd, 'migrations/0002');
    expect((await readdir(dir)).sort()).toEqual(['down.sql', 'plan.json', 'up.sql']);
    expect(run.stdout).toContain('  wrote migrations/0002/plan.json\n  wrote migrations/0002/up.sql\n  wrote migrations/0002/down.sql\n');
    const planned = JSON.parse(await readFile(path.join(dir, 'plan.json'), 'utf8')) as Plan;
    expect(planned).toEqual(planMigration(compile(v1), compile(v2)).plan);
    const count = planned.steps.length;
    expect(run.stdout).toMatch(
      new RegExp(`wesley plan: ${count} steps from v1\\.graphql to v2\\.graphql for PostgreSQL 18; migration in migrations/0002\n$`),
    );
    const up = await readFile(path.join(dir, 'up.sql'), 'utf8');
    expect(up).toMatch(new RegExp(`^-- Wesley migration, up: ${count} steps, planned for PostgreSQL 18\\.\n`));
    planned.steps.forEach((step, i) => {
      const locks = [...new Set(step.locks.map((lock) => lock.relation))];
      const header = new RegExp(
        `^-- step ${i + 1} of ${count}: ${step.id}\\n-- phase: ${step.phase}; transaction: [^;]+; locks: ([^\\n]+)$`,
        'm',
      );
      const match = header.exec(up);
      expect(match, step.id).not.toBeNull();
      for (const relation of locks) expect(match?.[1]).toContain(`${relation} (`);
    });
    const down = await readFile(path.join(dir, 'down.sql'), 'utf8');
    expect(down).toMatch(/^-- Wesley migration, down: \d+ steps?, planned for PostgreSQL 18\.\n/);
    expect(down).toContain('DROP TABLE');
  });

  it('leaves the files untouched when planned again', async () => {
    const file = path.join(cwd, 'migrations/0002/up.sql');
    const before = (await stat(file)).mtimeMs;
    const run = await plan('--from', 'v1.graphql', '--to', 'v2.graphql', '--out', 'migrations/0002');
    expect(run.stdout).toContain('  unchanged migrations/0002/up.sql\n');
    expect((await stat(file)).mtimeMs).toBe(before);
  });

  it('keeps stdout pure JSON with --json, reporting the files on stderr', async () => {
    const run = await plan('--from', 'v1.graphql', '--to', 'v2.graphql', '--json', '--out', 'json-out');
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual(JSON.parse(await readFile(path.join(cwd, 'json-out/plan.json'), 'utf8')));
    expect(run.stderr).toContain('  wrote json-out/up.sql\n');
  });
});

describe('wesley plan and destructive changes', () => {
  it('refuses to drop a column: WES101 at the field in the --from file, exit 1, nothing written', async () => {
    const run = await plan('--from', 'v1.graphql', '--to', 'v3.graphql', '--out', 'refused');
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    const column = v1.split('\n')[3]!.indexOf('nickname') + 1;
    expect(run.stderr).toBe(
      `v1.graphql:4:${column}  WES101  error  the data in account.nickname is lost; this plan would lose data and is refused by default\n` +
        '  4 |   nickname: String\n' +
        `    | ${' '.repeat(column - 1)}^\n` +
        '  help: check that the data is no longer needed (and backed up), then plan again with --allow-destructive\n' +
        '\n1 error\nwesley plan: no plan because of errors\n',
    );
    await expect(stat(path.join(cwd, 'refused'))).rejects.toThrow(/ENOENT/);
  });

  it('plans the drop with --allow-destructive, and down.sql says it cannot be undone', async () => {
    const run = await plan('--from', 'v1.graphql', '--to', 'v3.graphql', '--allow-destructive', '--out', 'destructive');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/ contract +drop-column:account\.nickname +/);
    expect(run.stderr).toBe(
      'wesley plan: warning: down.sql has no statements, because these steps cannot be undone: drop-column:account.nickname\n',
    );
    const up = await readFile(path.join(cwd, 'destructive/up.sql'), 'utf8');
    expect(up).toContain('ALTER TABLE account DROP COLUMN nickname;');
    const down = await readFile(path.join(cwd, 'destructive/down.sql'), 'utf8');
    expect(down).toContain('--   drop-column:account.nickname\n');
    expect(down.split('\n').filter((line) => line !== '' && !line.startsWith('--'))).toEqual([]);
  });
});

describe('wesley plan --from ir.json', () => {
  it('plans from the ir.json that wesley generate wrote, the same steps as from its SDL', async () => {
    expect((await runBuiltCli(cwd, 'generate', '-s', 'v1.graphql', '-o', 'generated')).code).toBe(0);
    const fromJson = await plan('--from', 'generated/ir.json', '--to', 'v2.graphql', '--json');
    const fromSdl = await plan('--from', 'v1.graphql', '--to', 'v2.graphql', '--json');
    expect(fromJson.code).toBe(0);
    expect(JSON.parse(fromJson.stdout)).toEqual(JSON.parse(fromSdl.stdout));
    expect(fromJson.stderr).toMatch(/ from generated\/ir\.json to v2\.graphql /);
  });

  it('points a refused drop at the type in the --to file', async () => {
    const run = await plan('--from', 'generated/ir.json', '--to', 'v3.graphql');
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^v3\.graphql:1:6 {2}WES101 {2}error {2}the data in account\.nickname is lost/);
    expect(run.stderr).toContain('  1 | type Account @wes_table {\n    |      ^\n');
  });
});

describe('wesley plan with inputs it cannot use', () => {
  it.each([
    [
      'broken.json',
      '{"kind": "schema",',
      /^wesley plan: broken\.json is not valid JSON: .+\n {2}help: pass an ir\.json written by `wesley generate`/,
    ],
    [
      'plan.json',
      '{"kind": "plan", "steps": []}',
      /^wesley plan: plan\.json is not a Wesley schema IR: expected "kind": "schema" at the top level\n/,
    ],
    [
      'future.json',
      '{"kind": "schema", "version": 2, "tables": [], "enums": []}',
      /^wesley plan: future\.json is schema IR version 2; this wesley reads version 1\n/,
    ],
  ])('exits 1 for %s', async (file, text, message) => {
    await writeFile(path.join(cwd, file), text);
    const run = await plan('--from', file, '--to', 'v2.graphql');
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(message);
  });

  it('exits 1 with the schema errors of a broken --to file', async () => {
    await mkdir(path.join(cwd, 'broken'), { recursive: true });
    await writeFile(path.join(cwd, 'broken/v2.graphql'), 'type Account @wes_table {\n  id: UUID! @wes_pk\n  name: Nope\n}\n');
    const run = await plan('--from', 'v1.graphql', '--to', 'broken/v2.graphql');
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^broken\/v2\.graphql:3:9 {2}WES010 {2}error {2}/);
    expect(run.stderr).toMatch(/\n\n1 error\nwesley plan: no plan because of errors in the schema\n$/);
  });

  it('exits 1 naming the database without its password when it cannot be reached', async () => {
    const run = await plan('--from', 'postgres://wesley:hunter2-secret@127.0.0.1:1/app', '--to', 'v2.graphql');
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(
      /^wesley plan: could not connect to postgres:\/\/wesley:\*\*\*@127\.0\.0\.1:1\/app: .+\n {2}help: check that PostgreSQL is running/,
    );
    expect(run.stderr).not.toContain('hunter2');
  });
});
