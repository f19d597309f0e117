import { compileSchema, loadSqlParser, planMigration, stableStringify, type SchemaIR } from '@wesley/core';
import { testDatabase, type TestDatabase } from '@wesley/postgres/testing';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import migrateExecutor from '../src/executors/migrate/executor.js';
import { captureOutput, executorContext } from './executor-context.js';
import { tempWorkspace, type TempWorkspace } from './temp-workspace.js';

let workspace: TempWorkspace;
let database: TestDatabase;

function compile(body: string): SchemaIR {
  const { ir, diagnostics } = compileSchema({ name: 'schema.graphql', body });
  if (ir === null) throw new Error(JSON.stringify(diagnostics));
  return ir;
}

/** A daily UTC window opening two hours from now: closed now. */
function closedWindow(): string {
  const hour = new Date().getUTCHours();
  const at = (h: number) => `${String(h % 24).padStart(2, '0')}:00`;
  return `${at(hour + 2)}-${at(hour + 3)} UTC`;
}

beforeAll(async () => {
  await loadSqlParser();
  database = await testDatabase();
  const session = await database.connect();
  await session.query('CREATE TABLE tally (id integer PRIMARY KEY); INSERT INTO tally SELECT generate_series(1, 50)');
  const version = Number((await session.query<{ v: string }>(`SELECT current_setting('server_version_num') AS v`)).rows[0]?.v);
  await session.close();
  const v1 = 'type Tally @wes_table { id: Int! @wes_pk token: UUID! @wes_default(expr: "gen_random_uuid()") }';
  const { plan } = planMigration(compile('type Tally @wes_table { id: Int! @wes_pk }'), compile(v1), { serverVersion: version });
  if (plan === null) throw new Error('no plan');
  workspace = await tempWorkspace();
  await workspace.write('libs/db/wesley.config.json', JSON.stringify({ schema: 'schema.graphql', windows: [closedWindow()] }));
  await workspace.write('libs/db/schema.graphql', `${v1}\n`);
  await workspace.write('libs/db/migrations/0001_token/plan.json', stableStringify(plan, 2));
});
afterAll(() => workspace.remove());
afterEach(() => {
  delete process.env['WINDOWED_URL'];
});

/** `nx run db:migrate` honours the config's windows (issue 17, item 4), and its ignoreWindows option. */
describe('the migrate executor and the windows', () => {
  it('outside a window applies expand and fails the task with the next window; ignoreWindows finishes it', async () => {
    process.env['WINDOWED_URL'] = database.url;
    const context = executorContext(workspace.root, 'libs/db');
    const outside = await captureOutput(() => migrateExecutor({ urlEnv: 'WINDOWED_URL', json: true }, context));
    expect(outside.result).toEqual({ success: false });
    const events = outside.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(events.find((event) => event.kind === 'window-closed')).toMatchObject({
      stepId: 'add-column:tally.token:backfill',
      waiting: false,
    });
    expect(events.at(-1)).toMatchObject({ kind: 'summary', ok: true, exitCode: 4, stoppedIn: '0001_token' });

    const ignoring = await captureOutput(() => migrateExecutor({ urlEnv: 'WINDOWED_URL', ignoreWindows: true }, context));
    expect(ignoring.result).toEqual({ success: true });
    expect(ignoring.stderr + ignoring.stdout).toContain('--ignore-windows: running every step now');
    expect(ignoring.stdout).toContain('0001_token: applied');
  }, 60_000);
});
