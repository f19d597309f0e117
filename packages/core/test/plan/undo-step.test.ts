import { beforeAll, expect, it } from 'vitest';
import { loadSqlParser, planMigration, undoStep, type PlanStep } from '@wesley/core';
import { sdlIR } from '../support/sdl-ir.js';

beforeAll(() => loadSqlParser());

const event = (index: string) =>
  sdlIR(
    `type Event @wes_table @wes_partition(by: "at", strategy: RANGE) @wes_pk(columns: ["id", "at"]) { id: Int! at: DateTime! reading: Int${index} }`,
  );

/** The planner's per-partition index build (an index on a partitioned table, planned from files). */
function perPartitionStep(): PlanStep {
  const { plan, diagnostics } = planMigration(event(''), event(' @wes_index'));
  const step = plan?.steps.find((candidate) => candidate.perPartition !== undefined);
  if (step === undefined) throw new Error(`no per-partition step: ${JSON.stringify(diagnostics)}`);
  return step;
}

it('the undo of a step runs its rollback as a step of its own, never the per-partition pattern it was built with', () => {
  const step = {
    ...perPartitionStep(),
    rollback: { sql: ['DROP INDEX IF EXISTS event_reading_idx;'], transactional: true, locks: [] },
  };
  const undo = undoStep(step);
  expect(undo).not.toBeNull();
  expect(undo).not.toHaveProperty('perPartition');
  expect(undo).toMatchObject({
    id: `rollback:${step.id}`,
    summary: `undo: ${step.summary}`,
    sql: ['DROP INDEX IF EXISTS event_reading_idx;'],
    transactional: true,
    locks: [],
    scans: false,
    repair: [],
    rollback: null,
  });
});

it('has nothing to run for a step with no rollback or an empty one', () => {
  const step = perPartitionStep();
  expect(undoStep({ ...step, rollback: null })).toBeNull();
  expect(undoStep({ ...step, rollback: { sql: [], transactional: true, locks: [] } })).toBeNull();
});
