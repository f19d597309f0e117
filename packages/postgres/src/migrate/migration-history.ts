import type { Queryable } from '../introspect/queryable.js';
import { isFrozen } from './frozen-migration.js';
import { readSteps, type LedgerMigration } from './ledger.js';
import type { MigrationFile } from './migration-files.js';

/** How a migrations directory departs from the history the ledger records. */
export interface MigrationHistory {
  /** Applied (or partly applied) migrations whose file is no longer in the directory, in name order. */
  readonly missing: readonly LedgerMigration[];
  /** Pending files that sort before a migration the ledger has already run: they would run out of order. */
  readonly outOfOrder: readonly MigrationFile[];
  /** Pending files with the checksum of a missing migration: that migration under a new name. */
  readonly renamed: readonly { readonly file: MigrationFile; readonly from: LedgerMigration }[];
  /** The last migration (by name) the ledger has run, or `null` for none. */
  readonly lastRun: string | null;
}

/**
 * Compares the directory with the ledger. Only migrations that committed something count (applied,
 * or started with a committed step: see `isFrozen`): a migration that failed before committing
 * anything left nothing to apply twice, so renaming or removing it is how such a mistake is
 * fixed. A pending file is one the ledger has not run; a renamed one is reported as renamed, not
 * as out of order.
 */
export async function migrationHistory(
  db: Queryable,
  files: readonly MigrationFile[],
  ledger: ReadonlyMap<string, LedgerMigration>,
): Promise<MigrationHistory> {
  const ran: LedgerMigration[] = [];
  for (const entry of ledger.values()) if (entry.status === 'applied' || isFrozen(entry, await readSteps(db, entry.name))) ran.push(entry);
  const names = new Set(files.map((file) => file.name));
  const ranNames = new Set(ran.map((entry) => entry.name));
  const missing = ran.filter((entry) => !names.has(entry.name)).sort((a, b) => compareNames(a.name, b.name));
  const pending = files.filter((file) => !ranNames.has(file.name));
  const renamed: { file: MigrationFile; from: LedgerMigration }[] = [];
  const outOfOrder: MigrationFile[] = [];
  const last = ran
    .map((entry) => entry.name)
    .reduce<string | null>((max, name) => (max === null || compareNames(name, max) > 0 ? name : max), null);
  for (const file of pending) {
    const from = missing.find((entry) => entry.checksum === file.checksum);
    if (from !== undefined) renamed.push({ file, from });
    else if (last !== null && compareNames(file.name, last) < 0) outOfOrder.push(file);
  }
  return { missing, outOfOrder, renamed, lastRun: last };
}

/** The order migrations run in (`listMigrationFiles`): by name, code unit by code unit. */
function compareNames(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
