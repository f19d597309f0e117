import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { testDatabase } from '@wesley/postgres/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runInProcess } from '../support/run-in-process.js';

const v1 = `type Account @wes_table {
  id: UUID! @wes_pk @wes_default(expr: "gen_random_uuid()")
  email: String!
}
`;
const v2 = v1.replace('email: String!', 'email: String!\n  name: String');

let cwd: string;
beforeAll(async () => {
  cwd = await mkdtemp(path.join(os.tmpdir(), 'wesley-cli-config-'));
});
afterAll(async () => {
  await rm(cwd, { recursive: true, force: true });
});

async function write(file: string, content: string): Promise<void> {
  await mkdir(path.dirname(path.join(cwd, file)), { recursive: true });
  await writeFile(path.join(cwd, file), content);
}

const run = (env: Record<string, string>, ...argv: string[]) => runInProcess(cwd, argv, env);

describe('--config', () => {
  it('generate takes the schema, outDir and dts of the config, relative to the config', async () => {
    await write('gen/db/schema.graphql', v1);
    await write('gen/db/wesley.config.json', '{ "schema": "schema.graphql", "outDir": "out", "dts": true }');
    const result = await run({}, 'generate', '--config', 'gen/db/wesley.config.json');
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect((await readdir(path.join(cwd, 'gen/db/out'))).sort()).toEqual(['ir.json', 'schema.sql', 'types.ts', 'zod.ts']);
    expect(await readdir(path.join(cwd, 'gen/db'))).toContain('schema.d.graphql.ts');
    // A flag given wins over the config.
    const flagged = await run({}, 'generate', '--config', 'gen/db/wesley.config.json', '--out-dir', 'gen/elsewhere');
    expect(flagged.code).toBe(0);
    expect((await readdir(path.join(cwd, 'gen/elsewhere'))).sort()).toEqual(['ir.json', 'schema.sql', 'types.ts', 'zod.ts']);
  });

  it('plan plans from the baseline: the empty schema first, then the ir.json that plan --out wrote', async () => {
    await write('plan/schema.graphql', v1);
    await write('plan/wesley.config.json', '{ "schema": "schema.graphql" }');
    const first = await run({}, 'plan', '--config', 'plan/wesley.config.json', '--out', 'plan/migrations/0001_init');
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('from the empty schema (no migration in plan/migrations has an ir.json) to plan/schema.graphql');
    expect((await readdir(path.join(cwd, 'plan/migrations/0001_init'))).sort()).toEqual(['down.sql', 'ir.json', 'plan.json', 'up.sql']);
    const target = JSON.parse(await readFile(path.join(cwd, 'plan/migrations/0001_init/ir.json'), 'utf8')) as {
      tables: { name: string }[];
    };
    expect(target.tables.map((table) => table.name)).toEqual(['account']);

    const unchanged = await run({}, 'plan', '--config', 'plan/wesley.config.json');
    expect(unchanged.stdout).toBe('wesley plan: nothing to do, plan/migrations/0001_init/ir.json already matches plan/schema.graphql\n');
    await write('plan/schema.graphql', v2);
    const next = await run({}, 'plan', '--config', 'plan/wesley.config.json');
    expect(next.code).toBe(0);
    expect(next.stdout).toContain('add-column:account.name');
    expect(next.stdout).toContain('from plan/migrations/0001_init/ir.json to plan/schema.graphql');
  });

  it('reports a bad config with its path and field, exit 1', async () => {
    await write('bad/wesley.config.json', '{ "schema": "schema.graphql", "url": "postgres://u:secret@h/db" }');
    const result = await run({}, 'status', '--config', 'bad/wesley.config.json');
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /^wesley status: bad\/wesley\.config\.json: url: a database URL does not belong in the config file; it comes from the environment\n {2}help: /,
    );
    expect(result.stderr).not.toContain('secret');
  });

  it('asks for --database when the config lists several, and refuses one it does not list', async () => {
    await write('many/migrations/.keep', '');
    await write('many/wesley.config.json', '{ "schema": "s.graphql", "databases": [{ "name": "eu" }, { "name": "us" }] }');
    const unpicked = await run({}, 'migrate', '--config', 'many/wesley.config.json');
    expect(unpicked.code).toBe(2);
    expect(unpicked.stderr).toContain('wesley migrate: the config lists several databases (eu, us): pick one with --database <name>');
    const unknown = await run({}, 'status', '--config', 'many/wesley.config.json', '--database', 'ap');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("wesley status: the config has no database 'ap' (it lists eu, us)");
    const noConfig = await run({}, 'status', '--dir', 'many/migrations', '--database', 'eu');
    expect(noConfig.code).toBe(2);
    expect(noConfig.stderr).toContain('--database <name> picks a database of the config file: pass --config too');
  });

  it('migrate and status reach the database through the urlEnv of the chosen database, never printing its password', async () => {
    const database = await testDatabase();
    await write('live/schema.graphql', v1);
    await write(
      'live/wesley.config.json',
      '{ "schema": "schema.graphql", "databases": [{ "name": "eu", "urlEnv": "EU_URL" }, { "name": "us" }] }',
    );
    expect((await run({}, 'plan', '--config', 'live/wesley.config.json', '--out', 'live/migrations/0001_init')).code).toBe(0);
    const password = new URL(database.url).password;
    const env = { EU_URL: database.url, DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none' };

    const migrated = await run(env, 'migrate', '--config', 'live/wesley.config.json', '--database', 'eu');
    expect(migrated.code).toBe(0);
    expect(migrated.stdout).toContain('(EU_URL)\n');
    expect(migrated.stdout).toContain('0001_init: applied');
    const status = await run(env, 'status', '--config', 'live/wesley.config.json', '--database', 'eu', '--json');
    expect(status.code).toBe(0);
    expect((JSON.parse(status.stdout) as { migrations: { name: string; state: string }[] }).migrations).toEqual([
      expect.objectContaining({ name: '0001_init', state: 'applied' }),
    ]);
    // --url-env overrides the config's variable.
    const drift = await run(
      { OTHER: database.url },
      'drift',
      '--config',
      'live/wesley.config.json',
      '--database',
      'us',
      '--url-env',
      'OTHER',
    );
    expect(drift).toMatchObject({ code: 0 });
    expect(drift.stdout).toContain('(OTHER)\n');
    for (const output of [migrated, status, drift]) {
      if (password !== '') expect(output.stdout + output.stderr).not.toContain(password);
    }
  });
});
