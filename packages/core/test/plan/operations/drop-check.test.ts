import { describe, expect, it } from 'vitest';
import { planSteps } from '../step-facts.js';

describe('dropCheck', () => {
  it('drops the check in expand, before any fill; the rollback adds it back validated', () => {
    const { steps, diagnostics } = planSteps(
      'type Account @wes_table { id: ID! @wes_pk  n: Int @wes_check(expr: "n > 0") }',
      'type Account @wes_table { id: ID! @wes_pk  n: Int }',
    );
    expect(diagnostics).toEqual([]);
    expect(steps).toEqual([
      {
        id: 'drop-check:account.account_n_check',
        phase: 'expand',
        sql: ['ALTER TABLE account DROP CONSTRAINT account_n_check;'],
        transactional: true,
        locks: ['account: AccessExclusiveLock'],
        rewrites: false,
        scans: false,
        backfill: null,
        reversible: true,
        rollback: {
          sql: ['ALTER TABLE account ADD CONSTRAINT account_n_check CHECK (n > 0);'],
          transactional: true,
          locks: ['account: AccessExclusiveLock'],
        },
      },
    ]);
  });
});
