/**
 * A fast-check arbitrary of random, valid Wesley SDL schemas (the vocabulary of
 * docs/directives.md, canonical `@wes_*` spellings), for property tests: the DDL applies on a
 * real PostgreSQL, introspecting it gives back the IR, compilation is deterministic.
 *
 * "Valid" means: the compiler should report no error, and the DDL should apply to an empty
 * database. So every choice below keeps to what PostgreSQL accepts: FK columns copy their
 * target's scalar and explicit type, GIN only on lists and JSON, hash and BRIN only on types that
 * have those operator classes, unique only with btree, defaults that fit their column, no name
 * clashes between tables, enums, indexes and constraints. Schemas stay small (1-6 tables of a
 * handful of columns) so that a hundred apply-and-introspect runs take seconds.
 */
import fc from 'fast-check';
import { quoteIdent } from '../../src/naming/quote-ident.js';
import { snakeCase } from '../../src/naming/snake-case.js';
import { scalarNames, type Feature, type ScalarName } from './schema-features.js';
import { brinScalars, enumPool, fieldNames, keywordColumns, labelPool, numericScalars, pkScalars } from './name-pools.js';

export interface GeneratedSchema {
  /** The SDL text. */
  readonly sdl: string;
  /** The features this schema uses, sorted (see `featureCoverage`). */
  readonly features: readonly Feature[];
}

/** Random valid Wesley schemas as SDL text, with the features each one uses. */
export function arbitrarySchema(): fc.Arbitrary<GeneratedSchema> {
  return fc.gen().map(buildSchema);
}

/** Type names are PascalCase nouns whose snake_case never clashes with an enum's. */
const typePool = ['Account', 'Invoice', 'LineItem', 'Product', 'Shipment', 'Tag', 'Review', 'Warehouse', 'Category', 'Payment'];
const keywordTable = 'order';

const compositePk: readonly { readonly name: string; readonly scalars: readonly ScalarName[] }[] = [
  { name: 'tenantId', scalars: ['Int', 'BigInt', 'UUID'] },
  { name: 'localCode', scalars: ['String', 'Int', 'Date'] },
];
/** Scalars GraphQL itself defines; the others may be declared with `scalar X`. */
const graphqlScalars: ReadonlySet<ScalarName> = new Set(['ID', 'String', 'Int', 'Float', 'Boolean']);

/** Literal defaults as SDL text, each valid for its scalar (strings fit `varchar(8)`). */
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
/** The small list of trusted expression defaults. */
const exprDefaults: Partial<Readonly<Record<ScalarName, string>>> = {
  DateTime: 'now()',
  UUID: 'gen_random_uuid()',
  ID: 'gen_random_uuid()',
  Int: '0',
};
const listDefaults: Partial<Readonly<Record<ScalarName, string>>> = { String: '["a", "b c"]', Int: '[1, 2]' };

interface EnumDef {
  readonly name: string;
  readonly labels: readonly string[];
}

interface Field {
  readonly name: string;
  /** PostgreSQL column name; `null` for a relation field. */
  readonly column: string | null;
  /** Set when the column name is given by `@wes_column(name:)`. */
  readonly explicitColumn: boolean;
  readonly typeName: string;
  readonly scalar: ScalarName | null;
  readonly enumDef: EnumDef | null;
  readonly list: boolean;
  readonly elementNonNull: boolean;
  readonly nonNull: boolean;
  columnType: string | null;
  generated: boolean;
  readonly directives: string[];
}

interface Table {
  readonly typeName: string;
  readonly name: string;
  readonly directives: string[];
  readonly fields: Field[];
  /** Single-column keys (PK or unique) of a scalar type: what an FK may point at. */
  readonly keys: Field[];
  /** Column sets already made unique or indexed, so nothing is declared twice. */
  readonly seen: Set<string>;
}

interface Context {
  readonly g: fc.GeneratorValue;
  readonly features: Set<Feature>;
  readonly enums: readonly EnumDef[];
  explicitNames: number;
  keywordTableUsed: boolean;
}

