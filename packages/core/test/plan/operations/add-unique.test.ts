import { describe, expect, it } from 'vitest';
import { perPartitionFacts, planSteps } from '../step-facts.js';

describe('addUnique', () => {
  it('builds the unique index concurrently, then attaches it as the constraint in expand (before keys that reference it)', () => {
    const { steps, diagnostics } = planSteps(
      'type Account @wes_table { id: ID! @wes_pk  name: String }',
      'type Account @wes_table { id: ID! @wes_pk  name: String @wes_unique }',
    );
    expect(diagnostics).toEqual([]);
    expect(steps).toEqual([
      {
        id: 'add-unique:account.account_name_key:build',
        phase: 'expand',
        sql: ['CREATE UNIQUE INDEX CONCURRENTLY account_name_key ON account (name);'],
        transactional: false,
        locks: ['account: ShareUpdateExclusiveLock'],
        rewrites: false,
        scans: true,
        backfill: null,
        reversible: true,
        rollback: {
          sql: ['DROP INDEX CONCURRENTLY IF EXISTS account_name_key;'],
          transactional: false,
          locks: ['account: ShareUpdateExclusiveLock'],
        },
      },
      {
        id: 'add-unique:account.account_name_key:attach',
        phase: 'expand',
        sql: ['ALTER TABLE account ADD CONSTRAINT account_name_key UNIQUE USING INDEX account_name_key;'],
        transactional: true,
        locks: ['account: AccessExclusiveLock'],
        rewrites: false,
        scans: false,
        backfill: null,
        reversible: true,
        rollback: {
          sql: ['ALTER TABLE account DROP CONSTRAINT account_name_key;'],
          transactional: true,
          locks: ['account: AccessExclusiveLock'],
        },
      },
    ]);
  });

  it('attaches a unique before a new foreign key that references its column', () => {
    const { steps } = planSteps(
      'type Account @wes_table { id: ID! @wes_pk  code: String! }  type Post @wes_table { id: ID! @wes_pk  accountCode: String }',
      'type Account @wes_table { id: ID! @wes_pk  code: String! @wes_unique }  type Post @wes_table { id: ID! @wes_pk  accountCode: String @wes_fk(ref: "Account.code") }',
    );
    expect(steps.map((s) => s.id)).toEqual([
      'add-unique:account.account_code_key:build',
      'add-unique:account.account_code_key:attach',
      'add-foreign-key:post.post_account_code_fkey:add',
      'add-foreign-key:post.post_account_code_fkey:validate',
    ]);
  });

  it("adds the constraint to a partitioned table as pg_dump does: ONLY the parent, each partition's index built, then made its constraint and attached; nothing blocks", () => {
    const measurement = (unique: string) =>
      `type Measurement @wes_table @wes_partition(by: "takenAt", strategy: "RANGE") ${unique} { deviceId: Int! @wes_pk takenAt: DateTime! @wes_pk reading: Float }`;
    const { steps, diagnostics } = planSteps(measurement(''), measurement('@wes_unique(columns: ["deviceId", "takenAt", "reading"])'));
    const key = 'measurement_device_id_taken_at_reading_key';
    expect(steps).toEqual([
      {
        id: `add-unique:measurement.${key}:parent`,
        phase: 'expand',
        sql: [`ALTER TABLE ONLY measurement ADD CONSTRAINT ${key} UNIQUE (device_id, taken_at, reading);`],
        transactional: true,
        locks: ['measurement: ShareLock', 'measurement: AccessExclusiveLock'],
        rewrites: false,
        scans: false,
        backfill: null,
        reversible: true,
        // Dropping the parent's constraint drops each partition's attached to it.
        rollback: {
          sql: [`ALTER TABLE measurement DROP CONSTRAINT ${key};`],
          transactional: true,
          locks: ['measurement and each partition: AccessExclusiveLock'],
        },
      },
      {
        id: `add-unique:measurement.${key}:partitions`,
        phase: 'expand',
        sql: ['CREATE UNIQUE INDEX CONCURRENTLY "{index}" ON "{partition}" (device_id, taken_at, reading);'],
        locks: ['each partition of measurement holding rows: ShareUpdateExclusiveLock'],
        scans: true,
        ...perPartitionFacts,
      },
      {
        id: `add-unique:measurement.${key}:attach`,
        phase: 'expand',
        sql: [
          'ALTER TABLE ONLY "{partition}" ADD CONSTRAINT "{index}" UNIQUE (device_id, taken_at, reading);',
          'ALTER TABLE "{partition}" ADD CONSTRAINT "{index}" UNIQUE USING INDEX "{index}";',
          'ALTER INDEX "{parent_index}" ATTACH PARTITION "{index}";',
        ],
        locks: [
          'measurement and each partition: AccessShareLock',
          'each partitioned partition of measurement: ShareLock',
          'each partition of measurement: AccessExclusiveLock',
        ],
        scans: false,
        ...perPartitionFacts,
      },
    ]);
    expect(diagnostics).toEqual([]);
  });
});
