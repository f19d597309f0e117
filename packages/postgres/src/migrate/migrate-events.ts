import type { RunEvent } from '../execute/run-options.js';

/** What the migrator reports as it goes: for the terminal progress display and `--json`. */
export type MigrateEvent =
  | RunEvent
  | { readonly kind: 'lock-wait'; readonly name: string }
  | { readonly kind: 'migration-start'; readonly migration: string; readonly type: 'plan' | 'sql'; readonly resumed: boolean }
  | { readonly kind: 'migration-done'; readonly migration: string; readonly durationMs: number }
  | { readonly kind: 'migration-stopped'; readonly migration: string; readonly after: string }
  | { readonly kind: 'statements'; readonly migration: string; readonly done: number }
  | { readonly kind: 'notice'; readonly message: string }
  /**
   * A `backfill`, `validate` or `contract` step outside every window: the run stops before it,
   * or with `waiting` (`--wait`) sleeps until `opensAt` (described in the window's zone and
   * UTC; `opensAtUtc` is ISO 8601).
   */
  | {
      readonly kind: 'window-closed';
      readonly migration: string;
      readonly stepId: string;
      readonly opensAt: string;
      readonly opensAtUtc: string;
      readonly waiting: boolean;
    }
  /** The window opened after a wait of `waitedMs`: the run goes on with `stepId`. */
  | { readonly kind: 'window-open'; readonly migration: string; readonly stepId: string; readonly waitedMs: number }
  /** Before a batch of `stepId`, the server is over a throttle limit: the backfill pauses until it is under every limit. */
  | {
      readonly kind: 'throttle';
      readonly migration: string;
      readonly stepId: string;
      readonly limit: { readonly kind: 'replica-lag' | 'active-sessions'; readonly value: number; readonly max: number };
    }
  /** The throttle pause of `stepId` ended after `pausedMs`: the backfill goes on. */
  | { readonly kind: 'throttle-end'; readonly migration: string; readonly stepId: string; readonly pausedMs: number }
  | {
      /**
       * Before the run, with `--explain`: each pending planned step's predicted duration on this
       * server (`estimateSteps`), so the progress can show it beside the time the step takes.
       */
      readonly kind: 'estimates';
      readonly steps: readonly { readonly migration: string; readonly stepId: string; readonly predictedMs: number }[];
      readonly bottleneck: { readonly migration: string; readonly stepId: string } | null;
      readonly totalMs: number;
    };