function buildSchema(g: fc.GeneratorValue): GeneratedSchema {
  const enumNames = g(fc.shuffledSubarray, enumPool, { minLength: 0, maxLength: 2 });
  const enums = enumNames.map((name) => ({
    name,
    labels: g(fc.subarray, labelPool, { minLength: 2, maxLength: 4 }),
  }));
  const ctx: Context = { g, features: new Set(), enums, explicitNames: 0, keywordTableUsed: false };
  const typeNames = g(fc.shuffledSubarray, typePool, { minLength: 1, maxLength: 6 });
  const tables = typeNames.map((typeName) => buildTable(ctx, typeName));
  for (const table of tables) {
    const count = int(g, 0, 2);
    for (let i = 0; i < count; i += 1) addForeignKey(ctx, table, tables);
  }
  for (const table of tables) {
    if (percent(g, 30)) addRelation(ctx, table, pick(g, tables));
    addObjectDirectives(ctx, table);
  }
  return { sdl: renderSdl(ctx, tables), features: [...ctx.features].sort() };
}

function buildTable(ctx: Context, typeName: string): Table {
  const { g, features } = ctx;
  const snake = snakeCase(typeName);
  const roll = int(g, 0, 99);
  let name = snake;
  let directive = '@wes_table';
  if (roll >= 97 && !ctx.keywordTableUsed) {
    ctx.keywordTableUsed = true;
    name = keywordTable;
    directive = `@wes_table(name: ${str(name)})`;
    features.add('keywordTable');
  } else if (roll >= 80) {
    name = `tbl_${snake}`;
    directive = `@wes_table(name: ${str(name)})`;
    features.add('tableName');
  }
  const table: Table = { typeName, name, directives: [directive], fields: [], keys: [], seen: new Set() };
  addPrimaryKey(ctx, table);
  const extra = int(g, 0, 5);
  for (let i = 0; i < extra; i += 1) addDataField(ctx, table);
  if (percent(g, 20)) {
    const keyword = pick(g, keywordColumns);
    const field = newField(ctx, table, { name: keyword.field, column: keyword.column, scalar: keyword.scalar });
    features.add('keywordColumn');
    decorate(ctx, table, field);
  }
  return table;
}

function addPrimaryKey(ctx: Context, table: Table): void {
  const { g, features } = ctx;
  if (percent(g, 20)) {
    features.add('pkComposite');
    for (const part of compositePk) {
      const field = newField(ctx, table, { name: part.name, scalar: pick(g, part.scalars), nonNull: true });
      field.directives.push('@wes_pk');
    }
    table.seen.add(`u:${compositePk.map((p) => snakeCase(p.name)).join(',')}`);
    return;
  }
  features.add('pkSingle');
  const scalar = pick(g, pkScalars);
  const field = newField(ctx, table, { name: 'id', scalar, nonNull: true });
  if (scalar === 'String' && percent(g, 30)) setVarchar(ctx, field);
  field.directives.push('@wes_pk');
  if ((scalar === 'ID' || scalar === 'UUID') && percent(g, 50)) {
    field.directives.push(`@wes_default(expr: ${str('gen_random_uuid()')})`);
    features.add('defaultExpr');
  }
  table.keys.push(field);
  table.seen.add('u:id');
}

/** A scalar or enum field, maybe a list, maybe generated, with random directives. */
function addDataField(ctx: Context, table: Table): void {
  const { g } = ctx;
  const list = percent(g, 15);
  const named = (base: string) => uniqueName(table, list ? `${base}List` : base);
  if (ctx.enums.length > 0 && percent(g, 20)) {
    const enumDef = pick(g, ctx.enums);
    decorate(ctx, table, newField(ctx, table, { name: named(lowerFirst(enumDef.name)), enumDef, list }));
    return;
  }
  const scalar = pick(g, scalarNames);
  const name = named(pick(g, fieldNames[scalar]));
  const source = table.fields.find((f) => f.scalar === 'Int' && !f.list && !f.generated && f.column !== null);
  if (scalar === 'Int' && !list && source?.column && percent(g, 30)) {
    const field = newField(ctx, table, { name, scalar, nonNull: false });
    field.generated = true;
    field.directives.push(`@wes_computed(expr: ${str(`${quoteIdent(source.column)} * 2`)})`);
    ctx.features.add('computed');
    if (percent(g, 20)) addFieldIndex(ctx, table, field);
    return;
  }
  decorate(ctx, table, newField(ctx, table, { name, scalar, list }));
}

interface FieldSpec {
  readonly name: string;
  readonly column?: string;
  readonly scalar?: ScalarName;
  readonly enumDef?: EnumDef;
  readonly list?: boolean;
  readonly nonNull?: boolean;
}

