import { describe, expect, it } from 'vitest';
import { planSteps } from '../step-facts.js';

describe('renameTable', () => {
  it('renames the table first of all, its lock named as pg_locks shows it (the new name); columns follow under the new name', () => {
    const { steps, diagnostics } = planSteps(
      'type Account @wes_table { id: ID! @wes_pk  name: String }',
      'type Member @wes_table @wes_renamed(from: "account") { id: ID! @wes_pk  fullName: String @wes_renamed(from: "name") }',
    );
    expect(diagnostics).toEqual([]);
    expect(steps[0]).toEqual({
      id: 'rename-table:member',
      phase: 'expand',
      sql: ['ALTER TABLE account RENAME TO member;'],
      transactional: true,
      locks: ['member: AccessExclusiveLock'],
      rewrites: false,
      scans: false,
      backfill: null,
      reversible: true,
      rollback: { sql: ['ALTER TABLE member RENAME TO account;'], transactional: true, locks: ['account: AccessExclusiveLock'] },
    });
    expect(steps.slice(1).map((s) => s.sql)).toEqual([
      ['ALTER TABLE member RENAME COLUMN name TO full_name;'],
      ['ALTER TABLE member RENAME CONSTRAINT account_pkey TO member_pkey;'],
    ]);
  });

  it('renames by the same @wes_uid', () => {
    const { steps } = planSteps(
      'type Account @wes_table @wes_uid(value: "t1") { id: ID! @wes_pk }',
      'type Member @wes_table @wes_uid(value: "t1") { id: ID! @wes_pk }',
    );
    expect(steps.map((s) => s.id)).toEqual(['rename-table:member', 'rename-constraint:member.member_pkey']);
  });
});
