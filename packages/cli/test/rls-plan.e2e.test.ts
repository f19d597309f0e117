import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parsePlan } from '@wesley/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBuiltCli } from './run-built-cli.js';

/** v1: the application role reads and writes every order; v2: tenant-scoped, and the role may only read. */
const v1 = `type Orders @wes_table @wes_grant(roles: ["app"]) {
  id: ID! @wes_pk
  tenantId: BigInt!
}`;
const v2 = `type Orders @wes_table @wes_tenant(by: "tenantId") @wes_grant(roles: ["app"], ops: ["select"]) {
  id: ID! @wes_pk
  tenantId: BigInt!
}`;

let cwd: string;
beforeAll(async () => {
  cwd = await mkdtemp(path.join(os.tmpdir(), 'wesley-rls-plan-'));
  await writeFile(path.join(cwd, 'v1.graphql'), v1);
  await writeFile(path.join(cwd, 'v2.graphql'), v2);
});
afterAll(async () => {
  await rm(cwd, { recursive: true, force: true });
});

describe('wesley plan of tenant row-level security', () => {
  it('--explain lists what locks rows out of a running application, and marks each such step', async () => {
    const run = await runBuiltCli(cwd, 'plan', '--from', 'v1.graphql', '--to', 'v2.graphql', '--explain');
    expect(run).toMatchObject({ code: 0, stderr: '' });
    const section = run.stdout.split('Locks rows out of a running application:\n')[1]?.split('\n\n')[0] ?? '';
    expect(section.split('\n').map((line) => line.replace(/: .*/, ''))).toEqual([
      '  2. set-row-security:orders.row_security',
      '  3. set-force-row-security:orders.row_security',
      '  4. revoke-privileges:orders.app',
    ]);
    expect(run.stdout.match(/^-- LOCKS ROWS OUT: /gm)).toHaveLength(3);
  });

  it('--out writes the lockout into plan.json and up.sql; the policy comes before ENABLE, and down.sql disables first', async () => {
    const run = await runBuiltCli(cwd, 'plan', '--from', 'v1.graphql', '--to', 'v2.graphql', '--out', 'migrations/0002');
    expect(run.code).toBe(0);
    const dir = path.join(cwd, 'migrations/0002');
    // plan.json with its lockouts is what migrate reads: it passes the whole-plan check.
    const parsed = await parsePlan(await readFile(path.join(dir, 'plan.json'), 'utf8'));
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
    expect(parsed.plan.steps.map((step) => [step.id, step.impact.lockout !== undefined])).toEqual([
      ['create-policy:orders.orders_tenant_isolation', false],
      ['set-row-security:orders.row_security', true],
      ['set-force-row-security:orders.row_security', true],
      ['revoke-privileges:orders.app', true],
    ]);
    const up = await readFile(path.join(dir, 'up.sql'), 'utf8');
    expect(up.match(/^-- LOCKS ROWS OUT of a running application: /gm)).toHaveLength(3);
    expect(up.indexOf('CREATE POLICY orders_tenant_isolation')).toBeLessThan(up.indexOf('ENABLE ROW LEVEL SECURITY'));
    const down = await readFile(path.join(dir, 'down.sql'), 'utf8');
    expect(down.indexOf('DISABLE ROW LEVEL SECURITY')).toBeLessThan(down.indexOf('DROP POLICY IF EXISTS orders_tenant_isolation'));
    expect(down).toContain('GRANT INSERT, UPDATE, DELETE ON orders TO app;');
  });
});