function newField(ctx: Context, table: Table, spec: FieldSpec): Field {
  const { g, features } = ctx;
  const list = spec.list ?? false;
  const nonNull = spec.nonNull ?? percent(g, 50);
  const field: Field = {
    name: spec.name,
    column: spec.column ?? snakeCase(spec.name),
    explicitColumn: spec.column !== undefined,
    typeName: spec.enumDef?.name ?? spec.scalar ?? 'String',
    scalar: spec.scalar ?? null,
    enumDef: spec.enumDef ?? null,
    list,
    elementNonNull: list && percent(g, 50),
    nonNull,
    columnType: null,
    generated: false,
    directives: [],
  };
  if (field.scalar !== null) features.add(`scalar:${field.scalar}`);
  if (field.enumDef !== null) features.add(list ? 'enumList' : 'enum');
  if (list) features.add('listField');
  if (!nonNull) features.add('nullable');
  table.fields.push(field);
  return field;
}

/** Optional column-level directives: explicit type, default, unique, index, check. */
function decorate(ctx: Context, table: Table, field: Field): void {
  const { g, features } = ctx;
  if (field.scalar === 'String' && !field.list && percent(g, 25)) setVarchar(ctx, field);
  if (field.scalar === 'Decimal' && !field.list && percent(g, 30)) {
    const scale = int(g, 0, 4);
    field.columnType = `numeric(${int(g, scale + 4, 14)},${scale})`;
    features.add('columnTypeNumeric');
  }
  if (percent(g, 30)) addDefault(ctx, field);
  const column = field.column ?? '';
  if (btreeable(field) && !table.seen.has(`u:${column}`) && percent(g, 15)) {
    field.directives.push(withArgs('@wes_unique', explicitName(ctx, table)));
    table.seen.add(`u:${column}`);
    if (field.scalar !== null) table.keys.push(field);
    features.add('uniqueField');
  }
  if (percent(g, 20)) addFieldIndex(ctx, table, field);
  if (field.scalar !== null && numericScalars.has(field.scalar) && !field.list && percent(g, 20)) {
    field.directives.push(`@wes_check(expr: ${str(`${quoteIdent(column)} >= 0`)})`);
    features.add('checkField');
  }
}

function setVarchar(ctx: Context, field: Field): void {
  field.columnType = `varchar(${int(ctx.g, 8, 255)})`;
  ctx.features.add('columnTypeVarchar');
}

function addDefault(ctx: Context, field: Field): void {
  const { g, features } = ctx;
  if (field.list) {
    const value = field.scalar === null ? undefined : listDefaults[field.scalar];
    if (value !== undefined) {
      field.directives.push(`@wes_default(value: ${value})`);
      features.add('defaultList');
    }
    return;
  }
  if (field.enumDef !== null) {
    field.directives.push(`@wes_default(value: ${pick(g, field.enumDef.labels)})`);
    features.add('defaultEnum');
    return;
  }
  if (field.scalar === null) return;
  const expr = exprDefaults[field.scalar];
  if (expr !== undefined && percent(g, 40)) {
    field.directives.push(`@wes_default(expr: ${str(expr)})`);
    features.add('defaultExpr');
    return;
  }
  field.directives.push(`@wes_default(value: ${pick(g, literalDefaults[field.scalar])})`);
  features.add('defaultValue');
}

/** A field-level index, with an access method that has an operator class for the column. */
function addFieldIndex(ctx: Context, table: Table, field: Field): void {
  const { g, features } = ctx;
  const args: string[] = [];
  let using = 'btree';
  if (field.list || field.scalar === 'JSON') {
    using = 'gin';
  } else if (percent(g, 25)) {
    using = field.scalar !== null && brinScalars.has(field.scalar) && percent(g, 50) ? 'brin' : 'hash';
  }
  if (using !== 'btree' || percent(g, 10)) {
    args.push(`using: ${word(g, using)}`);
    features.add('indexUsing');
  }
  const where = percent(g, 30) ? partialPredicate(ctx, table) : null;
  if (where !== null) args.push(`where: ${str(where)}`);
  const key = `i:${using}:${field.column ?? ''}:${where ?? ''}`;
  if (table.seen.has(key)) return;
  table.seen.add(key);
  args.push(...explicitName(ctx, table));
  field.directives.push(withArgs('@wes_index', args));
  features.add('indexField');
}

/** `"<col>" IS NOT NULL` over a random column of the table. */
function partialPredicate(ctx: Context, table: Table): string {
  const columns = table.fields.flatMap((f) => (f.column === null ? [] : [f.column]));
  ctx.features.add('indexPartial');
  return `${quoteIdent(pick(ctx.g, columns))} IS NOT NULL`;
}

