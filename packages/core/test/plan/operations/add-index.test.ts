import { describe, expect, it } from 'vitest';
import { planSteps } from '../step-facts.js';

const measurement = (index: string) =>
  `type Device @wes_table { id: Int! @wes_pk }
   type Measurement @wes_table @wes_partition(by: "takenAt", strategy: "RANGE") ${index} { deviceId: Int! @wes_pk takenAt: DateTime! @wes_pk reading: Float }`;
const readingIndex = '@wes_index(columns: ["reading"])';

describe('addIndex', () => {
  it('builds the index CONCURRENTLY outside a transaction; the rollback drops it (or the INVALID leftover) concurrently', () => {
    const { steps, diagnostics } = planSteps(
      'type Account @wes_table { id: ID! @wes_pk  name: String }',
      `type Account @wes_table { id: ID! @wes_pk  name: String @wes_index(where: "name <> ''") }`,
    );
    expect(diagnostics).toEqual([]);
    expect(steps).toEqual([
      {
        id: 'add-index:account.account_name_idx',
        phase: 'expand',
        sql: ["CREATE INDEX CONCURRENTLY account_name_idx ON account (name) WHERE name <> '';"],
        transactional: false,
        locks: ['account: ShareUpdateExclusiveLock'],
        rewrites: false,
        scans: true,
        backfill: null,
        reversible: true,
        rollback: {
          sql: ['DROP INDEX CONCURRENTLY IF EXISTS account_name_idx;'],
          transactional: false,
          locks: ['account: ShareUpdateExclusiveLock'],
        },
      },
    ]);
  });

  it('on a partitioned table: the parent ON ONLY, then one step that builds and attaches on each partition found when it runs', () => {
    // Planned from files: nothing is known of the partitions, and nothing needs to be.
    const { steps, diagnostics } = planSteps(measurement(''), measurement(readingIndex));
    expect(diagnostics).toEqual([]);
    expect(steps).toEqual([
      {
        id: 'add-index:measurement.measurement_reading_idx:parent',
        phase: 'expand',
        sql: ['CREATE INDEX measurement_reading_idx ON ONLY measurement (reading);'],
        transactional: true,
        locks: ['measurement: ShareLock'],
        rewrites: false,
        scans: false,
        backfill: null,
        reversible: true,
        rollback: {
          sql: ['DROP INDEX IF EXISTS measurement_reading_idx;'],
          transactional: true,
          locks: ['measurement and each partition: AccessExclusiveLock'],
        },
      },
      {
        id: 'add-index:measurement.measurement_reading_idx:partitions',
        phase: 'expand',
        sql: [
          'CREATE INDEX CONCURRENTLY "{index}" ON "{partition}" (reading);',
          'CREATE INDEX "{index}" ON ONLY "{partition}" (reading);',
          'ALTER INDEX "{parent_index}" ATTACH PARTITION "{index}";',
        ],
        transactional: false,
        locks: [
          'measurement and each partition: AccessShareLock',
          'each partition of measurement holding rows: ShareUpdateExclusiveLock',
          'each partitioned partition of measurement: ShareLock',
        ],
        rewrites: false,
        scans: true,
        backfill: null,
        reversible: true,
        // An attached partition's index goes with the parent's: PostgreSQL refuses to drop it alone.
        rollback: { sql: [], transactional: true, locks: [] },
      },
    ]);
  });
});
