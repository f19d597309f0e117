import { statementClaims } from '../../locks/statement-locks.js';
import {
  derivedColumnParts,
  derivedColumnSql,
  derivedValueSql,
  dropDerivedColumnSql,
  dropDerivedTriggersSql,
  dropDerivedValueFunctionSql,
  recomputeDerivedSql,
  type DerivedColumnParts,
} from '../../ddl/derived-column-sql.js';
import type { SchemaIR } from '../../ir/types.js';
import { derivedFunctionName } from '../../naming/derived-function-name.js';
import { quoteIdent } from '../../naming/quote-ident.js';
import { backfillStep, noKeyWarning } from '../backfill-step.js';
import type { AlterDerivedChange } from '../../diff/change.js';
import type { Operation, OperationResult, PlanContext, StepDraft } from '../operation.js';
import type { LockClaim } from '../plan-types.js';
import { primaryKeyOf, tableIn } from '../schema-facts.js';
import { locks, rollback, step } from '../step-builders.js';
import { supports } from '../server-features.js';

/**
 * The triggers and functions of a derived column (`@wes_derived`), created, replaced or dropped,
 * then, when the column is derived now, its values computed for the rows there are.
 *
 * - Created (and replaced) in one transaction, after the column and the child exist: from the
 *   commit on, every write of the child keeps the column. A replacement drops the old ones in
 *   the same transaction, so no write of the child goes unkept.
 * - Dropped in `contract` when the column is no longer derived (or goes, with its table): the
 *   old code may still read it kept until then; before the column or table is dropped, since
 *   `DROP COLUMN` leaves the triggers on the child, whose every write would then fail.
 * - When the plan renames a name the old functions use, or changes the type of a column their
 *   triggers watch (`dropFirst`), the old ones are dropped first in `expand` (see `placeStep`);
 *   the new ones come after, and the backfill computes every row again, so what the writes in
 *   between did not keep is right at the end.
 * - The backfill locks each batch's parent rows (`FOR UPDATE`) before the value function
 *   computes them, with a snapshot of its own, so a batch that waited for a child writer's
 *   transaction counts its rows, and a writer that waited for the batch recomputes after it.
 *   One backfill computes every derived column of the table that the plan creates or replaces
 *   (the first change of the table's has it): each pass over the table writes a new version of
 *   every row, so one pass leaves a third of the dead rows and WAL of three. A table the plan
 *   creates has no rows, and none is computed.
 */
export const alterDerived: Operation<'alterDerived'> = {
  kind: 'alterDerived',
  plan: (change, context): OperationResult => {
    const old = change.before === null ? null : partsIn(context.from, change.before.table, change.before.column);
    const now = change.derived ? partsIn(context.to, change.table, change.column) : null;
    const steps: StepDraft[] = [];
    const apart = old !== null && (now === null || change.dropFirst);
    if (old !== null && change.before !== null && apart) {
      // Before the renames the child has its old name; in `contract`, after them, its name in the target.
      const child = change.dropFirst ? old.child.name : change.before.child;
      steps.push(dropStep(withChild(old, child), context));
    }
    if (now !== null) {
      steps.push(old !== null && !apart ? replaceStep(old, now, context) : createStep(now, context.serverVersion));
      const computed = context.changes.filter(
        (c): c is AlterDerivedChange => c.kind === 'alterDerived' && c.table === change.table && c.derived,
      );
      if (!context.createdTables.has(change.table) && computed[0] === change) {
        const key = primaryKeyOf(context.to, change.table);
        steps.push(
          computeStep(
            context,
            key,
            computed.map((c) => partsIn(context.to, c.table, c.column)),
          ),
        );
        if (key.length === 0) return { steps, warnings: [noKeyWarning(change.table)] };
      }
    }
    return { steps };
  },
};

