import type { Change } from '../diff/change.js';
import { describeChange } from '../diff/describe-change.js';
import type { SchemaIR } from '../ir/types.js';
import { isPartitioned, tableIn } from './schema-facts.js';
import { serverVersionRange, type ServerVersionRange } from './server-features.js';

/**
 * A fact about one table of the database a plan starts from, which its steps depend on: the SQL
 * of a step on a partitioned table differs from the SQL on a plain one, and a `CREATE TABLE`
 * fails on a table that exists. Only whether it is partitioned, never its partitions: those may
 * change without making the plan wrong.
 */
export interface TableAssumption {
  readonly kind: 'table';
  /** The table's name before the migration (unqualified: it resolves through `search_path`, as the steps' SQL does). */
  readonly name: string;
  readonly exists: boolean;
  /** `false` when the table does not exist. */
  readonly partitioned: boolean;
}

/**
 * What a plan assumed about the database it runs on, which `wesley migrate` checks before the
 * plan's first statement: the server versions its SQL and lock claims hold for, and the facts of
 * every table a step touches. The schema it starts from is the plan's `from`.
 */
export interface PlanAssumptions {
  readonly kind: 'assumptions';
  readonly serverVersion: ServerVersionRange;
  /** One per table a change is on or a foreign key references, sorted by name. */
  readonly tables: readonly TableAssumption[];
}

/**
 * The assumptions of a plan of `changes` from `from` for `serverVersion`. A table is named as
 * the database has it before the migration (a renamed table by its old name); a table the plan
 * creates is assumed not to exist.
 */
export function planAssumptions(changes: readonly Change[], from: SchemaIR, serverVersion: number): PlanAssumptions {
  const oldName = new Map(changes.flatMap((change) => (change.kind === 'renameTable' ? [[change.table, change.from] as const] : [])));
  const names = new Set<string>();
  for (const change of changes) {
    const table = describeChange(change).table;
    if (table !== null) names.add(oldName.get(table) ?? table);
    // A foreign key's statements lock (and on a partitioned table recurse to) the table it
    // references: named in `from` by a dropped key, in `to` by an added one.
    if (change.kind === 'dropForeignKey' || change.kind === 'alterForeignKey')
      names.add(change.kind === 'dropForeignKey' ? change.foreignKey.refTable : change.from.refTable);
    if (change.kind === 'addForeignKey' || change.kind === 'alterForeignKey') {
      const refTable = change.kind === 'addForeignKey' ? change.foreignKey.refTable : change.to.refTable;
      names.add(oldName.get(refTable) ?? refTable);
    }
  }
  const tables = [...names].sort().map((name): TableAssumption => {
    const exists = tableIn(from, name) !== undefined;
    return { kind: 'table', name, exists, partitioned: exists && isPartitioned(from, name) };
  });
  return { kind: 'assumptions', serverVersion: serverVersionRange(serverVersion), tables };
}
