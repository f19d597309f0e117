import { describe, expect, it } from 'vitest';
import { planSteps } from '../step-facts.js';

describe('renameIndex', () => {
  it('renames an index a table rename leaves under the old name, with no table lock', () => {
    const { steps, diagnostics } = planSteps(
      'type Account @wes_table { id: ID! @wes_pk  name: String @wes_index }',
      'type Member @wes_table @wes_renamed(from: "account") { id: ID! @wes_pk  name: String @wes_index }',
    );
    expect(diagnostics).toEqual([]);
    expect(steps.map((s) => s.id)).toEqual([
      'rename-table:member',
      'rename-constraint:member.member_pkey',
      'rename-index:member.member_name_idx',
    ]);
    expect(steps[2]).toEqual({
      id: 'rename-index:member.member_name_idx',
      phase: 'expand',
      sql: ['ALTER INDEX account_name_idx RENAME TO member_name_idx;'],
      transactional: true,
      locks: [],
      rewrites: false,
      scans: false,
      backfill: null,
      reversible: true,
      rollback: { sql: ['ALTER INDEX member_name_idx RENAME TO account_name_idx;'], transactional: true, locks: [] },
    });
  });
});
