import { attributeQuery, loadSqlParser, type UsageCatalog, type UsageRelation } from '@wesley/core';
import { beforeAll, describe, expect, it } from 'vitest';

const relation = (schema: string, name: string, columns: string[], definition: string | null = null): UsageRelation => ({
  kind: 'usage-relation',
  schema,
  name,
  columns,
  definition,
});

const catalog: UsageCatalog = {
  kind: 'usage-catalog',
  searchPath: ['public'],
  relations: [
    relation('public', 'account', ['id', 'email', 'name', 'select', 'legacy_code']),
    relation('public', 'orders', ['id', 'account_id', 'total', 'note', 'placed_at']),
    relation('billing', 'account', ['id', 'iban']),
    relation('public', 'account_names', ['id', 'name'], ' SELECT a.id,\n    a.name\n   FROM account a;'),
    relation(
      'public',
      'big_orders',
      ['id', 'who'],
      ' SELECT o.id, n.name AS who FROM orders o JOIN account_names n ON n.id = o.account_id WHERE o.total > 100;',
    ),
  ],
};

beforeAll(() => loadSqlParser());

/** The uses as `table.column:access[*]` lines, the column `-` for a use of the whole table. */
function uses(sql: string): string[] {
  const result = attributeQuery(sql, catalog);
  if (result.kind !== 'attributed') throw new Error(`unattributed: ${result.reason}`);
  return result.uses.map((use) => `${use.table}.${use.column ?? '-'}:${use.access}${use.star ? '*' : ''}`);
}

function columnsOf(sql: string, access: 'read' | 'write' = 'read'): string[] {
  return uses(sql)
    .filter((line) => line.includes(`:${access}`) && !line.includes('.-:'))
    .map((line) => line.split(':')[0] ?? '');
}