/** The backfill of derived columns `columns` of one table: each row set to what each value function computes for it. */
function computeStep(context: PlanContext, key: readonly string[], columns: readonly DerivedColumnParts[]): StepDraft {
  const table = columns[0]?.parent.name ?? '';
  const assignments = columns.map(
    (parts) => `${quoteIdent(parts.column.name)} = ${derivedValueSql(parts, `${quoteIdent(table)}.${quoteIdent(parts.parentKey.name)}`)}`,
  );
  const children = [...new Set(columns.map((parts) => parts.child.name))];
  const fill = backfillStep(table, key, assignments.join(', '), {
    batchSize: context.batchSize,
    action: 'fillDefault',
    summary: `compute ${columns.map((parts) => `${table}.${parts.column.name}`).join(', ')} of existing rows from ${children.join(', ')}`,
  });
  // The value functions read the children; the rows it sets may fire the triggers of derived columns over this table.
  const cascade = watcherClaims(
    context.to,
    table,
    columns.map((parts) => parts.column.name),
  );
  return { ...fill, locks: [...fill.locks, ...locks(children, 'AccessShareLock'), ...cascade] };
}

/**
 * An `UPDATE` of `columns` of `table` fires the row trigger of each derived column over `table`
 * that watches one of them, which locks and updates that column's parent rows (`FOR NO KEY
 * UPDATE`: ROW SHARE, then ROW EXCLUSIVE) after its value function read `table` (ACCESS SHARE);
 * that update may fire the next level's, and so on.
 */
function watcherClaims(schema: SchemaIR, table: string, columns: readonly string[], seen = new Set<string>()): LockClaim[] {
  const claims: LockClaim[] = [];
  for (const parent of schema.tables) {
    for (const column of parent.columns) {
      const parts = derivedColumnParts(schema, parent, column);
      const name = `${parent.name}.${column.name}`;
      if (parts === null || parts.child.name !== table || seen.has(name)) continue;
      if (!columns.includes(parts.childKey) && !columns.includes(parts.derived.column ?? '')) continue;
      seen.add(name);
      claims.push(
        { relation: table, mode: 'AccessShareLock' },
        ...locks(parent.name, 'RowShareLock', 'RowExclusiveLock'),
        ...watcherClaims(schema, parent.name, [column.name], seen),
      );
    }
  }
  return claims;
}

/**
 * The rollback's way to put back the values of `parts`' column: one statement over the table
 * (`recomputeDerivedSql`), since a rollback has no batches; what it locks, its cascade included.
 */
function recompute(schema: SchemaIR, parts: DerivedColumnParts): Statements {
  const parent = parts.parent.name;
  return {
    sql: [recomputeDerivedSql(parts)],
    locks: [
      ...locks(parent, 'RowShareLock', 'RowExclusiveLock'),
      { relation: parts.child.name, mode: 'AccessShareLock' },
      ...watcherClaims(schema, parent, [parts.column.name]),
    ],
  };
}

/** The derived column `table.column` of `schema`; the diff emits `alterDerived` only for columns whose parts it found there. */
function partsIn(schema: SchemaIR, table: string, column: string): DerivedColumnParts {
  const parent = tableIn(schema, table);
  const definition = parent?.columns.find((c) => c.name === column);
  const parts = parent === undefined || definition === undefined ? null : derivedColumnParts(schema, parent, definition);
  if (parts === null) throw new Error(`alterDerived: ${table}.${column} is not a derived column of its schema`);
  return parts;
}

/** `parts` with the child named `name`: where the child is when the step runs. */
const withChild = (parts: DerivedColumnParts, name: string): DerivedColumnParts => ({ ...parts, child: { ...parts.child, name } });

/** Statements and the locks they take, as pg_locks shows them. */
interface Statements {
  readonly sql: readonly string[];
  readonly locks: readonly LockClaim[];
}

/**
 * The functions and triggers of `parts`, created over whatever of them a database already holds
 * (left by hand or by a failed run: a database read back without them plans them anew). The
 * value function is dropped first (`CREATE OR REPLACE` cannot change its result type), the
 * trigger function replaced, and the triggers replaced on 14+ (SHARE ROW EXCLUSIVE); below 14
 * they are dropped first, which takes ACCESS EXCLUSIVE on the child when one is there. Creating
 * the SQL value function parses its body (`check_function_bodies`), which takes ACCESS SHARE on
 * the child it reads. All measured on 15 and 18; each as long as the catalog update.
 */
