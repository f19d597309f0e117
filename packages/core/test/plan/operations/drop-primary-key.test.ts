import { describe, expect, it } from 'vitest';
import { column, schema, table } from '../../support/ir-builder.js';
import { planSteps } from '../step-facts.js';

/** The compiler requires a primary key, so the keyless version is built as IR. */
const ledger = (pk: boolean) =>
  schema([table('ledger', [column('id', 'bigint'), column('note', 'text', { nullable: true })], pk ? { pk: ['id'] } : {})]);

describe('dropPrimaryKey', () => {
  it('drops the key in contract; the rollback adds it back (building its index under SHARE)', () => {
    const { steps, diagnostics } = planSteps(ledger(true), ledger(false));
    expect(diagnostics).toEqual([]);
    expect(steps).toEqual([
      {
        id: 'drop-primary-key:ledger.ledger_pkey',
        phase: 'contract',
        sql: ['ALTER TABLE ledger DROP CONSTRAINT ledger_pkey;'],
        transactional: true,
        locks: ['ledger: AccessExclusiveLock'],
        rewrites: false,
        scans: false,
        backfill: null,
        reversible: true,
        rollback: {
          sql: ['ALTER TABLE ledger ADD CONSTRAINT ledger_pkey PRIMARY KEY (id);'],
          transactional: true,
          locks: ['ledger: ShareLock', 'ledger: AccessExclusiveLock'],
        },
      },
    ]);
  });
});
