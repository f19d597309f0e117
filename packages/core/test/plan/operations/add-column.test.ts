import { describe, expect, it } from 'vitest';
import { column, schema, table } from '../../support/ir-builder.js';
import { planRefusal, planSteps } from '../step-facts.js';

const account = (extra = '') => `type Account @wes_table { id: ID! @wes_pk  name: String ${extra} }`;
const dropToken = {
  sql: ['ALTER TABLE account DROP COLUMN IF EXISTS token;'],
  transactional: true,
  locks: ['account: AccessExclusiveLock'],
};
const addBare = {
  id: 'add-column:account.token:add',
  phase: 'expand',
  sql: ['ALTER TABLE account ADD COLUMN token uuid, ALTER COLUMN token SET DEFAULT gen_random_uuid();'],
  transactional: true,
  locks: ['account: AccessExclusiveLock'],
  rewrites: false,
  scans: false,
  backfill: null,
  reversible: true,
  rollback: dropToken,
};
const backfill = (batchSize: number) => ({
  id: 'add-column:account.token:backfill',
  phase: 'backfill',
  sql: [
    'WITH batch AS (SELECT id FROM account ORDER BY id LIMIT $1 FOR UPDATE),\nlast AS (SELECT id FROM batch ORDER BY id DESC LIMIT 1),\nupdated AS (UPDATE account SET token = DEFAULT WHERE (account.id) <= (SELECT id FROM last) AND account.token IS NULL)\nSELECT id FROM last;',
    'WITH batch AS (SELECT id FROM account WHERE (id) > ($1) ORDER BY id LIMIT $2 FOR UPDATE),\nlast AS (SELECT id FROM batch ORDER BY id DESC LIMIT 1),\nupdated AS (UPDATE account SET token = DEFAULT WHERE (account.id) > ($1) AND (account.id) <= (SELECT id FROM last) AND account.token IS NULL)\nSELECT id FROM last;',
  ],
  transactional: true,
  locks: ['account: RowShareLock', 'account: RowExclusiveLock'],
  rewrites: false,
  scans: false,
  backfill: { table: 'account', key: ['id'], batchSize },
  reversible: true,
  rollback: { sql: [], transactional: true, locks: [] },
});
const validateToken = {
  id: 'add-column:account.token:not-null:validate',
  phase: 'validate',
  sql: ['ALTER TABLE account VALIDATE CONSTRAINT account_token_not_null;'],
  transactional: true,
  locks: ['account: ShareUpdateExclusiveLock'],
  rewrites: false,
  scans: true,
  backfill: null,
  reversible: true,
  rollback: { sql: [], transactional: true, locks: [] },
};
const requiredToken = account('token: UUID! @wes_default(expr: "gen_random_uuid()")');

