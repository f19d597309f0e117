import { describe, expect, it } from 'vitest';
import { planSteps } from '../step-facts.js';

describe('dropUnique', () => {
  it('drops the constraint (and its index) in contract; the rollback adds it back, building the index under SHARE', () => {
    const { steps, diagnostics } = planSteps(
      'type Account @wes_table { id: ID! @wes_pk  name: String @wes_unique }',
      'type Account @wes_table { id: ID! @wes_pk  name: String }',
    );
    expect(diagnostics).toEqual([]);
    expect(steps).toEqual([
      {
        id: 'drop-unique:account.account_name_key',
        phase: 'contract',
        sql: ['ALTER TABLE account DROP CONSTRAINT account_name_key;'],
        transactional: true,
        locks: ['account: AccessExclusiveLock'],
        rewrites: false,
        scans: false,
        backfill: null,
        reversible: true,
        rollback: {
          sql: ['ALTER TABLE account ADD CONSTRAINT account_name_key UNIQUE (name);'],
          transactional: true,
          locks: ['account: ShareLock', 'account: AccessExclusiveLock'],
        },
      },
    ]);
  });
});
