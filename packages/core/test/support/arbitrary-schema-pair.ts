/**
 * A fast-check arbitrary of schema pairs (v1, v2) for migration property tests: v1 is a random
 * valid schema, v2 is v1 after a few random edits of the kinds the planner plans (tables and
 * columns added, dropped, renamed with `@wes_renamed`; types widened; nullability and defaults
 * changed; uniques, indexes, checks and foreign keys added and dropped; enum labels appended).
 * Each pair also carries rows for v1's tables whose values are valid in v1 and in v2, and which
 * v1 columns survive in v2 under which names, so a test can check that the migration keeps data.
 *
 * Both versions compile without a diagnostic, and every pair is one the planner accepts with
 * `allowDestructive`: no new NOT NULL column without a default (WES103), no shadow-column type
 * change of a column that a constraint, index, check or generated column uses in v2 (WES102),
 * no removed or reordered enum labels, no partitioning, no primary-key changes.
 *
 * Row values follow one rule that keeps them valid under any edit: in row `i`, every column of
 * a scalar type holds the same value `f(scalar, i)` (numbers `i + 1`, strings `s<i>`, ...), so
 * values are distinct down a column (uniques hold), non-negative (checks `>= 0` hold), equal
 * across numeric columns (checks `a <= b` hold) and equal to row `i`'s key of any table with a
 * key of that type (foreign keys hold, every table having the same rows). Booleans, JSON and
 * lists are never unique; enums have at least as many labels as there are rows. A nullable
 * column holds NULL in the last row unless a foreign key points at it or v2 makes it NOT NULL
 * (without a default to fill the NULL with: then it keeps the NULL, and nothing in v2 uses it).
 */
import fc from 'fast-check';
import { snakeCase } from '../../src/naming/snake-case.js';
import type { ScalarName } from './schema-features.js';
import { brinScalars, enumPool, fieldNames, keywordColumns, labelPool, numericScalars, pkScalars } from './name-pools.js';
import { scalarNames } from './schema-features.js';
import {
  findColumn,
  findTable,
  renderSchema,
  type ColumnModel,
  type DefaultModel,
  type IndexModel,
  type SchemaModel,
  type TableModel,
} from './schema-model.js';

export const editKinds = [
  'addTable',
  'dropTable',
  'renameTable',
  'addColumnNullable',
  'addColumnLiteralDefault',
  'addColumnVolatileDefault',
  'dropColumn',
  'renameColumn',
  'widenInteger',
  'widenVarchar',
  'varcharToText',
  'widenNumeric',
  'setNotNull',
  'dropNotNull',
  'setDefault',
  'dropDefault',
  'addUnique',
  'dropUnique',
  'addIndex',
  'dropIndex',
  'addCheck',
  'dropCheck',
  'addForeignKey',
  'dropForeignKey',
  'alterIndex',
  'alterCheck',
  'alterForeignKey',
  'alterGenerated',
  'appendEnumLabel',
] as const;

export type EditKind = (typeof editKinds)[number];

/** Type changes need columns that few schemas have free: they are drawn three times as often. */
const typeEdits: readonly EditKind[] = ['widenInteger', 'widenVarchar', 'varcharToText', 'widenNumeric'];
const editPool: readonly EditKind[] = [...editKinds, ...typeEdits, ...typeEdits];

/** A value as a query parameter (PostgreSQL parses the text for the column's type). */
export type RowValue = string | readonly string[] | null;

/** Rows for one v1 table, over its non-generated columns. */
export interface TableRows {
  readonly table: string;
  readonly columns: readonly string[];
  readonly rows: readonly (readonly RowValue[])[];
}

/** A v1 table that is still there in v2, and its columns that are still there: `[v1 name, v2 name]`. */
export interface SurvivingTable {
  readonly from: string;
  readonly to: string;
  readonly columns: readonly (readonly [string, string])[];
  /**
   * Columns v2 makes NOT NULL with a default, whose NULLs the plan sets to it: `[v1 name, the
   * default as PostgreSQL prints it]`. Their other values are kept like any others'.
   */
  readonly filled: readonly (readonly [string, string])[];
}

export interface SchemaPair {
  readonly v1: string;
  readonly v2: string;
  /** The edits that turned v1 into v2, in order (possibly none). */
  readonly edits: readonly EditKind[];
  readonly rows: readonly TableRows[];
  readonly survivors: readonly SurvivingTable[];
}

/** Rows per table: three, so a backfill in batches of two takes two batches. */
export const rowCount = 3;

/** Random (v1, v2) schema pairs with rows for v1 (see the file comment). */
export function arbitrarySchemaPair(): fc.Arbitrary<SchemaPair> {
  return fc.gen().map(buildPair);
}

const typePool = ['Account', 'Invoice', 'LineItem', 'Product', 'Shipment', 'Tag', 'Review', 'Warehouse'];
const newTypePool = ['Coupon', 'Refund', 'Supplier', 'Address'];
/** Literal defaults as SDL, each valid for its scalar (strings fit `varchar(8)`), all `>= 0`. */
const literalDefaults: Readonly<Record<ScalarName, readonly string[]>> = {
  ID: ['"00000000-0000-0000-0000-000000000000"'],
  UUID: ['"123e4567-e89b-12d3-a456-426614174000"'],
  String: ['"pending"', `"it's"`, '""'],
  Int: ['0', '1', '42'],
  BigInt: ['0', '1000'],
  Float: ['0', '1.5'],
  // Whole: a numeric(p, 0) column takes no fraction (the compiler refuses 12.5 there, as Zod would).
  Decimal: ['0', '12'],
  Boolean: ['true', 'false'],
  DateTime: ['"2024-01-31 09:30:00+00"'],
  Date: ['"2024-01-31"'],
  Time: ['"09:30:00"'],
  JSON: ['"{}"', '"{\\"a\\": 1}"'],
};
/** Non-volatile expression defaults (a volatile one is its own edit). */
const exprDefaults: Partial<Readonly<Record<ScalarName, string>>> = { DateTime: 'now()', Int: '0' };

