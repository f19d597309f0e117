import { describe, expect, it } from 'vitest';
import { planSteps } from '../step-facts.js';

const measurement = (index: string) =>
  `type Measurement @wes_table @wes_partition(by: "takenAt", strategy: "RANGE") @wes_index(columns: ["reading"]${index}) { deviceId: Int! @wes_pk takenAt: DateTime! @wes_pk reading: Float }`;

describe('replaceIndex', () => {
  it('builds the new definition concurrently under a temporary name, drops the old one concurrently, then renames', () => {
    const { steps, diagnostics } = planSteps(
      'type Account @wes_table { id: ID! @wes_pk  name: String @wes_index }',
      'type Account @wes_table { id: ID! @wes_pk  name: String @wes_index(using: "hash") }',
    );
    expect(diagnostics).toEqual([]);
    expect(steps).toEqual([
      {
        id: 'replace-index:account.account_name_idx:build',
        phase: 'expand',
        sql: ['CREATE INDEX CONCURRENTLY account_name_idx_wesley_new ON account USING hash (name);'],
        transactional: false,
        locks: ['account: ShareUpdateExclusiveLock'],
        rewrites: false,
        scans: true,
        backfill: null,
        reversible: true,
        rollback: {
          sql: ['DROP INDEX CONCURRENTLY IF EXISTS account_name_idx_wesley_new;'],
          transactional: false,
          locks: ['account: ShareUpdateExclusiveLock'],
        },
      },
      {
        id: 'replace-index:account.account_name_idx:drop-old',
        phase: 'expand',
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
      {
        id: 'replace-index:account.account_name_idx:rename',
        phase: 'expand',
        sql: ['ALTER INDEX account_name_idx_wesley_new RENAME TO account_name_idx;'],
        transactional: true,
        locks: [],
        rewrites: false,
        scans: false,
        backfill: null,
        reversible: true,
        rollback: { sql: ['ALTER INDEX account_name_idx RENAME TO account_name_idx_wesley_new;'], transactional: true, locks: [] },
      },
    ]);
  });

  it('rebuilds an index of a partitioned table in one transaction that scans every partition under lock, and warns (WES104)', () => {
    const { steps, diagnostics } = planSteps(measurement(''), measurement(', using: "brin"'));
    const claims = ['measurement and each partition: ShareLock', 'measurement and each partition: AccessExclusiveLock'];
    expect(steps).toEqual([
      {
        id: 'replace-index:measurement.measurement_reading_idx',
        phase: 'expand',
        sql: ['DROP INDEX measurement_reading_idx;', 'CREATE INDEX measurement_reading_idx ON measurement USING brin (reading);'],
        transactional: true,
        locks: claims,
        rewrites: false,
        scans: true,
        backfill: null,
        reversible: true,
        rollback: {
          sql: ['DROP INDEX measurement_reading_idx;', 'CREATE INDEX measurement_reading_idx ON measurement (reading);'],
          transactional: true,
          locks: claims,
        },
      },
    ]);
    expect(diagnostics).toEqual([
      {
        file: 'schema',
        line: 1,
        column: 1,
        code: 'WES104',
        severity: 'warning',
        message:
          'step replace-index:measurement.measurement_reading_idx holds AccessExclusiveLock on measurement and each partition during a scan: reads and writes wait until it ends',
        help: 'add the new index under another name first and drop the old one in a later migration, or run it in a maintenance window',
      },
    ]);
  });
});
