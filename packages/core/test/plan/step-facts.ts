import { lockTarget, planMigration, type Diagnostic, type PlanOptions, type PlanStep, type SchemaIR } from '@wesley/core';
import { sdlIR } from '../support/sdl-ir.js';

/**
 * What a test asserts about a step: everything the executor and explain output act on, with
 * locks spelled `table: Mode` (`lockTarget` for a scoped claim). The summary and impact (prose) are left out.
 */
export interface StepFacts {
  readonly id: string;
  readonly phase: PlanStep['phase'];
  readonly sql: readonly string[];
  readonly transactional: boolean;
  readonly locks: readonly string[];
  readonly rewrites: boolean;
  readonly scans: boolean;
  readonly backfill: { readonly table: string; readonly key: readonly string[]; readonly batchSize: number } | null;
  readonly reversible: boolean;
  readonly rollback: { readonly sql: readonly string[]; readonly transactional: boolean; readonly locks: readonly string[] } | null;
}

/** `event: ShareLock`, `each partition of event: ShareLock`, `event and each partition: ShareLock` (`lockTarget`). */
const lockText = (claims: PlanStep['locks']): string[] => claims.map((claim) => `${lockTarget(claim)}: ${claim.mode}`);

export function stepFacts(step: PlanStep): StepFacts {
  return {
    id: step.id,
    phase: step.phase,
    sql: step.sql,
    transactional: step.transactional,
    locks: lockText(step.locks),
    rewrites: step.rewrites,
    scans: step.scans,
    backfill: step.backfill === null ? null : { table: step.backfill.table, key: step.backfill.key, batchSize: step.backfill.batchSize },
    reversible: step.reversible,
    rollback:
      step.rollback === null
        ? null
        : { sql: step.rollback.sql, transactional: step.rollback.transactional, locks: lockText(step.rollback.locks) },
  };
}

/** A schema version as SDL text or as an IR (for shapes the compiler refuses, e.g. no primary key). */
export type Version = string | SchemaIR;

const toIR = (version: Version): SchemaIR => (typeof version === 'string' ? sdlIR(version) : version);

/**
 * Plans `from` -> `to` and returns the facts of every step, with the diagnostics. Fails the
 * test when the planner refuses (no plan). Blocking steps are allowed, so that an operation's
 * blocking pattern can be asserted: each is still reported (WES104, a warning then), which
 * test/diagnostics/WES104.test.ts holds to an error without the approval.
 */
export function planSteps(
  from: Version,
  to: Version,
  options: PlanOptions = {},
): { steps: StepFacts[]; diagnostics: readonly Diagnostic[] } {
  const result = planMigration(toIR(from), toIR(to), { allowBlocking: { reason: 'planned in a test' }, ...options });
  if (result.plan === null) throw new Error(`expected a plan, got ${JSON.stringify(result.diagnostics, null, 2)}`);
  return { steps: result.plan.steps.map(stepFacts), diagnostics: result.diagnostics };
}

/** Plans `from` -> `to`, which the planner must refuse, and returns the diagnostics. */
export function planRefusal(from: Version, to: Version, options: PlanOptions = {}): readonly Diagnostic[] {
  const result = planMigration(toIR(from), toIR(to), options);
  if (result.plan !== null) throw new Error(`expected a refusal, got ${result.plan.steps.length} steps`);
  return result.diagnostics;
}

/** The facts every per-partition step shares: one transaction per partition, none whole; its rollback is its parent step's. */
export const perPartitionFacts = {
  transactional: false,
  rewrites: false,
  backfill: null,
  reversible: true,
  rollback: { sql: [], transactional: true, locks: [] },
} as const;
