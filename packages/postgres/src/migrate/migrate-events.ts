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
