import { describe, expect, it } from 'vitest';
import { planSteps } from '../step-facts.js';

describe('dropForeignKey', () => {
  it('drops the key in contract under ACCESS EXCLUSIVE on both tables; the rollback adds it back validated', () => {
    const account = 'type Account @wes_table { id: ID! @wes_pk }';
    const { steps, diagnostics } = planSteps(
      `${account} type Post @wes_table { id: ID! @wes_pk  accountId: ID @wes_fk(ref: "Account.id", onDelete: "CASCADE") }`,
      `${account} type Post @wes_table { id: ID! @wes_pk  accountId: ID }`,
    );
    expect(diagnostics).toEqual([]);
    expect(steps).toEqual([
      {
        id: 'drop-foreign-key:post.post_account_id_fkey',
        phase: 'contract',
        sql: ['ALTER TABLE post DROP CONSTRAINT post_account_id_fkey;'],
        transactional: true,
        locks: ['account: AccessExclusiveLock', 'post: AccessExclusiveLock'],
        rewrites: false,
        scans: false,
        backfill: null,
        reversible: true,
        rollback: {
          sql: ['ALTER TABLE post ADD CONSTRAINT post_account_id_fkey FOREIGN KEY (account_id) REFERENCES account (id) ON DELETE CASCADE;'],
          transactional: true,
          locks: [
            'account: AccessShareLock',
            'account: RowShareLock',
            'account: ShareRowExclusiveLock',
            'post: AccessShareLock',
            'post: ShareRowExclusiveLock',
          ],
        },
      },
    ]);
  });

  it('locks one table for a self-reference', () => {
    const { steps } = planSteps(
      'type Node @wes_table { id: ID! @wes_pk  parentId: ID @wes_fk(ref: "Node.id") }',
      'type Node @wes_table { id: ID! @wes_pk  parentId: ID }',
    );
    expect(steps.map((s) => [s.locks, s.rollback?.locks])).toEqual([
      [['node: AccessExclusiveLock'], ['node: AccessShareLock', 'node: RowShareLock', 'node: ShareRowExclusiveLock']],
    ]);
  });
});
