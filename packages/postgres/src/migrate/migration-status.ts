import type { Connection } from '../connect/connect.js';
import { isFrozen } from './frozen-migration.js';
import { hasLedger, readMigrations, readSteps, type LedgerMigration, type LedgerStep } from './ledger.js';
import { listMigrationFiles } from './migration-files.js';

export type MigrationState = 'applied' | 'pending' | 'in progress' | 'edited' | 'missing file';

/** One migration as `wesley status` shows it. */
export interface MigrationStatus {
  readonly name: string;
  readonly state: MigrationState;
  /** Ledger facts, when the database knows the migration. */
  readonly ledger: LedgerMigration | null;
  /** Steps recorded as applied (planned migrations) — for `in progress`, how far it got. */
  readonly stepsApplied: number;
}

/**
 * Compares a migrations directory with the ledger of a database, read-only (the ledger is not
 * created): applied, pending, in progress (started, not finished: a run was interrupted or is
 * running now), edited (applied, or partly committed, and the file changed since), or missing
 * file (applied, file gone). A migration that failed before committing anything may be fixed:
 * it stays in progress.
 */
export async function migrationStatus(session: Connection, directory: string): Promise<MigrationStatus[]> {
  const files = await listMigrationFiles(directory);
  const ledger = (await hasLedger(session)) ? await readMigrations(session) : new Map<string, LedgerMigration>();
  const statuses: MigrationStatus[] = [];
  for (const file of files) {
    const entry = ledger.get(file.name) ?? null;
    const steps = entry === null ? new Map<string, LedgerStep>() : await readSteps(session, file.name);
    const state: MigrationState =
      entry === null
        ? 'pending'
        : entry.checksum !== file.checksum && isFrozen(entry, steps)
          ? 'edited'
          : entry.status === 'applied'
            ? 'applied'
            : 'in progress';
    statuses.push({
      name: file.name,
      state,
      ledger: entry,
      stepsApplied: [...steps.values()].filter((s) => s.status === 'applied').length,
    });
  }
  const names = new Set(files.map((file) => file.name));
  for (const entry of ledger.values()) {
    if (!names.has(entry.name)) statuses.push({ name: entry.name, state: 'missing file', ledger: entry, stepsApplied: 0 });
  }
  return statuses.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}
