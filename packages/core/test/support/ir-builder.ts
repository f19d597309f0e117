/**
 * A small typed builder for IR values in tests. It fills in what the compiler would (constraint
 * names by PostgreSQL's default conventions, empty metadata, sorted arrays) so fixtures stay
 * short and look like compiled schemas.
 */
import { columnType, parseColumnType } from '../../src/ir/column-type.js';
import type {
  CheckIR,
  ColumnIR,
  DefaultIR,
  EnumIR,
  ForeignKeyIR,
  IndexIR,
  PartitionStrategy,
  ReferentialAction,
  SchemaIR,
  TableIR,
  TableSecurityIR,
  UniqueIR,
} from '../../src/ir/types.js';

export interface ColumnOptions {
  readonly nullable?: boolean;
  /** A literal default (`@wes_default(value:)`). */
  readonly value?: string;
  /** An expression default (`@wes_default(expr:)`). */
  readonly expr?: string;
  /** `@wes_computed(expr:)`. */
  readonly generated?: string;
  readonly graphqlName?: string;
}

/**
 * A column of PostgreSQL type `type` (any spelling `parseColumnType` accepts). Columns are NOT
 * NULL unless `nullable: true`. An enum type's `enum` field is filled in by {@link schema}.
 */
export function column(name: string, type: string, options: ColumnOptions = {}): ColumnIR {
  const parsed = parseColumnType(type);
  if (parsed === null) throw new Error(`ir-builder: bad type ${type}`);
  let fallback: DefaultIR | null = null;
  if (options.value !== undefined) fallback = { kind: 'literal', value: options.value };
  if (options.expr !== undefined) fallback = { kind: 'expression', sql: options.expr };
  return {
    kind: 'column',
    name,
    graphqlName: options.graphqlName ?? name,
    type: parsed,
    nullable: options.nullable ?? false,
    default: fallback,
    derived: null,
    generated: options.generated ?? null,
    meta: { renamedFrom: null, uid: null, pii: false, sensitive: false, weight: null, critical: false, rules: null },
  };
}

export interface ForeignKeyOptions {
  readonly columns: readonly string[];
  readonly refTable: string;
  readonly refColumns: readonly string[];
  readonly name?: string;
  readonly onDelete?: ReferentialAction;
  readonly onUpdate?: ReferentialAction;
  readonly deferrable?: boolean;
  readonly initiallyDeferred?: boolean;
}

export interface IndexOptions {
  readonly columns: readonly string[];
  readonly name?: string;
  readonly unique?: boolean;
  readonly using?: string;
  readonly where?: string;
}

export interface CheckOptions {
  readonly expr: string;
  /** The column of a column-level check (names it `<table>_<column>_check`). */
  readonly column?: string;
  readonly name?: string;
}

export interface TableOptions {
  /** Primary-key columns; named `<table>_pkey`. */
  readonly pk?: readonly string[];
  /** Unique constraints, each a column list; named `<table>_<cols>_key`. */
  readonly uniques?: readonly (readonly string[])[];
  readonly foreignKeys?: readonly ForeignKeyOptions[];
  readonly checks?: readonly CheckOptions[];
  readonly indexes?: readonly IndexOptions[];
  readonly partition?: { readonly strategy: PartitionStrategy; readonly columns: readonly string[] };
  readonly graphqlName?: string;
  /** Row-level security and grants; `null` when absent. */
  readonly security?: TableSecurityIR;
}

/** A table with constraint names by PostgreSQL's conventions and every list sorted by name. */
export function table(name: string, columns: readonly ColumnIR[], options: TableOptions = {}): TableIR {
  const uniques: UniqueIR[] = (options.uniques ?? []).map((cols) => ({
    kind: 'unique',
    name: `${name}_${cols.join('_')}_key`,
    columns: cols,
  }));
  const foreignKeys: ForeignKeyIR[] = (options.foreignKeys ?? []).map((fk) => ({
    kind: 'foreignKey',
    name: fk.name ?? `${name}_${fk.columns.join('_')}_fkey`,
    columns: fk.columns,
    refTable: fk.refTable,
    refColumns: fk.refColumns,
    onDelete: fk.onDelete ?? 'NO ACTION',
    onUpdate: fk.onUpdate ?? 'NO ACTION',
    deferrable: fk.deferrable ?? fk.initiallyDeferred ?? false,
    initiallyDeferred: fk.initiallyDeferred ?? false,
  }));
  // Unnamed table-level checks are numbered as PostgreSQL does: `_check`, `_check1`, `_check2`...
  let tableChecks = 0;
  const checkName = (check: CheckOptions): string => {
    if (check.name !== undefined) return check.name;
    if (check.column !== undefined) return `${name}_${check.column}_check`;
    tableChecks += 1;
    return `${name}_check${tableChecks === 1 ? '' : tableChecks - 1}`;
  };
  const checks: CheckIR[] = (options.checks ?? []).map((check) => ({
    kind: 'check',
    name: checkName(check),
    expr: check.expr,
  }));
  const indexes: IndexIR[] = (options.indexes ?? []).map((index) => ({
    kind: 'index',
    name: index.name ?? `${name}_${index.columns.join('_')}_idx`,
    columns: index.columns,
    unique: index.unique ?? false,
    using: index.using ?? 'btree',
    where: index.where ?? null,
  }));
  const pk = options.pk;
  return {
    kind: 'table',
    name,
    graphqlName: options.graphqlName ?? name,
    columns: columns.map((c) => (pk?.includes(c.name) ? { ...c, nullable: false } : c)),
    primaryKey: pk === undefined ? null : { kind: 'primaryKey', name: `${name}_pkey`, columns: pk },
    uniques: byName(uniques),
    foreignKeys: byName(foreignKeys),
    checks: byName(checks),
    indexes: byName(indexes),
    partition: options.partition ? { kind: 'partition', ...options.partition } : null,
    relations: [],
    security: options.security ?? null,
    meta: { renamedFrom: null, uid: null, weight: null, critical: false },
  };
}

/** An enum type; `graphqlName` defaults to the PostgreSQL name. */
export function enumType(name: string, values: readonly string[], graphqlName: string = name): EnumIR {
  return { kind: 'enum', name, graphqlName, values };
}

/**
 * The schema: enums and tables sorted by name, and every column whose element type is one of the
 * enums marked as such (as the compiler resolves enum-typed fields).
 */
export function schema(tables: readonly TableIR[], enums: readonly EnumIR[] = []): SchemaIR {
  const enumNames = new Set(enums.map((e) => e.name));
  const resolved = tables.map((t) => ({
    ...t,
    columns: t.columns.map((c) =>
      enumNames.has(c.type.base) ? { ...c, type: columnType(c.type.base, c.type.modifiers, c.type.array, c.type.base) } : c,
    ),
  }));
  return { kind: 'schema', version: 1, enums: byName(enums), tables: byName(resolved) };
}

function byName<T extends { readonly name: string }>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}
