import { describe, expect, it } from 'vitest';
import { planSteps } from '../step-facts.js';

const renameStep = (from: string, to: string) => ({
  id: `rename-constraint:member.${to}`,
  phase: 'expand',
  sql: [`ALTER TABLE member RENAME CONSTRAINT ${from} TO ${to};`],
  transactional: true,
  locks: ['member: AccessExclusiveLock'],
  rewrites: false,
  scans: false,
  backfill: null,
  reversible: true,
  rollback: {
    sql: [`ALTER TABLE member RENAME CONSTRAINT ${to} TO ${from};`],
    transactional: true,
    locks: ['member: AccessExclusiveLock'],
  },
});

describe('renameConstraint', () => {
  it('renames the constraints a table rename leaves under the old name (catalog only), after the table rename', () => {
    const { steps, diagnostics } = planSteps(
      'type Account @wes_table { id: ID! @wes_pk  email: String @wes_unique  n: Int @wes_check(expr: "n > 0") }',
      'type Member @wes_table @wes_renamed(from: "account") { id: ID! @wes_pk  email: String @wes_unique  n: Int @wes_check(expr: "n > 0") }',
    );
    expect(diagnostics).toEqual([]);
    expect(steps.map((s) => s.id)).toEqual([
      'rename-table:member',
      'rename-constraint:member.member_pkey',
      'rename-constraint:member.member_email_key',
      'rename-constraint:member.member_n_check',
    ]);
    expect(steps.slice(1)).toEqual([
      renameStep('account_pkey', 'member_pkey'),
      renameStep('account_email_key', 'member_email_key'),
      renameStep('account_n_check', 'member_n_check'),
    ]);
  });
});
