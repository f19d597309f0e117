import { describe, expect, it } from 'vitest';
import { planSteps } from '../step-facts.js';

const account = (columns: string) =>
  `type Account @wes_table @wes_unique(columns: [${columns}], name: "account_handle") { id: ID! @wes_pk  name: String  region: String }`;

describe('alterUnique', () => {
  it('builds the new index under a temporary name, then swaps the constraint in one statement in expand', () => {
    const { steps, diagnostics } = planSteps(account('"name"'), account('"name", "region"'));
    expect(diagnostics).toEqual([]);
    expect(steps).toEqual([
      {
        id: 'alter-unique:account.account_handle:build',
        phase: 'expand',
        sql: ['CREATE UNIQUE INDEX CONCURRENTLY account_handle_wesley_new ON account (name, region);'],
        transactional: false,
        locks: ['account: ShareUpdateExclusiveLock'],
        rewrites: false,
        scans: true,
        backfill: null,
        reversible: true,
        rollback: {
          sql: ['DROP INDEX CONCURRENTLY IF EXISTS account_handle_wesley_new;'],
          transactional: false,
          locks: ['account: ShareUpdateExclusiveLock'],
        },
      },
      {
        id: 'alter-unique:account.account_handle:attach',
        phase: 'expand',
        sql: [
          'ALTER TABLE account DROP CONSTRAINT account_handle, ADD CONSTRAINT account_handle UNIQUE USING INDEX account_handle_wesley_new;',
        ],
        transactional: true,
        locks: ['account: AccessExclusiveLock'],
        rewrites: false,
        scans: false,
        backfill: null,
        reversible: true,
        rollback: {
          sql: ['ALTER TABLE account DROP CONSTRAINT account_handle, ADD CONSTRAINT account_handle UNIQUE (name);'],
          transactional: true,
          locks: ['account: ShareLock', 'account: AccessExclusiveLock'],
        },
      },
    ]);
  });
});