interface Context {
  readonly g: fc.GeneratorValue;
  nextId: number;
  /**
   * Columns no later edit may make anything use: their type changes through a shadow column
   * (WES102 otherwise), or their NULLs are filled with a default (a key or check could clash).
   */
  readonly shadowed: Set<number>;
  /** Made NOT NULL with a literal default, keeping the NULL in the last row for the plan to fill. */
  readonly filled: Set<number>;
  /** Generated in v1: the planner refuses a type change of such a column (WES102). */
  readonly wasGenerated: Set<number>;
  /** v1, once built. */
  v1: SchemaModel;
}

function buildPair(g: fc.GeneratorValue): SchemaPair {
  const ctx: Context = { g, nextId: 1, shadowed: new Set(), filled: new Set(), wasGenerated: new Set(), v1: { enums: [], tables: [] } };
  const v1 = buildSchema(ctx);
  ctx.v1 = v1;
  const v2 = structuredClone(v1);
  const edits: EditKind[] = [];
  const count = int(g, 1, 5);
  // A kind that finds nothing to edit gives way to another, up to a few times per edit.
  for (let attempt = 0; edits.length < count && attempt < count * 4; attempt += 1) {
    const kind = pick(g, editPool);
    if (edit[kind](ctx, v2)) edits.push(kind);
  }
  return { v1: renderSchema(v1), v2: renderSchema(v2), edits, rows: rowsOf(ctx, v1, v2), survivors: survivorsOf(ctx, v1, v2) };
}

// ---------------------------------------------------------------------------------------------
// v1

function buildSchema(ctx: Context): SchemaModel {
  const { g } = ctx;
  const schema: SchemaModel = { enums: [], tables: [] };
  for (const name of g(fc.shuffledSubarray, enumPool, { minLength: 0, maxLength: 2 })) {
    schema.enums.push({ name, labels: g(fc.subarray, labelPool, { minLength: rowCount, maxLength: rowCount + 1 }) });
  }
  for (const typeName of g(fc.shuffledSubarray, typePool, { minLength: 1, maxLength: 4 })) {
    schema.tables.push(buildTable(ctx, schema, typeName));
  }
  for (const table of schema.tables) {
    const count = int(g, 0, 2);
    for (let i = 0; i < count; i += 1) addForeignKeyColumn(ctx, schema, table, true, true);
  }
  return schema;
}

function buildTable(ctx: Context, schema: SchemaModel, typeName: string): TableModel {
  const { g } = ctx;
  const roll = int(g, 0, 99);
  let name = snakeCase(typeName);
  let explicitName = false;
  if (roll >= 96 && !schema.tables.some((t) => t.name === 'order')) {
    [name, explicitName] = ['order', true];
  } else if (roll >= 80) {
    [name, explicitName] = [`tbl_${name}`, true];
  }
  const table = newTable(ctx, typeName, name, explicitName, true);
  if (percent(g, 20)) {
    newColumn(ctx, table, {
      field: 'tenantId',
      scalar: pick(g, ['Int', 'BigInt', 'UUID'] as const),
      nonNull: true,
      pk: true,
      original: true,
    });
    newColumn(ctx, table, {
      field: 'localCode',
      scalar: pick(g, ['String', 'Int', 'Date'] as const),
      nonNull: true,
      pk: true,
      original: true,
    });
  } else {
    const scalar = pick(g, pkScalars);
    const id = newColumn(ctx, table, { field: 'id', scalar, nonNull: true, pk: true, original: true });
    if (scalar === 'String' && percent(g, 30)) id.columnType = `varchar(${int(g, 8, 64)})`;
    if ((scalar === 'ID' || scalar === 'UUID') && percent(g, 50)) id.default = { kind: 'expr', sql: 'gen_random_uuid()' };
  }
  const extra = int(g, 0, 4);
  for (let i = 0; i < extra; i += 1) addDataColumn(ctx, schema, table, true);
  if (percent(g, 15)) {
    const keyword = pick(g, keywordColumns);
    if (!table.columns.some((c) => c.column === keyword.column)) {
      decorateColumn(
        ctx,
        schema,
        newColumn(ctx, table, {
          field: keyword.field,
          column: keyword.column,
          scalar: keyword.scalar,
          nonNull: percent(g, 50),
          original: true,
        }),
      );
    }
  }
  const source = table.columns.find((c) => c.scalar === 'Int' && !c.list && !c.pk && c.generatedFrom === null);
  if (source !== undefined && percent(g, 25)) {
    newColumn(ctx, table, {
      field: uniqueField(table, 'doubled'),
      scalar: 'Int',
      nonNull: false,
      generatedFrom: source.id,
      original: true,
    });
  }
  decorateTable(ctx, table);
  return table;
}

function newTable(ctx: Context, typeName: string, name: string, explicitName: boolean, original: boolean): TableModel {
  return { id: ctx.nextId++, typeName, name, explicitName, columns: [], uniques: [], indexes: [], checks: [], renamedFrom: null, original };
}

interface ColumnSpec {
  readonly field: string;
  readonly column?: string;
  readonly scalar?: ScalarName;
  readonly enumName?: string;
  readonly list?: boolean;
  readonly nonNull: boolean;
  readonly pk?: boolean;
  readonly generatedFrom?: number;
  readonly original: boolean;
}

