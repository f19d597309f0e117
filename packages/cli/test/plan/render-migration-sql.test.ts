import type { Plan, PlanStep } from '@wesley/core';
import { describe, expect, it } from 'vitest';
import { renderMigrationSql } from '../../src/plan/render-migration-sql.js';

const base: PlanStep = {
  kind: 'step',
  id: 'add-column:account.bio',
  operation: 'addColumn',
  phase: 'expand',
  summary: 'add column account.bio',
  sql: ['ALTER TABLE account ADD COLUMN bio text;'],
  transactional: true,
  locks: [{ relation: 'account', mode: 'AccessExclusiveLock' }],
  rewrites: false,
  scans: false,
  backfill: null,
  repair: [],
  impact: { app: 'safe', data: 'safe', reason: 'new column bio' },
  reversible: true,
  rollback: { sql: ['ALTER TABLE account DROP COLUMN IF EXISTS bio;'], transactional: true, locks: [] },
  blocking: null,
  approval: null,
};

const concurrent: PlanStep = {
  ...base,
  id: 'add-index:account.account_bio_idx',
  operation: 'addIndex',
  summary: 'build index account_bio_idx on account concurrently',
  sql: ['CREATE INDEX CONCURRENTLY account_bio_idx ON account (bio);'],
  transactional: false,
  locks: [{ relation: 'account', mode: 'ShareUpdateExclusiveLock' }],
  repair: ['DROP INDEX CONCURRENTLY IF EXISTS account_bio_idx;'],
};

const backfill: PlanStep = {
  ...base,
  id: 'add-column:account.token:backfill',
  phase: 'backfill',
  summary: 'fill account.token',
  sql: ['SELECT first;', 'SELECT next;'],
  locks: [
    { relation: 'account', mode: 'RowExclusiveLock' },
    { relation: 'account', mode: 'RowShareLock' },
  ],
  backfill: {
    kind: 'backfill',
    table: 'account',
    key: ['tenant', 'Id'],
    batchSize: 50,
    firstBatch: 'SELECT $1 AS first;',
    nextBatch: "SELECT 'it''s' WHERE $3 > 0;",
  },
};

const plan = (steps: PlanStep[]): Plan => ({
  kind: 'plan',
  from: 'sha256:aaa',
  to: 'sha256:bbb',
  serverVersion: 150004,
  assumptions: { kind: 'assumptions', serverVersion: { minimum: 130000, below: 170000 }, tables: [] },
  steps,
});

/** The block of step `id`: from its header to the blank line before the next one. */
function block(sql: string, id: string): string {
  return (
    sql
      .trimEnd()
      .split('\n\n')
      .find((b) => b.includes(`: ${id}\n`)) ?? ''
  );
}

describe('renderMigrationSql', () => {
  it('starts with a header naming the direction, the server, both hashes and how to run it', () => {
    const lines = renderMigrationSql(plan([base]), 'up').split('\n');
    expect(lines.slice(0, 5)).toEqual([
      '-- Wesley migration, up: 1 step, planned for PostgreSQL 15.4.',
      '-- From schema sha256:aaa',
      '-- to schema   sha256:bbb (hashes of the IR).',
      '--',
      '-- Apply with: psql -v ON_ERROR_STOP=1 -f up.sql <database url>',
    ]);
    expect(renderMigrationSql(plan([base]), 'down')).toContain('-- Undoes up.sql, last step first.\n');
  });

  it('wraps a transactional step in BEGIN, SET LOCAL lock_timeout and COMMIT under its header', () => {
    expect(block(renderMigrationSql(plan([base, concurrent]), 'up'), base.id)).toBe(
      [
        '-- step 1 of 2: add-column:account.bio',
        '-- phase: expand; transaction: yes; locks: account (AccessExclusiveLock)',
        '-- add column account.bio',
        'BEGIN;',
        "SET LOCAL lock_timeout = '1s';",
        'ALTER TABLE account ADD COLUMN bio text;',
        'COMMIT;',
      ].join('\n'),
    );
  });

  it('says in the header of a step that can lock rows out of a running application who loses what', () => {
    const enable: PlanStep = {
      ...base,
      id: 'set-row-security:account.row_security',
      operation: 'setRowSecurity',
      phase: 'contract',
      summary: 'enable row-level security on account',
      sql: ['ALTER TABLE account ENABLE ROW LEVEL SECURITY;'],
      impact: {
        app: 'breaking',
        data: 'safe',
        reason: 'row-level security is enabled on account: ...',
        lockout: 'a session that sets no tenant sees none',
      },
    };
    expect(
      block(renderMigrationSql(plan([enable]), 'up'), enable.id)
        .split('\n')
        .slice(0, 4),
    ).toEqual([
      '-- step 1 of 1: set-row-security:account.row_security',
      '-- phase: contract; transaction: yes; locks: account (AccessExclusiveLock)',
      '-- enable row-level security on account',
      '-- LOCKS ROWS OUT of a running application: a session that sets no tenant sees none',
    ]);
    expect(renderMigrationSql(plan([base]), 'up')).not.toContain('LOCKS ROWS OUT');
  });

  it('leaves a step that cannot run in a transaction bare, saying how to repair it for a rerun', () => {
    expect(block(renderMigrationSql(plan([base, concurrent]), 'up'), concurrent.id)).toBe(
      [
        '-- step 2 of 2: add-index:account.account_bio_idx',
        '-- phase: expand; transaction: no, runs on its own; locks: account (ShareUpdateExclusiveLock)',
        '-- build index account_bio_idx on account concurrently',
        '-- to run this step again after it failed, first run:',
        '--   DROP INDEX CONCURRENTLY IF EXISTS account_bio_idx;',
        'CREATE INDEX CONCURRENTLY account_bio_idx ON account (bio);',
      ].join('\n'),
    );
  });

  it('runs a backfill as a DO block looping over the batch templates, the cursor from the last key', () => {
    const text = block(renderMigrationSql(plan([backfill]), 'up'), backfill.id);
    expect(text.split('\n').slice(0, 3)).toEqual([
      '-- step 1 of 1: add-column:account.token:backfill',
      '-- phase: backfill; transaction: one per batch of 50 rows by tenant, Id; locks: account (RowExclusiveLock, RowShareLock)',
      '-- fill account.token',
    ]);
    expect(text).toContain('EXECUTE $batch$SELECT $1 AS first;$batch$\n    INTO last_key USING 50;');
    expect(text).toContain(
      `EXECUTE $batch$SELECT 'it''s' WHERE $3 > 0;$batch$\n      INTO last_key USING last_key.tenant, last_key."Id", 50;`,
    );
    expect(text).toMatch(/^DO \$wesley_backfill\$\n[\s\S]*\n {4}COMMIT;\n[\s\S]*\n\$wesley_backfill\$;$/m);
  });

  it('flattens line breaks in names so a comment cannot end early', () => {
    const sneaky: PlanStep = { ...base, id: 'add-column:x.\nDROP TABLE y;', summary: 'a\r\nDROP TABLE z;' };
    const sql = renderMigrationSql(plan([sneaky]), 'up');
    expect(sql.split('\n').filter((line) => line.startsWith('DROP'))).toEqual([]);
    expect(sql).toContain('-- step 1 of 1: add-column:x. DROP TABLE y;\n');
  });
});
