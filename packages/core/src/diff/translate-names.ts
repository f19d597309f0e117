import type { ForeignKeyIR, SchemaIR, TableIR } from '../ir/types.js';
import { matchRenames } from './match-renames.js';
import { renameInExpression } from './rename-in-expression.js';

/** The renames found between two schemas, old name to new name. */
export interface Renames {
  /** Old table name to new table name, for every table that survives (renamed or not). */
  readonly tables: ReadonlyMap<string, string>;
  /** Per old table name: old column name to new column name, for surviving columns. */
  readonly columns: ReadonlyMap<string, ReadonlyMap<string, string>>;
  /** Old names of the tables that are renamed or have a renamed column. */
  readonly renamed: ReadonlySet<string>;
}

/** Finds the tables and columns of `from` that continue in `to` under the same or a new name. */
export function findRenames(from: SchemaIR, to: SchemaIR): Renames {
  const tables = new Map<string, string>();
  const columns = new Map<string, ReadonlyMap<string, string>>();
  const renamed = new Set<string>();
  const oldTables = new Map(from.tables.map((table) => [table.name, table]));
  for (const [oldName, table] of matchRenames(from.tables, to.tables)) {
    tables.set(oldName, table.name);
    if (oldName !== table.name) renamed.add(oldName);
    const columnNames = new Map<string, string>();
    for (const [oldColumn, column] of matchRenames(oldTables.get(oldName)?.columns ?? [], table.columns)) {
      columnNames.set(oldColumn, column.name);
      if (oldColumn !== column.name) renamed.add(oldName);
    }
    columns.set(oldName, columnNames);
  }
  return { tables, columns, renamed };
}

/**
 * `table` (of the old schema) with every name it uses for surviving tables and columns
 * replaced by the new name (in column lists and in check, index predicate and generation
 * expressions), so it compares with the new schema by plain equality. Names of constraints and
 * indexes stay: PostgreSQL does not rename them with their table.
 */
export function translateTable(table: TableIR, renames: Renames): TableIR {
  // Most tables of a diff use no renamed name: their translation is themselves, and copying
  // each of their columns and constraints was most of the garbage a diff of 1,000 tables made.
  if (!renames.renamed.has(table.name) && table.foreignKeys.every((fk) => !renames.renamed.has(fk.refTable))) return table;
  const column = columnRenamer(renames, table.name);
  const columns = (names: readonly string[]) => names.map(column);
  // Stored expressions follow a column rename in PostgreSQL; so must the old side here, or a
  // rename would read as a changed check (and its rollback would name a column not there yet).
  const renamed = new Map([...(renames.columns.get(table.name) ?? [])].filter(([from, to]) => from !== to));
  const expression = (sql: string) => renameInExpression(sql, renamed);
  return {
    ...table,
    name: renames.tables.get(table.name) ?? table.name,
    columns: table.columns.map((c) => ({ ...c, name: column(c.name), generated: c.generated === null ? null : expression(c.generated) })),
    primaryKey: table.primaryKey === null ? null : { ...table.primaryKey, columns: columns(table.primaryKey.columns) },
    uniques: table.uniques.map((u) => ({ ...u, columns: columns(u.columns) })),
    foreignKeys: table.foreignKeys.map((fk) => translateForeignKey(fk, renames, column)),
    checks: table.checks.map((check) => ({ ...check, expr: expression(check.expr) })),
    indexes: table.indexes.map((index) => ({
      ...index,
      columns: columns(index.columns),
      where: index.where === null ? null : expression(index.where),
    })),
    partition: table.partition === null ? null : { ...table.partition, columns: columns(table.partition.columns) },
    security:
      table.security === null
        ? null
        : {
            ...table.security,
            policies: table.security.policies.map((policy) => ({
              ...policy,
              using: policy.using === null ? null : expression(policy.using),
              check: policy.check === null ? null : expression(policy.check),
            })),
            owner: table.security.owner === null ? null : { ...table.security.owner, column: column(table.security.owner.column) },
            tenant: table.security.tenant === null ? null : { ...table.security.tenant, column: column(table.security.tenant.column) },
          },
  };
}

function translateForeignKey(fk: ForeignKeyIR, renames: Renames, column: (name: string) => string): ForeignKeyIR {
  const refColumn = columnRenamer(renames, fk.refTable);
  return {
    ...fk,
    columns: fk.columns.map(column),
    refTable: renames.tables.get(fk.refTable) ?? fk.refTable,
    refColumns: fk.refColumns.map(refColumn),
  };
}

function columnRenamer(renames: Renames, oldTable: string): (name: string) => string {
  const map = renames.columns.get(oldTable);
  return (name) => map?.get(name) ?? name;
}
