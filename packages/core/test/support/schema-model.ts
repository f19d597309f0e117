/**
 * A small mutable model of a Wesley schema, for generators that need to edit a schema and print
 * it again (see `arbitrary-schema-pair.ts`): tables and columns carry stable ids, so that a
 * copy can be renamed, widened or pruned and still be matched with the original, and every
 * reference (foreign keys, checks, index predicates, generated expressions) points at ids and
 * prints with the current names.
 */
import { quoteIdent } from '../../src/naming/quote-ident.js';
import type { ScalarName } from './schema-features.js';

export interface EnumModel {
  /** GraphQL name; the PostgreSQL type is its snake_case. */
  readonly name: string;
  labels: string[];
}

export type DefaultModel = { readonly kind: 'value'; readonly sdl: string } | { readonly kind: 'expr'; readonly sql: string };

export interface ForeignKeyModel {
  readonly table: number;
  readonly column: number;
  readonly onDelete: string | null;
  readonly deferrable: boolean;
}

export interface ColumnModel {
  readonly id: number;
  field: string;
  column: string;
  /** Printed as `@wes_column(name:)` (the column is not the snake_case of the field). */
  explicitColumn: boolean;
  /** The scalar, or `null` for an enum column. */
  scalar: ScalarName | null;
  enumName: string | null;
  readonly list: boolean;
  /** `@wes_column(type:)`: `varchar(n)` or `numeric(p,s)`; `null` for the scalar's own type. */
  columnType: string | null;
  nonNull: boolean;
  default: DefaultModel | null;
  readonly pk: boolean;
  fk: ForeignKeyModel | null;
  /** `@wes_computed(expr: "<source> * <factor>")`, by the source column's id. */
  generatedFrom: number | null;
  generatedFactor: number;
  renamedFrom: string | null;
  /** Present in the first version of the schema (so it holds rows' data). */
  readonly original: boolean;
}

/** A unique constraint or index over columns (by id). */
export interface UniqueModel {
  readonly columns: readonly number[];
}
export interface IndexModel {
  readonly columns: readonly number[];
  readonly unique: boolean;
  readonly using: string;
  /** `"<col>" IS NOT NULL`, by column id. */
  readonly where: number | null;
}
/**
 * A check over one column (`a >= 0`, or in its other form `a > -1`) or two (`a <= b`, or
 * `b >= a`): two spellings per shape, so a check can change under the same name.
 */
export interface CheckModel {
  readonly columns: readonly number[];
  readonly form: 0 | 1;
}

export interface TableModel {
  readonly id: number;
  typeName: string;
  name: string;
  /** Printed as `@wes_table(name:)`. */
  explicitName: boolean;
  columns: ColumnModel[];
  uniques: UniqueModel[];
  indexes: IndexModel[];
  checks: CheckModel[];
  renamedFrom: string | null;
  readonly original: boolean;
}

export interface SchemaModel {
  enums: EnumModel[];
  tables: TableModel[];
}

export function findTable(schema: SchemaModel, id: number): TableModel | undefined {
  return schema.tables.find((t) => t.id === id);
}

export function findColumn(table: TableModel, id: number): ColumnModel | undefined {
  return table.columns.find((c) => c.id === id);
}

/** The SDL of `schema`: the enums some column uses, then the tables, all in model order. */
export function renderSchema(schema: SchemaModel): string {
  const used = new Set(schema.tables.flatMap((t) => t.columns.flatMap((c) => (c.enumName === null ? [] : [c.enumName]))));
  const blocks = schema.enums
    .filter((e) => used.has(e.name))
    .map((e) => `enum ${e.name} {\n${e.labels.map((l) => `  ${l}`).join('\n')}\n}`);
  for (const table of schema.tables) blocks.push(renderTable(schema, table));
  return `${blocks.join('\n\n')}\n`;
}

