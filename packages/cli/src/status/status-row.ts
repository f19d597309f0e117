import type { LedgerMigration, MigrationState, MigrationStatus } from '@wesley/postgres';
import { nextCommands, type NextCommand } from './next-commands.js';

/** One migration as `wesley status` reports it, in text or JSON. */
export interface StatusRow {
  readonly name: string;
  readonly state: MigrationState;
  /** `plan` or `sql`; from the ledger for a migration whose file is gone. */
  readonly kind: 'plan' | 'sql' | null;
  /** When it finished applying (ISO 8601), or `null`. */
  readonly appliedAt: string | null;
  /** When a run started it (ISO 8601), or `null` while pending. */
  readonly startedAt: string | null;
  /** Who ran it (`user@host`), or `null` while pending. */
  readonly appliedBy: string | null;
  readonly durationMs: number | null;
  /** Steps applied (planned migrations), and how many the plan has when its file can be read. */
  readonly stepsApplied: number;
  readonly steps: number | null;
  /** For `renamed`: the name the database applied it under. */
  readonly renamedFrom: string | null;
  /** The ledger's status (`running`, `applied`, `rolling-back`, `rolled-back`), `null` when it does not know the migration. */
  readonly recorded: LedgerMigration['status'] | null;
  /** Who recorded its state by hand (`wesley migrate resolve`), or `null`. */
  readonly resolvedBy: string | null;
  /** For `running`, and `rolling back` while a rollback runs: the backend of the migrator, else `null`. */
  readonly pid: number | null;
  /** For a migration stopped part way: the commands that continue, roll back or resolve it. */
  readonly next: readonly NextCommand[];
}

/** The report row of `status`; `kind` and `steps` come from the directory, `flags` name it and the database in `next`. */
export function statusRow(status: MigrationStatus, kind: 'plan' | 'sql' | undefined, steps: number | undefined, flags: string): StatusRow {
  const ledger = status.ledger;
  return {
    name: status.name,
    state: status.state,
    kind: kind ?? ledger?.kind ?? null,
    appliedAt: ledger?.finishedAt?.toISOString() ?? null,
    startedAt: ledger?.startedAt.toISOString() ?? null,
    appliedBy: ledger?.appliedBy ?? null,
    durationMs: ledger?.durationMs ?? null,
    stepsApplied: status.stepsApplied,
    steps: steps ?? null,
    renamedFrom: status.renamedFrom,
    pid: status.pid,
    recorded: ledger?.status ?? null,
    resolvedBy: ledger?.resolvedBy ?? null,
    // A migrator running it now moves it on: no command to give.
    next: status.pid === null ? nextCommands(status.name, status.state, kind ?? ledger?.kind ?? null, flags) : [],
  };
}
