import { cp, rm } from 'node:fs/promises';
import path from 'node:path';
import { testDatabase, type TestDatabase } from '@wesley/postgres/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleSchema } from '../sample-configs.js';
import { ensureBuilt, nxWorkspace, type NxWorkspace } from './nx-workspace.js';

let workspace: NxWorkspace;
let database: TestDatabase;

beforeAll(async () => {
  await ensureBuilt();
  database = await testDatabase();
  workspace = await nxWorkspace({
    'libs/db/project.json': JSON.stringify({ name: 'db' }),
    'libs/db/wesley.config.json': JSON.stringify({ schema: 'schema.graphql' }),
    'libs/db/schema.graphql': sampleSchema,
  });
}, 120_000);
afterAll(() => workspace?.remove());

const generated = ['schema.sql', 'types.ts', 'zod.ts', 'ir.json'].map((file) => `libs/db/generated/${file}`);

describe('the real nx, one db project', { timeout: 60_000 }, () => {
  it('shows the inferred targets with their inputs and outputs', async () => {
    const shown = await workspace.nx(['show', 'project', 'db', '--json']);
    expect(shown.code, shown.stderr).toBe(0);
    const project = JSON.parse(shown.stdout) as {
      targets: Record<string, { cache: boolean; inputs?: unknown[]; outputs?: string[]; executor: string }>;
    };
    expect(Object.keys(project.targets).sort()).toEqual(['drift', 'generate', 'lint', 'migrate', 'plan', 'status', 'usage']);
    const { generate, plan, lint, migrate } = project.targets;
    expect(generate).toMatchObject({
      executor: '@wesley/nx:generate',
      cache: true,
      inputs: [
        '{projectRoot}/wesley.config.json',
        '{projectRoot}/schema.graphql',
        { externalDependencies: ['@wesley/cli', '@wesley/core'] },
      ],
      outputs: generated.map((file) => file.replace('libs/db/', '{projectRoot}/')),
    });
    expect(plan).toMatchObject({
      executor: '@wesley/nx:plan',
      cache: true,
      inputs: [
        '{projectRoot}/wesley.config.json',
        '{projectRoot}/schema.graphql',
        '{projectRoot}/migrations/*/ir.json',
        { externalDependencies: ['@wesley/cli', '@wesley/core'] },
      ],
      outputs: ['{projectRoot}/.wesley/plan'],
    });
    // Files alone, never a database: cached on the config and the SQL migrations.
    expect(lint).toMatchObject({
      executor: '@wesley/nx:lint',
      cache: true,
      inputs: [
        '{projectRoot}/wesley.config.json',
        '{projectRoot}/migrations/**/*.sql',
        { externalDependencies: ['@wesley/cli', '@wesley/core'] },
      ],
      outputs: [],
    });
    expect(migrate).toMatchObject({ executor: '@wesley/nx:migrate', cache: false });
    expect(migrate?.inputs).toBeUndefined();
  });

  it('serves the second generate from the local cache, restores deleted outputs, and misses after a schema edit', async () => {
    const first = await workspace.nx(['run', 'db:generate']);
    expect(first.code, first.stdout + first.stderr).toBe(0);
    expect(first.stdout).not.toContain('[local cache]');
    expect(first.stdout).not.toContain('existing outputs match the cache');
    const contents = await Promise.all(generated.map((file) => workspace.read(file)));

    const second = await workspace.nx(['run', 'db:generate']);
    expect(second.code).toBe(0);
    expect(second.stdout).toMatch(/\[(local cache|existing outputs match the cache)\]/);
    expect(second.stdout).toContain('Cache:             1/1 hit');

    await rm(path.join(workspace.root, 'libs/db/generated'), { recursive: true });
    const restored = await workspace.nx(['run', 'db:generate']);
    expect(restored.code).toBe(0);
    expect(restored.stdout).toContain('[local cache]');
    expect(await Promise.all(generated.map((file) => workspace.read(file)))).toEqual(contents);

    await workspace.write('libs/db/schema.graphql', `${sampleSchema}\ntype Team @wes_table {\n  id: UUID! @wes_pk\n  name: String!\n}\n`);
    const edited = await workspace.nx(['run', 'db:generate']);
    expect(edited.code).toBe(0);
    expect(edited.stdout).not.toMatch(/\[(local cache|existing outputs match the cache)\]/);
    expect(edited.stdout).toContain('Cache:             0/1 hit');
    expect(await workspace.read('libs/db/generated/schema.sql')).toContain('CREATE TABLE team (');
  });

  it('migrates a real PostgreSQL; a second run applies nothing and is not served from the cache', async () => {
    const planned = await workspace.nx(['run', 'db:plan']);
    expect(planned.code, planned.stdout + planned.stderr).toBe(0);
    await cp(path.join(workspace.root, 'libs/db/.wesley/plan'), path.join(workspace.root, 'libs/db/migrations/0001_init'), {
      recursive: true,
    });

    const env = { DATABASE_URL: database.url };
    const first = await workspace.nx(['run', 'db:migrate'], env);
    expect(first.code, first.stdout + first.stderr).toBe(0);
    const session = await database.connect();
    const tables = await session.query<{ tablename: string }>("SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1");
    expect(tables.rows.map((row) => row.tablename)).toEqual(['account', 'team']);
    const ledger = await session.query('SELECT name, status FROM wesley.migrations');
    expect(ledger.rows).toEqual([{ name: '0001_init', status: 'applied' }]);

    const second = await workspace.nx(['run', 'db:migrate'], env);
    expect(second.code).toBe(0);
    expect(second.stdout).toContain('wesley migrate: nothing to do, the one migration is applied');
    expect(second.stdout).toContain('database postgres://postgres:***@');
    expect(second.stdout).not.toMatch(/\[(local cache|existing outputs match the cache)\]/);
    expect(second.stdout).toContain('Cache:             0/1 hit');
  });
});
