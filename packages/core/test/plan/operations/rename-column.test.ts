import { describe, expect, it } from 'vitest';
import { planSteps } from '../step-facts.js';

describe('renameColumn', () => {
  it('renames a column marked @wes_renamed in place (catalog only), instead of dropping and adding it', () => {
    const { steps, diagnostics } = planSteps(
      'type Account @wes_table { id: ID! @wes_pk  name: String }',
      'type Account @wes_table { id: ID! @wes_pk  fullName: String @wes_renamed(from: "name") }',
    );
    expect(diagnostics).toEqual([]);
    expect(steps).toEqual([
      {
        id: 'rename-column:account.full_name',
        phase: 'expand',
        sql: ['ALTER TABLE account RENAME COLUMN name TO full_name;'],
        transactional: true,
        locks: ['account: AccessExclusiveLock'],
        rewrites: false,
        scans: false,
        backfill: null,
        reversible: true,
        rollback: {
          sql: ['ALTER TABLE account RENAME COLUMN full_name TO name;'],
          transactional: true,
          locks: ['account: AccessExclusiveLock'],
        },
      },
    ]);
  });

  it('renames by the same @wes_uid too, and quotes names that need it', () => {
    const { steps } = planSteps(
      'type Account @wes_table { id: ID! @wes_pk  name: String @wes_uid(value: "c1") }',
      'type Account @wes_table { id: ID! @wes_pk  label: String @wes_column(name: "Label") @wes_uid(value: "c1") }',
    );
    expect(steps.map((s) => [s.id, s.sql, s.rollback?.sql])).toEqual([
      [
        'rename-column:account.Label',
        ['ALTER TABLE account RENAME COLUMN name TO "Label";'],
        ['ALTER TABLE account RENAME COLUMN "Label" TO name;'],
      ],
    ]);
  });
});