describe('attributeQuery', () => {
  it('resolves aliases, WHERE and ORDER BY columns, with $n placeholders', () => {
    expect(columnsOf('SELECT a.email FROM account a WHERE a.id = $1 ORDER BY name')).toEqual([
      'public.account.email',
      'public.account.id',
      'public.account.name',
    ]);
  });

  it('reads a CTE body and does not mistake a CTE column for a table column', () => {
    const sql = 'WITH recent AS (SELECT account_id, total FROM orders WHERE placed_at > $1) SELECT r.total, note FROM recent r';
    // `note` is not a column of the CTE, so it resolves nowhere (the server would refuse it); `total` via the CTE is orders.total.
    expect(columnsOf(sql)).toEqual(['public.orders.account_id', 'public.orders.placed_at', 'public.orders.total']);
  });

  it('lets a correlated subquery see its outer query, and resolves the innermost level first', () => {
    const sql = 'SELECT id FROM account a WHERE EXISTS (SELECT 1 FROM orders o WHERE o.account_id = a.id AND total > $1)';
    expect(columnsOf(sql)).toEqual(['public.account.id', 'public.orders.account_id', 'public.orders.total']);
    // `id` inside the subquery is orders.id (innermost), not account.id.
    expect(columnsOf('SELECT 1 FROM account a WHERE a.email IN (SELECT note FROM orders WHERE id = $1)')).toEqual([
      'public.account.email',
      'public.orders.id',
      'public.orders.note',
    ]);
  });

  it('reads a quoted column named like a keyword', () => {
    expect(columnsOf('SELECT "select" FROM "account" WHERE "id" = $1')).toEqual(['public.account.id', 'public.account.select']);
  });

  it('tells same-named tables of two schemas apart', () => {
    expect(columnsOf('SELECT b.iban FROM billing.account b JOIN account a ON a.id = b.id')).toEqual([
      'billing.account.iban',
      'billing.account.id',
      'public.account.id',
    ]);
    expect(columnsOf('SELECT billing.account.iban FROM billing.account')).toEqual(['billing.account.iban']);
  });

  it('marks every column used by SELECT *, t.* and a whole-row reference', () => {
    expect(columnsOf('SELECT * FROM orders')).toEqual([
      'public.orders.account_id',
      'public.orders.id',
      'public.orders.note',
      'public.orders.placed_at',
      'public.orders.total',
    ]);
    expect(uses('SELECT o.* FROM orders o').filter((line) => line.endsWith('*'))).toHaveLength(5);
    expect(columnsOf('SELECT row_to_json(a) FROM account a')).toHaveLength(5);
    // Named explicitly as well as through *: not only a star use.
    expect(uses('SELECT *, total FROM orders')).toContain('public.orders.total:read');
  });

  it('does not count count(*) as reading columns', () => {
    expect(uses('SELECT count(*) FROM orders')).toEqual(['public.orders.-:read']);
  });

  it('attributes INSERT, UPDATE, DELETE, ON CONFLICT and RETURNING', () => {
    expect(columnsOf('INSERT INTO orders (account_id, total) VALUES ($1, $2) RETURNING id', 'write')).toEqual([
      'public.orders.account_id',
      'public.orders.total',
    ]);
    expect(columnsOf('INSERT INTO orders (account_id, total) VALUES ($1, $2) RETURNING id')).toEqual(['public.orders.id']);
    expect(columnsOf('INSERT INTO orders VALUES ($1, $2, $3, $4, $5)', 'write')).toHaveLength(5);
    expect(
      columnsOf('INSERT INTO account (id, email) VALUES ($1, $2) ON CONFLICT (id) DO UPDATE SET name = excluded.email', 'write'),
    ).toEqual(['public.account.email', 'public.account.id', 'public.account.name']);
    expect(columnsOf('UPDATE orders o SET note = a.name FROM account a WHERE a.id = o.account_id')).toEqual([
      'public.account.id',
      'public.account.name',
      'public.orders.account_id',
    ]);
    expect(columnsOf('UPDATE orders o SET note = a.name FROM account a WHERE a.id = o.account_id', 'write')).toEqual([
      'public.orders.note',
    ]);
    expect(uses('DELETE FROM orders WHERE placed_at < $1').sort()).toEqual([
      'public.orders.-:read',
      'public.orders.-:write',
      'public.orders.placed_at:read',
    ]);
  });

  it('reads through views, views of views included', () => {
    // The view's column, the expression behind it and the view's join and WHERE, through account_names to account;
    // not orders.id, which only the view's other column shows.
    expect(columnsOf('SELECT who FROM big_orders')).toEqual([
      'public.account_names.id',
      'public.account_names.name',
      'public.account.id',
      'public.account.name',
      'public.big_orders.who',
      'public.orders.account_id',
      'public.orders.total',
    ]);
    expect(columnsOf('SELECT id FROM account_names')).toEqual(['public.account_names.id', 'public.account.id']);
    expect(columnsOf('SELECT * FROM account_names')).toEqual([
      'public.account_names.id',
      'public.account_names.name',
      'public.account.id',
      'public.account.name',
    ]);
    // A view of a UNION: every column it reads, whichever of its columns is used.
    const unionCatalog = {
      ...catalog,
      relations: [
        ...catalog.relations,
        relation('public', 'contacts', ['addr'], ' SELECT account.email AS addr FROM account UNION SELECT orders.note FROM orders;'),
      ],
    };
    const union = attributeQuery('SELECT count(*) FROM contacts', unionCatalog);
    expect(union.kind === 'attributed' ? union.uses.map((use) => `${use.table}.${use.column ?? '-'}`).sort() : []).toEqual([
      'public.account.-',
      'public.account.email',
      'public.contacts.-',
      'public.orders.-',
      'public.orders.note',
    ]);
    expect(uses('SELECT 1 FROM account_names')).toContain('public.account_names.-:read');
  });

  it('handles UNION, LATERAL, JOIN USING and subqueries in FROM', () => {
    expect(columnsOf('SELECT email FROM account UNION ALL SELECT note FROM orders ORDER BY 1')).toEqual([
      'public.account.email',
      'public.orders.note',
    ]);
    expect(columnsOf('SELECT x.t FROM account a, LATERAL (SELECT max(total) AS t FROM orders o WHERE o.account_id = a.id) x')).toEqual([
      'public.account.id',
      'public.orders.account_id',
      'public.orders.total',
    ]);
    expect(columnsOf('SELECT s.n FROM (SELECT name AS n FROM account) s JOIN orders USING (id)')).toEqual([
      'public.account.name',
      'public.orders.id',
    ]);
  });

  it('reads a DO block by the known tables and columns its body names', () => {
    const block = `DO $body$ BEGIN UPDATE "orders" SET note = upper(note) WHERE Total > 0; PERFORM legacy_code FROM billing.account; END $body$`;
    // Both account tables are named (by their name alone), and legacy_code is a column of one of them.
    expect(columnsOf(block)).toEqual(['public.account.legacy_code', 'public.orders.note', 'public.orders.total']);
    expect(uses(`DO $$ BEGIN ALTER TABLE wesley.steps ADD COLUMN cursor jsonb; END $$`)).toEqual([]);
  });

  it('ignores tables it does not know (the catalog, temporary tables)', () => {
    expect(uses('SELECT relname FROM pg_class WHERE oid = $1')).toEqual([]);
    expect(uses('SET search_path = public')).toEqual([]);
    expect(uses('BEGIN')).toEqual([]);
  });

  it('reports text that does not parse, or runs code, as unattributed, never throwing', () => {
    for (const sql of [
      'SELECT FROM WHERE (',
      'SELECT * FROM account WHERE id = $1 AND name = ...',
      'SELECT email FROM account WHERE id IN ($1',
      'SELEC email FROM account',
    ]) {
      const result = attributeQuery(sql, catalog);
      expect(result.kind === 'unattributed' && result.reason.startsWith('does not parse')).toBe(true);
    }
    expect(attributeQuery('DO $$ BEGIN PERFORM 1; END $$', catalog)).toEqual({ kind: 'attributed', uses: [] });
    expect(attributeQuery('CALL refresh_all()', catalog)).toMatchObject({ kind: 'unattributed' });
    const deep = `SELECT ${'('.repeat(5000)}1${')'.repeat(5000)} FROM account`;
    expect(['attributed', 'unattributed']).toContain(attributeQuery(deep, catalog).kind);
  });
});