function renderTable(schema: SchemaModel, table: TableModel): string {
  const field = (id: number): string => findColumn(table, id)?.field ?? `missing${id}`;
  const column = (id: number): string => quoteIdent(findColumn(table, id)?.column ?? `missing${id}`);
  const list = (ids: readonly number[]) => `[${ids.map((id) => str(field(id))).join(', ')}]`;
  const directives = [table.explicitName ? `@wes_table(name: ${str(table.name)})` : '@wes_table'];
  if (table.renamedFrom !== null) directives.push(`@wes_renamed(from: ${str(table.renamedFrom)})`);
  for (const unique of table.uniques) directives.push(`@wes_unique(columns: ${list(unique.columns)})`);
  for (const index of table.indexes) {
    const args = [`columns: ${list(index.columns)}`];
    if (index.unique) args.push('unique: true');
    if (index.using !== 'btree') args.push(`using: ${str(index.using)}`);
    if (index.where !== null) args.push(`where: ${str(`${column(index.where)} IS NOT NULL`)}`);
    directives.push(`@wes_index(${args.join(', ')})`);
  }
  for (const check of table.checks) {
    const [a, b] = check.columns;
    if (a === undefined || b === undefined) continue;
    const expr = check.form === 0 ? `${column(a)} <= ${column(b)}` : `${column(b)} >= ${column(a)}`;
    directives.push(`@wes_check(expr: ${str(expr)})`);
  }
  const fields = table.columns.map((c) => `  ${c.field}: ${typeRef(c)}${renderColumnDirectives(schema, table, c)}`);
  return `type ${table.typeName} ${directives.join(' ')} {\n${fields.join('\n')}\n}`;
}

function typeRef(c: ColumnModel): string {
  const named = c.enumName ?? c.scalar ?? 'String';
  return `${c.list ? `[${named}]` : named}${c.nonNull ? '!' : ''}`;
}

function renderColumnDirectives(schema: SchemaModel, table: TableModel, c: ColumnModel): string {
  const out: string[] = [];
  const args: string[] = [];
  if (c.explicitColumn) args.push(`name: ${str(c.column)}`);
  if (c.columnType !== null) args.push(`type: ${str(c.columnType)}`);
  if (args.length > 0) out.push(`@wes_column(${args.join(', ')})`);
  if (c.pk) out.push('@wes_pk');
  if (c.renamedFrom !== null) out.push(`@wes_renamed(from: ${str(c.renamedFrom)})`);
  if (c.default?.kind === 'value') out.push(`@wes_default(value: ${c.default.sdl})`);
  if (c.default?.kind === 'expr') out.push(`@wes_default(expr: ${str(c.default.sql)})`);
  if (c.generatedFrom !== null) {
    const source = findColumn(table, c.generatedFrom);
    out.push(`@wes_computed(expr: ${str(`${quoteIdent(source?.column ?? 'missing')} * ${c.generatedFactor}`)})`);
  }
  for (const check of table.checks) {
    if (check.columns.length !== 1 || check.columns[0] !== c.id) continue;
    out.push(`@wes_check(expr: ${str(check.form === 0 ? `${quoteIdent(c.column)} >= 0` : `${quoteIdent(c.column)} > -1`)})`);
  }
  if (c.fk !== null) {
    const target = findTable(schema, c.fk.table);
    const key = target === undefined ? undefined : findColumn(target, c.fk.column);
    const fkArgs = [`ref: ${str(`${target?.typeName ?? 'Missing'}.${key?.field ?? 'missing'}`)}`];
    if (c.fk.onDelete !== null) fkArgs.push(`onDelete: ${str(c.fk.onDelete)}`);
    if (c.fk.deferrable) fkArgs.push('deferrable: true');
    out.push(`@wes_fk(${fkArgs.join(', ')})`);
  }
  return out.map((d) => ` ${d}`).join('');
}

/** A GraphQL string literal (JSON's escapes are GraphQL's). */
export function str(text: string): string {
  return JSON.stringify(text);
}
