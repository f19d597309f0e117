import type { SchemaIR, TableIR } from '../ir/types.js';
import { quoteIdent } from '../naming/quote-ident.js';
import { tokenizeSql } from '../sql/sql-tokens.js';

// What the planner asks of a schema about a table, as pgroll hands each operation the schema:
// a change says what differs, and an operation reads the facts its pattern depends on (a key
// to backfill by, indexes a rewrite rebuilds, partitioning) from the schemas in its context.

/** Each schema's tables by name, built once per schema: a plan of 1,000 tables asks often. */
const byName = new WeakMap<SchemaIR, ReadonlyMap<string, TableIR>>();

/** The table named `name` in `schema` (a change names tables as the target schema does). */
export function tableIn(schema: SchemaIR, name: string): TableIR | undefined {
  let tables = byName.get(schema);
  if (tables === undefined) {
    tables = new Map(schema.tables.map((table) => [table.name, table]));
    byName.set(schema, tables);
  }
  return tables.get(name);
}

/** The primary-key columns of `table` in `schema` (for a batched backfill), empty when it has none. */
export function primaryKeyOf(schema: SchemaIR, table: string): readonly string[] {
  return tableIn(schema, table)?.primaryKey?.columns ?? [];
}

/** An index (a key's and a unique constraint's included) covers `column`: even a catalog-only type change takes SHARE to check it. */
export function isIndexedColumn(schema: SchemaIR, table: string, column: string): boolean {
  const found = tableIn(schema, table);
  if (found === undefined) return false;
  return [found.primaryKey?.columns ?? [], ...found.uniques.map((u) => u.columns), ...found.indexes.map((i) => i.columns)].some((columns) =>
    columns.includes(column),
  );
}

/** `table` is partitioned in `schema`. */
export function isPartitioned(schema: SchemaIR, table: string): boolean {
  return (tableIn(schema, table)?.partition ?? null) !== null;
}

/** The column has a default in `schema`. */
export function hasDefault(schema: SchemaIR, table: string, column: string): boolean {
  return (tableIn(schema, table)?.columns.find((c) => c.name === column)?.default ?? null) !== null;
}

/**
 * Names of the constraints and indexes of `table` that use `column` (checks, index predicates
 * and generated columns: by a token naming it), which dropping the column would take with it,
 * and of the derived columns whose triggers on `table` watch it.
 */
export function dependentsOf(schema: SchemaIR, table: string, column: string): string[] {
  const found = tableIn(schema, table);
  if (found === undefined) return [];
  const uses = (columns: readonly string[]) => columns.includes(column);
  const mentions = (sql: string | null) =>
    sql !== null &&
    tokenizeSql(sql).some(
      (t) => (t.kind === 'word' && t.text.toLowerCase() === column) || (t.kind === 'ident' && t.text === quoteIdent(column)),
    );
  const names: string[] = [];
  if (found.primaryKey !== null && uses(found.primaryKey.columns)) names.push(found.primaryKey.name);
  for (const item of [...found.uniques, ...found.foreignKeys]) if (uses(item.columns)) names.push(item.name);
  for (const index of found.indexes) if (uses(index.columns) || mentions(index.where)) names.push(index.name);
  for (const check of found.checks) if (mentions(check.expr)) names.push(check.name);
  for (const other of found.columns) if (other.name !== column && mentions(other.generated)) names.push(`generated column ${other.name}`);
  if (found.partition !== null && uses(found.partition.columns)) names.push('the partition key');
  // A derived column's row trigger on this table watches its key and aggregated column (`UPDATE OF`).
  for (const parent of schema.tables) {
    for (const other of parent.columns) {
      const derived = other.derived;
      if (derived === null || derived.table !== table) continue;
      const key = found.foreignKeys.find((k) => k.name === derived.foreignKey)?.columns[0];
      if (key === column || derived.column === column) names.push(`the row trigger of derived column ${parent.name}.${other.name}`);
    }
  }
  return names;
}
