import { describe, expect, it } from 'vitest';
import { column, schema, table } from '../../support/ir-builder.js';
import { planRefusal, planSteps } from '../step-facts.js';

const account = (field: string) => `type Account @wes_table { id: ID! @wes_pk  ${field} }`;
const catalogChange = (columnName: string, to: string, from: string) => ({
  id: `alter-column-type:account.${columnName}`,
  phase: 'expand',
  sql: [`ALTER TABLE account ALTER COLUMN ${columnName} TYPE ${to};`],
  transactional: true,
  locks: ['account: AccessExclusiveLock'],
  rewrites: false,
  scans: false,
  backfill: null,
  reversible: true,
  rollback: {
    sql: [`ALTER TABLE account ALTER COLUMN ${columnName} TYPE ${from};`],
    transactional: true,
    locks: ['account: AccessExclusiveLock'],
  },
});
const shadow = {
  id: 'alter-column-type:account.qty:shadow',
  phase: 'expand',
  sql: [
    'ALTER TABLE account ADD COLUMN qty_wesley_new bigint;',
    'CREATE OR REPLACE FUNCTION account_qty_wesley_sync() RETURNS trigger LANGUAGE plpgsql AS $wesley$\nBEGIN NEW.qty_wesley_new := CAST(NEW.qty AS bigint); RETURN NEW; END\n$wesley$;',
    'CREATE TRIGGER account_qty_wesley_sync BEFORE INSERT OR UPDATE ON account FOR EACH ROW EXECUTE FUNCTION account_qty_wesley_sync();',
  ],
  transactional: true,
  locks: ['account: ShareRowExclusiveLock', 'account: AccessExclusiveLock'],
  rewrites: false,
  scans: false,
  backfill: null,
  reversible: true,
  rollback: {
    sql: [
      'DROP TRIGGER IF EXISTS account_qty_wesley_sync ON account;',
      'DROP FUNCTION IF EXISTS account_qty_wesley_sync();',
      'ALTER TABLE account DROP COLUMN IF EXISTS qty_wesley_new;',
    ],
    transactional: true,
    locks: ['account: AccessShareLock', 'account: AccessExclusiveLock'],
  },
};
const backfill = (batchSize: number) => ({
  id: 'alter-column-type:account.qty:backfill',
  phase: 'backfill',
  sql: [
    'WITH batch AS (SELECT id FROM account ORDER BY id LIMIT $1 FOR UPDATE),\nlast AS (SELECT id FROM batch ORDER BY id DESC LIMIT 1),\nupdated AS (UPDATE account SET qty_wesley_new = CAST(account.qty AS bigint) WHERE (account.id) <= (SELECT id FROM last))\nSELECT id FROM last;',
    'WITH batch AS (SELECT id FROM account WHERE (id) > ($1) ORDER BY id LIMIT $2 FOR UPDATE),\nlast AS (SELECT id FROM batch ORDER BY id DESC LIMIT 1),\nupdated AS (UPDATE account SET qty_wesley_new = CAST(account.qty AS bigint) WHERE (account.id) > ($1) AND (account.id) <= (SELECT id FROM last))\nSELECT id FROM last;',
  ],
  transactional: true,
  locks: ['account: RowShareLock', 'account: RowExclusiveLock'],
  rewrites: false,
  scans: false,
  backfill: { table: 'account', key: ['id'], batchSize },
  reversible: true,
  rollback: { sql: [], transactional: true, locks: [] },
});
const swap = (...setDefault: string[]) => ({
  id: 'alter-column-type:account.qty:swap',
  phase: 'contract',
  sql: [
    'DROP TRIGGER account_qty_wesley_sync ON account;',
    'DROP FUNCTION account_qty_wesley_sync();',
    'ALTER TABLE account DROP COLUMN qty;',
    'ALTER TABLE account RENAME COLUMN qty_wesley_new TO qty;',
    ...setDefault,
  ],
  transactional: true,
  locks: ['account: AccessShareLock', 'account: AccessExclusiveLock'],
  rewrites: false,
  scans: false,
  backfill: null,
  reversible: false,
  rollback: null,
});
const validateShadow = {
  id: 'alter-column-type:account.qty:not-null:validate',
  phase: 'validate',
  sql: ['ALTER TABLE account VALIDATE CONSTRAINT account_qty_wesley_new_not_null;'],
  transactional: true,
  locks: ['account: ShareUpdateExclusiveLock'],
  rewrites: false,
  scans: true,
  backfill: null,
  reversible: true,
  rollback: { sql: [], transactional: true, locks: [] },
};
const requiredInt = account('qty: Int! @wes_default(value: 1)');
const requiredBigint = account('qty: BigInt! @wes_default(value: 1)');

