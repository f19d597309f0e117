/**
 * Hand-written IR fixtures that together use every feature the DDL emitter knows. Shared by the
 * emitter's snapshot tests and by anything that wants to apply them to a real PostgreSQL.
 */
import type { SchemaIR } from '../../src/ir/types.js';
import { column, enumType, schema, table } from './ir-builder.js';

/** A shop: enums, literal and expression defaults of every kind, FKs with actions, indexes. */
export const commerce: SchemaIR = schema(
  [
    table(
      'users',
      [
        column('id', 'uuid', { expr: 'gen_random_uuid()' }),
        column('email', 'varchar(255)'),
        column('display_name', 'text', { nullable: true, value: "O'Brien" }),
        column('is_admin', 'boolean', { value: 'false' }),
        column('tags', 'text[]', { value: '{new,"vip customer"}' }),
        column('settings', 'jsonb', { value: '{"theme": "dark"}' }),
        column('created_at', 'timestamptz', { expr: 'now()' }),
      ],
      {
        pk: ['id'],
        uniques: [['email']],
        indexes: [{ columns: ['created_at'] }, { columns: ['tags'], using: 'gin' }],
      },
    ),
    table(
      'orders',
      [
        column('id', 'bigint'),
        column('user_id', 'uuid'),
        column('status', 'order_status', { value: 'pending' }),
        column('total', 'numeric(12,2)', { value: '0.00' }),
        column('quantity', 'integer', { value: '1' }),
        column('discount', 'double precision', { nullable: true, value: '-0.5' }),
        column('ship_on', 'date', { nullable: true, value: '2024-01-31' }),
        column('ship_at', 'time', { nullable: true, value: '09:30:00' }),
        column('tracking', 'uuid', { nullable: true, value: '00000000-0000-0000-0000-000000000000' }),
        column('line_total', 'numeric', { nullable: true, generated: 'total * quantity' }),
        column('previous_statuses', 'order_status[]', { nullable: true }),
      ],
      {
        pk: ['id'],
        uniques: [['user_id', 'id']],
        checks: [{ expr: 'quantity > 0', column: 'quantity' }, { expr: 'total >= 0' }],
        foreignKeys: [{ columns: ['user_id'], refTable: 'users', refColumns: ['id'], onDelete: 'CASCADE' }],
        indexes: [
          { columns: ['status'], where: "status <> 'cancelled'" },
          { columns: ['user_id', 'ship_on'], unique: true, where: 'ship_on IS NOT NULL' },
        ],
      },
    ),
  ],
  [enumType('order_status', ['pending', 'paid', 'shipped', 'cancelled'], 'OrderStatus')],
);

/** Names that need quoting: keywords, upper case, spaces and embedded quotes, in every position. */
export const awkwardNames: SchemaIR = schema(
  [
    table(
      'user',
      [
        column('order', 'integer'),
        column('select', 'text', { nullable: true }),
        column('Mixed Case', 'text', { nullable: true, value: "it's" }),
        column('say "hi"', '"Mood"', { value: 'ok' }),
      ],
      {
        pk: ['order'],
        uniques: [['select', 'Mixed Case']],
        checks: [{ expr: '"order" >= 0', column: 'order' }],
        indexes: [{ columns: ['say "hi"'], name: 'Index "quoted"' }],
      },
    ),
    table('group', [column('id', 'integer'), column('user', 'integer', { nullable: true })], {
      pk: ['id'],
      foreignKeys: [{ columns: ['user'], refTable: 'user', refColumns: ['order'], onUpdate: 'SET NULL' }],
    }),
  ],
  [enumType('Mood', ['ok', "it's fine", 'so-so'])],
);

/** Two tables that reference each other, and a self-reference: only works with FKs added last. */
export const cycle: SchemaIR = schema([
  table('authors', [column('id', 'integer'), column('favourite_book_id', 'integer', { nullable: true })], {
    pk: ['id'],
    foreignKeys: [{ columns: ['favourite_book_id'], refTable: 'books', refColumns: ['id'], deferrable: true, initiallyDeferred: true }],
  }),
  table('books', [column('id', 'integer'), column('author_id', 'integer'), column('sequel_of', 'integer', { nullable: true })], {
    pk: ['id'],
    foreignKeys: [
      { columns: ['author_id'], refTable: 'authors', refColumns: ['id'], onDelete: 'RESTRICT', deferrable: true },
      { columns: ['sequel_of'], refTable: 'books', refColumns: ['id'], onDelete: 'SET NULL', onUpdate: 'CASCADE' },
    ],
  }),
]);

/** A range-partitioned table with a composite key, an index and an FK to a plain table. */
export const partitioned: SchemaIR = schema([
  table('devices', [column('id', 'integer')], { pk: ['id'] }),
  table(
    'measurements',
    [
      column('device_id', 'integer'),
      column('taken_at', 'timestamptz'),
      column('reading', 'real', { value: '1e3' }),
      column('note', 'varchar(40)', { nullable: true, value: '' }),
    ],
    {
      pk: ['device_id', 'taken_at'],
      partition: { strategy: 'RANGE', columns: ['taken_at'] },
      foreignKeys: [{ columns: ['device_id'], refTable: 'devices', refColumns: ['id'], onDelete: 'SET DEFAULT' }],
      indexes: [{ columns: ['reading'], using: 'brin' }],
    },
  ),
]);

/** Every fixture, by name. */
export const irFixtures: Readonly<Record<string, SchemaIR>> = { commerce, awkwardNames, cycle, partitioned };
