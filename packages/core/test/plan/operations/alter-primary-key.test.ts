import { describe, expect, it } from 'vitest';
import { planSteps } from '../step-facts.js';

const line = (orderKey: string) => `type Line @wes_table { orderId: Int! ${orderKey} lineNo: Int! @wes_pk  note: String }`;

describe('alterPrimaryKey', () => {
  it('builds the new key index beside the old one, then swaps the constraint in one statement in validate', () => {
    const { steps, diagnostics } = planSteps(line(''), line('@wes_pk'));
    expect(diagnostics).toEqual([]);
    expect(steps).toEqual([
      {
        id: 'alter-primary-key:line.line_pkey:build',
        phase: 'expand',
        sql: ['CREATE UNIQUE INDEX CONCURRENTLY line_pkey_wesley_new ON line (order_id, line_no);'],
        transactional: false,
        locks: ['line: ShareUpdateExclusiveLock'],
        rewrites: false,
        scans: true,
        backfill: null,
        reversible: true,
        rollback: {
          sql: ['DROP INDEX CONCURRENTLY IF EXISTS line_pkey_wesley_new;'],
          transactional: false,
          locks: ['line: ShareUpdateExclusiveLock'],
        },
      },
      {
        id: 'alter-primary-key:line.line_pkey:attach',
        phase: 'validate',
        sql: ['ALTER TABLE line DROP CONSTRAINT line_pkey, ADD CONSTRAINT line_pkey PRIMARY KEY USING INDEX line_pkey_wesley_new;'],
        transactional: true,
        locks: ['line: AccessExclusiveLock'],
        rewrites: false,
        scans: false,
        backfill: null,
        reversible: true,
        rollback: {
          sql: ['ALTER TABLE line DROP CONSTRAINT line_pkey, ADD CONSTRAINT line_pkey PRIMARY KEY (line_no);'],
          transactional: true,
          // Adding the old key back builds its index: SHARE besides the ACCESS EXCLUSIVE.
          locks: ['line: ShareLock', 'line: AccessExclusiveLock'],
        },
      },
    ]);
  });
});