function newColumn(ctx: Context, table: TableModel, spec: ColumnSpec): ColumnModel {
  const column: ColumnModel = {
    id: ctx.nextId++,
    field: spec.field,
    column: spec.column ?? snakeCase(spec.field),
    explicitColumn: spec.column !== undefined,
    scalar: spec.enumName === undefined ? (spec.scalar ?? 'String') : null,
    enumName: spec.enumName ?? null,
    list: spec.list ?? false,
    columnType: null,
    nonNull: spec.nonNull,
    default: null,
    pk: spec.pk ?? false,
    fk: null,
    generatedFrom: spec.generatedFrom ?? null,
    generatedFactor: 2,
    renamedFrom: null,
    original: spec.original,
  };
  table.columns.push(column);
  return column;
}

/** A scalar, enum or list column with a random type modifier and default. */
function addDataColumn(ctx: Context, schema: SchemaModel, table: TableModel, original: boolean, field?: string): ColumnModel {
  const { g } = ctx;
  const nonNull = original && percent(g, 50);
  if (schema.enums.length > 0 && percent(g, 15)) {
    const enumDef = pick(g, schema.enums);
    const base = enumDef.name.charAt(0).toLowerCase() + enumDef.name.slice(1);
    return decorateColumn(
      ctx,
      schema,
      newColumn(ctx, table, { field: field ?? uniqueField(table, base), enumName: enumDef.name, nonNull, original }),
    );
  }
  if (percent(g, 10)) {
    const scalar = pick(g, ['String', 'Int'] as const);
    return newColumn(ctx, table, {
      field: field ?? uniqueField(table, `${scalar === 'String' ? 'labels' : 'scores'}`),
      scalar,
      list: true,
      nonNull,
      original,
    });
  }
  // Integers are favoured: they are what the shadow-column type changes apply to.
  const scalar = percent(g, 20) ? pick(g, ['Int', 'BigInt'] as const) : pick(g, scalarNames);
  return decorateColumn(
    ctx,
    schema,
    newColumn(ctx, table, { field: field ?? uniqueField(table, pick(g, fieldNames[scalar])), scalar, nonNull, original }),
  );
}

function decorateColumn(ctx: Context, schema: SchemaModel, column: ColumnModel): ColumnModel {
  const { g } = ctx;
  if (column.scalar === 'String' && percent(g, 50)) column.columnType = `varchar(${int(g, 8, 64)})`;
  if (column.scalar === 'Decimal' && percent(g, 50)) {
    const scale = int(g, 0, 3);
    column.columnType = `numeric(${int(g, scale + 4, 12)},${scale})`;
  }
  if (percent(g, 30)) column.default = randomDefault(ctx, schema, column, null);
  return column;
}

/**
 * A default for the column other than `current`: a literal, or (unless `literalOnly`) a
 * non-volatile expression; `null` when there is none (lists).
 */
function randomDefault(
  ctx: Context,
  schema: SchemaModel,
  column: ColumnModel,
  current: DefaultModel | null,
  literalOnly = false,
): DefaultModel | null {
  let choices: DefaultModel[] = [];
  if (column.enumName !== null) {
    const labels = schema.enums.find((e) => e.name === column.enumName)?.labels ?? [];
    choices = labels.map((label) => ({ kind: 'value', sdl: label }));
  } else if (column.scalar !== null && !column.list) {
    choices = literalDefaults[column.scalar].map((sdl): DefaultModel => ({ kind: 'value', sdl }));
    const expr = exprDefaults[column.scalar];
    if (expr !== undefined && !literalOnly) choices.push({ kind: 'expr', sql: expr });
  }
  const fresh = choices.filter((d) => JSON.stringify(d) !== JSON.stringify(current));
  return fresh.length === 0 ? null : pick(ctx.g, fresh);
}

function decorateTable(ctx: Context, table: TableModel): void {
  const { g } = ctx;
  for (const column of table.columns) {
    if (uniqueable(column) && !column.pk && percent(g, 15)) addUniqueOn(table, [column.id]);
    if (indexable(column) && percent(g, 15)) {
      const index = randomIndex(ctx, table, [column]);
      if (!index.unique || !keyTaken(table, index.columns)) table.indexes.push(index);
    }
    if (checkable(column) && percent(g, 15)) table.checks.push({ columns: [column.id], form: 0 });
  }
  const keyable = table.columns.filter(uniqueable);
  if (keyable.length >= 2 && percent(g, 15))
    addUniqueOn(
      table,
      g(fc.subarray, keyable, { minLength: 2, maxLength: 2 }).map((c) => c.id),
    );
  if (keyable.length >= 2 && percent(g, 15)) {
    const columns = g(fc.subarray, keyable, { minLength: 2, maxLength: 2 });
    const index = randomIndex(ctx, table, columns);
    if (!index.unique || !keyTaken(table, index.columns)) table.indexes.push(index);
  }
  const numeric = table.columns.filter(checkable);
  if (numeric.length >= 2 && percent(g, 15))
    table.checks.push({ columns: g(fc.subarray, numeric, { minLength: 2, maxLength: 2 }).map((c) => c.id), form: 0 });
}

