import { describe, expect, it } from 'vitest';
import { planSteps } from '../step-facts.js';

const account = 'type Account @wes_table { id: ID! @wes_pk }';
const post = (fk: string) => `type Post @wes_table { id: ID! @wes_pk  accountId: ID @wes_fk(ref: "Account.id"${fk}) }`;

describe('alterForeignKey', () => {
  it('drops the old key and adds the new one NOT VALID in one statement (never unchecked), then validates', () => {
    const { steps, diagnostics } = planSteps(account + post(''), account + post(', onDelete: "CASCADE"'));
    expect(diagnostics).toEqual([]);
    expect(steps).toEqual([
      {
        id: 'alter-foreign-key:post.post_account_id_fkey:add',
        phase: 'expand',
        sql: [
          'ALTER TABLE post DROP CONSTRAINT post_account_id_fkey, ADD CONSTRAINT post_account_id_fkey FOREIGN KEY (account_id) REFERENCES account (id) ON DELETE CASCADE NOT VALID;',
        ],
        transactional: true,
        locks: [
          'account: AccessShareLock',
          'account: ShareRowExclusiveLock',
          'account: AccessExclusiveLock',
          'post: AccessShareLock',
          'post: ShareRowExclusiveLock',
          'post: AccessExclusiveLock',
        ],
        rewrites: false,
        scans: false,
        backfill: null,
        reversible: true,
        rollback: {
          sql: [
            'ALTER TABLE post DROP CONSTRAINT IF EXISTS post_account_id_fkey, ADD CONSTRAINT post_account_id_fkey FOREIGN KEY (account_id) REFERENCES account (id);',
          ],
          transactional: true,
          locks: [
            'account: AccessShareLock',
            'account: RowShareLock',
            'account: ShareRowExclusiveLock',
            'account: AccessExclusiveLock',
            'post: AccessShareLock',
            'post: ShareRowExclusiveLock',
            'post: AccessExclusiveLock',
          ],
        },
      },
      {
        id: 'alter-foreign-key:post.post_account_id_fkey:validate',
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

  it('validates while swapping on a partitioned table, and warns (WES104)', () => {
    const device = 'type Device @wes_table { id: Int! @wes_pk }';
    const measurement = (fk: string) =>
      `type Measurement @wes_table @wes_partition(by: "takenAt", strategy: "RANGE") { deviceId: Int! @wes_pk @wes_fk(ref: "Device.id"${fk}) takenAt: DateTime! @wes_pk }`;
    const { steps, diagnostics } = planSteps(device + measurement(''), device + measurement(', onDelete: "CASCADE"'));
    expect(steps).toEqual([
      {
        id: 'alter-foreign-key:measurement.measurement_device_id_fkey',
        phase: 'expand',
        sql: [
          'ALTER TABLE measurement DROP CONSTRAINT measurement_device_id_fkey, ADD CONSTRAINT measurement_device_id_fkey FOREIGN KEY (device_id) REFERENCES device (id) ON DELETE CASCADE;',
        ],
        transactional: true,
        locks: [
          'device: AccessShareLock',
          'device: RowShareLock',
          'device: ShareRowExclusiveLock',
          'device: AccessExclusiveLock',
          'measurement and each partition: AccessShareLock',
          'measurement and each partition: ShareRowExclusiveLock',
          'measurement and each partition: AccessExclusiveLock',
        ],
        rewrites: false,
        scans: true,
        backfill: null,
        reversible: true,
        rollback: {
          sql: [
            'ALTER TABLE measurement DROP CONSTRAINT IF EXISTS measurement_device_id_fkey, ADD CONSTRAINT measurement_device_id_fkey FOREIGN KEY (device_id) REFERENCES device (id);',
          ],
          transactional: true,
          locks: [
            'device: AccessShareLock',
            'device: RowShareLock',
            'device: ShareRowExclusiveLock',
            'device: AccessExclusiveLock',
            'measurement and each partition: AccessShareLock',
            'measurement and each partition: ShareRowExclusiveLock',
            'measurement and each partition: AccessExclusiveLock',
          ],
        },
      },
    ]);
    expect(diagnostics.map((d) => [d.code, d.severity])).toEqual([['WES104', 'warning']]);
  });
});
