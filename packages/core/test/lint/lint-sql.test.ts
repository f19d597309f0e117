import { beforeAll, describe, expect, it } from 'vitest';
import { loadSqlParser, lintRules } from '@wesley/core';
import { findingLines, lintText } from './support/lint-text.js';

beforeAll(() => loadSqlParser());

describe('lintSql', () => {
  it('reports a hazard at its position with the lock it takes, what that blocks and the fix', () => {
    const report = lintText('SELECT 1;\n\n  CREATE INDEX orders_customer ON orders (customer_id);\n');
    expect(report.statements).toBe(2);
    expect(findingLines(report)).toEqual(['3:3 WES302 require-concurrent-index error']);
    const [finding] = report.findings;
    expect(finding?.locks).toEqual([{ relation: 'public.orders', mode: 'ShareLock' }]);
    expect(finding?.blocks).toBe('writes');
    expect(finding?.fix).toBe('CREATE INDEX CONCURRENTLY orders_customer ON orders (customer_id);');
    expect(finding?.file).toBe('m.sql');
  });

  it('passes the rewrite', () => {
    expect(lintText('CREATE INDEX CONCURRENTLY orders_customer ON orders (customer_id);').findings).toEqual([]);
  });

  it('resolves relation names as PostgreSQL folds them', () => {
    const report = lintText('CREATE INDEX i ON Sales."Orders" (a);\nCREATE INDEX j ON "sales".ORDERS (a);');
    expect(report.findings.map((f) => f.locks[0]?.relation)).toEqual(['sales.Orders', 'sales.orders']);
  });

  it('reports nothing on a table created earlier in the same input, or empty in the catalog', () => {
    const created = lintText('CREATE TABLE s.orders (id int, customer_id int);\nCREATE INDEX i ON s.orders (customer_id);');
    expect(created.findings).toEqual([]);
    const renamed = lintText('CREATE TABLE a (id int);\nALTER TABLE a RENAME TO b;\nCREATE INDEX i ON b (id);');
    expect(renamed.findings.map((f) => f.rule)).toEqual([]);
    const catalog = {
      tables: new Map([
        ['public.empty', { rows: 0, bytes: 8192, partitioned: false }],
        ['public.busy', { rows: 10, bytes: 8192, partitioned: false }],
      ]),
    };
    const report = lintText('CREATE INDEX i ON empty (a);\nCREATE INDEX j ON busy (a);', { catalog });
    expect(findingLines(report)).toEqual(['2:1 WES302 require-concurrent-index error']);
  });

  it('makes an approved hazard a warning that carries the approval', () => {
    const report = lintText('-- wesley:allow-blocking orders is tiny, 200 rows\n\nCREATE INDEX i ON orders (a);');
    expect(findingLines(report)).toEqual(['3:1 WES302 require-concurrent-index warning']);
    expect(report.findings[0]?.approval).toEqual({ reason: 'orders is tiny, 200 rows', line: 1 });
  });

  it('refuses an approval without a reason, and one that is not on the nearest non-blank line above', () => {
    const report = lintText(
      '-- wesley:allow-blocking\nCREATE INDEX i ON orders (a);\n-- wesley:allow-blocking why\n-- another comment\nCREATE INDEX j ON orders (b);',
    );
    expect(findingLines(report)).toEqual([
      '1:1 WES301 approval-reason error',
      '2:1 WES302 require-concurrent-index error',
      '5:1 WES302 require-concurrent-index error',
    ]);
  });

  it('reports a statement that does not parse at the parser position, and goes on', () => {
    const report = lintText('SELECT 1;\nALTER TABLE orders\n  ADD COLUMN;\nCREATE INDEX i ON orders (a);');
    expect(findingLines(report)).toEqual(['3:13 WES300 parse-error error', '4:1 WES302 require-concurrent-index error']);
    expect(report.findings[0]?.message).toContain('syntax error at or near ";"');
  });

  it("claims a validated foreign key's reads of the referenced table, and a dropped index's table from the catalog", () => {
    const keyed = lintText(
      'ALTER TABLE orders ADD FOREIGN KEY (c) REFERENCES customers;\nALTER TABLE orders VALIDATE CONSTRAINT orders_c_fkey;\nALTER TABLE orders ALTER COLUMN c SET NOT NULL;',
    );
    expect(keyed.classified?.[1]).toEqual({
      line: 2,
      shapes: ['validate-foreign-key'],
      locks: [
        { relation: 'public.customers', mode: 'AccessShareLock' },
        { relation: 'public.customers', mode: 'RowShareLock' },
        { relation: 'public.orders', mode: 'AccessShareLock' },
        { relation: 'public.orders', mode: 'ShareUpdateExclusiveLock' },
      ],
    });
    const catalog = { tables: new Map(), indexes: new Map([['public.orders_total', 'public.orders']]) };
    const dropped = lintText('DROP INDEX orders_total;', { catalog });
    expect(dropped.findings[0]?.locks).toEqual([{ relation: 'public.orders', mode: 'AccessExclusiveLock' }]);
  });

  it('registers each rule once, with a stable kebab-case id and its own code', () => {
    const ids = lintRules.map((rule) => rule.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(new Set(lintRules.map((rule) => rule.code)).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z]+(-[a-z]+)*$/);
  });
});
