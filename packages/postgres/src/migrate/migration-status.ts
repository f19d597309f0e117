import type { Connection } from '../connect/connect.js';
import { hasLedger, readMigrations, readSteps, type LedgerMigration } from './ledger.js';
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
 * running now), edited (applied, but the file changed since), or missing file (applied, file gone).
 */
export async function migrationStatus(session: Connection, directory: string): Promise<MigrationStatus[]> {
  const files = await listMigrationFiles(directory);
  const ledger = (await hasLedger(session)) ? await readMigrations(session) : new Map<string, LedgerMigration>();
  const statuses: MigrationStatus[] = [];
  for (const file of files) {
    const entry = ledger.get(file.name) ?? null;
    const state: MigrationState =
      entry === null ? 'pending' : entry.checksum !== file.checksum ? 'edited' : entry.status === 'applied' ? 'applied' : 'in progress';
    const steps = entry === null ? new Map() : await readSteps(session, file.name);
    statuses.push({ name: file.name, state, ledger: entry, stepsApplied: [...steps.values()].filter((s) => s.status === 'applied').length });
  }
  const names = new Set(files.map((file) => file.name));
  for (const entry of ledger.values()) {
    if (!names.has(entry.name)) statuses.push({ name: entry.name, state: 'missing file', ledger: entry, stepsApplied: 0 });
  }
  return statuses.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}
