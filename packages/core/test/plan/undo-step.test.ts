import { expect, it } from 'vitest';
import { undoStep } from '../../src/plan/undo-step.js';
import type { PlanStep } from '../../src/plan/plan-types.js';

const step: PlanStep = {
  kind: 'step',
  id: 'add-index:event.event_at_idx:partitions',
  operation: 'addIndex',
  phase: 'expand',
  summary: 'build event_at_idx on each partition of event',
  sql: [
    'CREATE INDEX CONCURRENTLY {index} ON {partition} (at);',
    'CREATE INDEX {index} ON ONLY {partition} (at);',
    'ALTER INDEX {parent_index} ATTACH PARTITION {index};',
  ],
  transactional: false,
  locks: [{ relation: 'event', mode: 'ShareUpdateExclusiveLock' }],
  rewrites: false,
  scans: true,
  backfill: null,
  perPartition: {
    kind: 'perPartition',
    table: 'event',
    index: 'event_at_idx',
    build: 'CREATE INDEX CONCURRENTLY {index} ON {partition} (at);',
    shell: 'CREATE INDEX {index} ON ONLY {partition} (at);',
    attach: 'ALTER INDEX {parent_index} ATTACH PARTITION {index};',
  },
  repair: [],
  impact: { code: 'safe', data: 'safe', reason: 'a new index' },
  reversible: true,
  rollback: {
    sql: ['DROP INDEX IF EXISTS event_at_idx;'],
    transactional: true,
    locks: [{ relation: 'event', mode: 'AccessExclusiveLock' }],
  },
} as PlanStep;

it('the undo of a step runs its rollback as a step of its own, never the per-partition pattern it was built with', () => {
  const undo = undoStep(step);
  expect(undo).not.toBeNull();
  expect(undo).not.toHaveProperty('perPartition');
  expect(undo).toMatchObject({
    id: 'rollback:add-index:event.event_at_idx:partitions',
    summary: 'undo: build event_at_idx on each partition of event',
    sql: ['DROP INDEX IF EXISTS event_at_idx;'],
    transactional: true,
    locks: [{ relation: 'event', mode: 'AccessExclusiveLock' }],
    scans: false,
    repair: [],
    rollback: null,
  });
});

it('has nothing to run for a step with no rollback or an empty one', () => {
  expect(undoStep({ ...step, rollback: null })).toBeNull();
  expect(undoStep({ ...step, rollback: { sql: [], transactional: true, locks: [] } })).toBeNull();
});
