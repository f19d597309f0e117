import type { GateStop } from '@wesley/postgres/run';
import { exitCodes } from '../exit-codes.js';
import type { CliFailure } from '../failure/index.js';

/** How a `wesley migrate` run ended. */
export type MigrateOutcome =
  | {
      readonly kind: 'done';
      /** Migrations applied by this run, in order. */
      readonly applied: readonly string[];
      /** The migration `--to` or the windows stopped in, or `null`. */
      readonly stoppedIn: string | null;
      /** Why the windows stopped it, or `null`. */
      readonly gateStop: GateStop | null;
      /** Migrations in the directory, applied before or now. */
      readonly total: number;
      readonly durationMs: number;
    }
  | { readonly kind: 'failed'; readonly failure: CliFailure; readonly durationMs: number };

/** The exit code of a run that did not fail: 0, or 4 when the windows stopped it before the end (the next run goes on). */
export function doneExitCode(outcome: Extract<MigrateOutcome, { kind: 'done' }>): number {
  return outcome.gateStop === null ? exitCodes.ok : exitCodes.outsideWindow;
}
