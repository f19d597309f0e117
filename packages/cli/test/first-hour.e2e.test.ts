/**
 * The first hour of a new project, with the built CLI and no flags but the ones a user types:
 * init, generate, the first migration, migrate on the embedded PostgreSQL, an edit, a named
 * plan, migrate and drift, run from the project root and from directories below it (the
 * config is found above, and every path and the embedded cluster are anchored at its directory).
 */
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describeEachServer, testDatabase } from '@wesley/postgres/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBuiltCliWithEnv } from './run-built-cli.js';

let root: string;
// No URL: every command uses the project's embedded PostgreSQL.
const env = { DATABASE_URL: undefined };
const wesley = (cwd: string, ...args: string[]) => runBuiltCliWithEnv(cwd, env, ...args);

beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'wesley-first-hour-'));
  // A repository root: discovery stops here, as in a real project.
  await mkdir(path.join(root, '.git'));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

/** Every file under `directory` with its content, to compare before and after a refused command. */
async function snapshot(directory: string): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  for (const entry of await readdir(directory, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    files[path.relative(directory, file)] = await readFile(file, 'utf8');
  }
  return files;
}

// One workspace and one embedded server for the whole story: initdb takes seconds. Each step depends on the one before.
describe.sequential('the first hour', () => {
  it('init writes the config, a starter schema, migrations/ and .gitignore, then prints the next commands', async () => {
    await writeFile(path.join(root, '.gitignore'), 'node_modules\n');
    const init = await wesley(root, 'init');
    expect(init.stderr).toBe('');
    expect(init.code).toBe(0);
    expect(init.stdout).toContain('npx wesley generate');
    expect(init.stdout).toContain('npx wesley plan --name init');
    expect(init.stdout).toContain('npx wesley migrate');
    expect(JSON.parse(await readFile(path.join(root, 'wesley.config.json'), 'utf8'))).toEqual({
      schema: 'schema.graphql',
      outDir: 'generated',
      migrations: 'migrations',
    });
    expect(await readFile(path.join(root, 'schema.graphql'), 'utf8')).toContain('type Account @wes_table');
    expect(await readdir(path.join(root, 'migrations'))).toEqual(['.gitkeep']);
    expect(await readFile(path.join(root, '.gitignore'), 'utf8')).toBe(
      'node_modules\n\n# Wesley: embedded PostgreSQL data and plans\n.wesley\n',
    );
  });

  it('init again refuses (WES370, exit 2) and changes nothing', async () => {
    const before = await snapshot(root);
    const again = await wesley(root, 'init');
    expect(again.code).toBe(2);
    expect(again.stdout).toBe('');
    expect(again.stderr).toBe(
      'wesley init: WES370 wesley.config.json already exists: nothing was written\n' +
        '  help: this directory is a Wesley project already: run wesley generate, plan or migrate here\n',
    );
    expect(await snapshot(root)).toEqual(before);
  });

  it('generate from a directory below the root writes into the root’s generated/', async () => {
    await mkdir(path.join(root, 'src', 'deep'), { recursive: true });
    const generate = await wesley(path.join(root, 'src', 'deep'), 'generate');
    expect(generate.stderr).toBe('');
    expect(generate.code).toBe(0);
    expect((await readdir(path.join(root, 'generated'))).sort()).toEqual(['ir.json', 'schema.sql', 'types.ts', 'zod.ts']);
    expect(await readdir(path.join(root, 'src', 'deep'))).toEqual([]);
  });

  it('the first migration: plan --name init from the empty schema writes migrations/0001_init with its ir.json', async () => {
    const plan = await wesley(root, 'plan', '--name', 'init');
    expect(plan.stderr).toBe('');
    expect(plan.code).toBe(0);
    expect(plan.stdout).toContain('from the empty schema');
    expect(plan.stdout).toContain('create-table:account');
    expect((await readdir(path.join(root, 'migrations', '0001_init'))).sort()).toEqual(['down.sql', 'ir.json', 'plan.json', 'up.sql']);
    expect(await readFile(path.join(root, 'migrations', '0001_init', 'ir.json'), 'utf8')).toBe(
      await readFile(path.join(root, 'generated', 'ir.json'), 'utf8'),
    );
  });

  it(
    'migrate creates the embedded cluster in the root’s .wesley/pg and says so once; status from migrations/ sees the same database',
    { timeout: 180_000 },
    async () => {
      const migrate = await wesley(root, 'migrate');
      expect(migrate.code, migrate.stderr).toBe(0);
      expect(migrate.stderr).toMatch(/^wesley migrate: created a new embedded PostgreSQL cluster in \.wesley\/pg\/\d+ \(empty\)\n$/);
      expect(migrate.stdout).toMatch(/^wesley migrate: 1 migration applied in /m);

      // As in the report: `wesley status --dir .` from migrations/ used to make a second, empty cluster there.
      const status = await wesley(path.join(root, 'migrations'), 'status', '--dir', '.');
      expect(status.code, status.stderr).toBe(0);
      expect(status.stderr).toBe('');
      expect(status.stdout).toContain(`data in ${path.join(root, '.wesley', 'pg')}`);
      expect(status.stdout).toMatch(/^ {2}0001_init +applied /m);
      // The directory by its full path, never `.`: from migrations/ and from any other subdirectory.
      expect(status.stdout).toContain(`\nwesley status: 1 applied in ${path.join(root, 'migrations')}\n`);
      await mkdir(path.join(root, 'src'), { recursive: true });
      const fromSrc = await wesley(path.join(root, 'src'), 'status');
      expect(fromSrc.code, fromSrc.stderr).toBe(0);
      expect(fromSrc.stdout).toContain(`\nwesley status: 1 applied in ${path.join(root, 'migrations')}\n`);
      await expect(readdir(path.join(root, 'migrations', '.wesley'))).rejects.toThrow(/ENOENT/);
    },
  );

  it('an edit, plan --name add_teams from a subdirectory, migrate and drift with no findings', { timeout: 180_000 }, async () => {
    const schema = path.join(root, 'schema.graphql');
    await writeFile(
      schema,
      `${await readFile(schema, 'utf8')}\ntype Team @wes_table {\n  id: UUID! @wes_pk @wes_default(expr: "gen_random_uuid()")\n  name: String!\n}\n`,
    );
    const plan = await wesley(path.join(root, 'src'), 'plan', '--name', 'add_teams');
    expect(plan.code, plan.stderr).toBe(0);
    expect(plan.stdout).toContain('create-table:team');
    expect(plan.stdout).not.toContain('create-table:account');
    expect((await readdir(path.join(root, 'migrations'))).sort()).toEqual(['.gitkeep', '0001_init', '0002_add_teams']);

    const migrate = await wesley(path.join(root, 'src', 'deep'), 'migrate');
    expect(migrate.code, migrate.stderr).toBe(0);
    expect(migrate.stderr).toBe('');
    expect(migrate.stdout).toMatch(/^wesley migrate: 1 migration applied in /m);

    const status = await wesley(root, 'status');
    expect(status.stdout).toMatch(/^wesley status: 2 applied in migrations\n/m);

    const drift = await wesley(root, 'drift');
    expect(drift.code, drift.stdout + drift.stderr).toBe(0);
    expect(drift.stderr).toBe('');

    // Nothing left to plan: no directory is written for an empty plan.
    const again = await wesley(root, 'plan', '--name', 'nothing');
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('nothing to do');
    expect((await readdir(path.join(root, 'migrations'))).sort()).toEqual(['.gitkeep', '0001_init', '0002_add_teams']);
  });
});

