import { constraintSql } from '../ddl/constraint-sql.js';
import type { ForeignKeyIR } from '../ir/types.js';
import { partitionIndexNameSql } from '../naming/partition-index-name.js';
import { quoteIdent } from '../naming/quote-ident.js';
import { partitionTreeSql, planRelationSql } from '../sql/partition-tree-sql.js';
import type { StepDraft } from './operation.js';
import { indexSlot, partitionSlot, perPartitionStep } from './per-partition-step.js';
import type { LockClaim, PerPartition, Rollback } from './plan-types.js';
import { supports } from './server-features.js';
import { alterTable, locks, normalizeLocks, rollback, scopedLocks, step } from './step-builders.js';
import { validateStep } from './validate-step.js';

export interface ForeignKeyTarget {
  readonly table: string;
  readonly foreignKey: ForeignKeyIR;
  /** The key it replaces under the same name, dropped in the same statement. */
  readonly replaces: ForeignKeyIR | null;
  /** `server_version_num` of the target: from 18, a partitioned table's key may be added NOT VALID. */
  readonly serverVersion: number;
  /** The table is empty (created by this plan): validating costs nothing. */
  readonly newTable: boolean;
  readonly partitioned: boolean;
}

/**
 * A foreign key without a long lock: `ADD CONSTRAINT ... NOT VALID` takes SHARE ROW EXCLUSIVE
 * on both tables only for a catalog update (new writes are checked from then on), and
 * `VALIDATE CONSTRAINT` checks the old rows under SHARE UPDATE EXCLUSIVE, which lets writes go
 * on. A new, empty table gets a valid key at once. PostgreSQL before 18 refuses `NOT VALID` keys
 * on partitioned tables, so there a new key is added to each partition first
 * (`partitionedForeignKeySteps`); a redefined one is validated while it is added, which blocks
 * writes (`stepBlocking`).
 */
export function foreignKeySteps(target: ForeignKeyTarget): StepDraft[] {
  const { table, foreignKey, replaces } = target;
  const ref = foreignKey.refTable;
  const drop = replaces === null ? [] : [`DROP CONSTRAINT ${quoteIdent(replaces.name)}`];
  const replaced: LockClaim[] = replaces === null ? [] : locks([table, replaces.refTable], 'AccessExclusiveLock');
  // PostgreSQL 18 adds a NOT VALID key to a partitioned table (15-17 refuse it: measured); a
  // redefined key keeps the validated add, whose drop and add in one statement were measured so.
  const validatedWhileAdded = target.partitioned && (replaces !== null || !supports(target.serverVersion, 'partitionedNotValidForeignKey'));
  if (validatedWhileAdded && replaces === null && !target.newTable) return partitionedForeignKeySteps(table, foreignKey);
  const validated = target.newTable || validatedWhileAdded;
  const claims = [
    ...replaced,
    ...locks(table, 'AccessShareLock', 'ShareRowExclusiveLock'),
    // The key is cloned onto each partition, which takes the parent's locks there; a NOT VALID
    // clone reads no partition, so no ACCESS SHARE on them (measured on 18).
    ...(target.partitioned
      ? scopedLocks(table, 'partitions', ...(validated ? (['AccessShareLock'] as const) : []), 'ShareRowExclusiveLock')
      : []),
    ...locks(ref, 'AccessShareLock', 'ShareRowExclusiveLock', ...(validated ? (['RowShareLock'] as const) : [])),
  ];
  const undoLocks = locks([table, ref], 'AccessExclusiveLock');
  const undo = rollback(
    [
      alterTable(
        table,
        `DROP CONSTRAINT IF EXISTS ${quoteIdent(foreignKey.name)}`,
        ...(replaces === null ? [] : [`ADD ${constraintSql(replaces)}`]),
      ),
    ],
    replaces === null
      ? undoLocks
      : [
          ...undoLocks,
          ...locks(replaces.refTable, 'AccessExclusiveLock'),
          // Adding the old key back (validated) takes what a validated add takes, measured on PG 15 and 18.
          ...locks([table, replaces.refTable], 'AccessShareLock', 'ShareRowExclusiveLock'),
          ...locks(replaces.refTable, 'RowShareLock'),
        ],
  );
  const add = step({
    part: validated ? '' : 'add',
    action: 'addForeignKey',
    summary: validated
      ? `add foreign key ${foreignKey.name} from ${table} to ${ref}${target.newTable ? ' (new table: nothing to check)' : ', checking existing rows under lock'}`
      : `add foreign key ${foreignKey.name} from ${table} to ${ref}, not yet validated (new writes are checked)`,
    sql: [alterTable(table, ...drop, `ADD ${constraintSql(foreignKey)}${validated ? '' : ' NOT VALID'}`)],
    locks: claims,
    scans: validated && !target.newTable,
    rollback: undo,
    alternative:
      'PostgreSQL before 18 allows no NOT VALID foreign key on a partitioned table, nor 18 for a redefined one: add the key to each partition first, or run it in a quiet period',
  });
  // Validated while it is added: nothing left to validate.
  if (validated) return [add];
  const validate = validateStep(table, foreignKey.name, ref);
  return [add, target.partitioned ? validatedOnPartitions(validate, table) : validate];
}