/** An FK field pointing at a single-column key of `table` itself or another table. */
function addForeignKey(ctx: Context, table: Table, tables: readonly Table[]): void {
  const { g, features } = ctx;
  const targets = tables.flatMap((t) => t.keys.map((key) => ({ table: t, key })));
  if (targets.length === 0) return;
  // Prefer other tables: with few tables, self-references would otherwise dominate.
  const others = targets.filter((t) => t.table !== table);
  const target = pick(g, others.length > 0 && percent(g, 80) ? others : targets);
  const self = target.table === table;
  const base = self ? `parent${upperFirst(target.key.name)}` : `${lowerFirst(target.table.typeName)}${upperFirst(target.key.name)}`;
  const nullable = self || percent(g, 50);
  const name = uniqueName(table, base);
  const field = newField(ctx, table, { name, scalar: target.key.scalar ?? 'String', nonNull: !nullable });
  field.columnType = target.key.columnType;
  const args = [`ref: ${str(`${target.table.typeName}.${target.key.name}`)}`];
  if (percent(g, 50)) {
    const actions = nullable ? ['CASCADE', 'RESTRICT', 'NO ACTION', 'SET NULL', 'SET DEFAULT'] : ['CASCADE', 'RESTRICT', 'NO ACTION'];
    args.push(`onDelete: ${word(g, pick(g, actions))}`);
    features.add('fkOnDelete');
  }
  if (percent(g, 10)) {
    args.push(`onUpdate: ${word(g, pick(g, ['CASCADE', 'RESTRICT']))}`);
    features.add('fkOnUpdate');
  }
  if (percent(g, 15)) {
    args.push('deferrable: true');
    features.add('fkDeferrable');
  }
  field.directives.push(`@wes_fk(${args.join(', ')})`);
  features.add(self ? 'fkSelf' : 'fk');
  if (percent(g, 30)) addFieldIndex(ctx, table, field);
}

/** A relation field: its type is a table type, it has no column. */
function addRelation(ctx: Context, table: Table, target: Table): void {
  const { g, features } = ctx;
  const many = percent(g, 50);
  const base = lowerFirst(target.typeName);
  table.fields.push({
    name: uniqueName(table, many ? `${base}s` : base),
    column: null,
    explicitColumn: false,
    typeName: target.typeName,
    scalar: null,
    enumDef: null,
    list: many,
    elementNonNull: many,
    nonNull: percent(g, 50),
    columnType: null,
    generated: false,
    directives: [],
  });
  features.add(many ? 'relationMany' : 'relationOne');
}

/** Object-level `@wes_unique`, `@wes_index` and `@wes_check`. */
function addObjectDirectives(ctx: Context, table: Table): void {
  const { g, features } = ctx;
  const keyable = table.fields.filter((f) => btreeable(f) && !f.generated);
  if (keyable.length >= 2 && percent(g, 15)) {
    const columns = g(fc.subarray, keyable, { minLength: 2, maxLength: 2 });
    const key = `u:${columns.map((f) => f.column).join(',')}`;
    if (!table.seen.has(key)) {
      table.seen.add(key);
      table.directives.push(withArgs('@wes_unique', [`columns: ${columnList(ctx, columns)}`, ...explicitName(ctx, table)]));
      features.add('uniqueObject');
    }
  }
  if (keyable.length >= 1 && percent(g, 20)) {
    const columns = g(fc.subarray, keyable, { minLength: 1, maxLength: Math.min(3, keyable.length) });
    const args = [`columns: ${columnList(ctx, columns)}`];
    if (percent(g, 30)) {
      args.push('unique: true');
      features.add('indexUnique');
    }
    const where = percent(g, 30) ? partialPredicate(ctx, table) : null;
    if (where !== null) args.push(`where: ${str(where)}`);
    const key = `i:btree:${columns.map((f) => f.column).join(',')}:${where ?? ''}`;
    if (!table.seen.has(key)) {
      table.seen.add(key);
      table.directives.push(withArgs('@wes_index', [...args, ...explicitName(ctx, table)]));
      features.add('indexObject');
    }
  }
  const numeric = table.fields.filter(
    (f) => f.scalar !== null && numericScalars.has(f.scalar) && !f.list && !f.generated && f.column !== null,
  );
  if (numeric.length >= 1 && percent(g, 15)) {
    const [a, b] = g(fc.subarray, numeric, { minLength: 1, maxLength: Math.min(2, numeric.length) });
    const left = quoteIdent(a?.column ?? '');
    const expr = b?.column ? `${left} <= ${quoteIdent(b.column)}` : `${left} >= 0`;
    table.directives.push(`@wes_check(expr: ${str(expr)})`);
    features.add('checkObject');
  }
}

