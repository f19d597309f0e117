import { describe, expect, it } from 'vitest';
import { column, schema, table } from '../support/ir-builder.js';
import { tenantPolicy, withSecurity } from '../support/security-fixtures.js';
import { planBetween, recordingLocate } from './plan-diagnostics.js';

const account = (...extra: ReturnType<typeof column>[]) =>
  schema([table('account', [column('id', 'bigint'), column('tenant_id', 'bigint'), ...extra], { pk: ['id'] })]);
const secured = (ir: ReturnType<typeof account>, forced: boolean) =>
  withSecurity(ir, 'account', { enabled: true, forced, policies: [tenantPolicy('account_tenant', 'tenant_id')] });
const token = column('token', 'uuid', { nullable: true, expr: 'gen_random_uuid()' });

describe('WES460 backfill of a table with forced row-level security', () => {
  it('warns for a backfill of a table forced before the migration, at the change that fills it', () => {
    const { locate } = recordingLocate();
    const result = planBetween(secured(account(), true), secured(account(token), true), { locate });
    expect(result.plan?.steps.map((s) => s.id)).toContain('add-column:account.token:backfill');
    expect(result.diagnostics).toEqual([
      {
        file: 'shop.graphql',
        line: 11,
        column: 3,
        code: 'WES460',
        severity: 'warning',
        message:
          'account has row-level security forced, so its backfill fills only the rows its policies admit to the migrating role, none if they read a setting the migration does not set',
        help: 'run this migration as a superuser or a role with BYPASSRLS (ALTER ROLE <migrator> BYPASSRLS), which the policies do not hold',
      },
    ]);
  });

  it('does not warn when the table is not forced yet (FORCE of the new schema comes after the backfill), nor without a backfill', () => {
    expect(planBetween(secured(account(), false), secured(account(token), true)).diagnostics).toEqual([]);
    expect(planBetween(account(), account(token)).diagnostics).toEqual([]);
    expect(planBetween(secured(account(), true), secured(account(column('bio', 'text', { nullable: true })), true)).diagnostics).toEqual(
      [],
    );
  });
});
