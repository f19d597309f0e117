import type { Phase, Plan } from '@wesley/core/run';
import type { MigrateEvent } from '@wesley/postgres/run';

/** The step running now, as the events have told it. */
export interface StepProgress {
  readonly id: string;
  /** From the migration's plan; `null` when the plan could not be read beforehand. */
  readonly phase: Phase | null;
  /** 1-based position in the plan, or `null`. */
  readonly number: number | null;
  readonly startedAt: number;
  /** Backfill batches committed so far. */
  batches: number;
  /** Rows those batches covered at most (each reports its batch size; the last may be short). */
  rows: number;
  /** The sizes of those batches (sized by time: they grow and shrink) and of the next one; `null` before the first. */
  batchSizes: { readonly smallest: number; readonly largest: number; readonly next: number } | null;
  /** A per-partition step's partitions done of those the table has, once one is; else `null`. */
  partitions: { readonly done: number; readonly total: number } | null;
  /** Its predicted duration on this server (`--explain`), or `null`. */
  readonly predictedMs: number | null;
}

/** The migration running now. */
export interface MigrationProgress {
  readonly name: string;
  readonly type: 'plan' | 'sql';
  readonly startedAt: number;
  /** Steps in its plan, or `null` for a SQL file (or an unreadable plan). */
  readonly steps: number | null;
  /** Steps finished by this run. */
  stepsDone: number;
  /** Statements of a SQL file run so far. */
  statements: number;
  /** The step running now; `null` between steps. */
  step: StepProgress | null;
  /** Applied, or stopped by `--to`: whatever comes next is not its doing. */
  ended: boolean;
}

/**
 * Follows a run's `MigrateEvent`s: which migration and step are running, since when, how many
 * rows are backfilled. Shared by the spinner and the plain log, which only differ in how they
 * show it.
 */
export class MigrateProgress {
  migration: MigrationProgress | null = null;
  /** When this run started waiting for another migrator's lock, or `null`. */
  lockWaitSince: number | null = null;
  /** Predicted durations (the `estimates` event), by migration then step id. */
  private readonly predicted = new Map<string, Map<string, number>>();

  constructor(
    private readonly plans: ReadonlyMap<string, Plan>,
    private readonly now: () => number = Date.now,
  ) {}

  apply(event: MigrateEvent): void {
    const migration = this.migration;
    switch (event.kind) {
      case 'lock-wait':
        this.lockWaitSince = this.now();
        return;
      case 'migration-start':
        this.lockWaitSince = null;
        this.migration = {
          name: event.migration,
          type: event.type,
          startedAt: this.now(),
          steps: this.plans.get(event.migration)?.steps.length ?? null,
          stepsDone: 0,
          statements: 0,
          step: null,
          ended: false,
        };
        return;
      case 'step-start': {
        if (migration === null) return;
        const steps = this.plans.get(migration.name)?.steps ?? [];
        const index = steps.findIndex((step) => step.id === event.stepId);
        migration.step = {
          id: event.stepId,
          phase: steps[index]?.phase ?? null,
          number: index < 0 ? null : index + 1,
          startedAt: this.now(),
          batches: 0,
          rows: 0,
          batchSizes: null,
          partitions: null,
          predictedMs: this.predicted.get(migration.name)?.get(event.stepId) ?? null,
        };
        return;
      }
      case 'batch':
        if (migration?.step?.id !== event.stepId) return;
        migration.step.batches++;
        migration.step.rows += event.rows;
        migration.step.batchSizes = {
          smallest: Math.min(event.rows, migration.step.batchSizes?.smallest ?? event.rows),
          largest: Math.max(event.rows, migration.step.batchSizes?.largest ?? event.rows),
          next: event.nextRows,
        };
        return;
      case 'partition-done':
        if (migration?.step?.id !== event.stepId) return;
        migration.step.partitions = { done: event.done, total: event.total };
        return;
      case 'step-done':
        if (migration === null) return;
        migration.stepsDone++;
        migration.step = null;
        return;
      case 'statements':
        if (migration !== null) migration.statements = event.done;
        return;
      case 'migration-done':
      case 'migration-stopped':
        if (migration !== null) migration.ended = true;
        return;
      case 'window-closed':
        if (migration !== null && !event.waiting) migration.ended = true;
        return;
      case 'estimates':
        for (const { migration: name, stepId, predictedMs } of event.steps) {
          const steps = this.predicted.get(name) ?? new Map<string, number>();
          this.predicted.set(name, steps.set(stepId, predictedMs));
        }
        return;
      // Nothing to keep: the reporters show them as they come.
      case 'step-retry':
      case 'holder-wait':
      case 'holder-wait-end':
      case 'notice':
      case 'window-open':
      case 'throttle':
      case 'throttle-end':
        return;
    }
    // Every kind returns above: a kind added to MigrateEvent and not handled does not compile.
    event satisfies never;
  }

  /** Milliseconds since `since`. */
  elapsed(since: number): number {
    return this.now() - since;
  }
}
