import { describe, expect, it } from 'vitest';
import { planSteps } from '../step-facts.js';

describe('dropNotNull', () => {
  it('relaxes the column in expand; the rollback sets NOT NULL again', () => {
    const { steps, diagnostics } = planSteps(
      'type Account @wes_table { id: ID! @wes_pk  name: String! }',
      'type Account @wes_table { id: ID! @wes_pk  name: String }',
    );
    expect(diagnostics).toEqual([]);
    expect(steps).toEqual([
      {
        id: 'drop-not-null:account.name',
        phase: 'expand',
        sql: ['ALTER TABLE account ALTER COLUMN name DROP NOT NULL;'],
        transactional: true,
        locks: ['account: AccessExclusiveLock'],
        rewrites: false,
        scans: false,
        backfill: null,
        reversible: true,
        rollback: {
          sql: ['ALTER TABLE account ALTER COLUMN name SET NOT NULL;'],
          transactional: true,
          locks: ['account: AccessExclusiveLock'],
        },
      },
    ]);
  });
});