/**
 * VALIDATE of a partitioned table's key reads each partition, not the parent, which holds no
 * rows: ACCESS SHARE on each partition instead of on the parent (measured on 18).
 */
function validatedOnPartitions(validate: StepDraft, table: string): StepDraft {
  const onParent = (claim: LockClaim) => claim.relation === table && claim.mode === 'AccessShareLock' && claim.scope === undefined;
  return {
    ...validate,
    locks: normalizeLocks([...validate.locks.filter((claim) => !onParent(claim)), ...scopedLocks(table, 'partitions', 'AccessShareLock')]),
  };
}

/**
 * A new key on a partitioned table where PostgreSQL (before 18) refuses it NOT VALID: for each
 * partition the table has when the steps run, the key is added NOT VALID (a brief SHARE ROW
 * EXCLUSIVE, no scan), then validated (a scan under SHARE UPDATE EXCLUSIVE, which lets writes go
 * on), each partition in a transaction of its own; then the key added to the parent finds a valid
 * key of the same definition on each partition and attaches it without reading it again (measured
 * on 15). Three steps, so that each step's facts are true of all its statements.
 */
function partitionedForeignKeySteps(table: string, foreignKey: ForeignKeyIR): StepDraft[] {
  const ref = foreignKey.refTable;
  const pattern = { kind: 'perPartition', table, index: foreignKey.name, build: null, shell: null, attach: null } as const;
  const addKey = alterTable(partitionSlot, `ADD ${constraintSql({ ...foreignKey, name: indexSlot })} NOT VALID`);
  const add: PerPartition = { ...pattern, alter: addKey };
  // A partition created or attached after the adds read the partitions has no key to validate (the step failed: measured on 15):
  // its key is added first, so that the parent's add finds it valid and attaches it.
  const validate: PerPartition = {
    ...pattern,
    catchUp: addKey,
    alter: alterTable(partitionSlot, `VALIDATE CONSTRAINT ${quoteIdent(indexSlot)}`),
  };
  return [
    perPartitionStep(
      {
        part: 'partitions',
        action: 'addForeignKey',
        summary: `add foreign key ${foreignKey.name} to each partition of ${table}, not yet validated (partitions read from the catalog when the step runs)`,
        locks: [
          ...scopedLocks(table, 'leaves', 'AccessShareLock', 'ShareRowExclusiveLock'),
          ...locks(ref, 'AccessShareLock', 'ShareRowExclusiveLock'),
        ],
      },
      add,
      dropPartitionKeys(table, foreignKey, ref),
    ),
    perPartitionStep(
      {
        part: 'validate',
        action: 'validate',
        summary: `validate foreign key ${foreignKey.name} on each partition of ${table} without blocking writes`,
        locks: [
          ...scopedLocks(table, 'leaves', 'AccessShareLock', 'ShareUpdateExclusiveLock'),
          ...locks(ref, 'AccessShareLock', 'RowShareLock'),
        ],
        scans: true,
      },
      validate,
    ),
    step({
      part: 'parent',
      action: 'attachForeignKey',
      summary: `add foreign key ${foreignKey.name} from ${table} to ${ref}: attaches each partition's valid key, no scan`,
      sql: [alterTable(table, `ADD ${constraintSql(foreignKey)}`)],
      // The referenced table's ACCESS EXCLUSIVE is brief: the partitions' keys' triggers there are replaced (measured on 15 and 18).
      locks: [
        ...locks(table, 'AccessShareLock'),
        ...scopedLocks(table, 'tree', 'ShareRowExclusiveLock'),
        ...locks(ref, 'AccessShareLock', 'ShareRowExclusiveLock', 'AccessExclusiveLock'),
      ],
      // Dropping the parent's key drops each partition's attached to it.
      rollback: rollback(
        [alterTable(table, `DROP CONSTRAINT IF EXISTS ${quoteIdent(foreignKey.name)}`)],
        [...scopedLocks(table, 'tree', 'AccessExclusiveLock'), ...locks(ref, 'AccessExclusiveLock')],
      ),
    }),
  ];
}

/**
 * The undo of the per-partition adds: each partition's key that is still its own (the parent's
 * undo, which runs first, drops those attached to it), named as the executor named it, found from
 * the catalog when the undo runs: a run stopped before the parent's add leaves them behind.
 */
function dropPartitionKeys(table: string, foreignKey: ForeignKeyIR, ref: string): Rollback {
  const name = partitionIndexNameSql('c.relname', foreignKey.name);
  const drop = `DO $wesley$ DECLARE r record; BEGIN
  FOR r IN SELECT c.oid::regclass AS rel, ${name} AS name
             FROM ${partitionTreeSql(planRelationSql(table))} t JOIN pg_catalog.pg_class c ON c.oid = t.relid WHERE c.relkind = 'r'
  LOOP
    EXECUTE format('ALTER TABLE %s DROP CONSTRAINT IF EXISTS %I', r.rel, r.name);
  END LOOP;
END $wesley$;`;
  // A key left behind has its triggers on ref, which its drop locks: taken first either way, so that the claim holds whatever is left.
  return rollback(
    [`LOCK TABLE ${quoteIdent(ref)} IN ACCESS EXCLUSIVE MODE;`, drop],
    [...scopedLocks(table, 'leaves', 'AccessExclusiveLock'), ...locks(ref, 'AccessExclusiveLock')],
  );
}