/** A btree (sometimes unique, hash, brin or gin where the type has the operator class) index, maybe partial. */
function randomIndex(ctx: Context, table: TableModel, columns: readonly ColumnModel[]): IndexModel {
  const { g } = ctx;
  const [first] = columns;
  let using = 'btree';
  if (columns.length === 1 && first !== undefined) {
    if (first.list || first.scalar === 'JSON') using = 'gin';
    else if (percent(g, 20)) using = first.scalar !== null && brinScalars.has(first.scalar) && percent(g, 50) ? 'brin' : 'hash';
  }
  const unique = using === 'btree' && columns.every((c) => uniqueable(c) && c.original) && percent(g, 25);
  const candidates = table.columns.filter((c) => c.generatedFrom === null && !ctx.shadowed.has(c.id));
  const where = percent(g, 25) && candidates.length > 0 ? pick(g, candidates).id : null;
  return { columns: columns.map((c) => c.id), unique, using, where };
}

/** A column of a btree-comparable type whose values differ from row to row. */
const uniqueable = (c: ColumnModel): boolean => !c.list && c.scalar !== 'JSON' && c.scalar !== 'Boolean' && c.generatedFrom === null;
const indexable = (c: ColumnModel): boolean => c.generatedFrom === null;
const checkable = (c: ColumnModel): boolean => c.scalar !== null && numericScalars.has(c.scalar) && !c.list && c.generatedFrom === null;

/** `true` when the primary key, a unique constraint or a unique index already covers exactly `columns`. */
function keyTaken(table: TableModel, columns: readonly number[]): boolean {
  const key = [...columns].sort().join(',');
  return [
    table.columns.filter((c) => c.pk).map((c) => c.id),
    ...table.uniques.map((u) => u.columns),
    ...table.indexes.filter((i) => i.unique).map((i) => i.columns),
  ].some((cols) => [...cols].sort().join(',') === key);
}

function addUniqueOn(table: TableModel, columns: readonly number[]): boolean {
  if (keyTaken(table, columns)) return false;
  table.uniques.push({ columns: [...columns] });
  return true;
}

/** Single-column keys (primary or unique) of a scalar type: what a foreign key may reference. */
function keysOf(table: TableModel): ColumnModel[] {
  const pk = table.columns.filter((c) => c.pk);
  const single = new Set([
    ...(pk.length === 1 ? pk.map((c) => c.id) : []),
    ...table.uniques.filter((u) => u.columns.length === 1).flatMap((u) => u.columns),
  ]);
  return table.columns.filter((c) => single.has(c.id) && c.scalar !== null && !c.list);
}

/**
 * A new column referencing a key of some table (v1: any; v2: an existing one, or any when the
 * column is new and so holds only NULLs).
 */
function addForeignKeyColumn(ctx: Context, schema: SchemaModel, table: TableModel, original: boolean, anyTarget: boolean): boolean {
  const { g } = ctx;
  const targets = schema.tables.filter((t) => anyTarget || t.original).flatMap((t) => keysOf(t).map((key) => ({ table: t, key })));
  if (targets.length === 0) return false;
  const others = targets.filter((t) => t.table !== table);
  const target = pick(g, others.length > 0 && percent(g, 80) ? others : targets);
  const self = target.table === table;
  const base = `${self ? 'parent' : target.table.typeName.charAt(0).toLowerCase() + target.table.typeName.slice(1)}${target.key.field.charAt(0).toUpperCase()}${target.key.field.slice(1)}`;
  const nonNull = original && !self && percent(g, 50);
  const column = newColumn(ctx, table, {
    field: original ? uniqueField(table, base) : `ref${ctx.nextId}`,
    scalar: target.key.scalar ?? 'String',
    nonNull,
    original,
  });
  column.columnType = target.key.columnType;
  column.fk = {
    table: target.table.id,
    column: target.key.id,
    onDelete: percent(g, 40) ? pick(g, ['CASCADE', 'RESTRICT', 'NO ACTION']) : null,
    deferrable: percent(g, 15),
  };
  if (percent(g, 30)) table.indexes.push({ columns: [column.id], unique: false, using: 'btree', where: null });
  return true;
}

function uniqueField(table: TableModel, base: string): string {
  const taken = (name: string) => table.columns.some((c) => c.field === name || c.column === snakeCase(name));
  for (let n = 1; ; n += 1) {
    const name = n === 1 ? base : `${base}${n}`;
    if (!taken(name)) return name;
  }
}

// ---------------------------------------------------------------------------------------------
// edits: each returns false when it does not apply to the schema as it stands

type Edit = (ctx: Context, schema: SchemaModel) => boolean;

const originalTables = (schema: SchemaModel) => schema.tables.filter((t) => t.original);

/** Original columns of original tables, with their tables, that pass `keep`. */
function originalColumns(
  schema: SchemaModel,
  keep: (c: ColumnModel, t: TableModel) => boolean,
): { table: TableModel; column: ColumnModel }[] {
  return originalTables(schema).flatMap((table) =>
    table.columns.filter((c) => c.original && keep(c, table)).map((column) => ({ table, column })),
  );
}

/** Columns whose foreign key points at table `table`, or at its column `column`. */
function referencesTo(schema: SchemaModel, table: number, column?: number): ColumnModel[] {
  return schema.tables.flatMap((t) =>
    t.columns.filter((c) => c.fk !== null && c.fk.table === table && (column === undefined || c.fk.column === column)),
  );
}

/** Anything in `schema` that uses the column: what a shadow-column type change may not touch. */
function hasDependents(schema: SchemaModel, table: TableModel, column: ColumnModel): boolean {
  const id = column.id;
  return (
    column.pk ||
    column.fk !== null ||
    column.generatedFrom !== null ||
    referencesTo(schema, table.id, id).length > 0 ||
    table.uniques.some((u) => u.columns.includes(id)) ||
    table.indexes.some((i) => i.columns.includes(id) || i.where === id) ||
    table.checks.some((c) => c.columns.includes(id)) ||
    table.columns.some((c) => c.generatedFrom === id)
  );
}