// The same project on each test server by URL (PostgreSQL 18 and 15), planned for its version.
describeEachServer('the first hour on a server by URL', (server) => {
  it(
    'init, plan --name init, migrate from a subdirectory, status from migrations/, drift with no findings',
    { timeout: 120_000 },
    async () => {
      const database = await testDatabase(server);
      const project = path.join(root, `server-${server.major}`);
      await mkdir(path.join(project, 'src'), { recursive: true });
      const byUrl = (cwd: string, ...args: string[]) => runBuiltCliWithEnv(cwd, { DATABASE_URL: database.url }, ...args);
      expect((await byUrl(project, 'init')).code).toBe(0);
      const configFile = path.join(project, 'wesley.config.json');
      const config = JSON.parse(await readFile(configFile, 'utf8')) as Record<string, unknown>;
      await writeFile(configFile, JSON.stringify({ ...config, serverVersion: server.major }));

      const plan = await byUrl(path.join(project, 'src'), 'plan', '--name', 'init');
      expect(plan.code, plan.stderr).toBe(0);
      expect(plan.stdout).toContain(`for PostgreSQL ${server.major}`);
      const migrate = await byUrl(path.join(project, 'src'), 'migrate');
      expect(migrate.code, migrate.stderr).toBe(0);
      expect(migrate.stdout).toMatch(/^wesley migrate: 1 migration applied in /m);
      const status = await byUrl(path.join(project, 'migrations'), 'status');
      expect(status.code, status.stderr).toBe(0);
      expect(status.stdout).toMatch(/^ {2}0001_init +applied /m);
      const drift = await byUrl(path.join(project, 'src'), 'drift');
      expect(drift.code, drift.stdout + drift.stderr).toBe(0);
      // A URL: no embedded cluster anywhere in the project.
      await expect(readdir(path.join(project, '.wesley'))).rejects.toThrow(/ENOENT/);
    },
  );
});
