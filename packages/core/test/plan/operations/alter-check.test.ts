import { describe, expect, it } from 'vitest';
import { planSteps } from '../step-facts.js';

const account = (check: string) => `type Account @wes_table { id: ID! @wes_pk  n: Int @wes_check(expr: "${check}") }`;

describe('alterCheck', () => {
  it('swaps the definition in one statement (never unchecked), NOT VALID, then validates', () => {
    const { steps, diagnostics } = planSteps(account('n > 0'), account('n > 1'));
    expect(diagnostics).toEqual([]);
    expect(steps).toEqual([
      {
        id: 'alter-check:account.account_n_check:add',
        phase: 'expand',
        sql: ['ALTER TABLE account DROP CONSTRAINT account_n_check, ADD CONSTRAINT account_n_check CHECK (n > 1) NOT VALID;'],
        transactional: true,
        locks: ['account: AccessExclusiveLock'],
        rewrites: false,
        scans: false,
        backfill: null,
        reversible: true,
        rollback: {
          sql: ['ALTER TABLE account DROP CONSTRAINT IF EXISTS account_n_check, ADD CONSTRAINT account_n_check CHECK (n > 0);'],
          transactional: true,
          locks: ['account: AccessExclusiveLock'],
        },
      },
      {
        id: 'alter-check:account.account_n_check:validate',
        phase: 'validate',
        sql: ['ALTER TABLE account VALIDATE CONSTRAINT account_n_check;'],
        transactional: true,
        locks: ['account: ShareUpdateExclusiveLock'],
        rewrites: false,
        scans: true,
        backfill: null,
        reversible: true,
        rollback: { sql: [], transactional: true, locks: [] },
      },
    ]);
  });

  it('sees no change when only the spelling differs in a way PostgreSQL would print back the same', () => {
    expect(planSteps(account('n > 0'), account('(n > (0)::integer)')).steps).toEqual([]);
  });
});
