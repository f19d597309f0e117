import { batchSizingDefaults, compileSchema, planMigration, type Plan } from '@wesley/core';
import { stepsUpTo, type LedgerStep } from '@wesley/postgres';
import { describe, expect, it } from 'vitest';
import { renderPlanDryRun } from '../../src/migrate/dry-run-plan.js';

const timeouts = { lockTimeoutMs: 1000, statementTimeoutMs: 0, concurrentLockTimeoutMs: 300_000, ...batchSizingDefaults };

function plan(): Plan {
  const compile = (body: string) => compileSchema({ name: 's.graphql', body }).ir;
  const from = compile('type A @wes_table { id: Int! @wes_pk name: String }');
  const to = compile('type A @wes_table { id: Int! @wes_pk name: String @wes_index token: UUID! @wes_default(expr: "gen_random_uuid()") }');
  if (from === null || to === null) throw new Error('fixture does not compile');
  const result = planMigration(from, to, { batchSize: 50 }).plan;
  if (result === null) throw new Error('no plan');
  return result;
}

const ids = (p: Plan) => p.steps.map((step) => step.id);

describe('renderPlanDryRun', () => {
  it('renders the steps the fixture plan has', () => {
    expect(ids(plan())).toEqual([
      'add-column:a.token:add',
      'add-index:a.a_name_idx',
      'add-column:a.token:backfill',
      'add-column:a.token:not-null:add',
      'add-column:a.token:not-null:validate',
    ]);
  });

  it('names the steps an earlier run applied, repairs an interrupted concurrent build, and resumes a backfill after its cursor', () => {
    const ledger = new Map<string, LedgerStep>([
      ['add-column:a.token:add', { status: 'applied', attempts: 1, cursor: null }],
      ['add-index:a.a_name_idx', { status: 'running', attempts: 1, cursor: null }],
      ['add-column:a.token:backfill', { status: 'running', attempts: 1, cursor: [150] }],
    ]);
    const { sql, stopped } = renderPlanDryRun('0002_token', plan(), { ledger, include: undefined, timeouts });
    expect(stopped).toBe(false);
    expect(sql).toContain('-- applied by an earlier run:\n--   0002_token, step 1/5 (expand): add-column:a.token:add\n\n');
    expect(sql).toContain(
      [
        '-- an earlier run was interrupted in this step: first its repair',
        'DROP INDEX CONCURRENTLY IF EXISTS a_name_idx;',
        "SET lock_timeout = '300000ms';",
        'CREATE INDEX CONCURRENTLY a_name_idx ON a (name);',
        'RESET lock_timeout;',
      ].join('\n'),
    );
    expect(sql).toContain(
      "-- an earlier run committed the batches up to id = [150]; it goes on from there\n-- then each next batch, $1 = the last id of the batch before, $2 = the next batch's size: the rows the last one's rate fits in 100 ms, at most 2x the last, from 100 to 100000:\nBEGIN;",
    );
    // Fixed batches (--batch-min-rows 50 --batch-max-rows 50): the size itself.
    const fixed = renderPlanDryRun('0002_token', plan(), {
      ledger: new Map(),
      include: undefined,
      timeouts: { ...timeouts, batchMinRows: 50, batchMaxRows: 50 },
    }).sql;
    expect(fixed).toContain('-- the first batch, $1 = 50:');
    expect(fixed).toContain('-- then each next batch, $1 = the last id of the batch before, $2 = 50:');
    expect(sql).toContain(
      '-- one transaction per batch, the first of up to 100 rows, each next one sized by time, by id, until a batch finds no row',
    );
    expect(sql).not.toContain('-- the first batch');
  });

  it('stops where --to does', () => {
    const p = plan();
    const { sql, stopped } = renderPlanDryRun('0002_token', p, {
      ledger: new Map(),
      include: stepsUpTo(p, 'add-index:a.a_name_idx'),
      timeouts,
    });
    expect(stopped).toBe(true);
    expect(sql).toContain('CREATE INDEX CONCURRENTLY a_name_idx ON a (name);');
    expect(sql).not.toContain('WITH batch AS');
    expect(
      sql.endsWith(
        '-- --to stops the run before 0002_token, step 3/5 (backfill): add-column:a.token:backfill; it and every later migration stay pending',
      ),
    ).toBe(true);
  });
});