/** Drops a column and what uses it: its constraints and indexes, generated columns, references. */
function removeColumn(schema: SchemaModel, table: TableModel, column: ColumnModel): void {
  const id = column.id;
  table.columns = table.columns.filter((c) => c.id !== id);
  table.uniques = table.uniques.filter((u) => !u.columns.includes(id));
  table.indexes = table.indexes.filter((i) => !i.columns.includes(id) && i.where !== id);
  table.checks = table.checks.filter((c) => !c.columns.includes(id));
  for (const dependent of table.columns.filter((c) => c.generatedFrom === id)) removeColumn(schema, table, dependent);
  for (const source of referencesTo(schema, table.id, id)) source.fk = null;
}

function pickOne<T>(ctx: Context, items: readonly T[], apply: (item: T) => boolean | void): boolean {
  if (items.length === 0) return false;
  return apply(pick(ctx.g, items)) !== false;
}

const edit: Readonly<Record<EditKind, Edit>> = {
  addTable(ctx, schema) {
    const { g } = ctx;
    const typeName = newTypePool.find((name) => !schema.tables.some((t) => t.typeName === name));
    if (typeName === undefined) return false;
    const table = newTable(ctx, typeName, snakeCase(typeName), false, false);
    const id = newColumn(ctx, table, { field: 'id', scalar: pick(g, ['UUID', 'Int'] as const), nonNull: true, pk: true, original: false });
    if (id.scalar === 'UUID' && percent(g, 50)) id.default = { kind: 'expr', sql: 'gen_random_uuid()' };
    const extra = int(g, 1, 2);
    for (let i = 0; i < extra; i += 1) {
      const column = addDataColumn(ctx, schema, table, false, `added${ctx.nextId}`);
      column.nonNull = percent(g, 50);
      if (indexable(column) && percent(g, 25))
        table.indexes.push({
          columns: [column.id],
          unique: false,
          using: column.list || column.scalar === 'JSON' ? 'gin' : 'btree',
          where: null,
        });
    }
    schema.tables.push(table);
    if (percent(g, 40)) addForeignKeyColumn(ctx, schema, table, false, true);
    const referrer = originalTables(schema);
    if (referrer.length > 0 && percent(g, 30)) {
      const from = pick(g, referrer);
      const column = newColumn(ctx, from, { field: `ref${ctx.nextId}`, scalar: id.scalar ?? 'UUID', nonNull: false, original: false });
      column.fk = { table: table.id, column: id.id, onDelete: null, deferrable: false };
    }
    return true;
  },
  dropTable(ctx, schema) {
    if (schema.tables.length < 2) return false;
    return pickOne(ctx, originalTables(schema), (table) => {
      schema.tables = schema.tables.filter((t) => t.id !== table.id);
      for (const t of schema.tables) {
        for (const column of t.columns.filter((c) => c.fk?.table === table.id)) {
          if (!column.pk && percent(ctx.g, 50)) removeColumn(schema, t, column);
          else column.fk = null;
        }
      }
    });
  },
  renameTable(ctx, schema) {
    return pickOne(
      ctx,
      originalTables(schema).filter((t) => t.renamedFrom === null),
      (table) => {
        table.renamedFrom = table.name;
        table.typeName = `${table.typeName}V2`;
        table.name = table.explicitName ? `${table.name}_v2` : snakeCase(table.typeName);
      },
    );
  },
  addColumnNullable(ctx, schema) {
    return pickOne(ctx, schema.tables, (table) => {
      const { g } = ctx;
      const unused = enumPool.filter((name) => !schema.enums.some((e) => e.name === name));
      const name = unused[0];
      if (name !== undefined && percent(g, 20)) {
        schema.enums.push({ name, labels: g(fc.subarray, labelPool, { minLength: 1, maxLength: 3 }) });
      }
      const column = addDataColumn(ctx, schema, table, false, `added${ctx.nextId}`);
      column.default = null;
      if (name !== undefined && schema.enums.some((e) => e.name === name) && percent(g, 70)) {
        column.scalar = null;
        column.enumName = name;
        column.columnType = null;
      }
    });
  },
  addColumnLiteralDefault(ctx, schema) {
    return pickOne(ctx, schema.tables, (table) => {
      const { g } = ctx;
      const column = addDataColumn(ctx, schema, table, false, `added${ctx.nextId}`);
      column.default = randomDefault(ctx, schema, column, null, true);
      if (column.default === null) {
        removeColumn(schema, table, column);
        return false;
      }
      column.nonNull = percent(g, 50);
      return true;
    });
  },
  addColumnVolatileDefault(ctx, schema) {
    return pickOne(ctx, schema.tables, (table) => {
      const column = newColumn(ctx, table, { field: `added${ctx.nextId}`, scalar: 'UUID', nonNull: percent(ctx.g, 50), original: false });
      column.default = { kind: 'expr', sql: 'gen_random_uuid()' };
    });
  },
  dropColumn(ctx, schema) {
    return pickOne(
      ctx,
      originalColumns(schema, (c) => !c.pk),
      ({ table, column }) => removeColumn(schema, table, column),
    );
  },
  renameColumn(ctx, schema) {
    return pickOne(
      ctx,
      originalColumns(schema, (c) => c.renamedFrom === null),
      ({ table, column }) => {
        const field = `${column.field}Next`;
        const name = column.explicitColumn ? `${column.column}_next` : snakeCase(field);
        if (table.columns.some((c) => c.field === field || c.column === name)) return false;
        column.renamedFrom = column.column;
        column.field = field;
        column.column = name;
        return true;
      },
    );
  },
  widenInteger(ctx, schema) {
    const free = originalColumns(
      schema,
      (c, t) => (c.scalar === 'Int' || c.scalar === 'BigInt') && !c.list && !ctx.wasGenerated.has(c.id) && !hasDependents(schema, t, c),
    );
    return pickOne(ctx, free, ({ column }) => {
      column.scalar = column.scalar === 'Int' && percent(ctx.g, 70) ? 'BigInt' : 'Decimal';
      ctx.shadowed.add(column.id);
    });
  },
  widenVarchar(ctx, schema) {
    return pickOne(
      ctx,
      originalColumns(schema, (c) => /^varchar\(/.test(c.columnType ?? '')),
      ({ column }) => {
        const length = Number(/\d+/.exec(column.columnType ?? '')?.[0] ?? 8);
        column.columnType = `varchar(${length + int(ctx.g, 1, 100)})`;
      },
    );
  },
  varcharToText(ctx, schema) {
    const free = originalColumns(
      schema,
      (c, t) => /^varchar\(/.test(c.columnType ?? '') && c.fk === null && referencesTo(schema, t.id, c.id).length === 0,
    );
    return pickOne(ctx, free, ({ column }) => {
      column.columnType = null;
    });
  },
  widenNumeric(ctx, schema) {
    return pickOne(
      ctx,
      originalColumns(schema, (c) => /^numeric\(/.test(c.columnType ?? '')),
      ({ column }) => {
        const [precision = 10, scale = 0] = (/\d+,\d+/.exec(column.columnType ?? '')?.[0] ?? '').split(',').map(Number);
        column.columnType = percent(ctx.g, 50) ? null : `numeric(${precision + int(ctx.g, 1, 6)},${scale})`;
      },
    );
  },
  setNotNull(ctx, schema) {
    // Not a column generated in v1: it holds NULL wherever its source does.
    const candidates = originalColumns(schema, (c) => !c.nonNull && c.generatedFrom === null && !ctx.wasGenerated.has(c.id) && !c.pk);
    return pickOne(ctx, candidates, ({ table, column }) => {
      column.nonNull = true;
      // The fill runs while v1's constraints still hold (they go in contract): none may use the column.
      const before = findTable(ctx.v1, table.id);
      const was = before === undefined ? undefined : findColumn(before, column.id);
      const constrained = before === undefined || was === undefined || hasDependents(ctx.v1, before, was);
      if (fillable(column) && !constrained && !hasDependents(schema, table, column) && percent(ctx.g, 40)) {
        column.default = randomDefault(ctx, schema, column, null, true);
        ctx.filled.add(column.id);
        ctx.shadowed.add(column.id);
      }
    });
  },
  dropNotNull(ctx, schema) {
    return pickOne(
      ctx,
      originalColumns(schema, (c) => c.nonNull && !c.pk),
      ({ column }) => {
        column.nonNull = false;
      },
    );
  },
  setDefault(ctx, schema) {
    // Not a new foreign key column of an existing table: its rows would take a default no key has.
    const settable = (c: ColumnModel, t: TableModel) =>
      c.generatedFrom === null && !c.list && !(c.fk !== null && !c.original && t.original) && !ctx.filled.has(c.id);
    const columns = schema.tables.flatMap((table) => table.columns.filter((c) => settable(c, table)).map((column) => ({ table, column })));
    return pickOne(ctx, columns, ({ column }) => {
      const next = randomDefault(ctx, schema, column, column.default);
      if (next === null) return false;
      column.default = next;
      return true;
    });
  },
  dropDefault(ctx, schema) {
    // A new required column of an existing table needs its default (WES103).
    const columns = schema.tables.flatMap((table) =>
      table.columns.filter((c) => c.default !== null && (c.original || !table.original || !c.nonNull) && !ctx.filled.has(c.id)),
    );
    return pickOne(ctx, columns, (column) => {
      column.default = null;
    });
  },
  addUnique(ctx, schema) {
    return pickOne(ctx, originalTables(schema), (table) => {
      const keyable = table.columns.filter((c) => c.original && uniqueable(c) && !ctx.shadowed.has(c.id));
      if (keyable.length === 0) return false;
      const size = keyable.length >= 2 && percent(ctx.g, 40) ? 2 : 1;
      return addUniqueOn(
        table,
        ctx.g(fc.subarray, keyable, { minLength: size, maxLength: size }).map((c) => c.id),
      );
    });
  },
  dropUnique(ctx, schema) {
    const droppable = schema.tables.flatMap((table) =>
      table.uniques
        .filter((u) => u.columns.length > 1 || u.columns.every((id) => referencesTo(schema, table.id, id).length === 0))
        .map((unique) => ({ table, unique })),
    );
    return pickOne(ctx, droppable, ({ table, unique }) => {
      table.uniques = table.uniques.filter((u) => u !== unique);
    });
  },
  addIndex(ctx, schema) {
    return pickOne(ctx, schema.tables, (table) => {
      const candidates = table.columns.filter((c) => indexable(c) && !ctx.shadowed.has(c.id));
      if (candidates.length === 0) return false;
      const btree = candidates.filter(uniqueable);
      const columns =
        btree.length >= 2 && percent(ctx.g, 30) ? ctx.g(fc.subarray, btree, { minLength: 2, maxLength: 2 }) : [pick(ctx.g, candidates)];
      const index = randomIndex(ctx, table, columns);
      const same = (a: object, b: object) => JSON.stringify(a) === JSON.stringify(b);
      if (table.indexes.some((i) => same(i, index))) return false;
      if (index.unique && keyTaken(table, index.columns)) return false;
      table.indexes.push(index);
      return true;
    });
  },
  dropIndex(ctx, schema) {
    const indexes = schema.tables.flatMap((table) => table.indexes.map((index) => ({ table, index })));
    return pickOne(ctx, indexes, ({ table, index }) => {
      table.indexes = table.indexes.filter((i) => i !== index);
    });
  },
  addCheck(ctx, schema) {
    return pickOne(ctx, schema.tables, (table) => {
      const free = table.columns.filter((c) => checkable(c) && !ctx.shadowed.has(c.id));
      const single = free.filter((c) => !table.checks.some((k) => k.columns.length === 1 && k.columns[0] === c.id));
      const pair = free.filter((c) => c.original);
      if (pair.length >= 2 && percent(ctx.g, 30)) {
        table.checks.push({ columns: ctx.g(fc.subarray, pair, { minLength: 2, maxLength: 2 }).map((c) => c.id), form: 0 });
        return true;
      }
      if (single.length === 0) return false;
      table.checks.push({ columns: [pick(ctx.g, single).id], form: 0 });
      return true;
    });
  },
  dropCheck(ctx, schema) {
    const checks = schema.tables.flatMap((table) => table.checks.map((check) => ({ table, check })));
    return pickOne(ctx, checks, ({ table, check }) => {
      table.checks = table.checks.filter((c) => c !== check);
    });
  },
  addForeignKey(ctx, schema) {
    const { g } = ctx;
    if (percent(g, 30)) return pickOne(ctx, schema.tables, (table) => addForeignKeyColumn(ctx, schema, table, false, true));
    const keys = originalTables(schema).flatMap((table) =>
      keysOf(table)
        .filter((k) => k.original)
        .map((key) => ({ table, key })),
    );
    const pairs = originalColumns(
      schema,
      (c) => c.fk === null && !c.list && c.scalar !== null && c.generatedFrom === null && !ctx.shadowed.has(c.id),
    ).flatMap((source) =>
      keys.filter((target) => target.key !== source.column && sameKeyType(source.column, target.key)).map((target) => ({ source, target })),
    );
    return pickOne(ctx, pairs, ({ source, target }) => {
      source.column.fk = {
        table: target.table.id,
        column: target.key.id,
        onDelete: percent(g, 30) ? pick(g, ['CASCADE', 'RESTRICT']) : null,
        deferrable: percent(g, 15),
      };
    });
  },
  dropForeignKey(ctx, schema) {
    const sources = schema.tables.flatMap((table) => table.columns.filter((c) => c.fk !== null));
    return pickOne(ctx, sources, (column) => {
      column.fk = null;
    });
  },
  alterIndex(ctx, schema) {
    const indexes = schema.tables.flatMap((table) => table.indexes.map((index) => ({ table, index })));
    return pickOne(ctx, indexes, ({ table, index }) => {
      const { g } = ctx;
      const columns = index.columns.map((id) => findColumn(table, id)).filter((c) => c !== undefined);
      const [first] = columns;
      const others = { ...table, indexes: table.indexes.filter((i) => i !== index) };
      const choices: IndexModel[] = [];
      const where = table.columns.filter((c) => c.generatedFrom === null && !ctx.shadowed.has(c.id) && c.id !== index.where);
      if (where.length > 0) choices.push({ ...index, where: pick(g, where).id });
      if (index.where !== null) choices.push({ ...index, where: null });
      if (index.using === 'btree' && columns.length === 1 && first !== undefined && !first.list && first.scalar !== 'JSON')
        choices.push({ ...index, using: 'hash', unique: false });
      if (index.using === 'hash' || index.using === 'brin') choices.push({ ...index, using: 'btree' });
      if (index.unique) choices.push({ ...index, unique: false });
      else if (index.using === 'btree' && columns.every((c) => uniqueable(c) && c.original) && !keyTaken(others, index.columns))
        choices.push({ ...index, unique: true });
      const fresh = choices.filter((next) => !table.indexes.some((i) => JSON.stringify(i) === JSON.stringify(next)));
      if (fresh.length === 0) return false;
      table.indexes = table.indexes.map((i) => (i === index ? pick(g, fresh) : i));
      return true;
    });
  },
  alterCheck(ctx, schema) {
    const checks = schema.tables.flatMap((table) => table.checks.map((check) => ({ table, check })));
    return pickOne(ctx, checks, ({ table, check }) => {
      table.checks = table.checks.map((c) => (c === check ? { ...c, form: c.form === 0 ? 1 : 0 } : c));
    });
  },
  alterForeignKey(ctx, schema) {
    const sources = schema.tables.flatMap((table) => table.columns.filter((c) => c.fk !== null));
    return pickOne(ctx, sources, (column) => {
      const fk = column.fk;
      if (fk === null) return false;
      const onDelete = pick(
        ctx.g,
        [null, 'CASCADE', 'RESTRICT'].filter((action) => action !== fk.onDelete),
      );
      column.fk = percent(ctx.g, 50) ? { ...fk, deferrable: !fk.deferrable } : { ...fk, onDelete };
      return true;
    });
  },
  alterGenerated(ctx, schema) {
    return pickOne(
      ctx,
      originalColumns(schema, (c) => c.generatedFrom !== null),
      ({ column }) => {
        // A new factor recomputes every row (and the column's values change); no expression keeps them.
        if (percent(ctx.g, 50)) column.generatedFactor = column.generatedFactor === 2 ? 3 : 2;
        else column.generatedFrom = null;
        ctx.wasGenerated.add(column.id);
      },
    );
  },
  appendEnumLabel(ctx, schema) {
    const used = schema.enums.filter((e) => originalTables(schema).some((t) => t.columns.some((c) => c.original && c.enumName === e.name)));
    return pickOne(ctx, used, (enumDef) => {
      const label = labelPool.find((l) => !enumDef.labels.includes(l));
      if (label === undefined) return false;
      enumDef.labels.push(label);
      return true;
    });
  },
};

/** Same PostgreSQL base type, as a foreign key needs (`ID` and `UUID` are both uuid; varchar vs text differ). */
function sameKeyType(a: ColumnModel, b: ColumnModel): boolean {
  const base = (c: ColumnModel) => {
    if (c.scalar === 'ID') return 'UUID';
    if (c.scalar === 'String') return c.columnType?.startsWith('varchar') === true ? 'varchar' : 'text';
    if (c.scalar === 'Decimal') return 'Decimal';
    return c.scalar;
  };
  return base(a) === base(b);
}

// ---------------------------------------------------------------------------------------------
// rows and survivors

function rowsOf(ctx: Context, v1: SchemaModel, v2: SchemaModel): TableRows[] {
  return v1.tables.map((table) => {
    const columns = table.columns.filter((c) => c.generatedFrom === null);
    const rows = Array.from({ length: rowCount }, (_, i) => columns.map((column) => cell(ctx, v1, v2, table, column, i)));
    return { table: table.name, columns: columns.map((c) => c.column), rows };
  });
}

function cell(ctx: Context, v1: SchemaModel, v2: SchemaModel, table: TableModel, column: ColumnModel, i: number): RowValue {
  if (i === rowCount - 1 && mayBeNull(ctx, v1, v2, table, column)) return null;
  if (column.list) return column.scalar === 'Int' ? [String(i), String(i + 1)] : [`a${i}`, 'b'];
  if (column.enumName !== null) {
    const labels = v1.enums.find((e) => e.name === column.enumName)?.labels ?? [];
    return labels[i % labels.length] ?? null;
  }
  return scalarValue(column.scalar ?? 'String', i);
}

/** Nullable in v1, and in v2 unless filled; no foreign key (in either) points at it. */
function mayBeNull(ctx: Context, v1: SchemaModel, v2: SchemaModel, table: TableModel, column: ColumnModel): boolean {
  const next = laterColumn(v2, table, column);
  const unreferenced = referencesTo(v1, table.id, column.id).length === 0 && referencesTo(v2, table.id, column.id).length === 0;
  return !column.nonNull && (next?.nonNull !== true || fillText(ctx, column, next) !== null) && unreferenced;
}

function laterColumn(v2: SchemaModel, table: TableModel, column: ColumnModel): ColumnModel | undefined {
  const later = findTable(v2, table.id);
  return later === undefined ? undefined : findColumn(later, column.id);
}

/** Types whose literal defaults PostgreSQL prints back as written (no padding, no time zone). */
const fillable = (c: ColumnModel): boolean =>
  !c.list && (c.enumName !== null || (c.scalar !== null && c.scalar !== 'Decimal' && c.scalar !== 'DateTime'));

/** The text the plan fills the column's NULLs with, when v2 makes it NOT NULL with its default. */
function fillText(ctx: Context, column: ColumnModel, next: ColumnModel | undefined): string | null {
  if (column.nonNull || next?.nonNull !== true || !ctx.filled.has(column.id) || next.default?.kind !== 'value') return null;
  const sdl = next.default.sdl;
  return sdl.startsWith('"') ? (JSON.parse(sdl) as string) : sdl;
}

/** `f(scalar, i)`: see the file comment. */
function scalarValue(scalar: ScalarName, i: number): string {
  switch (scalar) {
    case 'ID':
    case 'UUID':
      return `00000000-0000-4000-8000-00000000000${i}`;
    case 'String':
      return `s${i}`;
    case 'Int':
    case 'BigInt':
    case 'Float':
    case 'Decimal':
      return String(i + 1);
    case 'Boolean':
      return i % 2 === 0 ? 'true' : 'false';
    case 'DateTime':
      return `2024-01-0${i + 1} 09:30:00+00`;
    case 'Date':
      return `2024-01-0${i + 1}`;
    case 'Time':
      return `09:0${i}:00`;
    case 'JSON':
      return `{"n": ${i}}`;
  }
}

function survivorsOf(ctx: Context, v1: SchemaModel, v2: SchemaModel): SurvivingTable[] {
  return v1.tables.flatMap((table) => {
    const later = findTable(v2, table.id);
    if (later === undefined) return [];
    const columns = table.columns.flatMap((c): (readonly [string, string])[] => {
      const next = findColumn(later, c.id);
      const recomputed = next?.generatedFrom != null && next.generatedFactor !== c.generatedFactor;
      return next === undefined || recomputed ? [] : [[c.column, next.column]];
    });
    const filled = table.columns.flatMap((c): (readonly [string, string])[] => {
      const text = fillText(ctx, c, findColumn(later, c.id));
      return text === null ? [] : [[c.column, text]];
    });
    return [{ from: table.name, to: later.name, columns, filled }];
  });
}

// ---------------------------------------------------------------------------------------------

function int(g: fc.GeneratorValue, min: number, max: number): number {
  return g(fc.integer, { min, max });
}

/** `true` with probability `p` percent; shrinks towards `false`. */
function percent(g: fc.GeneratorValue, p: number): boolean {
  return int(g, 0, 99) >= 100 - p;
}

function pick<T>(g: fc.GeneratorValue, items: readonly T[]): T {
  const item = items[int(g, 0, items.length - 1)];
  if (item === undefined) throw new Error('arbitrary-schema-pair: pick from an empty list');
  return item;
}
