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

  it('on a partitioned table with known partitions: the parent ON ONLY, then per partition a concurrent build and an attach', () => {
    const partitions = new Map([['measurement', ['measurement_2024', 'measurement_2025']]]);
    const { steps } = planSteps(measurement(''), measurement(readingIndex), { partitions });
    const build = (partition: string) => ({
      id: `add-index:measurement.measurement_reading_idx:build:${partition}`,
      phase: 'expand',
      sql: [`CREATE INDEX CONCURRENTLY ${partition}_measurement_reading_idx ON ${partition} (reading);`],
      transactional: false,
      locks: [`${partition}: ShareUpdateExclusiveLock`],
      rewrites: false,
      scans: true,
      backfill: null,
      reversible: true,
      // Once attached, a partition's index goes with the parent's: PostgreSQL refuses to drop it alone.
      rollback: { sql: [], transactional: true, locks: [] },
    });
    const attach = (partition: string) => ({
      id: `add-index:measurement.measurement_reading_idx:attach:${partition}`,
      phase: 'expand',
      sql: [`ALTER INDEX measurement_reading_idx ATTACH PARTITION ${partition}_measurement_reading_idx;`],
      transactional: true,
      locks: ['measurement: AccessShareLock', `${partition}: AccessShareLock`],
      rewrites: false,
      scans: false,
      backfill: null,
      reversible: true,
      rollback: { sql: [], transactional: true, locks: [] },
    });
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
          locks: ['measurement: AccessExclusiveLock', 'measurement_2024: AccessExclusiveLock', 'measurement_2025: AccessExclusiveLock'],
        },
      },
      build('measurement_2024'),
      attach('measurement_2024'),
      build('measurement_2025'),
      attach('measurement_2025'),
    ]);
  });

  it('on a partitioned table with no known partitions: one plain CREATE INDEX on the parent', () => {
    const { steps } = planSteps(measurement(''), measurement(readingIndex));
    expect(steps).toEqual([
      {
        id: 'add-index:measurement.measurement_reading_idx',
        phase: 'expand',
        sql: ['CREATE INDEX measurement_reading_idx ON measurement (reading);'],
        transactional: true,
        locks: ['measurement: ShareLock'],
        rewrites: false,
        scans: false,
        backfill: null,
        reversible: true,
        rollback: {
          sql: ['DROP INDEX IF EXISTS measurement_reading_idx;'],
          transactional: true,
          locks: ['measurement: AccessExclusiveLock'],
        },
      },
    ]);
  });
});
