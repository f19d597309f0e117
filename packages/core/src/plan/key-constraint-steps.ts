import { statementClaims } from '../locks/statement-locks.js';
import { constraintSql } from '../ddl/constraint-sql.js';
import { createIndexStatement } from '../ddl/create-index-sql.js';
import type { PrimaryKeyIR, UniqueIR } from '../ir/types.js';
import { derivedName } from '../naming/name-allocator.js';
import { quoteIdent } from '../naming/quote-ident.js';
import { indexBuildSteps } from './index-steps.js';
import type { PlanContext, StepDraft } from './operation.js';
import { indexSlot, parentIndexSlot, partitionSlot, perPartitionStep } from './per-partition-step.js';
import type { PerPartition } from './plan-types.js';
import { supports } from './server-features.js';
import { alterTable, rollback, scopedLocks, step } from './step-builders.js';

export interface KeyConstraintTarget {
  readonly table: string;
  readonly key: PrimaryKeyIR | UniqueIR;
  readonly partitioned: boolean;
  /** The constraint the new one replaces, dropped in the same statement as the attach. */
  readonly replaces: PrimaryKeyIR | UniqueIR | null;
}

/**
 * A primary key or unique constraint on a live table: its unique index is built
 * concurrently, then `ADD CONSTRAINT ... USING INDEX` turns the index into the constraint under
 * a brief ACCESS EXCLUSIVE lock, with no scan. A replaced constraint is dropped in the same
 * statement, so there is no moment without one. PostgreSQL refuses `USING INDEX` on
 * partitioned tables: a new one is added as pg_dump does (`partitionedKeySteps`); a replacement
 * is added directly, which blocks (`stepBlocking`).
 */
export function keyConstraintSteps(target: KeyConstraintTarget, context: PlanContext): StepDraft[] {
  const { table, key, replaces } = target;
  const drop = replaces === null ? [] : [`DROP CONSTRAINT ${quoteIdent(replaces.name)}`];
  const restore = replaces === null ? [] : [`ADD ${constraintSql(replaces)}`];
  // Adding the replaced constraint back builds its index, which holds SHARE too.
  const dropLocks = statementClaims('drop-constraint', table);
  const undoLocks = replaces === null ? dropLocks : [...dropLocks, ...statementClaims('add-key', table)];
  const kind = key.kind === 'primaryKey' ? 'PRIMARY KEY' : 'UNIQUE';
  const action = key.kind === 'primaryKey' ? 'attachPrimaryKey' : 'attachUnique';
  if (target.partitioned && replaces === null) return partitionedKeySteps(table, key);
  if (target.partitioned) {
    // The index is built on each partition under SHARE; from PostgreSQL 18 ALTER TABLE also
    // locks every partition ACCESS EXCLUSIVE before it recurses.
    const partitionModes = supports(context.serverVersion, 'keyLocksPartitions')
      ? (['ShareLock', 'AccessExclusiveLock'] as const)
      : (['ShareLock'] as const);
    return [
      step({
        part: 'add',
        action,
        summary: `add ${kind} ${key.name} on partitioned table ${table} (builds its index under lock)`,
        sql: [alterTable(table, ...drop, `ADD ${constraintSql(key)}`)],
        locks: [...statementClaims('add-key', table), ...scopedLocks(table, 'partitions', ...partitionModes)],
        scans: true,
        rollback: rollback([alterTable(table, `DROP CONSTRAINT ${quoteIdent(key.name)}`, ...restore)], undoLocks),
        alternative:
          'PostgreSQL has no USING INDEX for partitioned tables: add the constraint to each partition first, or run it in a maintenance window',
      }),
    ];
  }
  // Built under a temporary name when it replaces a constraint of the same name.
  const indexName = replaces?.name === key.name ? derivedName(key.name, 'wesley_new') : key.name;
  const index = { kind: 'index', name: indexName, columns: key.columns, unique: true, using: 'btree', where: null } as const;
  return [
    ...indexBuildSteps({ table, index, partitioned: false }),
    step({
      part: 'attach',
      action,
      summary: `make index ${indexName} the ${kind} ${key.name} of ${table} (no scan)`,
      sql: [alterTable(table, ...drop, `ADD CONSTRAINT ${quoteIdent(key.name)} ${kind} USING INDEX ${quoteIdent(indexName)}`)],
      locks: statementClaims('add-key-using-index', table),
      rollback: rollback([alterTable(table, `DROP CONSTRAINT ${quoteIdent(key.name)}`, ...restore)], undoLocks),
    }),
  ];
}

