import { describe, expect, it } from 'vitest';
import { explainPlan, formatExplain, planMigration, rollbackPlan, type SchemaIR } from '@wesley/core';
import { grant, policy, tenantPolicy, withSecurity } from '../../support/security-fixtures.js';
import { sdlIR } from '../../support/sdl-ir.js';
import { planSteps } from '../step-facts.js';

const plain = sdlIR('type Account @wes_table { id: BigInt! @wes_pk  tenantId: BigInt!  name: String }');
const tenant = tenantPolicy('account_tenant', 'tenant_id');
const v2 = withSecurity(plain, 'account', { enabled: true, policies: [tenant], grants: [grant('app', ['SELECT', 'INSERT', 'UPDATE'])] });
const tenantSql =
  "CREATE POLICY account_tenant ON account AS PERMISSIVE FOR ALL TO PUBLIC USING (tenant_id = current_setting('app.tenant_id', true)::bigint) WITH CHECK (tenant_id = current_setting('app.tenant_id', true)::bigint);";
const exclusive = ['account: AccessExclusiveLock'];

describe('row-level security, policies and privileges', () => {
  it('v1 -> v2 tenant: grant and policy in expand, ENABLE in contract after them; each undo reverses it', () => {
    const { steps, diagnostics } = planSteps(plain, v2);
    expect(diagnostics).toEqual([]);
    expect(steps.map((s) => [s.id, s.phase, s.sql, s.locks, s.rollback?.sql])).toEqual([
      [
        'grant-privileges:account.app',
        'expand',
        ['GRANT SELECT, INSERT, UPDATE ON account TO app;'],
        ['account: AccessShareLock'],
        ['REVOKE SELECT, INSERT, UPDATE ON account FROM app;'],
      ],
      ['create-policy:account.account_tenant', 'expand', [tenantSql], exclusive, ['DROP POLICY IF EXISTS account_tenant ON account;']],
      [
        'set-row-security:account.row_security',
        'contract',
        ['ALTER TABLE account ENABLE ROW LEVEL SECURITY;'],
        exclusive,
        ['ALTER TABLE account DISABLE ROW LEVEL SECURITY;'],
      ],
    ]);
  });

  it('v2 -> v1: DISABLE in expand, the policy dropped and the privileges revoked in contract', () => {
    const { steps } = planSteps(v2, plain);
    expect(steps.map((s) => [s.id, s.phase, s.locks])).toEqual([
      ['set-row-security:account.row_security', 'expand', exclusive],
      ['drop-policy:account.account_tenant', 'contract', ['account: AccessShareLock', 'account: AccessExclusiveLock']],
      ['revoke-privileges:account.app', 'contract', ['account: AccessShareLock']],
    ]);
    expect(steps[1]?.rollback?.sql).toEqual([tenantSql]);
  });

  it('the down plan of v1 -> v2 disables before it drops: never row-level security on without the policy', () => {
    const plan = planMigration(plain, v2).plan;
    const down = plan === null ? null : rollbackPlan(plan).plan;
    expect(down?.steps.map((s) => s.sql[0])).toEqual([
      'ALTER TABLE account DISABLE ROW LEVEL SECURITY;',
      'DROP POLICY IF EXISTS account_tenant ON account;',
      'REVOKE SELECT, INSERT, UPDATE ON account FROM app;',
    ]);
  });

  it('row-level security with no policy (preset system_only) is planned, and flagged: every row hidden', () => {
    const systemOnly = withSecurity(plain, 'account', { enabled: true, forced: true });
    const plan = planMigration(plain, systemOnly).plan;
    if (plan === null) throw new Error('no plan');
    const enable = explainPlan(plan).find((row) => row.id === 'set-row-security:account.row_security');
    expect(enable?.lockout).toMatch(/^it has no policy: every role but the owner .* sees and writes no row$/);
    const created = planMigration(sdlIR('type Query { ping: Int }'), systemOnly).plan;
    expect(created?.steps[0]?.sql.slice(-2)).toEqual([
      'ALTER TABLE account ENABLE ROW LEVEL SECURITY;',
      'ALTER TABLE account FORCE ROW LEVEL SECURITY;',
    ]);
  });

  it('a new table is created with its privileges, policies and row-level security in its one transaction', () => {
    const empty: SchemaIR = sdlIR('type Query { ping: Int }');
    const { steps } = planSteps(
      empty,
      withSecurity(v2, 'account', { enabled: true, forced: true, policies: [tenant], grants: [grant('app', ['SELECT'])] }),
    );
    expect(steps).toHaveLength(1);
    expect(steps[0]?.sql.slice(1)).toEqual([
      'GRANT SELECT ON account TO app;',
      tenantSql,
      'ALTER TABLE account ENABLE ROW LEVEL SECURITY;',
      'ALTER TABLE account FORCE ROW LEVEL SECURITY;',
    ]);
    // Its primary key's build takes SHARE; the policies and row-level security add nothing to CREATE TABLE's ACCESS EXCLUSIVE.
    expect(steps[0]?.locks).toEqual(['account: AccessShareLock', 'account: ShareLock', 'account: AccessExclusiveLock']);
  });

  it('GRANT and REVOKE claim ACCESS SHARE from PostgreSQL 18 on, nothing before (measured on 15 and 18)', () => {
    const granted = withSecurity(plain, 'account', { grants: [grant('app', ['SELECT'])] });
    expect(planSteps(plain, granted, { serverVersion: 150000 }).steps.map((s) => [s.locks, s.rollback?.locks])).toEqual([[[], []]]);
    expect(planSteps(plain, granted, { serverVersion: 180000 }).steps.map((s) => [s.locks, s.rollback?.locks])).toEqual([
      [['account: AccessShareLock'], ['account: AccessShareLock']],
    ]);
  });

  it('roles, USING or WITH CHECK changed: one ALTER POLICY; command or AS changed, or an expression removed: drop and create in one step', () => {
    const altered = planSteps(
      v2,
      withSecurity(v2, 'account', { enabled: true, policies: [{ ...tenant, roles: ['app'], using: 'tenant_id > 0' }] }),
    );
    const alter = altered.steps.find((s) => s.id === 'alter-policy:account.account_tenant');
    expect(alter?.sql).toEqual([
      "ALTER POLICY account_tenant ON account TO app USING (tenant_id > 0) WITH CHECK (tenant_id = current_setting('app.tenant_id', true)::bigint);",
    ]);
    expect(alter?.rollback?.sql).toEqual([
      "ALTER POLICY account_tenant ON account TO PUBLIC USING (tenant_id = current_setting('app.tenant_id', true)::bigint) WITH CHECK (tenant_id = current_setting('app.tenant_id', true)::bigint);",
    ]);
    for (const to of [
      { ...tenant, command: 'SELECT' as const, check: null },
      { ...tenant, permissive: false },
      { ...tenant, check: null },
    ]) {
      const { steps } = planSteps(v2, withSecurity(v2, 'account', { enabled: true, policies: [to] }));
      const replace = steps.filter((s) => s.id.startsWith('replace-policy:account.account_tenant'));
      expect(replace).toHaveLength(1);
      expect(replace[0]?.sql[0]).toBe('DROP POLICY IF EXISTS account_tenant ON account;');
      expect(replace[0]?.transactional).toBe(true);
      expect(replace[0]?.rollback?.sql[1]).toBe(tenantSql);
    }
  });

  it('an ALTER POLICY that adds an expression is undone by drop and create, since ALTER POLICY cannot remove one', () => {
    const readOnly = { ...tenant, check: null };
    const from = withSecurity(plain, 'account', { enabled: true, policies: [readOnly] });
    const { steps } = planSteps(from, withSecurity(plain, 'account', { enabled: true, policies: [tenant] }));
    expect(steps[0]?.id).toBe('alter-policy:account.account_tenant');
    expect(steps[0]?.rollback?.sql[0]).toBe('DROP POLICY IF EXISTS account_tenant ON account;');
  });

  it('flags each change that can lock rows out of a running application, in explain and its text', () => {
    const plan = planMigration(plain, withSecurity(v2, 'account', { enabled: true, forced: true, policies: [tenant] })).plan;
    if (plan === null) throw new Error('no plan');
    const rows = explainPlan(plan);
    expect(rows.filter((row) => row.lockout !== null).map((row) => row.id)).toEqual([
      'set-row-security:account.row_security',
      'set-force-row-security:account.row_security',
    ]);
    const text = formatExplain(plan);
    expect(text).toContain('Locks rows out of a running application:');
    expect(text).toMatch(/-- LOCKS ROWS OUT: every role but the owner/);

    const narrowed = planMigration(
      v2,
      withSecurity(v2, 'account', {
        enabled: true,
        policies: [{ ...tenant, using: 'false' }, policy('account_r', { permissive: false, using: 'true' })],
        grants: [grant('app', ['SELECT'])],
      }),
    ).plan;
    expect(
      narrowed === null
        ? []
        : explainPlan(narrowed)
            .filter((row) => row.lockout !== null)
            .map((row) => row.id),
    ).toEqual(['alter-policy:account.account_tenant', 'create-policy:account.account_r', 'revoke-privileges:account.app']);
    // A permissive policy added, a grant: nothing is hidden.
    const widened = planMigration(
      v2,
      withSecurity(v2, 'account', {
        enabled: true,
        policies: [tenant, policy('account_all', { roles: ['admin'], using: 'true' })],
        grants: [grant('app', ['SELECT', 'INSERT', 'UPDATE', 'DELETE'])],
      }),
    ).plan;
    expect(widened === null ? null : explainPlan(widened).filter((row) => row.lockout !== null)).toEqual([]);
  });

  it('a policy on a renamed column is unchanged: the old side follows the rename, as PostgreSQL rewrites the stored expression', () => {
    const from = withSecurity(plain, 'account', { enabled: true, policies: [tenant] });
    const renamed = sdlIR('type Account @wes_table { id: BigInt! @wes_pk  orgId: BigInt! @wes_renamed(from: "tenant_id")  name: String }');
    const to = withSecurity(renamed, 'account', { enabled: true, policies: [tenantPolicy('account_tenant', 'org_id')] });
    expect(planMigration(from, to).changes.map((c) => c.kind)).toEqual(['renameColumn']);
  });

  it('a policy and the column it uses: added after the column, dropped before it', () => {
    const withColumn = withSecurity(plain, 'account', {
      enabled: true,
      policies: [tenant, policy('account_named', { using: 'name IS NOT NULL' })],
    });
    const withoutName = sdlIR('type Account @wes_table { id: BigInt! @wes_pk  tenantId: BigInt! }');
    const down = planSteps(withColumn, withSecurity(withoutName, 'account', { enabled: true, policies: [tenant] }), {
      allowDestructive: true,
    });
    expect(down.steps.map((s) => s.id)).toEqual(['drop-policy:account.account_named', 'drop-column:account.name']);
    const up = planSteps(withSecurity(withoutName, 'account', { enabled: true, policies: [tenant] }), withColumn);
    expect(up.steps.map((s) => s.id)).toEqual(['add-column:account.name', 'create-policy:account.account_named']);
  });
});
