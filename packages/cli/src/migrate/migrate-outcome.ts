import type { CliFailure } from '../failure/index.js';

/** How a `wesley migrate` run ended. */
export type MigrateOutcome =
  | {
      readonly kind: 'done';
      /** Migrations applied by this run, in order. */
      readonly applied: readonly string[];
      /** The migration `--to` stopped in, or `null`. */
      readonly stoppedIn: string | null;
      /** Migrations in the directory, applied before or now. */
      readonly total: number;
      readonly durationMs: number;
    }
  | { readonly kind: 'failed'; readonly failure: CliFailure; readonly durationMs: number };