describe('alterColumnType', () => {
  it('changes a binary-coercible type in the catalog only: longer varchar, varchar to text, wider numeric', () => {
    const longer = planSteps(
      account('code: String @wes_column(type: "varchar(10)")'),
      account('code: String @wes_column(type: "varchar(20)")'),
    );
    expect(longer.steps).toEqual([catalogChange('code', 'character varying(20)', 'character varying(10)')]);
    const text = planSteps(account('code: String @wes_column(type: "varchar(10)")'), account('code: String'));
    expect(text.steps).toEqual([catalogChange('code', 'text', 'character varying(10)')]);
    const numeric = planSteps(
      account('price: Decimal @wes_column(type: "numeric(10,2)")'),
      account('price: Decimal @wes_column(type: "numeric(12,2)")'),
    );
    expect(numeric.steps).toEqual([catalogChange('price', 'numeric(12,2)', 'numeric(10,2)')]);
  });

  it('goes through a shadow column kept in sync by a trigger, a batched backfill and a swap in contract (nullable column)', () => {
    const { steps, diagnostics } = planSteps(account('qty: Int'), account('qty: BigInt'));
    expect(diagnostics).toEqual([]);
    expect(steps).toEqual([shadow, backfill(1000), swap()]);
  });

  it('proves NOT NULL on the shadow column before the swap with NOT NULL NOT VALID on PostgreSQL 18, and sets the default at the swap', () => {
    const { steps, diagnostics } = planSteps(requiredInt, requiredBigint);
    expect(diagnostics).toEqual([]);
    expect(steps).toEqual([
      shadow,
      {
        id: 'alter-column-type:account.qty:not-null:add',
        phase: 'expand',
        sql: ['ALTER TABLE account ADD CONSTRAINT account_qty_wesley_new_not_null NOT NULL qty_wesley_new NOT VALID;'],
        transactional: true,
        locks: ['account: AccessExclusiveLock'],
        rewrites: false,
        scans: false,
        backfill: null,
        reversible: true,
        rollback: {
          sql: ['ALTER TABLE account ALTER COLUMN qty_wesley_new DROP NOT NULL;'],
          transactional: true,
          locks: ['account: AccessExclusiveLock'],
        },
      },
      backfill(1000),
      validateShadow,
      swap('ALTER TABLE account ALTER COLUMN qty SET DEFAULT 1;'),
    ]);
  });

  it('uses the CHECK dance on PostgreSQL 12-17', () => {
    const { steps } = planSteps(requiredInt, requiredBigint, { serverVersion: 150000, batchSize: 200 });
    expect(steps).toEqual([
      shadow,
      {
        id: 'alter-column-type:account.qty:not-null:check',
        phase: 'expand',
        sql: ['ALTER TABLE account ADD CONSTRAINT account_qty_wesley_new_not_null CHECK (qty_wesley_new IS NOT NULL) NOT VALID;'],
        transactional: true,
        locks: ['account: AccessExclusiveLock'],
        rewrites: false,
        scans: false,
        backfill: null,
        reversible: true,
        rollback: {
          sql: ['ALTER TABLE account DROP CONSTRAINT IF EXISTS account_qty_wesley_new_not_null;'],
          transactional: true,
          locks: ['account: AccessExclusiveLock'],
        },
      },
      backfill(200),
      validateShadow,
      {
        id: 'alter-column-type:account.qty:not-null:set',
        phase: 'validate',
        sql: ['ALTER TABLE account ALTER COLUMN qty_wesley_new SET NOT NULL, DROP CONSTRAINT account_qty_wesley_new_not_null;'],
        transactional: true,
        locks: ['account: AccessExclusiveLock'],
        rewrites: false,
        scans: false,
        backfill: null,
        reversible: true,
        rollback: {
          sql: [
            'ALTER TABLE account ALTER COLUMN qty_wesley_new DROP NOT NULL, ADD CONSTRAINT account_qty_wesley_new_not_null CHECK (qty_wesley_new IS NOT NULL) NOT VALID;',
          ],
          transactional: true,
          locks: ['account: AccessExclusiveLock'],
        },
      },
      swap('ALTER TABLE account ALTER COLUMN qty SET DEFAULT 1;'),
    ]);
  });

  it('on PostgreSQL 11 sets NOT NULL on the shadow column with a scan, and warns (WES104)', () => {
    const { steps, diagnostics } = planSteps(requiredInt, requiredBigint, { serverVersion: 110000 });
    expect(steps.map((s) => [s.id, s.phase, s.scans])).toEqual([
      ['alter-column-type:account.qty:shadow', 'expand', false],
      ['alter-column-type:account.qty:backfill', 'backfill', false],
      ['alter-column-type:account.qty:not-null', 'validate', true],
      ['alter-column-type:account.qty:swap', 'contract', false],
    ]);
    expect(steps[2]?.sql).toEqual(['ALTER TABLE account ALTER COLUMN qty_wesley_new SET NOT NULL;']);
    expect(diagnostics.map((d) => [d.code, d.message])).toEqual([
      [
        'WES104',
        'step alter-column-type:account.qty:not-null holds AccessExclusiveLock on account during a scan: reads and writes wait until it ends',
      ],
    ]);
  });

  it('refuses a narrowing change without allowDestructive (WES101), plans it as a shadow column with it', () => {
    const [from, to] = [account('code: String'), account('code: String @wes_column(type: "varchar(5)")')];
    expect(planRefusal(from, to)).toEqual([
      {
        file: 'schema',
        line: 1,
        column: 1,
        code: 'WES101',
        severity: 'error',
        message:
          'account.code changes type from text to character varying(5); values that do not fit make the cast fail or change; this plan would lose data and is refused by default',
        help: 'check that the data is no longer needed (and backed up), then plan again with --allow-destructive',
      },
    ]);
    const { steps } = planSteps(from, to, { allowDestructive: true });
    expect(steps.map((s) => s.id)).toEqual([
      'alter-column-type:account.code:shadow',
      'alter-column-type:account.code:backfill',
      'alter-column-type:account.code:swap',
    ]);
    expect(steps[0]?.sql[0]).toBe('ALTER TABLE account ADD COLUMN code_wesley_new character varying(5);');
  });

  it('refuses a shadow-column change of a column a constraint or index uses (WES102): the swap would drop them', () => {
    expect(planRefusal(account('qty: Int @wes_check(expr: "qty > 0")'), account('qty: BigInt @wes_check(expr: "qty > 0")'))).toEqual([
      {
        file: 'schema',
        line: 1,
        column: 1,
        code: 'WES102',
        severity: 'error',
        message: 'account.qty changes type from integer to bigint, which needs a shadow column, but account_qty_check uses it',
        help: 'drop those constraints and indexes in one migration, change the type in the next, then add them back',
      },
    ]);
    const indexed = planRefusal(account('qty: Int @wes_index'), account('qty: BigInt @wes_index'));
    expect(indexed.map((d) => [d.code, d.message])).toEqual([
      ['WES102', 'account.qty changes type from integer to bigint, which needs a shadow column, but account_qty_idx uses it'],
    ]);
  });

  it('refuses a shadow-column change on a partitioned table before PostgreSQL 13 (WES102), which has no row triggers there', () => {
    const event = (type: string) =>
      `type Event @wes_table @wes_partition(by: "createdAt", strategy: RANGE) { id: ID! @wes_pk  createdAt: DateTime! @wes_pk  n: ${type} }`;
    expect(planRefusal(event('Int'), event('BigInt'), { serverVersion: 120000 }).map((d) => [d.code, d.message])).toEqual([
      [
        'WES102',
        'event.n changes type from integer to bigint, which needs a shadow column kept in sync by a row trigger, and event is partitioned: PostgreSQL 12 has no row triggers on a partitioned table (13 and later do)',
      ],
    ]);
    const { steps, diagnostics } = planSteps(event('Int'), event('BigInt'), { serverVersion: 130000 });
    expect(diagnostics).toEqual([]);
    expect(steps.map((step) => step.id)).toEqual([
      'alter-column-type:event.n:shadow',
      'alter-column-type:event.n:backfill',
      'alter-column-type:event.n:swap',
    ]);
  });

  it('backfills a table without a primary key in one UPDATE, and warns (WES106)', () => {
    const event = (type: string) => schema([table('event', [column('n', type, { nullable: true })])]);
    const { steps, diagnostics } = planSteps(event('integer'), event('bigint'));
    expect(steps[1]).toEqual({
      id: 'alter-column-type:event.n:backfill',
      phase: 'backfill',
      sql: ['UPDATE event SET n_wesley_new = CAST(event.n AS bigint);'],
      transactional: true,
      locks: ['event: RowExclusiveLock'],
      rewrites: false,
      scans: false,
      backfill: null,
      reversible: true,
      rollback: { sql: [], transactional: true, locks: [] },
    });
    expect(diagnostics.map((d) => [d.code, d.severity])).toEqual([['WES106', 'warning']]);
  });
});
