import { cp } from 'node:fs/promises';
import path from 'node:path';
import { testDatabase, type TestDatabase } from '@wesley/postgres/testing';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import driftExecutor from '../src/executors/drift/executor.js';
import migrateExecutor from '../src/executors/migrate/executor.js';
import planExecutor from '../src/executors/plan/executor.js';
import statusExecutor from '../src/executors/status/executor.js';
import usageExecutor from '../src/executors/usage/executor.js';
import { databaseTargets } from '../src/plugins/database-targets.js';
import { captureOutput, executorContext } from './executor-context.js';
import { sampleSchema } from './sample-configs.js';
import { tempWorkspace, type TempWorkspace } from './temp-workspace.js';

/** A server nobody listens on: connecting fails at once. */
const unreachable = 'postgres://wesley:unreachable-pw@127.0.0.1:1/none';

let workspace: TempWorkspace;
let eu: TestDatabase;
let us: TestDatabase;
let ap: TestDatabase;
const variables = ['EU_DATABASE_URL', 'US_DATABASE_URL', 'AP_DATABASE_URL', 'PROD_EU_URL', 'PROD_US_URL', 'PROD_AP_URL', 'SINGLE_URL'];

beforeAll(async () => {
  [eu, us, ap] = [await testDatabase(), await testDatabase(), await testDatabase()];
  workspace = await tempWorkspace();
  await workspace.write(
    'libs/shards/wesley.config.json',
    JSON.stringify({ schema: 'schema.graphql', databases: [{ name: 'eu' }, { name: 'us' }, { name: 'ap' }] }),
  );
  await workspace.write('libs/shards/schema.graphql', sampleSchema);
  // The migration, as `plan` writes it and a user promotes it.
  const planned = await captureOutput(() => planExecutor({}, executorContext(workspace.root, 'libs/shards')));
  expect(planned.result).toEqual({ success: true });
  await cp(path.join(workspace.root, 'libs/shards/.wesley/plan'), path.join(workspace.root, 'libs/shards/migrations/0001_init'), {
    recursive: true,
  });
});
afterAll(() => workspace.remove());
afterEach(() => {
  for (const name of variables) delete process.env[name];
});

const summary = {
  databases: ['eu', 'us', 'ap'],
  configFile: 'wesley.config.json',
  schema: ['schema.graphql'],
  outDir: 'generated',
  migrations: 'migrations',
  declarationFile: null,
};
/** The project's targets as the plugin infers them, with `configurations` added to the per-database ones. */
function targets(command: 'migrate' | 'drift' | 'status', configurations?: Record<string, Record<string, Record<string, unknown>>>) {
  const inferred = databaseTargets(command, command, summary);
  for (const [name, perConfiguration] of Object.entries(configurations ?? {})) {
    const target = inferred[name];
    if (target !== undefined) inferred[name] = { ...target, configurations: perConfiguration };
  }
  return inferred;
}
/** The cells of the summary table in `stdout`, durations replaced by `n.n s`. */
function summaryTable(stdout: string): string[][] {
  const lines = stdout.split('\n');
  const start = lines.findIndex((line) => line.startsWith('database  '));
  const end = lines.findIndex((line, index) => index > start && line.startsWith('wesley '));
  return lines.slice(start, end).map((line) => line.split(/ {2,}/).map((cell) => cell.replace(/^\d+\.\d s$/, 'n.n s')));
}
const passwords = () => [eu, us, ap].map((database) => new URL(database.url).password).filter((password) => password !== '');

