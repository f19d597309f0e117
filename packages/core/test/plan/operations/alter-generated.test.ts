import { describe, expect, it } from 'vitest';
import { planRefusal, planSteps } from '../step-facts.js';

const account = (b: string) => `type Account @wes_table { id: ID! @wes_pk  a: Int  ${b} }`;
const doubled = account('b: Int @wes_computed(expr: "a * 2")');
const tripled = account('b: Int @wes_computed(expr: "a * 3")');
const plain = account('b: Int');
const rewrite = (sql: string) => ({
  id: 'alter-generated:account.b',
  phase: 'expand',
  sql: [sql],
  transactional: true,
  locks: ['account: ShareLock', 'account: AccessExclusiveLock'],
  rewrites: true,
  scans: false,
  backfill: null,
  reversible: false,
  rollback: null,
});
const rewriteWarning = {
  file: 'schema',
  line: 1,
  column: 1,
  code: 'WES104',
  severity: 'warning',
  message: 'step alter-generated:account.b holds AccessExclusiveLock on account during a rewrite: reads and writes wait until it ends',
  help: 'compute the value in a new plain column filled in batches, or run it in a maintenance window',
};
const dropAndAdd = 'ALTER TABLE account DROP COLUMN b, ADD COLUMN b integer GENERATED ALWAYS AS (a * 3) STORED;';

describe('alterGenerated', () => {
  it('uses SET EXPRESSION on PostgreSQL 17+ (a rewrite under ACCESS EXCLUSIVE, warned)', () => {
    const { steps, diagnostics } = planSteps(doubled, tripled, { serverVersion: 170000 });
    expect(steps).toEqual([rewrite('ALTER TABLE account ALTER COLUMN b SET EXPRESSION AS (a * 3);')]);
    expect(diagnostics).toEqual([rewriteWarning]);
  });

  it('drops and adds the column again before PostgreSQL 17 (15 and 12 alike)', () => {
    for (const serverVersion of [150000, 120000]) {
      const { steps, diagnostics } = planSteps(doubled, tripled, { serverVersion });
      expect(steps).toEqual([rewrite(dropAndAdd)]);
      expect(diagnostics).toEqual([rewriteWarning]);
    }
  });

  it('drops and adds a plain column that becomes generated, on any version (SET EXPRESSION needs a generated column)', () => {
    expect(planSteps(plain, tripled, { serverVersion: 180000 }).steps).toEqual([rewrite(dropAndAdd)]);
  });

  it('turns a generated column into a plain one with DROP EXPRESSION (catalog only, values kept) from PostgreSQL 13', () => {
    const { steps, diagnostics } = planSteps(doubled, plain, { serverVersion: 150000 });
    expect(diagnostics).toEqual([]);
    expect(steps).toEqual([
      {
        id: 'alter-generated:account.b',
        phase: 'expand',
        sql: ['ALTER TABLE account ALTER COLUMN b DROP EXPRESSION;'],
        transactional: true,
        locks: ['account: AccessExclusiveLock'],
        rewrites: false,
        scans: false,
        backfill: null,
        reversible: false,
        rollback: null,
      },
    ]);
  });

  it('refuses to make a generated column plain before PostgreSQL 13 (WES102)', () => {
    expect(planRefusal(doubled, plain, { serverVersion: 120000 })).toEqual([
      {
        file: 'schema',
        line: 1,
        column: 1,
        code: 'WES102',
        severity: 'error',
        message: "account.b stops being generated; PostgreSQL before 13 cannot drop a column's generation expression",
        help: 'upgrade to PostgreSQL 13 or later, or add a new plain column, copy the values, and drop the old one',
      },
    ]);
  });

  it('refuses the drop-and-add when an index or check uses the column, which the drop would take along (WES102)', () => {
    const indexed = (expr: string) => account(`b: Int @wes_computed(expr: "${expr}") @wes_index`);
    expect(planRefusal(indexed('a * 2'), indexed('a * 3'), { serverVersion: 150000 })).toEqual([
      {
        file: 'schema',
        line: 1,
        column: 1,
        code: 'WES102',
        severity: 'error',
        message: 'the new expression of account.b needs the column dropped and added again, but account_b_idx uses it',
        help: 'drop those constraints and indexes in one migration, change the expression in the next, then add them back (or use PostgreSQL 17+, where SET EXPRESSION keeps them)',
      },
    ]);
    const checked = planRefusal(
      account('b: Int @wes_check(expr: "b > 0")'),
      account('b: Int @wes_computed(expr: "a * 3") @wes_check(expr: "b > 0")'),
    );
    expect(checked.map((d) => [d.code, d.message])).toEqual([
      ['WES102', 'the new expression of account.b needs the column dropped and added again, but account_b_check uses it'],
    ]);
    // SET EXPRESSION keeps (and rebuilds) the index.
    expect(planSteps(indexed('a * 2'), indexed('a * 3'), { serverVersion: 170000 }).steps).toEqual([
      rewrite('ALTER TABLE account ALTER COLUMN b SET EXPRESSION AS (a * 3);'),
    ]);
  });

  it('sees no change when the expression differs only in spelling', () => {
    expect(planSteps(doubled, account('b: Int @wes_computed(expr: "(A * 2)")')).steps).toEqual([]);
  });
});