/**
 * A new key on a partitioned table, pg_dump's way, so that no partition is read under a lock
 * that blocks writes: `ALTER TABLE ONLY` the parent (its index invalid until every partition's is
 * attached; the parent holds no rows, so its ACCESS EXCLUSIVE is brief), then for each partition
 * the table has when the steps run a concurrent unique build, then, each partition in a
 * transaction of its own, `ADD CONSTRAINT ... USING INDEX` (brief ACCESS EXCLUSIVE, no scan) and
 * `ATTACH PARTITION` (PostgreSQL attaches no bare index to a constraint's). The builds and the
 * attaches are two steps, so that each step's facts are true of all its statements.
 */
function partitionedKeySteps(table: string, key: PrimaryKeyIR | UniqueIR): StepDraft[] {
  const kind = key.kind === 'primaryKey' ? 'PRIMARY KEY' : 'UNIQUE';
  const action = key.kind === 'primaryKey' ? 'attachPrimaryKey' : 'attachUnique';
  const columns = key.columns.map(quoteIdent).join(', ');
  const index = { kind: 'index', name: indexSlot, columns: key.columns, unique: true, using: 'btree', where: null } as const;
  const pattern = { kind: 'perPartition', table, index: key.name } as const;
  const build: PerPartition = {
    ...pattern,
    build: createIndexStatement(partitionSlot, index, { concurrently: true }),
    shell: null,
    alter: null,
    attach: null,
  };
  const attach: PerPartition = {
    ...pattern,
    build: null,
    shell: `ALTER TABLE ONLY ${quoteIdent(partitionSlot)} ADD CONSTRAINT ${quoteIdent(indexSlot)} ${kind} (${columns});`,
    alter: alterTable(partitionSlot, `ADD CONSTRAINT ${quoteIdent(indexSlot)} ${kind} USING INDEX ${quoteIdent(indexSlot)}`),
    attach: `ALTER INDEX ${quoteIdent(parentIndexSlot)} ATTACH PARTITION ${quoteIdent(indexSlot)};`,
  };
  return [
    step({
      part: 'parent',
      // A primary key's waits for NOT NULL to be proven on its columns (`validate`), or PostgreSQL would refuse it.
      action: key.kind === 'primaryKey' ? action : 'buildIndex',
      summary: `add ${kind} ${key.name} on the parent ${table} only (invalid until every partition's is attached)`,
      sql: [`ALTER TABLE ONLY ${quoteIdent(table)} ADD ${constraintSql(key)};`],
      locks: statementClaims('add-key', table),
      // Dropping the parent's constraint drops each partition's attached to it.
      rollback: rollback([alterTable(table, `DROP CONSTRAINT ${quoteIdent(key.name)}`)], scopedLocks(table, 'tree', 'AccessExclusiveLock')),
    }),
    perPartitionStep(
      {
        part: 'partitions',
        action: 'buildIndex',
        summary: `build the unique index of ${key.name} on each partition of ${table} concurrently (partitions read from the catalog when the step runs)`,
        locks: scopedLocks(table, 'leaves', 'ShareUpdateExclusiveLock'),
        scans: true,
      },
      build,
    ),
    perPartitionStep(
      {
        part: 'attach',
        action,
        summary: `make each partition's index its ${kind} and attach it to ${key.name} of ${table} (no scan)`,
        // A partitioned partition's own key (`shell`) is added as the parent's was: SHARE there too, no rows.
        locks: [
          ...scopedLocks(table, 'partitions', 'AccessExclusiveLock'),
          ...scopedLocks(table, 'partitioned', 'ShareLock'),
          ...scopedLocks(table, 'tree', 'AccessShareLock'),
        ],
      },
      attach,
    ),
  ];
}
