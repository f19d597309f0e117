import type { MigrateEvent } from '@wesley/postgres/run';
import type { MigrateOutcome } from './migrate-outcome.js';

/** Shows a run as it goes: a spinner on a terminal, plain lines in a log, or JSON lines. */
export interface MigrateReporter {
  /** Each event of the migrator, as it happens. */
  event(event: MigrateEvent): void;
  /** Once, at the end: the summary, or the failure. */
  finish(outcome: MigrateOutcome): void;
}