describe('the migrate executor, several databases', () => {
  it('migrates every database at once; one unreachable is named, the others finish; a re-run after the fix finishes it', async () => {
    Object.assign(process.env, { EU_DATABASE_URL: eu.url, US_DATABASE_URL: us.url, AP_DATABASE_URL: unreachable });
    const context = executorContext(workspace.root, 'libs/shards', targets('migrate'));
    const first = await captureOutput(() => migrateExecutor({ configFile: 'libs/shards/wesley.config.json' }, context));
    expect(first.result).toEqual({ success: false });
    expect(first.stdout).toContain('[eu] 0001_init: applied');
    expect(first.stdout).toContain('[us] 0001_init: applied');
    expect(first.stderr).toMatch(/^\[ap\] wesley migrate: /m);
    expect(summaryTable(first.stdout)).toEqual([
      ['database', 'url from', 'result', 'time'],
      ['eu', 'EU_DATABASE_URL', 'ok', 'n.n s'],
      ['us', 'US_DATABASE_URL', 'ok', 'n.n s'],
      ['ap', 'AP_DATABASE_URL', 'failed (exit 1)', 'n.n s'],
    ]);
    expect(first.stdout).toContain('wesley migrate: 2 of 3 databases ok; failed: ap\n');
    for (const password of [...passwords(), 'unreachable-pw']) expect(first.stdout + first.stderr).not.toContain(password);

    process.env['AP_DATABASE_URL'] = ap.url;
    const second = await captureOutput(() => migrateExecutor({ configFile: 'libs/shards/wesley.config.json' }, context));
    expect(second.result).toEqual({ success: true });
    expect(second.stdout).toContain('[ap] 0001_init: applied');
    expect(second.stdout).not.toContain('[eu] 0001_init: applied');
    expect(second.stdout).toContain('wesley migrate: 3 of 3 databases ok\n');
  });

  it('runs one database with the database option, as migrate-<name> does, naming it when it fails', async () => {
    process.env['EU_DATABASE_URL'] = unreachable;
    const failed = await captureOutput(() =>
      migrateExecutor({ configFile: 'libs/shards/wesley.config.json', database: 'eu' }, executorContext(workspace.root, 'libs/shards')),
    );
    expect(failed.result).toEqual({ success: false });
    expect(failed.stderr).toContain('wesley migrate: database eu: exit code 1\n');
    expect(failed.stdout).not.toContain('[eu]');
  });

  it('reaches each database the way its own target does in the configuration of the run', async () => {
    // The default variables point nowhere; the production ones, set on the per-database targets, at the databases.
    Object.assign(process.env, { EU_DATABASE_URL: unreachable, US_DATABASE_URL: unreachable, AP_DATABASE_URL: unreachable });
    Object.assign(process.env, { PROD_EU_URL: eu.url, PROD_US_URL: us.url, PROD_AP_URL: ap.url });
    const production = (variable: string) => ({ production: { urlEnv: variable, requireUrl: true } });
    const configured = targets('status', {
      'status-eu': production('PROD_EU_URL'),
      'status-us': production('PROD_US_URL'),
      'status-ap': production('PROD_AP_URL'),
    });
    const { result, stdout } = await captureOutput(() =>
      statusExecutor(
        { configFile: 'libs/shards/wesley.config.json', json: true },
        executorContext(workspace.root, 'libs/shards', configured, 'production'),
      ),
    );
    expect(result).toEqual({ success: true });
    expect(
      summaryTable(stdout)
        .slice(1)
        .map((row) => row.slice(0, 3)),
    ).toEqual([
      ['eu', 'PROD_EU_URL', 'ok'],
      ['us', 'PROD_US_URL', 'ok'],
      ['ap', 'PROD_AP_URL', 'ok'],
    ]);
  });

  it('refuses a single urlEnv for several databases, and fails requireUrl without starting anything', async () => {
    const context = executorContext(workspace.root, 'libs/shards');
    const shared = await captureOutput(() => driftExecutor({ configFile: 'libs/shards/wesley.config.json', urlEnv: 'ONE_URL' }, context));
    expect(shared.result).toEqual({ success: false });
    expect(shared.stderr).toContain(
      'urlEnv names the variable of one database; set it on the target of each database (drift-<name>) instead',
    );
    const required = await captureOutput(() =>
      driftExecutor({ configFile: 'libs/shards/wesley.config.json', database: 'us', requireUrl: true }, context),
    );
    expect(required.result).toEqual({ success: false });
    expect(required.stderr).toContain(
      'wesley drift: database us: US_DATABASE_URL is not set, and requireUrl forbids falling back to the embedded PostgreSQL',
    );
  });
});

describe('the database executors, one database', () => {
  it('read the URL from the urlEnv option (an Nx configuration), and drift passes on the migrated database', async () => {
    const single = await testDatabase();
    await workspace.write('libs/one/wesley.config.json', JSON.stringify({ schema: 'schema.graphql' }));
    await workspace.write('libs/one/schema.graphql', sampleSchema);
    await cp(path.join(workspace.root, 'libs/shards/migrations'), path.join(workspace.root, 'libs/one/migrations'), { recursive: true });
    process.env['SINGLE_URL'] = single.url;
    const context = executorContext(workspace.root, 'libs/one');
    const migrated = await captureOutput(() => migrateExecutor({ urlEnv: 'SINGLE_URL', json: true }, context));
    expect(migrated.result).toEqual({ success: true });
    const events = migrated.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { kind: string; ok?: boolean; applied?: string[] });
    expect(events.at(-1)).toMatchObject({ kind: 'summary', ok: true, applied: ['0001_init'] });
    const drift = await captureOutput(() => driftExecutor({ urlEnv: 'SINGLE_URL' }, context));
    expect(drift.result).toEqual({ success: true });
    expect(drift.stdout).toContain('(SINGLE_URL)');
    expect(drift.stdout).toContain('wesley drift: no drift');
    const password = new URL(single.url).password;
    if (password !== '') expect(migrated.stdout + migrated.stderr + drift.stdout + drift.stderr).not.toContain(password);
  });
  it('usage reports what queries use, with the window and JSON of its options, and stores a snapshot each run', async () => {
    const single = await testDatabase();
    await workspace.write('libs/used/wesley.config.json', JSON.stringify({ schema: 'schema.graphql' }));
    await workspace.write('libs/used/schema.graphql', sampleSchema);
    await cp(path.join(workspace.root, 'libs/shards/migrations'), path.join(workspace.root, 'libs/used/migrations'), { recursive: true });
    process.env['SINGLE_URL'] = single.url;
    const context = executorContext(workspace.root, 'libs/used');
    expect((await captureOutput(() => migrateExecutor({ urlEnv: 'SINGLE_URL' }, context))).result).toEqual({ success: true });
    const session = await single.connect();
    await session.query('CREATE EXTENSION IF NOT EXISTS pg_stat_statements');
    const report = await captureOutput(() => usageExecutor({ urlEnv: 'SINGLE_URL', window: '2w', json: true }, context));
    expect(report.result).toEqual({ success: true });
    const json = JSON.parse(report.stdout) as { window: { ms: number }; columns: unknown[] };
    expect(json.window.ms).toBe(14 * 86_400_000);
    expect(json.columns.length).toBeGreaterThan(0);
    const text = await captureOutput(() => usageExecutor({ urlEnv: 'SINGLE_URL' }, context));
    expect(text.result).toEqual({ success: true });
    expect(text.stdout).toMatch(/in the last 7d; \d+ findings?; snapshot stored in wesley\.usage_snapshots/);
    expect((await session.query('SELECT count(*)::int AS n FROM wesley.usage_snapshots')).rows).toEqual([{ n: 2 }]);
    const password = new URL(single.url).password;
    if (password !== '') expect(report.stdout + report.stderr + text.stdout + text.stderr).not.toContain(password);
  });
});
