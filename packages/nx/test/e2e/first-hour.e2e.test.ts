/**
 * The first hour in a new Nx workspace, with the real `nx`: a workspace with no nx.json, the
 * plugin added by its init generator, a database project, its first and second migrations written
 * by the migration generator, and `nx run db:migrate` on a real PostgreSQL.
 */
import { readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { testDatabase, type TestDatabase } from '@wesley/postgres/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, nxWorkspace, type NxWorkspace } from './nx-workspace.js';

let workspace: NxWorkspace;
let database: TestDatabase;

beforeAll(async () => {
  await ensureBuilt();
  database = await testDatabase();
  workspace = await nxWorkspace({});
  // A plain npm project, as `nx init`/`nx add` start from: no nx.json.
  await rm(path.join(workspace.root, 'nx.json'));
}, 120_000);
afterAll(() => workspace?.remove());

describe.sequential('the first hour in Nx', { timeout: 120_000 }, () => {
  it('init in a workspace without nx.json writes one registering the plugin', async () => {
    const init = await workspace.nx(['g', '@wesley/nx:init']);
    expect(init.code, init.stdout + init.stderr).toBe(0);
    expect(init.stdout).toContain('CREATE nx.json');
    expect(JSON.parse(await workspace.read('nx.json'))).toMatchObject({ plugins: ['@wesley/nx'] });
  });

  it('database, then migration init and migration add_teams write numbered migrations that db:migrate applies', async () => {
    const database_ = await workspace.nx(['g', '@wesley/nx:database', 'db']);
    expect(database_.code, database_.stdout + database_.stderr).toBe(0);
    const targets = await workspace.nx(['show', 'project', 'db', '--json']);
    expect(Object.keys((JSON.parse(targets.stdout) as { targets: object }).targets)).toContain('migrate');

    const first = await workspace.nx(['g', '@wesley/nx:migration', 'init']);
    expect(first.code, first.stdout + first.stderr).toBe(0);
    expect(first.stdout).toContain('wrote migrations/0001_init/plan.json');
    await workspace.write(
      'libs/db/schema.graphql',
      `${await workspace.read('libs/db/schema.graphql')}\ntype Team @wes_table {\n  id: UUID! @wes_pk\n  name: String!\n}\n`,
    );
    // --dry-run runs nothing: no directory.
    const dry = await workspace.nx(['g', '@wesley/nx:migration', 'add_teams', '--project', 'db', '--dry-run']);
    expect(dry.code, dry.stdout + dry.stderr).toBe(0);
    expect((await readdir(path.join(workspace.root, 'libs/db/migrations'))).sort()).toEqual(['.gitkeep', '0001_init']);
    const second = await workspace.nx(['g', '@wesley/nx:migration', 'add_teams', '--project', 'db']);
    expect(second.code, second.stdout + second.stderr).toBe(0);
    expect((await readdir(path.join(workspace.root, 'libs/db/migrations'))).sort()).toEqual(['.gitkeep', '0001_init', '0002_add_teams']);

    const migrate = await workspace.nx(['run', 'db:migrate'], { DATABASE_URL: database.url });
    expect(migrate.code, migrate.stdout + migrate.stderr).toBe(0);
    const session = await database.connect();
    try {
      const ledger = await session.query('SELECT name, status FROM wesley.migrations ORDER BY name');
      expect(ledger.rows).toEqual([
        { name: '0001_init', status: 'applied' },
        { name: '0002_add_teams', status: 'applied' },
      ]);
    } finally {
      await session.close();
    }
  });
});
