import type { Connection } from '../connect/connect.js';

/**
 * Hooks through which a caller (the migrator's ledger) records a step's progress in the same
 * transactions as the step's work, so that each unit of work commits exactly once with its record.
 */
export interface StepJournal {
  /** Runs inside a transactional step's transaction, just before `COMMIT`. */
  readonly committing?: (session: Connection) => Promise<void>;
  /** Backfill: the last key of the last committed batch, to resume after; `null` starts at the beginning. */
  readonly resumeAfter?: readonly unknown[] | null;
  /** Backfill: runs inside each batch's transaction, with the key the batch ended at. */
  readonly batchCommitting?: (session: Connection, lastKey: readonly unknown[]) => Promise<void>;
  /**
   * Runs before each attempt of a step that cannot run in a transaction (`CONCURRENTLY`), and
   * before its `repair` after a failed attempt: the last point at which the caller can stop a
   * statement that no transaction will roll back.
   */
  readonly outsideTransaction?: (session: Connection) => Promise<void>;
}
