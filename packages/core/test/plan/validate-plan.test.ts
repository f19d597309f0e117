import { beforeAll, describe, expect, it } from 'vitest';
import { loadSqlParser, planDataLoss, planMigration, stableStringify, validatePlan, type Plan } from '@wesley/core';
import { lockTableSamples } from './lock-table-samples.js';

beforeAll(() => loadSqlParser());

/** Every plan the planner makes for the samples of every operation kind (with drops allowed). */
const plans: readonly { name: string; plan: Plan }[] = lockTableSamples.flatMap((sample) => {
  const { plan } = planMigration(sample.from, sample.to, {
    allowDestructive: true,
    allowBlocking: { reason: 'every pattern, blocking ones too' },
    ...sample.options,
  });
  return plan === null ? [] : [{ name: `${sample.kind}: ${sample.variant}`, plan }];
});

const sample = plans.find(({ plan }) => plan.steps.some((s) => s.backfill !== null))?.plan;
if (sample === undefined) throw new Error('no sample plan with a backfill');
/** The sample plan as plan.json would hold it, to edit. */
const json = (): Record<string, unknown> & { steps: Record<string, unknown>[] } =>
  JSON.parse(stableStringify(sample)) as Record<string, unknown> & { steps: Record<string, unknown>[] };

describe('validatePlan', () => {
  it.each(plans)('takes the planner’s plan as it wrote it: $name', async ({ plan }) => {
    expect(await validatePlan(JSON.parse(stableStringify(plan)))).toEqual({ ok: true, plan });
  });

  it('reports every problem with its JSON path, not only the first', async () => {
    const value = json();
    const backfill = value.steps.findIndex((s) => s.backfill !== null);
    value.steps[backfill] = { ...value.steps[backfill], backfill: {} };
    value.steps[0] = { ...value.steps[0], transactional: 'yes', colour: 'red' };
    delete value.serverVersion;
    const result = await validatePlan(value);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problems).toEqual(
      expect.arrayContaining([
        { path: '$', message: 'missing "serverVersion"' },
        { path: '$.steps[0].transactional', message: 'expected true or false, found "yes"' },
        { path: '$.steps[0].colour', message: 'unknown field' },
        ...['kind', 'table', 'key', 'batchSize', 'firstBatch', 'nextBatch'].map((key) => ({
          path: `$.steps[${backfill}].backfill`,
          message: `missing "${key}"`,
        })),
      ]),
    );
  });

  it('parses every statement: a syntax error, a COMMIT inside a step, two statements in a batch', async () => {
    const value = json();
    const backfill = value.steps.findIndex((s) => s.backfill !== null);
    const batches = value.steps[backfill]?.backfill as Record<string, unknown>;
    value.steps[0] = { ...value.steps[0], sql: ['CREAT TABLE x (id int);', 'SELECT 1; COMMIT;'] };
    value.steps[backfill] = { ...value.steps[backfill], backfill: { ...batches, nextBatch: 'SELECT 1; SELECT 2;' } };
    const result = await validatePlan(value);
    expect(!result.ok && result.problems).toEqual(
      expect.arrayContaining([
        { path: '$.steps[0].sql[0]', message: 'syntax error at or near "CREAT" at character 1' },
        {
          path: '$.steps[0].sql[1]',
          message: 'COMMIT: a step may not control its transaction (the executor opens and commits it, with the ledger record)',
        },
        { path: `$.steps[${backfill}].backfill.nextBatch`, message: 'expected one statement, found 2' },
      ]),
    );
  });

  it('refuses a step outside a transaction that is not a concurrent index build or an enum label', async () => {
    const value = json();
    value.steps[0] = { ...value.steps[0], transactional: false, sql: ['INSERT INTO account VALUES (1);'] };
    const result = await validatePlan(value);
    expect(!result.ok && result.problems).toContainEqual({
      path: '$.steps[0].sql[0]',
      message:
        'InsertStmt in a step that is not transactional: only CONCURRENTLY index statements and ALTER TYPE ... ADD VALUE may run outside a transaction',
    });
  });

  it('refuses duplicate step ids, phases out of order and values outside their lists', async () => {
    const value = json();
    const last = value.steps.length - 1;
    value.steps[last] = { ...value.steps[last], id: value.steps[0]?.id, phase: 'expand', operation: 'dropEverything' };
    value.steps[0] = { ...value.steps[0], phase: 'contract', locks: [{ relation: 'account', mode: 'TotalLock' }] };
    const result = await validatePlan(value);
    expect(!result.ok && result.problems.map((p) => p.path)).toEqual(
      expect.arrayContaining([`$.steps[${last}].id`, `$.steps[1].phase`, `$.steps[${last}].operation`, '$.steps[0].locks[0].mode']),
    );
  });

  it('holds what a step blocks to its facts: a blocking step said to block nothing, or an approval of one that blocks nothing, is refused', async () => {
    const blocking = plans.find(({ plan }) => plan.steps.some((s) => s.blocking !== null))?.plan;
    if (blocking === undefined) throw new Error('no sample plan with a blocking step');
    const value = JSON.parse(stableStringify(blocking)) as { steps: Record<string, unknown>[] };
    const at = blocking.steps.findIndex((s) => s.blocking !== null);
    const calm = blocking.steps.findIndex((s) => s.blocking === null);
    value.steps[at] = { ...value.steps[at], blocking: null, approval: null };
    if (calm >= 0) value.steps[calm] = { ...value.steps[calm], approval: { reason: 'just in case' } };
    const result = await validatePlan(value);
    const problems = result.ok ? [] : result.problems;
    expect(problems.map((p) => p.path).sort()).toEqual(
      [`$.steps[${at}].blocking`, ...(calm >= 0 ? [`$.steps[${calm}].approval`] : [])].sort(),
    );
    expect(problems.find((p) => p.path.endsWith('.blocking'))?.message).toMatch(
      /^the step's locks, rewrites and scans say it holds \w+Lock on .* during a (scan|rewrite): (writes|reads and writes) wait until it ends: expected \{/,
    );
    expect(problems.find((p) => p.path.endsWith('.approval'))?.message).toBe('an approval of a step that does not block: expected null');
  });

  it('holds a claim renamedFrom to a rename the statements make: the holder wait finds the table by that name', async () => {
    const renaming = plans.find(({ plan }) => plan.steps.some((s) => s.operation === 'renameTable'))?.plan;
    if (renaming === undefined) throw new Error('no sample plan that renames a table');
    const at = renaming.steps.findIndex((s) => s.operation === 'renameTable');
    const step = renaming.steps[at];
    const claim = step?.locks[0];
    const undo = step?.rollback?.locks[0];
    expect(claim?.renamedFrom).toBeDefined();
    // The undo renames it back: found under the name the step gave it.
    expect(undo).toEqual({ relation: claim?.renamedFrom, mode: claim?.mode, renamedFrom: claim?.relation });
    const problemsOf = async (
      edit: (step: { locks: Record<string, unknown>[]; rollback: { locks: Record<string, unknown>[] } }) => void,
    ) => {
      const value = JSON.parse(stableStringify(renaming)) as { steps: Parameters<typeof edit>[0][] };
      const edited = value.steps[at];
      if (edited === undefined) throw new Error('no step');
      edit(edited);
      const result = await validatePlan(value);
      return result.ok ? [] : result.problems;
    };
    expect(await problemsOf((s) => (s.locks[0] = { ...s.locks[0], renamedFrom: 'somewhere_else' }))).toEqual([
      { path: `$.steps[${at}].locks[0].renamedFrom`, message: `the statements do not rename table somewhere_else to ${claim?.relation}` },
    ]);
    // The undo's claim is held to the undo's statements (which rename the other way).
    expect(await problemsOf((s) => (s.rollback.locks[0] = { ...s.rollback.locks[0], renamedFrom: claim?.renamedFrom }))).toEqual([
      {
        path: `$.steps[${at}].rollback.locks[0].renamedFrom`,
        message: `the statements do not rename table ${claim?.renamedFrom} to ${claim?.renamedFrom}`,
      },
    ]);
    expect(await problemsOf((s) => (s.locks[0] = { ...s.locks[0], renamedFrom: '' }))).toEqual([
      { path: `$.steps[${at}].locks[0].renamedFrom`, message: 'expected a non-empty string, found ""' },
    ]);
  });

  it('refuses what is not a plan at all', async () => {
    for (const value of [null, [], 'plan', { kind: 'plan' }]) expect((await validatePlan(value)).ok).toBe(false);
  });
});

describe('planDataLoss', () => {
  it.each(plans)('judges the planner’s steps as the plan does: $name', ({ plan }) => {
    const breaking = plan.steps.filter((s) => s.impact.data === 'breaking').map((s) => s.id);
    expect(planDataLoss(plan).map((loss) => loss.stepId)).toEqual(breaking);
  });
});