describe('addColumn', () => {
  it('adds a nullable column without a default as a catalog update', () => {
    const { steps, diagnostics } = planSteps(account(), account('nickname: String'));
    expect(diagnostics).toEqual([]);
    expect(steps).toEqual([
      {
        id: 'add-column:account.nickname',
        phase: 'expand',
        sql: ['ALTER TABLE account ADD COLUMN nickname text;'],
        transactional: true,
        locks: ['account: AccessExclusiveLock'],
        rewrites: false,
        scans: false,
        backfill: null,
        reversible: true,
        rollback: {
          sql: ['ALTER TABLE account DROP COLUMN IF EXISTS nickname;'],
          transactional: true,
          locks: ['account: AccessExclusiveLock'],
        },
      },
    ]);
  });

  it('adds a NOT NULL column with a non-volatile default in one statement (stored in the catalog)', () => {
    const { steps } = planSteps(account(), account('score: Int! @wes_default(value: 0)'));
    expect(steps).toEqual([
      {
        id: 'add-column:account.score',
        phase: 'expand',
        sql: ['ALTER TABLE account ADD COLUMN score integer DEFAULT 0 NOT NULL;'],
        transactional: true,
        locks: ['account: AccessExclusiveLock'],
        rewrites: false,
        scans: false,
        backfill: null,
        reversible: true,
        rollback: {
          sql: ['ALTER TABLE account DROP COLUMN IF EXISTS score;'],
          transactional: true,
          locks: ['account: AccessExclusiveLock'],
        },
      },
    ]);
  });

  it('treats a stable function default (now()) as non-volatile, already on PostgreSQL 11', () => {
    const { steps } = planSteps(account(), account('seenAt: DateTime! @wes_default(expr: "now()")'), { serverVersion: 110000 });
    expect(steps.map((s) => [s.id, s.sql, s.rewrites])).toEqual([
      ['add-column:account.seen_at', ['ALTER TABLE account ADD COLUMN seen_at timestamp with time zone DEFAULT now() NOT NULL;'], false],
    ]);
  });

  it('refuses to plan for PostgreSQL 10, which would rewrite the table for any default (WES105)', () => {
    const diagnostics = planRefusal(account(), account('score: Int! @wes_default(value: 0)'), { serverVersion: 100000 });
    expect(diagnostics.map((d) => d.code)).toEqual(['WES105']);
  });

  it('adds a column with a volatile default bare, sets the default for new rows, and backfills the old rows', () => {
    const { steps, diagnostics } = planSteps(account(), account('token: UUID @wes_default(expr: "gen_random_uuid()")'), { batchSize: 500 });
    expect(diagnostics).toEqual([]);
    expect(steps).toEqual([addBare, backfill(500)]);
  });

  it('makes a required volatile-default column NOT NULL after the backfill, NOT NULL NOT VALID on PostgreSQL 18', () => {
    const { steps, diagnostics } = planSteps(account(), requiredToken);
    expect(diagnostics).toEqual([]);
    expect(steps).toEqual([
      addBare,
      backfill(1000),
      {
        id: 'add-column:account.token:not-null:add',
        phase: 'validate',
        sql: ['ALTER TABLE account ADD CONSTRAINT account_token_not_null NOT NULL token NOT VALID;'],
        transactional: true,
        locks: ['account: AccessExclusiveLock'],
        rewrites: false,
        scans: false,
        backfill: null,
        reversible: true,
        rollback: {
          sql: ['ALTER TABLE account ALTER COLUMN token DROP NOT NULL;'],
          transactional: true,
          locks: ['account: AccessExclusiveLock'],
        },
      },
      validateToken,
    ]);
  });

  it('uses a CHECK (col IS NOT NULL), validated, then SET NOT NULL on PostgreSQL 12-17', () => {
    const { steps, diagnostics } = planSteps(account(), requiredToken, { serverVersion: 150000 });
    expect(diagnostics).toEqual([]);
    expect(steps).toEqual([
      addBare,
      backfill(1000),
      {
        id: 'add-column:account.token:not-null:check',
        phase: 'validate',
        sql: ['ALTER TABLE account ADD CONSTRAINT account_token_not_null CHECK (token IS NOT NULL) NOT VALID;'],
        transactional: true,
        locks: ['account: AccessExclusiveLock'],
        rewrites: false,
        scans: false,
        backfill: null,
        reversible: true,
        rollback: {
          sql: ['ALTER TABLE account DROP CONSTRAINT IF EXISTS account_token_not_null;'],
          transactional: true,
          locks: ['account: AccessExclusiveLock'],
        },
      },
      validateToken,
      {
        id: 'add-column:account.token:not-null:set',
        phase: 'validate',
        sql: ['ALTER TABLE account ALTER COLUMN token SET NOT NULL, DROP CONSTRAINT account_token_not_null;'],
        transactional: true,
        locks: ['account: AccessExclusiveLock'],
        rewrites: false,
        scans: false,
        backfill: null,
        reversible: true,
        rollback: {
          sql: [
            'ALTER TABLE account ALTER COLUMN token DROP NOT NULL, ADD CONSTRAINT account_token_not_null CHECK (token IS NOT NULL) NOT VALID;',
          ],
          transactional: true,
          locks: ['account: AccessExclusiveLock'],
        },
      },
    ]);
  });

  it('on PostgreSQL 11 sets NOT NULL with a scan under ACCESS EXCLUSIVE, and warns (WES104)', () => {
    const { steps, diagnostics } = planSteps(account(), requiredToken, { serverVersion: 110000 });
    expect(steps).toEqual([
      addBare,
      backfill(1000),
      {
        id: 'add-column:account.token:not-null',
        phase: 'validate',
        sql: ['ALTER TABLE account ALTER COLUMN token SET NOT NULL;'],
        transactional: true,
        locks: ['account: AccessExclusiveLock'],
        rewrites: false,
        scans: true,
        backfill: null,
        reversible: true,
        rollback: {
          sql: ['ALTER TABLE account ALTER COLUMN token DROP NOT NULL;'],
          transactional: true,
          locks: ['account: AccessExclusiveLock'],
        },
      },
    ]);
    expect(diagnostics.map((d) => [d.code, d.severity])).toEqual([['WES104', 'warning']]);
  });

  it('never adds the NOT NULL constraint before the backfill: updates of rows not yet filled would fail it', () => {
    for (const serverVersion of [180000, 150000, 110000]) {
      const ids = planSteps(account(), requiredToken, { serverVersion }).steps.map((s) => s.id);
      const constraintSteps = ids.filter((id) => id.includes(':not-null'));
      expect(constraintSteps.length).toBeGreaterThan(0);
      for (const id of constraintSteps) expect(ids.indexOf(id)).toBeGreaterThan(ids.indexOf('add-column:account.token:backfill'));
    }
  });

  it('backfills a table without a primary key in one UPDATE, and warns (WES106)', () => {
    const event = (...columns: ReturnType<typeof column>[]) =>
      schema([table('event', [column('payload', 'text', { nullable: true }), ...columns])]);
    const { steps, diagnostics } = planSteps(event(), event(column('token', 'uuid', { nullable: true, expr: 'gen_random_uuid()' })));
    expect(steps[1]).toEqual({
      id: 'add-column:event.token:backfill',
      phase: 'backfill',
      sql: ['UPDATE event SET token = DEFAULT WHERE event.token IS NULL;'],
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

  it('adds a generated column in one rewriting step (SHARE too: the rewrite rebuilds indexes, and locks a table without any so), and warns (WES104)', () => {
    const { steps, diagnostics } = planSteps(account(), account('nameLength: Int @wes_computed(expr: "length(name)")'));
    expect(steps).toEqual([
      {
        id: 'add-column:account.name_length',
        phase: 'expand',
        sql: ['ALTER TABLE account ADD COLUMN name_length integer GENERATED ALWAYS AS (length(name)) STORED;'],
        transactional: true,
        locks: ['account: ShareLock', 'account: AccessExclusiveLock'],
        rewrites: true,
        scans: false,
        backfill: null,
        reversible: true,
        rollback: {
          sql: ['ALTER TABLE account DROP COLUMN IF EXISTS name_length;'],
          transactional: true,
          locks: ['account: AccessExclusiveLock'],
        },
      },
    ]);
    expect(diagnostics.map((d) => [d.code, d.severity])).toEqual([['WES104', 'warning']]);

    const plain = (...columns: ReturnType<typeof column>[]) =>
      schema([table('event', [column('a', 'integer', { nullable: true }), ...columns])]);
    const unindexed = planSteps(plain(), plain(column('b', 'integer', { nullable: true, generated: 'a * 2' }))).steps;
    expect(unindexed.map((s) => [s.sql, s.locks, s.rewrites])).toEqual([
      [
        ['ALTER TABLE event ADD COLUMN b integer GENERATED ALWAYS AS (a * 2) STORED;'],
        ['event: ShareLock', 'event: AccessExclusiveLock'],
        true,
      ],
    ]);
  });

  it('refuses a NOT NULL column without a default (WES103)', () => {
    expect(planRefusal(account(), account('score: Int!'))).toEqual([
      {
        file: 'schema',
        line: 1,
        column: 1,
        code: 'WES103',
        severity: 'error',
        message: 'new column account.score is NOT NULL without a default: adding it fails as soon as the table has a row',
        help: 'give it a default with @wes_default, or add it nullable, fill it, then make it required in a later migration',
      },
    ]);
  });
});
