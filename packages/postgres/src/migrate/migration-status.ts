import type { Connection } from '../connect/connect.js';
import { isFrozen } from './frozen-migration.js';
import { hasLedger, readMigrations, readSteps, type LedgerMigration, type LedgerStep } from './ledger.js';
import { listMigrationFiles } from './migration-files.js';
import { migrationLockHolder } from './migration-lock-holder.js';
import { migrationHistory } from './migration-history.js';

export type MigrationState =
  'applied' | 'pending' | 'running' | 'stopped' | 'rolling back' | 'rolled back' | 'edited' | 'missing file' | 'renamed' | 'out of order';

/** One migration as `wesley status` shows it. */
export interface MigrationStatus {
  readonly name: string;
  readonly state: MigrationState;
  /** Ledger facts, when the database knows the migration. */
  readonly ledger: LedgerMigration | null;
  /** Steps recorded as applied (planned migrations) — for `running` and `stopped`, how far it got. */
  readonly stepsApplied: number;
  /** For `renamed`: the name the ledger knows it by. */
  readonly renamedFrom: string | null;
  /** For `running`, and `rolling back` while a rollback runs: the backend of the migrator (it holds the migration lock). */
  readonly pid: number | null;
}

/**
 * Compares a migrations directory with the ledger of a database, read-only (the ledger is not
 * created): applied, pending, running (started, not finished, and a migrator holds the
 * migration lock `lockName` now: `pid`), stopped (started, not finished, and no migrator holds
 * it: the run stopped there, failed or was killed), edited (applied, or partly committed, and the file changed since), or missing
 * file (applied, file gone); and, of the pending ones, renamed (the checksum of a migration
 * whose file is gone: `wesley migrate` refuses it) and out of order (sorts before a migration
 * already run: refused without `--allow-out-of-order`). A migration that failed before committing
 * anything may be fixed: it stays stopped. Rolling back (`wesley migrate rollback` started, not
 * finished; `pid` while a migrator holds the lock, the rollback running now) and rolled back (undone: `wesley migrate` runs it, or what replaced it, again).
 */
export async function migrationStatus(session: Connection, directory: string, lockName = 'wesley'): Promise<MigrationStatus[]> {
  const files = await listMigrationFiles(directory);
  const ledger = (await hasLedger(session)) ? await readMigrations(session) : new Map<string, LedgerMigration>();
  // Read after the ledger: a migrator that finished in between is not taken for one still running.
  const unfinished = [...ledger.values()].some((entry) => entry.status === 'running' || entry.status === 'rolling-back');
  const holder = unfinished ? await migrationLockHolder(session, lockName) : null;
  const history = await migrationHistory(session, files, ledger);
  const renamed = new Map(history.renamed.map(({ file, from }) => [file.name, from.name]));
  const outOfOrder = new Set(history.outOfOrder.map((file) => file.name));
  const statuses: MigrationStatus[] = [];
  for (const file of files) {
    const entry = ledger.get(file.name) ?? null;
    const steps = entry === null ? new Map<string, LedgerStep>() : await readSteps(session, file.name);
    const state: MigrationState =
      entry === null
        ? renamed.has(file.name)
          ? 'renamed'
          : outOfOrder.has(file.name)
            ? 'out of order'
            : 'pending'
        : entry.checksum !== file.checksum && isFrozen(entry, steps)
          ? 'edited'
          : ledgerState(entry, holder);
    statuses.push({
      name: file.name,
      state,
      ledger: entry,
      stepsApplied: [...steps.values()].filter((s) => s.status === 'applied' || s.status === 'rolling-back').length,
      renamedFrom: renamed.get(file.name) ?? null,
      pid: state === 'running' || state === 'rolling back' ? holder : null,
    });
  }
  const names = new Set(files.map((file) => file.name));
  for (const entry of ledger.values()) {
    if (!names.has(entry.name))
      statuses.push({ name: entry.name, state: 'missing file', ledger: entry, stepsApplied: 0, renamedFrom: null, pid: null });
  }
  return statuses.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** The state the ledger records, `running` told from `stopped` by whether a migrator (`holder`) holds the lock. */
function ledgerState(entry: LedgerMigration, holder: number | null): MigrationState {
  switch (entry.status) {
    case 'applied':
      return 'applied';
    case 'running':
      return holder === null ? 'stopped' : 'running';
    case 'rolling-back':
      return 'rolling back';
    case 'rolled-back':
      return 'rolled back';
  }
}
