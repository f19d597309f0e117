import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nextMigrationName } from '../../src/plan/next-migration-name.js';
import { UsageError } from '../../src/usage-error.js';
import { runInProcess } from '../support/run-in-process.js';

const v1 = 'type A @wes_table {\n  id: ID! @wes_pk\n}\n';
const v2 = 'type A @wes_table {\n  id: ID! @wes_pk\n  name: String\n}\n';

let root: string;
beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'wesley-plan-name-'));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

/** A directory under the test's root holding `entries` (a name ending in / is a directory). */
async function directory(name: string, entries: readonly string[]): Promise<string> {
  const dir = path.join(root, name);
  await mkdir(dir, { recursive: true });
  for (const entry of entries) {
    if (entry.endsWith('/')) await mkdir(path.join(dir, entry), { recursive: true });
    else await writeFile(path.join(dir, entry), '');
  }
  return dir;
}

describe('nextMigrationName', () => {
  it.each([
    ['an empty directory', [], '0001_add_teams'],
    ['after a planned directory and a SQL file', ['0001_init/', '0002_seed.sql', 'README.md'], '0003_add_teams'],
    ['after the highest, not the last by name', ['0010_b/', '0009_a/', '.gitkeep'], '0011_add_teams'],
    ['with the width of the numbers there, so it sorts last', ['001_init/', '002_b.sql'], '003_add_teams'],
    ['after a timestamp', ['20260101120000_init/'], '20260101120001_add_teams'],
    ['past 9999, a digit wider', ['9999_full/'], '10000_add_teams'],
    ['ignoring names without a leading number', ['init/', 'v2_x.sql', '12abc/'], '0001_add_teams'],
  ])('%s', async (label, entries, expected) => {
    const dir = await directory(`next-${label.replaceAll(' ', '-')}`, entries);
    expect(await nextMigrationName(dir, 'add_teams', 'plan')).toBe(expected);
  });

  it('refuses a migrations directory that is a file', async () => {
    await writeFile(path.join(root, 'a-file'), '');
    await expect(nextMigrationName(path.join(root, 'a-file'), 'init', 'plan')).rejects.toThrow(
      `${path.join(root, 'a-file')} is a file, not the migrations directory`,
    );
  });

  it('numbers from 0001 in a directory that does not exist yet', async () => {
    expect(await nextMigrationName(path.join(root, 'absent'), 'init', 'plan')).toBe('0001_init');
  });

  it.each(['Add_Teams', 'add-teams', 'add teams', '', '../escape', 'a/b', 'x'.repeat(64), 'é'])('refuses %j (WES371)', async (slug) => {
    const error: unknown = await nextMigrationName(root, slug, 'plan').catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(UsageError);
    expect((error as UsageError).code).toBe('WES371');
  });
});

describe('wesley plan --name and --from empty', () => {
  it('writes the next numbered directory of the config’s migrations, from the baseline', async () => {
    const project = await directory('project', ['migrations/']);
    await writeFile(path.join(project, 'schema.graphql'), v1);
    await writeFile(path.join(project, 'wesley.config.json'), '{ "schema": "schema.graphql" }');
    const first = await runInProcess(project, ['plan', '--name', 'init']);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toContain('from the empty schema (no migration in migrations has an ir.json)');
    await writeFile(path.join(project, 'schema.graphql'), v2);
    const second = await runInProcess(path.join(project, 'migrations'), ['plan', '--name', 'add_name']);
    expect(second.code, second.stderr).toBe(0);
    expect(second.stdout).toContain('add-column:a.name');
    expect(second.stdout).not.toContain('create-table');
    expect((await readdir(path.join(project, 'migrations'))).sort()).toEqual(['0001_init', '0002_add_name']);
    expect((await readdir(path.join(project, 'migrations', '0002_add_name'))).sort()).toEqual([
      'down.sql',
      'ir.json',
      'plan.json',
      'up.sql',
    ]);
  });

  it('--from empty plans the whole schema whatever the baseline, and --name without a config writes into ./migrations', async () => {
    const bare = await directory('bare', []);
    await writeFile(path.join(bare, 'schema.graphql'), v2);
    const run = await runInProcess(bare, ['plan', '--from', 'empty', '--to', 'schema.graphql', '--name', 'init']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('from the empty schema to schema.graphql');
    expect((await readdir(path.join(bare, 'migrations', '0001_init'))).sort()).toEqual(['down.sql', 'ir.json', 'plan.json', 'up.sql']);
    // The baseline of a config is ignored for --from empty.
    const project = path.join(root, 'project');
    const again = await runInProcess(project, ['plan', '--from', 'empty', '--json']);
    expect(again.code, again.stderr).toBe(0);
    expect((JSON.parse(again.stdout) as { steps: { id: string }[] }).steps.map((step) => step.id)).toEqual(['create-table:a']);
  });

  it('notes that migrations recording no schema are not the baseline, so the plan creates again what they made', async () => {
    const dir = await directory('sql-only', ['migrations/']);
    await writeFile(path.join(dir, 'migrations', '0001_init.sql'), 'CREATE TABLE a (id text PRIMARY KEY);\n');
    await writeFile(path.join(dir, 'schema.graphql'), v1);
    await writeFile(path.join(dir, 'wesley.config.json'), '{ "schema": "schema.graphql" }');
    const run = await runInProcess(dir, ['plan', '--name', 'more']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toBe(
      'wesley plan: note: migrations has migrations that record no schema (0001_init.sql: SQL, or planned without ir.json), so this plan ' +
        'starts from the empty schema and creates again what they created: give the schema they lead to with --from (a database URL, or its GraphQL files)\n',
    );
  });

  it('refuses --name with --out, and a name that is not a slug (WES371, its own help), writing nothing', async () => {
    const project = path.join(root, 'project');
    expect(await runInProcess(project, ['plan', '--name', 'x', '--out', 'elsewhere'])).toEqual({
      code: 2,
      stdout: '',
      stderr:
        "wesley plan: --name picks the migration directory and --out names one: give one of them\nRun 'wesley plan --help' for usage.\n",
    });
    expect(await runInProcess(project, ['plan', '--name', 'Add-Teams'])).toEqual({
      code: 2,
      stdout: '',
      stderr:
        "wesley plan: WES371 'Add-Teams' is not a migration name: lower-case letters, digits and _, at most 63 of them\n" +
        '  help: name the change as a directory would: --name add_teams\n',
    });
    expect((await readdir(path.join(project, 'migrations'))).sort()).toEqual(['0001_init', '0002_add_name']);
  });
});
