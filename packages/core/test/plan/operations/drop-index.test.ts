import { describe, expect, it } from 'vitest';
import { planSteps } from '../step-facts.js';

describe('dropIndex', () => {
  it('drops the index CONCURRENTLY in contract, outside a transaction', () => {
    const { steps, diagnostics } = planSteps(
      'type Account @wes_table { id: ID! @wes_pk  name: String @wes_index }',
      'type Account @wes_table { id: ID! @wes_pk  name: String }',
    );
    expect(diagnostics).toEqual([]);
    expect(steps).toEqual([
      {
        id: 'drop-index:account.account_name_idx',
        phase: 'contract',
        sql: ['DROP INDEX CONCURRENTLY IF EXISTS account_name_idx;'],
        transactional: false,
        locks: ['account: ShareUpdateExclusiveLock'],
        rewrites: false,
        scans: false,
        backfill: null,
        reversible: true,
        rollback: {
          sql: ['CREATE INDEX CONCURRENTLY account_name_idx ON account (name);'],
          transactional: false,
          locks: ['account: ShareUpdateExclusiveLock'],
        },
      },
    ]);
  });

  it('drops an index of a partitioned table with a plain DROP INDEX (no CONCURRENTLY there), locking the parent and each partition', () => {
    const measurement = (index: string) =>
      `type Measurement @wes_table @wes_partition(by: "takenAt", strategy: "RANGE") ${index} { deviceId: Int! @wes_pk takenAt: DateTime! @wes_pk reading: Float }`;
    const { steps } = planSteps(measurement('@wes_index(columns: ["reading"])'), measurement(''));
    expect(steps).toEqual([
      {
        id: 'drop-index:measurement.measurement_reading_idx',
        phase: 'contract',
        sql: ['DROP INDEX measurement_reading_idx;'],
        transactional: true,
        locks: ['measurement and each partition: AccessExclusiveLock'],
        rewrites: false,
        scans: false,
        backfill: null,
        reversible: true,
        rollback: {
          sql: ['CREATE INDEX measurement_reading_idx ON measurement (reading);'],
          transactional: true,
          locks: ['measurement and each partition: ShareLock'],
        },
      },
    ]);
  });
});
