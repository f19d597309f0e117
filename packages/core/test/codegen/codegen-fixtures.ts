/**
 * IR fixtures for the TypeScript and Zod emitters: together they use every type mapping,
 * nullability, defaults, generated columns, arrays, enums, relations, value rules and sensitive
 * columns. Built with the shared IR builder; relations, rules and sensitivity are added here
 * because only code generation reads them.
 */
import { readFileSync } from 'node:fs';
import { compileSchema } from '../../src/sdl/compile-schema.js';
import type { ColumnIR, ColumnMetaIR, RelationIR, SchemaIR, TableIR, ValueRulesIR } from '../../src/ir/types.js';
import { column, enumType, schema, table } from '../support/ir-builder.js';
import { irFixtures } from '../support/ir-fixtures.js';

function withMeta(c: ColumnIR, meta: Partial<ColumnMetaIR>): ColumnIR {
  return { ...c, meta: { ...c.meta, ...meta } };
}

function rules(partial: Partial<ValueRulesIR>): ValueRulesIR {
  return { min: null, max: null, minLength: null, maxLength: null, pattern: null, oneOf: null, ...partial };
}

function ruled(c: ColumnIR, partial: Partial<ValueRulesIR>): ColumnIR {
  return withMeta(c, { rules: rules(partial) });
}

function sensitive(c: ColumnIR): ColumnIR {
  return withMeta(c, { sensitive: true, pii: true });
}

function relation(field: string, target: string, cardinality: 'one' | 'many', nullable = false): RelationIR {
  return { kind: 'relation', field, target, cardinality, nullable };
}

function withRelations(t: TableIR, relations: readonly RelationIR[]): TableIR {
  return { ...t, relations: [...relations].sort((a, b) => (a.field < b.field ? -1 : 1)) };
}

const camel = (name: string): string => name.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());

/** A column whose GraphQL name is the camelCase of its PostgreSQL name. */
function col(name: string, type: string, options: Parameters<typeof column>[2] = {}): ColumnIR {
  return column(name, type, { graphqlName: camel(name), ...options });
}

/** One column of every PostgreSQL type the emitters map, plus arrays, enums and an unknown type. */
const allTypes = table(
  'all_types',
  [
    col('id', 'uuid', { expr: 'gen_random_uuid()' }),
    col('text_value', 'text'),
    col('citext_value', 'citext', { nullable: true }),
    col('varchar_value', 'varchar(20)'),
    col('varchar_any', 'varchar', { nullable: true }),
    col('char_value', 'char(3)'),
    col('small_value', 'smallint'),
    col('int_value', 'integer', { value: '0' }),
    col('big_value', 'bigint'),
    col('real_value', 'real'),
    col('double_value', 'double precision'),
    col('numeric_any', 'numeric'),
    col('price', 'numeric(12,2)'),
    col('ratio', 'numeric(2,2)', { nullable: true }),
    col('whole', 'numeric(5)', { nullable: true }),
    col('flag', 'boolean', { value: 'false' }),
    col('created_at', 'timestamptz', { expr: 'now()' }),
    col('local_at', 'timestamp', { nullable: true }),
    col('day', 'date'),
    col('at_time', 'time'),
    col('at_time_tz', 'timetz', { nullable: true }),
    col('payload', 'jsonb'),
    col('raw_json', 'json', { nullable: true }),
    col('blob', 'bytea', { nullable: true }),
    col('span', 'interval', { nullable: true }),
    col('ip', 'inet', { nullable: true }),
    col('location', 'point', { nullable: true }),
    col('status', 'order_status', { value: 'PENDING' }),
    col('mood', 'mood', { nullable: true }),
    col('tags', 'text[]', { value: '{}' }),
    col('scores', 'integer[]', { nullable: true }),
    col('statuses', 'order_status[]'),
    col('total', 'numeric', { generated: 'price * 2' }),
  ],
  { pk: ['id'], graphqlName: 'AllTypes' },
);

