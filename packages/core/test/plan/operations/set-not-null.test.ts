import { describe, expect, it } from 'vitest';
import { planSteps } from '../step-facts.js';

const nullable = 'type Account @wes_table { id: ID! @wes_pk  name: String }';
const required = 'type Account @wes_table { id: ID! @wes_pk  name: String! }';
const validate = {
  id: 'set-not-null:account.name:validate',
  phase: 'validate',
  sql: ['ALTER TABLE account VALIDATE CONSTRAINT account_name_not_null;'],
  transactional: true,
  locks: ['account: ShareUpdateExclusiveLock'],
  rewrites: false,
  scans: true,
  backfill: null,
  reversible: true,
  rollback: { sql: [], transactional: true, locks: [] },
};

describe('setNotNull', () => {
  it('on PostgreSQL 18: NOT NULL NOT VALID (new writes checked), then VALIDATE without blocking writes', () => {
    const { steps, diagnostics } = planSteps(nullable, required, { serverVersion: 180000 });
    expect(diagnostics).toEqual([]);
    expect(steps).toEqual([
      {
        id: 'set-not-null:account.name:add',
        phase: 'expand',
        sql: ['ALTER TABLE account ADD CONSTRAINT account_name_not_null NOT NULL name NOT VALID;'],
        transactional: true,
        locks: ['account: AccessExclusiveLock'],
        rewrites: false,
        scans: false,
        backfill: null,
        reversible: true,
        rollback: {
          sql: ['ALTER TABLE account ALTER COLUMN name DROP NOT NULL;'],
          transactional: true,
          locks: ['account: AccessExclusiveLock'],
        },
      },
      validate,
    ]);
  });

  it('on PostgreSQL 12-17: CHECK (col IS NOT NULL) NOT VALID, VALIDATE, then SET NOT NULL (no scan) and drop the check', () => {
    const { steps, diagnostics } = planSteps(nullable, required, { serverVersion: 150000 });
    expect(diagnostics).toEqual([]);
    expect(steps).toEqual([
      {
        id: 'set-not-null:account.name:check',
        phase: 'expand',
        sql: ['ALTER TABLE account ADD CONSTRAINT account_name_not_null CHECK (name IS NOT NULL) NOT VALID;'],
        transactional: true,
        locks: ['account: AccessExclusiveLock'],
        rewrites: false,
        scans: false,
        backfill: null,
        reversible: true,
        rollback: {
          sql: ['ALTER TABLE account DROP CONSTRAINT IF EXISTS account_name_not_null;'],
          transactional: true,
          locks: ['account: AccessExclusiveLock'],
        },
      },
      validate,
      {
        id: 'set-not-null:account.name:set',
        phase: 'validate',
        sql: ['ALTER TABLE account ALTER COLUMN name SET NOT NULL, DROP CONSTRAINT account_name_not_null;'],
        transactional: true,
        locks: ['account: AccessExclusiveLock'],
        rewrites: false,
        scans: false,
        backfill: null,
        reversible: true,
        rollback: {
          sql: [
            'ALTER TABLE account ALTER COLUMN name DROP NOT NULL, ADD CONSTRAINT account_name_not_null CHECK (name IS NOT NULL) NOT VALID;',
          ],
          transactional: true,
          locks: ['account: AccessExclusiveLock'],
        },
      },
    ]);
    expect(planSteps(nullable, required, { serverVersion: 120000 }).steps.map((s) => s.id)).toEqual(steps.map((s) => s.id));
  });

  it('on PostgreSQL 11: one SET NOT NULL that scans under ACCESS EXCLUSIVE, with a warning (WES104)', () => {
    const { steps, diagnostics } = planSteps(nullable, required, { serverVersion: 110000 });
    expect(steps).toEqual([
      {
        id: 'set-not-null:account.name',
        phase: 'validate',
        sql: ['ALTER TABLE account ALTER COLUMN name SET NOT NULL;'],
        transactional: true,
        locks: ['account: AccessExclusiveLock'],
        rewrites: false,
        scans: true,
        backfill: null,
        reversible: true,
        rollback: {
          sql: ['ALTER TABLE account ALTER COLUMN name DROP NOT NULL;'],
          transactional: true,
          locks: ['account: AccessExclusiveLock'],
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
        message: 'step set-not-null:account.name holds AccessExclusiveLock on account during a scan: reads and writes wait until it ends',
        help: 'upgrade to PostgreSQL 12 or later, where a validated CHECK lets SET NOT NULL skip the scan',
      },
    ]);
  });

  it('with a default: sets the rows holding NULL to it in batches, then the NOT NULL steps after every backfill', () => {
    const withDefault = 'type Account @wes_table { id: ID! @wes_pk  name: String! @wes_default(value: "anon") }';
    const { steps, diagnostics } = planSteps(nullable, withDefault, { serverVersion: 180000, batchSize: 500 });
    expect(diagnostics).toEqual([]);
    expect(steps.map((s) => [s.id, s.phase])).toEqual([
      ['alter-default:account.name', 'expand'],
      ['set-not-null:account.name:backfill', 'backfill'],
      ['set-not-null:account.name:add', 'validate'],
      ['set-not-null:account.name:validate', 'validate'],
    ]);
    expect(steps[1]).toEqual({
      id: 'set-not-null:account.name:backfill',
      phase: 'backfill',
      sql: [
        [
          'WITH batch AS (SELECT id FROM account ORDER BY id LIMIT $1 FOR UPDATE),',
          'last AS (SELECT id FROM batch ORDER BY id DESC LIMIT 1),',
          'updated AS (UPDATE account SET name = DEFAULT WHERE (account.id) <= (SELECT id FROM last) AND account.name IS NULL)',
          'SELECT id FROM last;',
        ].join('\n'),
        [
          'WITH batch AS (SELECT id FROM account WHERE (id) > ($1) ORDER BY id LIMIT $2 FOR UPDATE),',
          'last AS (SELECT id FROM batch ORDER BY id DESC LIMIT 1),',
          'updated AS (UPDATE account SET name = DEFAULT WHERE (account.id) > ($1) AND (account.id) <= (SELECT id FROM last) AND account.name IS NULL)',
          'SELECT id FROM last;',
        ].join('\n'),
      ],
      transactional: true,
      locks: ['account: RowShareLock', 'account: RowExclusiveLock'],
      rewrites: false,
      scans: false,
      backfill: { table: 'account', key: ['id'], batchSize: 500 },
      // Once filled, nothing tells which rows held NULL: a down plan could not give them back.
      reversible: false,
      rollback: null,
    });
    expect(planSteps(nullable, withDefault, { serverVersion: 150000 }).steps.map((s) => [s.id, s.phase])).toEqual([
      ['alter-default:account.name', 'expand'],
      ['set-not-null:account.name:backfill', 'backfill'],
      ['set-not-null:account.name:check', 'validate'],
      ['set-not-null:account.name:validate', 'validate'],
      ['set-not-null:account.name:set', 'validate'],
    ]);
  });
});
