import { cp } from 'node:fs/promises';
import path from 'node:path';
import { acquireMigrationLock } from '@wesley/postgres';
import { testDatabase, type TestDatabase } from '@wesley/postgres/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleSchema } from '../sample-configs.js';
import { ensureBuilt, nxWorkspace, type NxWorkspace } from './nx-workspace.js';

/** A port nobody listens on: connecting fails at once. */
const unreachable = 'postgres://wesley:unreachable-pw@127.0.0.1:1/none';

let workspace: NxWorkspace;
let eu: TestDatabase;
let us: TestDatabase;
let ap: TestDatabase;

beforeAll(async () => {
  await ensureBuilt();
  [eu, us, ap] = [await testDatabase(), await testDatabase(), await testDatabase()];
  workspace = await nxWorkspace({
    'libs/db/project.json': JSON.stringify({ name: 'db' }),
    'libs/db/wesley.config.json': JSON.stringify({ schema: 'schema.graphql', databases: [{ name: 'eu' }, { name: 'us' }, { name: 'ap' }] }),
    'libs/db/schema.graphql': sampleSchema,
  });
  const planned = await workspace.nx(['run', 'db:plan']);
  expect(planned.code, planned.stdout + planned.stderr).toBe(0);
  await cp(path.join(workspace.root, 'libs/db/.wesley/plan'), path.join(workspace.root, 'libs/db/migrations/0001_init'), {
    recursive: true,
  });
}, 120_000);
afterAll(() => workspace?.remove());

/** The migrations the ledger of `database` records as applied. */
async function applied(database: TestDatabase): Promise<string[]> {
  const session = await database.connect();
  try {
    const exists = await session.query("SELECT to_regclass('wesley.migrations') IS NOT NULL AS present");
    if (exists.rows[0]?.present !== true) return [];
    const { rows } = await session.query<{ name: string }>("SELECT name FROM wesley.migrations WHERE status = 'applied' ORDER BY name");
    return rows.map((row) => row.name);
  } finally {
    await session.close();
  }
}

async function waitFor(condition: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('three databases with the real nx, one unreachable', { timeout: 90_000 }, () => {
  it('migrates the two in parallel, names the third and fails; a re-run after the fix finishes it', async () => {
    const env = { EU_DATABASE_URL: eu.url, US_DATABASE_URL: us.url, AP_DATABASE_URL: unreachable };
    // Hold eu's migration lock: migrate-eu waits for it while migrate-us, running beside it, finishes.
    const euLock = await acquireMigrationLock(eu.url);
    const run = workspace.nx(['run', 'db:migrate', '--parallel=3'], env);
    await waitFor(async () => (await applied(us)).length === 1, 60_000);
    expect(await applied(eu)).toEqual([]);
    await euLock.release();
    const first = await run;

    expect(first.code).not.toBe(0);
    expect(await applied(eu)).toEqual(['0001_init']);
    expect(await applied(us)).toEqual(['0001_init']);
    expect(await applied(ap)).toEqual([]);
    const output = first.stdout + first.stderr;
    expect(output).toMatch(/Failed tasks:\s+- db:migrate-ap/);
    expect(output).toContain('wesley migrate: database ap: exit code 1');
    expect(output).toContain('wesley migrate: WESLEY_CONNECTION_FAILED could not connect to postgres://wesley:***@127.0.0.1:1/none');
    expect(output).not.toContain('unreachable-pw');

    const second = await workspace.nx(['run', 'db:migrate', '--parallel=3'], { ...env, AP_DATABASE_URL: ap.url });
    expect(second.code, second.stdout + second.stderr).toBe(0);
    expect(await applied(ap)).toEqual(['0001_init']);
    expect(second.stdout).toMatch(/^ap +AP_DATABASE_URL +ok /m);
    expect(second.stdout).toContain('wesley migrate: 3 of 3 databases ok');
  });
});
