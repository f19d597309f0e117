import type { PlanProblem, StepDataLoss } from '@wesley/core/run';

/** A migration applied (or partly applied) whose file changed since: history must not be rewritten. */
export class MigrationEditedError extends Error {
  readonly migration: string;

  constructor(migration: string, applied: string, current: string) {
    super(
      `migration ${migration} was run with checksum ${applied.slice(0, 19)}… but its file now has ${current.slice(0, 19)}…; ` +
        'a migration that has been applied, even in part, must not change: add a new migration instead',
    );
    this.name = 'MigrationEditedError';
    this.migration = migration;
  }
}

/**
 * WES155: a plan migration with steps that lose data (judged from their SQL, and from the plan's
 * `impact`), run without `allowDestructive`.
 */
export class DestructiveMigrationError extends Error {
  readonly code = 'WES155';
  readonly migration: string;
  readonly help = 'check that the data is no longer needed (and backed up), then run again with --allow-destructive';

  constructor(migration: string, steps: readonly StepDataLoss[]) {
    const described = steps.map((step) => `${step.stepId} (${step.reasons.join('; ')})`);
    super(`migration ${migration} loses data in ${described.join(', ')}; run it with --allow-destructive once that is intended`);
    this.name = 'DestructiveMigrationError';
    this.migration = migration;
  }
}

/** WES154: a `plan.json` that is not a Wesley plan that can run: every problem, at its JSON path. */
export class InvalidPlanFileError extends Error {
  readonly code = 'WES154';
  readonly problems: readonly PlanProblem[];

  constructor(file: string, problems: readonly PlanProblem[]) {
    const shown = problems.slice(0, 20).map((p) => `\n  ${p.path}: ${p.message}`);
    const more = problems.length > shown.length ? `\n  ... and ${problems.length - shown.length} more` : '';
    super(
      `${file} is not a Wesley plan that can run (${problems.length} ${problems.length === 1 ? 'problem' : 'problems'}):${shown.join('')}${more}`,
    );
    this.name = 'InvalidPlanFileError';
    this.problems = problems;
  }
}
