import type { ChangeKind, Impact } from '../diff/change.js';
import type { LockMode } from './lock-mode.js';
import type { LockScope } from './lock-scope.js';
import type { PlanAssumptions } from './plan-assumptions.js';

/**
 * The four phases of a plan, in the order they run. Application code deployed for the new
 * schema can start after `expand`; `contract` removes what only the old code needed.
 */
export const phases = ['expand', 'backfill', 'validate', 'contract'] as const;
export type Phase = (typeof phases)[number];

/**
 * A table lock a step takes, as `pg_locks` shows it (relation by its unqualified name). On a
 * partitioned table, `scope` says whether the mode is also (`tree`) or only (`partitions`) taken
 * on each of its partitions, whichever exist when the step runs; absent, the relation alone.
 */
export interface LockClaim {
  readonly relation: string;
  readonly mode: LockMode;
  readonly scope?: LockScope;
  /**
   * On a step that renames the table (`ALTER TABLE <renamedFrom> RENAME TO <relation>`): its name
   * until the step runs. `relation` is how pg_locks shows the lock once taken; the table is found
   * under this name before the step, to wait for the sessions holding it.
   */
  readonly renamedFrom?: string;
}

/**
 * A batched update by primary-key ranges (keyset), for the executor to loop: run `firstBatch`
 * (parameter `$1`: batch size), then `nextBatch` with the key the previous batch returned as
 * `$1..$n` and the batch size as `$n+1`, until a batch returns no row. Each batch is its own
 * short transaction holding row locks on at most `batchSize` rows.
 */
export interface Backfill {
  readonly kind: 'backfill';
  readonly table: string;
  /** The key the batches walk, in order (the primary key). */
  readonly key: readonly string[];
  readonly batchSize: number;
  readonly firstBatch: string;
  readonly nextBatch: string;
}

/**
 * Work done on each partition of a partitioned table, for the executor to loop over the
 * partitions it reads from the catalog when the step runs (`partitionTreeSql`: sub-partitions
 * too, each after its parent), so the plan holds for any number of partitions. The statements are
 * templates: `"{partition}"` stands for the partition (schema-qualified), `"{index}"` for its
 * index or constraint (`partitionIndexName(partition, index)`; schema-qualified in `attach`) and
 * `"{parent_index}"` for the index of the partition's parent. For each partition, in order:
 * `build` on a partition that holds rows (concurrently; an INVALID index left by an interrupted
 * build is dropped first, a valid one kept), or `shell` on one that is itself partitioned; then,
 * in a transaction that also records the partition as done (the step's cursor), so a run that
 * was stopped resumes at the next partition: `alter` on a partition that holds rows, then
 * `attach`. A partition whose index is already attached is skipped. A template is `null` where
 * the step has no such work: a pattern whose statements would hold different locks (a scan under
 * SHARE UPDATE EXCLUSIVE, a brief ACCESS EXCLUSIVE) is split into steps, each of whose facts is true.
 */
export interface PerPartition {
  readonly kind: 'perPartition';
  /** The partitioned table whose partitions the statements run on. */
  readonly table: string;
  /** The parent's index or constraint (created `ON ONLY` the table by an earlier step), which names the partitions' own. */
  readonly index: string;
  readonly build: string | null;
  readonly shell: string | null;
  /**
   * The unit of the pattern's step before this one, run first (in a transaction of its own, as
   * there) on a partition holding rows that lacks the constraint that step made (`{index}`): one
   * created or attached since that step read the partitions. Absent when nothing is caught up.
   */
  readonly catchUp?: string;
  /** An `ALTER TABLE` of a partition holding rows: its built index made its constraint, a key added or validated. */
  readonly alter: string | null;
  readonly attach: string | null;
}

/** How to undo one step: the SQL, and the same facts as the step itself. */
export interface Rollback {
  readonly sql: readonly string[];
  readonly transactional: boolean;
  readonly locks: readonly LockClaim[];
}

/** One unit of execution: it runs whole (one transaction when `transactional`) or not at all. */
export interface PlanStep {
  readonly kind: 'step';
  /** Stable across runs of the planner on the same input: `add-column:account.email`. */
  readonly id: string;
  /** The change kind the step comes from. */
  readonly operation: ChangeKind;
  readonly phase: Phase;
  /** One line for people: what the step does. */
  readonly summary: string;
  /**
   * Statements, each ending with `;`. A transactional step runs them in one transaction, with
   * `SET LOCAL lock_timeout` and `statement_timeout` set by the executor. For a backfill step
   * they are the two batch templates of `backfill`.
   */
  readonly sql: readonly string[];
  /** `false` for `CONCURRENTLY` statements and `ALTER TYPE ... ADD VALUE` before PostgreSQL 12. */
  readonly transactional: boolean;
  /** Every table lock the step takes, sorted by relation then mode. */
  readonly locks: readonly LockClaim[];
  /** The table is rewritten (every row copied) while the step's locks are held. */
  readonly rewrites: boolean;
  /** The table is read in full while the step's locks are held (a validation). */
  readonly scans: boolean;
  readonly backfill: Backfill | null;
  /**
   * Present on a step run once per partition, found when it runs: its `sql` is the pattern's
   * three templates (`build`, `shell`, `attach`), for people and for validation.
   */
  readonly perPartition?: PerPartition;
  /**
   * For a non-transactional step: statements that make it safe to run again after it was
   * interrupted (a failed or killed `CREATE INDEX CONCURRENTLY` leaves an INVALID index that
   * must be dropped first). Empty when a rerun needs nothing.
   */
  readonly repair: readonly string[];
  readonly impact: Impact;
  /** `true` when `rollback` restores the schema and the data the step touched. */
  readonly reversible: boolean;
  readonly rollback: Rollback | null;
  /** What the step blocks while it runs (`stepBlocking`), `null` when it blocks nothing longer than a lock wait. */
  readonly blocking: Blocking | null;
  /** The approval of a blocking step, recorded in the plan so that it is reviewed with it; `null` when none. */
  readonly approval: Approval | null;
}

/**
 * Why a step blocks reads or writes for longer than a lock wait: it rewrites or scans a table
 * while it holds a lock that conflicts with writes (SHARE or stronger). Judged from the step's
 * facts by `stepBlocking`, the one home of that judgement.
 */
export interface Blocking {
  /** What takes the time while the locks are held: every row copied, or every row read. */
  readonly during: 'rewrite' | 'scan';
  /** What waits until the step ends: writes (SHARE and stronger) or, under ACCESS EXCLUSIVE, reads too. */
  readonly blocks: 'writes' | 'reads and writes';
  /** The step's claims that block writes (SHARE or stronger), in the step's order. */
  readonly locks: readonly LockClaim[];
  /** What to do instead so that nothing waits, when there is such a way; `null` when there is none. */
  readonly alternative: string | null;
}

/** A blocking step allowed explicitly (`wesley plan --allow-blocking`), and why. */
export interface Approval {
  readonly reason: string;
}

/** A migration from one schema to another, as data. */
export interface Plan {
  readonly kind: 'plan';
  /** `hashIR` of the schema the plan starts from. */
  readonly from: string;
  /** `hashIR` of the schema the plan arrives at. */
  readonly to: string;
  /** `server_version_num` the plan was made for (`180000` is PostgreSQL 18.0). */
  readonly serverVersion: number;
  /** What the plan assumed about its target, checked by `wesley migrate` before the plan's first statement. */
  readonly assumptions: PlanAssumptions;
  readonly steps: readonly PlanStep[];
}
