import { describe, expect, it } from 'vitest';
import { column, table } from '../support/ir-builder.js';
import { createIndexSql } from '../../src/ddl/create-index-sql.js';

function indexOf(options: Parameters<typeof table>[2], tableName = 'events') {
  const t = table(tableName, [column('id', 'integer'), column('kind', 'text')], { pk: ['id'], ...options });
  const index = t.indexes[0];
  if (index === undefined) throw new Error('no index');
  return createIndexSql(t, index);
}

describe('createIndexSql', () => {
  it('omits USING btree', () => {
    expect(indexOf({ indexes: [{ columns: ['kind'] }] })).toBe('CREATE INDEX events_kind_idx ON events (kind);');
  });

  it('spells other access methods, unique and partial indexes', () => {
    expect(indexOf({ indexes: [{ columns: ['kind'], using: 'hash' }] })).toBe('CREATE INDEX events_kind_idx ON events USING hash (kind);');
    expect(indexOf({ indexes: [{ columns: ['kind', 'id'], unique: true, where: 'kind IS NOT NULL' }] })).toBe(
      'CREATE UNIQUE INDEX events_kind_id_idx ON events (kind, id) WHERE kind IS NOT NULL;',
    );
  });

  it('quotes the index, table and column names', () => {
    expect(indexOf({ indexes: [{ columns: ['kind'], name: 'Kind' }] }, 'order')).toBe('CREATE INDEX "Kind" ON "order" (kind);');
  });
});
