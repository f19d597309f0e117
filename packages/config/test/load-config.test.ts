import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError } from '../src/config-error.js';
import { loadConfig } from '../src/load-config.js';

let cwd: string;
beforeAll(async () => {
  cwd = await mkdtemp(path.join(os.tmpdir(), 'wesley-config-'));
});
afterAll(async () => {
  await rm(cwd, { recursive: true, force: true });
});

async function write(file: string, content: string): Promise<string> {
  const absolute = path.join(cwd, file);
  await mkdir(path.dirname(absolute), { recursive: true });
  await writeFile(absolute, content);
  return file;
}

/** The ConfigError `loadConfig` throws for `file`. */
async function failure(file: string): Promise<ConfigError> {
  const error: unknown = await loadConfig(file, cwd).then(
    () => null,
    (thrown: unknown) => thrown,
  );
  if (!(error instanceof ConfigError)) throw new Error(`expected a ConfigError, got ${String(error)}`);
  return error;
}

describe('loadConfig', () => {
  it('reads wesley.config.json and applies the defaults', async () => {
    await write('json/wesley.config.json', '{ "schema": "schema.graphql" }');
    expect(await loadConfig('json/wesley.config.json', cwd)).toEqual({
      file: path.join(cwd, 'json/wesley.config.json'),
      directory: path.join(cwd, 'json'),
      schema: ['schema.graphql'],
      outDir: 'generated',
      migrations: 'migrations',
      dts: false,
      databases: [{ name: 'default', urlEnv: 'DATABASE_URL', serverVersion: null }],
      lockName: null,
      usageWindowMs: null,
      windows: [],
      maxReplicaLagMs: null,
      maxActiveSessions: null,
      heartbeat: null,
      batchTargetMs: null,
      batchMinRows: null,
      batchMaxRows: null,
      scalars: {},
      rls: {},
    });
  });

  it('reads the row-level security settings, and refuses one that is not a dotted setting name', async () => {
    await write('rls/wesley.config.json', JSON.stringify({ schema: 's.graphql', rls: { tenantSetting: 'shop.store_id' } }));
    expect((await loadConfig('rls/wesley.config.json', cwd)).rls).toEqual({ tenantSetting: 'shop.store_id' });
    await write('bad-rls/wesley.config.json', JSON.stringify({ schema: 's.graphql', rls: { tenantSetting: "app.x', true) OR (true" } }));
    expect((await failure('bad-rls/wesley.config.json')).issues).toEqual([
      { path: 'rls.tenantSetting', message: 'must be a dotted setting name, such as "app.tenant_id"' },
    ]);
  });

  it('reads custom scalars, and reports a bad name or an empty type at its path', async () => {
    await write(
      'scalars/wesley.config.json',
      JSON.stringify({ schema: 's.graphql', scalars: { Email: 'varchar(320)', Money: 'numeric(12,2)' } }),
    );
    expect((await loadConfig('scalars/wesley.config.json', cwd)).scalars).toEqual({ Email: 'varchar(320)', Money: 'numeric(12,2)' });
    await write('bad-scalars/wesley.config.json', JSON.stringify({ schema: 's.graphql', scalars: { 'e-mail': 'text', Money: ' ' } }));
    expect((await failure('bad-scalars/wesley.config.json')).issues).toEqual([
      { path: 'scalars.e-mail', message: 'must be a GraphQL scalar name' },
      { path: 'scalars.Money', message: 'must be a PostgreSQL type, such as "text" or "numeric(12,2)"' },
    ]);
  });

  it('reads the default export of wesley.config.mjs, naming each database its own variable', async () => {
    await write(
      'mjs/wesley.config.mjs',
      `export default { schema: ['a.graphql', 'types/*.graphql'], outDir: 'gen', migrations: 'db/migrations', dts: false,
        databases: [{ name: 'eu-west' }, { name: 'us', urlEnv: 'US_URL' }], lockName: 'shop' };`,
    );
    const config = await loadConfig('mjs/wesley.config.mjs', cwd);
    expect(config.schema).toEqual(['a.graphql', 'types/*.graphql']);
    expect(config.databases).toEqual([
      { name: 'eu-west', urlEnv: 'EU_WEST_DATABASE_URL', serverVersion: null },
      { name: 'us', urlEnv: 'US_URL', serverVersion: null },
    ]);
    expect([config.outDir, config.migrations, config.lockName]).toEqual(['gen', 'db/migrations', 'shop']);
  });

  it('a single listed database without urlEnv reads DATABASE_URL', async () => {
    await write('single/wesley.config.json', '{ "schema": "s.graphql", "databases": [{ "name": "main" }] }');
    expect((await loadConfig('single/wesley.config.json', cwd)).databases).toEqual([
      { name: 'main', urlEnv: 'DATABASE_URL', serverVersion: null },
    ]);
  });

  it('reads serverVersion for every database, or per database, and refuses one that is not a major version', async () => {
    await write('version/wesley.config.json', '{ "schema": "s.graphql", "serverVersion": 15 }');
    expect((await loadConfig('version/wesley.config.json', cwd)).databases).toEqual([
      { name: 'default', urlEnv: 'DATABASE_URL', serverVersion: 15 },
    ]);
    await write(
      'versions/wesley.config.json',
      JSON.stringify({ schema: 's.graphql', serverVersion: 16, databases: [{ name: 'eu' }, { name: 'us', serverVersion: 17 }] }),
    );
    expect((await loadConfig('versions/wesley.config.json', cwd)).databases.map((d) => [d.name, d.serverVersion])).toEqual([
      ['eu', 16],
      ['us', 17],
    ]);
    await write(
      'bad-version/wesley.config.json',
      '{ "schema": "s.graphql", "serverVersion": "15.4", "databases": [{ "name": "eu", "serverVersion": 150004.5 }] }',
    );
    expect((await failure('bad-version/wesley.config.json')).issues).toEqual([
      { path: 'databases[0].serverVersion', message: 'must be a PostgreSQL major version, such as 15' },
      { path: 'serverVersion', message: 'must be a PostgreSQL major version, such as 15' },
    ]);
  });

  it('reads usageWindow in milliseconds, and refuses one without a unit or of zero', async () => {
    await write('window/wesley.config.json', '{ "schema": "s.graphql", "usageWindow": "7d" }');
    expect((await loadConfig('window/wesley.config.json', cwd)).usageWindowMs).toBe(7 * 86_400_000);
    await write('window-hours/wesley.config.json', '{ "schema": "s.graphql", "usageWindow": "12h" }');
    expect((await loadConfig('window-hours/wesley.config.json', cwd)).usageWindowMs).toBe(12 * 3_600_000);
    for (const [dir, bad] of [
      ['window-bare', '7'],
      ['window-zero', '0d'],
      ['window-seconds', '30s'],
    ]) {
      await write(`${dir}/wesley.config.json`, JSON.stringify({ schema: 's.graphql', usageWindow: bad }));
      expect((await failure(`${dir}/wesley.config.json`)).issues).toEqual([
        { path: 'usageWindow', message: 'must be a number of minutes, hours, days or weeks, such as "7d" or "12h"' },
      ]);
    }
  });

  it('transpiles wesley.config.ts in memory, with its relative TypeScript imports and import.meta of the config', async () => {
    await write('ts/files.ts', 'export const files: string[] = ["schema.graphql"];\n');
    await write(
      'ts/wesley.config.ts',
      `import path from 'node:path';
import type { WesleyConfigInput } from '@wesley/config';
import { files } from './files';
const here: string = path.basename(import.meta.dirname);
const config: WesleyConfigInput = { schema: files, outDir: \`out-\${here}\`, dts: true };
export default config;
`,
    );
    const config = await loadConfig('ts/wesley.config.ts', cwd);
    expect([config.schema, config.outDir, config.dts]).toEqual([['schema.graphql'], 'out-ts', true]);
  });

  it('resolves the package imports of a TypeScript config from its directory', async () => {
    // Inside the repository, so that node_modules is reachable from the config's directory.
    const dir = await mkdtemp(path.join(fileURLToPath(new URL('../../', import.meta.url)), '.config-test-'));
    try {
      await writeFile(
        path.join(dir, 'wesley.config.ts'),
        `import { z } from 'zod';\nexport default { schema: z.string().parse('x.graphql') };\n`,
      );
      expect((await loadConfig(path.join(dir, 'wesley.config.ts'))).schema).toEqual(['x.graphql']);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('rejects a URL in the config, at the top level and in a database, saying where it belongs', async () => {
    await write(
      'url/wesley.config.json',
      '{ "schema": "s.graphql", "url": "postgres://u:secret@h/db", "databases": [{ "name": "a", "url": "postgres://x" }] }',
    );
    const error = await failure('url/wesley.config.json');
    expect(error.issues.map((issue) => issue.path)).toEqual(['url', 'databases[0].url']);
    expect(error.message).toBe(
      'url/wesley.config.json: url: a database URL does not belong in the config file; it comes from the environment\n' +
        'url/wesley.config.json: databases[0].url: a database URL does not belong in the config file; it comes from the environment',
    );
    expect(error.help).toContain('urlEnv');
  });

  it('reports every bad field with its path', async () => {
    await write(
      'bad/wesley.config.json',
      JSON.stringify({
        schema: ['*.graphql'],
        dts: true,
        outdir: 'x',
        migrations: '../elsewhere',
        databases: [{ name: 'a' }, { name: 'a', urlEnv: 'postgres://h/db' }],
      }),
    );
    const error = await failure('bad/wesley.config.json');
    expect(error.issues).toEqual(
      expect.arrayContaining([
        { path: 'outdir', message: 'is not a field of wesley.config' },
        { path: 'migrations', message: "must be a relative path inside the config file's directory" },
        {
          path: 'databases[1].urlEnv',
          message: 'must be the name of an environment variable (such as DATABASE_URL), not a URL or a value',
        },
        { path: 'dts', message: 'needs `schema` to name exactly one file, not a glob or a list' },
        { path: 'databases[1].name', message: "'a' is listed twice" },
      ]),
    );
    expect(error.issues).toHaveLength(5);
    expect(error.message.split('\n').every((line) => line.startsWith('bad/wesley.config.json: '))).toBe(true);
  });

  it('names the file for a missing file, broken JSON, a module that throws and a missing default export', async () => {
    expect((await failure('none/wesley.config.json')).message).toBe('none/wesley.config.json: file not found');
    await write('broken/wesley.config.json', '{ "schema": ');
    expect((await failure('broken/wesley.config.json')).message).toMatch(/^broken\/wesley\.config\.json: is not valid JSON: /);
    await write('throws/wesley.config.mjs', 'throw new Error("boom");\n');
    expect((await failure('throws/wesley.config.mjs')).message).toBe('throws/wesley.config.mjs: cannot be loaded: boom');
    await write('nodefault/wesley.config.ts', 'export const schema = "s.graphql";\n');
    expect((await failure('nodefault/wesley.config.ts')).message).toBe('nodefault/wesley.config.ts: has no default export');
    await write('syntax/wesley.config.ts', 'export default { schema: };\n');
    expect((await failure('syntax/wesley.config.ts')).message).toMatch(
      /^syntax\/wesley\.config\.ts: cannot be loaded: .*wesley\.config\.ts:1:\d+: ERROR: /s,
    );
  });

  it('sees an edited module config on the next load in the same process', async () => {
    await write('edit/wesley.config.mjs', 'export default { schema: "one.graphql" };\n');
    expect((await loadConfig('edit/wesley.config.mjs', cwd)).schema).toEqual(['one.graphql']);
    await write('edit/wesley.config.mjs', 'export default { schema: "two.graphql" };\n');
    expect((await loadConfig('edit/wesley.config.mjs', cwd)).schema).toEqual(['two.graphql']);
  });
});