/** `["a", "b"]`, naming each column by its field name or (sometimes) its column name. */
function columnList(ctx: Context, fields: readonly Field[]): string {
  const names = fields.map((f) => {
    if (f.column !== null && f.column !== f.name && percent(ctx.g, 30)) {
      ctx.features.add('columnsByColumnName');
      return f.column;
    }
    return f.name;
  });
  return `[${names.map(str).join(', ')}]`;
}

/** Sometimes a `name:` argument, unique across the schema (index names share one namespace). */
function explicitName(ctx: Context, table: Table): string[] {
  if (!percent(ctx.g, 10)) return [];
  ctx.explicitNames += 1;
  ctx.features.add('explicitName');
  return [`name: ${str(`${table.name}_named${ctx.explicitNames}`)}`];
}

/** Scalar or enum, not a list, not JSON: has a btree operator class (unique, hash, FK targets). */
function btreeable(field: Field): boolean {
  return field.column !== null && !field.list && field.scalar !== 'JSON';
}

function uniqueName(table: Table, base: string): string {
  const taken = (name: string) => table.fields.some((f) => f.name === name || f.column === snakeCase(name));
  for (let n = 1; ; n += 1) {
    const name = n === 1 ? base : `${base}${n}`;
    if (!taken(name)) return name;
  }
}

function renderSdl(ctx: Context, tables: readonly Table[]): string {
  const blocks: string[] = [];
  const used = new Set(tables.flatMap((t) => t.fields.flatMap((f) => (f.scalar === null ? [] : [f.scalar]))));
  const declarable = scalarNames.filter((s) => used.has(s) && !graphqlScalars.has(s));
  if (declarable.length > 0 && percent(ctx.g, 15)) {
    blocks.push(declarable.map((s) => `scalar ${s}`).join('\n'));
    ctx.features.add('scalarDeclarations');
  }
  const usedEnums = new Set(tables.flatMap((t) => t.fields.flatMap((f) => (f.enumDef === null ? [] : [f.enumDef]))));
  for (const enumDef of ctx.enums) {
    if (usedEnums.has(enumDef)) blocks.push(`enum ${enumDef.name} {\n${enumDef.labels.map((l) => `  ${l}`).join('\n')}\n}`);
  }
  for (const table of tables) {
    const fields = table.fields.map((f) => `  ${f.name}: ${typeRef(f)}${renderDirectives(f)}`);
    blocks.push(`type ${table.typeName} ${table.directives.join(' ')} {\n${fields.join('\n')}\n}`);
  }
  return `${blocks.join('\n\n')}\n`;
}

function typeRef(field: Field): string {
  const element = field.list ? `[${field.typeName}${field.elementNonNull ? '!' : ''}]` : field.typeName;
  return `${element}${field.nonNull ? '!' : ''}`;
}

function renderDirectives(field: Field): string {
  const column: string[] = [];
  if (field.explicitColumn && field.column !== null) column.push(`name: ${str(field.column)}`);
  if (field.columnType !== null) column.push(`type: ${str(field.columnType)}`);
  const all = column.length > 0 ? [`@wes_column(${column.join(', ')})`, ...field.directives] : field.directives;
  return all.map((d) => ` ${d}`).join('');
}

function withArgs(directive: string, args: readonly string[]): string {
  return args.length === 0 ? directive : `${directive}(${args.join(', ')})`;
}

/** A GraphQL string literal (JSON's escapes are GraphQL's). */
function str(text: string): string {
  return JSON.stringify(text);
}

/** A `Word` argument: a bare enum literal when it is one word (sometimes), else a string. */
function word(g: fc.GeneratorValue, text: string): string {
  return /^[A-Za-z_]\w*$/.test(text) && percent(g, 50) ? text : str(text);
}

function int(g: fc.GeneratorValue, min: number, max: number): number {
  return g(fc.integer, { min, max });
}

/** `true` with probability `p` percent; shrinks towards `false` (fewer features). */
function percent(g: fc.GeneratorValue, p: number): boolean {
  return int(g, 0, 99) >= 100 - p;
}

function pick<T>(g: fc.GeneratorValue, items: readonly T[]): T {
  const item = items[int(g, 0, items.length - 1)];
  if (item === undefined) throw new Error('arbitrary-schema: pick from an empty list');
  return item;
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

function upperFirst(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
