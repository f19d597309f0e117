import { describe, expect, it } from 'vitest';
import { perPartitionFacts, planSteps } from '../step-facts.js';

const account = 'type Account @wes_table { id: ID! @wes_pk  name: String }';
const post = (fk: string) => `type Post @wes_table { id: ID! @wes_pk  accountId: ID ${fk} }`;
const dropKey = (table: string, name: string, ref: string) => ({
  sql: [`ALTER TABLE ${table} DROP CONSTRAINT IF EXISTS ${name};`],
  transactional: true,
  locks: [`${ref}: AccessExclusiveLock`, `${table}: AccessExclusiveLock`],
});

describe('addForeignKey', () => {
  it('adds the key NOT VALID on both tables under SHARE ROW EXCLUSIVE, then validates without blocking writes', () => {
    const { steps, diagnostics } = planSteps(account + post(''), account + post('@wes_fk(ref: "Account.id", onDelete: "CASCADE")'));
    expect(diagnostics).toEqual([]);
    expect(steps).toEqual([
      {
        id: 'add-foreign-key:post.post_account_id_fkey:add',
        phase: 'expand',
        sql: [
          'ALTER TABLE post ADD CONSTRAINT post_account_id_fkey FOREIGN KEY (account_id) REFERENCES account (id) ON DELETE CASCADE NOT VALID;',
        ],
        transactional: true,
        locks: ['account: AccessShareLock', 'account: ShareRowExclusiveLock', 'post: AccessShareLock', 'post: ShareRowExclusiveLock'],
        rewrites: false,
        scans: false,
        backfill: null,
        reversible: true,
        rollback: dropKey('post', 'post_account_id_fkey', 'account'),
      },
      {
        id: 'add-foreign-key:post.post_account_id_fkey:validate',
        phase: 'validate',
        sql: ['ALTER TABLE post VALIDATE CONSTRAINT post_account_id_fkey;'],
        transactional: true,
        locks: ['account: AccessShareLock', 'account: RowShareLock', 'post: AccessShareLock', 'post: ShareUpdateExclusiveLock'],
        rewrites: false,
        scans: true,
        backfill: null,
        reversible: true,
        rollback: { sql: [], transactional: true, locks: [] },
      },
    ]);
  });

  it('adds a valid key at once to a table the plan creates (empty: nothing to check), after the table', () => {
    const { steps } = planSteps(account, account + post('@wes_fk(ref: "Account.id")'));
    expect(steps.map((s) => s.id)).toEqual(['create-table:post', 'add-foreign-key:post.post_account_id_fkey']);
    expect(steps[1]).toEqual({
      id: 'add-foreign-key:post.post_account_id_fkey',
      phase: 'expand',
      sql: ['ALTER TABLE post ADD CONSTRAINT post_account_id_fkey FOREIGN KEY (account_id) REFERENCES account (id);'],
      transactional: true,
      locks: [
        'account: AccessShareLock',
        'account: RowShareLock',
        'account: ShareRowExclusiveLock',
        'post: AccessShareLock',
        'post: ShareRowExclusiveLock',
      ],
      rewrites: false,
      scans: false,
      backfill: null,
      reversible: true,
      rollback: dropKey('post', 'post_account_id_fkey', 'account'),
    });
  });

  const device = 'type Device @wes_table { id: Int! @wes_pk }';
  const measurement = (fk: string) =>
    `type Measurement @wes_table @wes_partition(by: "takenAt", strategy: "RANGE") { deviceId: Int! @wes_pk ${fk} takenAt: DateTime! @wes_pk }`;

  it("on PostgreSQL 18 adds a partitioned table's key NOT VALID (SHARE ROW EXCLUSIVE on each partition), then validates each partition without blocking writes", () => {
    const { steps, diagnostics } = planSteps(device + measurement(''), device + measurement('@wes_fk(ref: "Device.id")'), {
      serverVersion: 180000,
    });
    expect(diagnostics).toEqual([]);
    expect(steps.map((s) => [s.id, s.sql, s.locks, s.scans])).toEqual([
      [
        'add-foreign-key:measurement.measurement_device_id_fkey:add',
        ['ALTER TABLE measurement ADD CONSTRAINT measurement_device_id_fkey FOREIGN KEY (device_id) REFERENCES device (id) NOT VALID;'],
        [
          'device: AccessShareLock',
          'device: ShareRowExclusiveLock',
          'measurement: AccessShareLock',
          'measurement and each partition: ShareRowExclusiveLock',
        ],
        false,
      ],
      [
        'add-foreign-key:measurement.measurement_device_id_fkey:validate',
        ['ALTER TABLE measurement VALIDATE CONSTRAINT measurement_device_id_fkey;'],
        [
          'device: AccessShareLock',
          'device: RowShareLock',
          'each partition of measurement: AccessShareLock',
          'measurement and each partition: ShareUpdateExclusiveLock',
        ],
        true,
      ],
    ]);
  });

  it('before PostgreSQL 18 adds a key to each partition NOT VALID, validates each, then adds it to the parent, which attaches them: nothing blocks', () => {
    const { steps, diagnostics } = planSteps(device + measurement(''), device + measurement('@wes_fk(ref: "Device.id")'), {
      serverVersion: 170000,
    });
    const key = 'ADD CONSTRAINT "{index}" FOREIGN KEY (device_id) REFERENCES device (id)';
    expect(steps).toEqual([
      {
        id: 'add-foreign-key:measurement.measurement_device_id_fkey:partitions',
        phase: 'expand',
        sql: [`ALTER TABLE "{partition}" ${key} NOT VALID;`],
        locks: [
          'device: AccessShareLock',
          'device: ShareRowExclusiveLock',
          'each partition of measurement holding rows: AccessShareLock',
          'each partition of measurement holding rows: ShareRowExclusiveLock',
        ],
        scans: false,
        ...perPartitionFacts,
        // A stopped run's partition keys, not yet attached to the parent's, dropped by the names the executor gave them.
        rollback: {
          sql: [
            'LOCK TABLE device IN ACCESS EXCLUSIVE MODE;',
            expect.stringMatching(/^DO \$wesley\$ .*'_measurement_device_id_fkey'.*ALTER TABLE %s DROP CONSTRAINT IF EXISTS %I/s),
          ],
          transactional: true,
          locks: ['device: AccessExclusiveLock', 'each partition of measurement holding rows: AccessExclusiveLock'],
        },
      },
      {
        id: 'add-foreign-key:measurement.measurement_device_id_fkey:validate',
        phase: 'validate',
        // A partition created or attached since the adds gets its key first (`catchUp`), then is validated.
        sql: [`ALTER TABLE "{partition}" ${key} NOT VALID;`, 'ALTER TABLE "{partition}" VALIDATE CONSTRAINT "{index}";'],
        locks: [
          'device: AccessShareLock',
          'device: RowShareLock',
          'each partition of measurement holding rows: AccessShareLock',
          'each partition of measurement holding rows: ShareUpdateExclusiveLock',
        ],
        scans: true,
        ...perPartitionFacts,
      },
      {
        id: 'add-foreign-key:measurement.measurement_device_id_fkey:parent',
        phase: 'validate',
        sql: ['ALTER TABLE measurement ADD CONSTRAINT measurement_device_id_fkey FOREIGN KEY (device_id) REFERENCES device (id);'],
        transactional: true,
        locks: [
          'device: AccessShareLock',
          'device: ShareRowExclusiveLock',
          'device: AccessExclusiveLock',
          'measurement: AccessShareLock',
          'measurement and each partition: ShareRowExclusiveLock',
        ],
        rewrites: false,
        scans: false,
        backfill: null,
        reversible: true,
        // Dropping the key drops each partition's attached to it.
        rollback: {
          ...dropKey('measurement', 'measurement_device_id_fkey', 'device'),
          locks: ['device: AccessExclusiveLock', 'measurement and each partition: AccessExclusiveLock'],
        },
      },
    ]);
    expect(diagnostics).toEqual([]);
  });
});
