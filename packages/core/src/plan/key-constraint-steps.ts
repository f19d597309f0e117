import { constraintSql } from '../ddl/constraint-sql.js';
import type { PrimaryKeyIR, UniqueIR } from '../ir/types.js';
import { derivedName } from '../naming/name-allocator.js';
import { quoteIdent } from '../naming/quote-ident.js';
import { indexBuildSteps } from './index-steps.js';
import type { PlanContext, StepDraft } from './operation.js';
import { supports } from './server-features.js';
import { alterTable, locks, rollback, scopedLocks, step } from './step-builders.js';

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
 * partitioned tables, so there the constraint is added directly, which blocks (`stepBlocking`).
 */
export function keyConstraintSteps(target: KeyConstraintTarget, context: PlanContext): StepDraft[] {
  const { table, key, replaces } = target;
  const exclusive = locks(table, 'AccessExclusiveLock');
  const drop = replaces === null ? [] : [`DROP CONSTRAINT ${quoteIdent(replaces.name)}`];
  const restore = replaces === null ? [] : [`ADD ${constraintSql(replaces)}`];
  // Adding the replaced constraint back builds its index, which holds SHARE too.
  const undoLocks = replaces === null ? exclusive : [...exclusive, ...locks(table, 'ShareLock')];
  const kind = key.kind === 'primaryKey' ? 'PRIMARY KEY' : 'UNIQUE';
  const action = key.kind === 'primaryKey' ? 'attachPrimaryKey' : 'attachUnique';
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
        locks: [...exclusive, ...locks(table, 'ShareLock'), ...scopedLocks(table, 'partitions', ...partitionModes)],
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
      locks: exclusive,
      rollback: rollback([alterTable(table, `DROP CONSTRAINT ${quoteIdent(key.name)}`, ...restore)], undoLocks),
    }),
  ];
}