function creation(parts: DerivedColumnParts, serverVersion: number): Statements {
  const replaceTriggers = supports(serverVersion, 'createOrReplaceTrigger');
  const child = parts.child.name;
  return {
    sql: [
      dropDerivedValueFunctionSql(parts),
      ...(replaceTriggers ? [] : dropDerivedTriggersSql(parts)),
      ...derivedColumnSql(parts, { triggers: replaceTriggers }),
    ],
    locks: [
      { relation: child, mode: 'AccessShareLock' },
      ...(replaceTriggers ? [] : statementClaims('drop-trigger', child)),
      ...statementClaims('create-trigger', child),
    ],
  };
}

/**
 * `old`'s functions and triggers turned into `now`'s in one transaction. Triggers of the same
 * name on the same child are replaced where the server can (`creation`); on another child the
 * old ones are dropped (ACCESS EXCLUSIVE there, as `DROP TRIGGER` takes).
 */
function replacement(old: DerivedColumnParts, now: DerivedColumnParts, serverVersion: number): Statements {
  const create = creation(now, serverVersion);
  const sameTriggers =
    old.child.name === now.child.name &&
    derivedFunctionName(old.parent.name, old.column.name) === derivedFunctionName(now.parent.name, now.column.name);
  if (sameTriggers && supports(serverVersion, 'createOrReplaceTrigger')) {
    return { sql: once([dropDerivedValueFunctionSql(old), ...create.sql]), locks: create.locks };
  }
  return {
    sql: once([...dropDerivedColumnSql(old), ...create.sql]),
    locks: [...statementClaims('drop-trigger', old.child.name), ...create.locks],
  };
}

/** `a`'s statements, then `b`'s. */
const joined = (a: Statements, b: Statements): Statements => ({ sql: [...a.sql, ...b.sql], locks: [...a.locks, ...b.locks] });

/** Each statement once, at its first place (`once([a, b, a])` is `[a, b]`). */
const once = (sql: readonly string[]): string[] => [...new Set(sql)];

function createStep(parts: DerivedColumnParts, serverVersion: number): StepDraft {
  const { parent, column, derived, child } = parts;
  const create = creation(parts, serverVersion);
  return step({
    part: 'create',
    action: 'createTriggers',
    summary: `keep ${parent.name}.${column.name} (${derived.fn} over ${child.name}) with functions and triggers on ${child.name}`,
    sql: create.sql,
    locks: create.locks,
    rollback: rollback(dropDerivedColumnSql(parts), statementClaims('drop-trigger', child.name)),
  });
}

function replaceStep(old: DerivedColumnParts, now: DerivedColumnParts, context: PlanContext): StepDraft {
  const { parent, column, derived, child } = now;
  const forward = replacement(old, now, context.serverVersion);
  // Back to the old functions, and the values they compute: the backfill's are the new ones.
  const back = joined(replacement(now, old, context.serverVersion), recompute(context.from, old));
  return step({
    part: 'replace',
    action: 'createTriggers',
    summary: `replace the functions and triggers that keep ${parent.name}.${column.name} (now ${derived.fn} over ${child.name})`,
    sql: forward.sql,
    locks: forward.locks,
    rollback: rollback(back.sql, back.locks),
  });
}

function dropStep(parts: DerivedColumnParts, context: PlanContext): StepDraft {
  const { parent, column, child } = parts;
  // The triggers again, and the values the writes made while they were gone did not keep.
  const undo = joined(creation(parts, context.serverVersion), recompute(context.from, parts));
  return step({
    part: 'drop',
    action: 'dropTriggers',
    summary: `drop the functions and triggers on ${child.name} that kept ${parent.name}.${column.name}`,
    sql: dropDerivedColumnSql(parts),
    locks: statementClaims('drop-trigger', child.name),
    rollback: rollback(undo.sql, undo.locks),
  });
}