const customers = withRelations(
  table(
    'customers',
    [
      col('id', 'uuid', { expr: 'gen_random_uuid()' }),
      ruled(col('email', 'varchar(255)'), { maxLength: 200, pattern: '^[^@/]+@[^@]+$' }),
      sensitive(col('ssn', 'char(11)')),
      sensitive(col('birth_date', 'date', { nullable: true })),
      ruled(col('age', 'integer', { nullable: true }), { min: 0, max: 150 }),
      ruled(col('tier', 'text', { value: 'free' }), { oneOf: ['free', 'pro', "o'reilly"] }),
      ruled(col('level', 'smallint'), { oneOf: ['1', '2', '3'] }),
      ruled(col('credit', 'numeric(10,2)'), { min: 0, max: 1000 }),
      ruled(col('karma', 'bigint', { value: '0' }), { min: -5.5, max: 5.5 }),
      ruled(col('nickname', 'text', { nullable: true }), { minLength: 2 }),
      ruled(col('aliases', 'text[]', { nullable: true }), { oneOf: ['a', 'b'] }),
      ruled(col('statuses', 'order_status[]'), { oneOf: ['PAID'] }),
      ruled(col('is_vip', 'boolean'), { oneOf: ['true'] }),
      ruled(col('never_set', 'text', { nullable: true }), { oneOf: [] }),
    ],
    { pk: ['id'], graphqlName: 'Customer' },
  ),
  [relation('orders', 'Order', 'many'), relation('favouriteOrder', 'Order', 'one', true)],
);

const orders = withRelations(
  table(
    'orders',
    [
      col('id', 'bigint'),
      col('customer_id', 'uuid'),
      col('status', 'order_status', { value: 'PENDING' }),
      col('note', 'text', { nullable: true }),
    ],
    { pk: ['id'], graphqlName: 'Order' },
  ),
  [relation('customer', 'Customer', 'one'), relation('lines', 'OrderLine', 'many')],
);

const orderLines = withRelations(
  table(
    'order_lines',
    [col('order_id', 'bigint'), col('line_no', 'integer'), col('amount', 'numeric(12,2)'), col('answer', 'integer', { generated: '42' })],
    { pk: ['order_id', 'line_no'], graphqlName: 'OrderLine' },
  ),
  [relation('order', 'Order', 'one')],
);

/** A table whose only column is generated: its insert type is empty. */
const computed = table('computed', [col('answer', 'integer', { generated: '42' })], { graphqlName: 'default' });

/** Field names that are not plain identifiers, or that JavaScript objects treat specially. */
const oddNames = table(
  'odd_names',
  [
    column('id', 'integer'),
    column('proto', 'text', { graphqlName: '__proto__' }),
    column('ctor', 'text', { graphqlName: 'constructor', nullable: true }),
    column('spaced', 'integer', { graphqlName: 'two words', value: '1' }),
    column('accent', 'text', { graphqlName: 'café', nullable: true }),
  ],
  { pk: ['id'], graphqlName: 'OddNames' },
);

/** Everything code generation reads, in one schema. */
export const everything: SchemaIR = schema(
  [allTypes, customers, orders, orderLines, computed, oddNames],
  [
    enumType('order_status', ['PENDING', 'PAID', 'SHIPPED', 'CANCELLED'], 'OrderStatus'),
    enumType('mood', ['ok', "it's fine", 'so-so', 'in progress', 'back\\slash', 'delete'], 'Mood'),
    enumType('nothing', [], 'Nothing'),
    enumType('long_enum', ['ALPHA', 'BRAVO', 'CHARLIE', 'DELTA', 'ECHO', 'FOXTROT', 'GOLF', 'HOTEL', 'INDIA', 'JULIETT'], 'LongEnum'),
  ],
);

/** A schema without enums or tables. */
export const empty: SchemaIR = schema([]);

/** The IR `compileSchema` makes of an SDL file (relative to this folder); throws on any diagnostic. */
function compiled(path: string): SchemaIR {
  const { ir, diagnostics } = compileSchema({ name: path, body: readFileSync(new URL(path, import.meta.url), 'utf8') });
  if (ir === null || diagnostics.length > 0) throw new Error(`${path}: ${JSON.stringify(diagnostics, null, 2)}`);
  return ir;
}

/** A shop written as SDL, through the real compiler. */
export const shopSdl: SchemaIR = compiled('./fixtures/shop.graphql');

/** The compiler's every-directive fixture, through the real compiler. */
export const everyDirectiveSdl: SchemaIR = compiled('../compile/fixtures/every-directive.graphql');

/** Tables with row-level security: their session settings are exported. */
export const rlsSdl: SchemaIR = compiled('./fixtures/rls.graphql');

/** The codegen fixtures (hand-built and compiled from SDL) and the shared DDL fixtures, by name. */
export const codegenFixtures: Readonly<Record<string, SchemaIR>> = {
  everything,
  empty,
  shopSdl,
  everyDirectiveSdl,
  rlsSdl,
  ...irFixtures,
};
