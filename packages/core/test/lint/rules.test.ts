import { beforeAll, describe, expect, it } from 'vitest';
import { loadSqlParser } from '@wesley/core';
import { findingLines, lintText } from './support/lint-text.js';

beforeAll(() => loadSqlParser());

/** Lints `sql` and gives its findings, then lints each fix and expects it clean. */
function hazard(sql: string, serverVersion = 180000) {
  const report = lintText(sql, { serverVersion });
  for (const finding of report.findings) {
    if (finding.fix !== null) expect(findingLines(lintText(finding.fix, { serverVersion })), finding.fix).toEqual([]);
  }
  return report.findings;
}

describe('require-concurrent-index', () => {
  it('reports CREATE INDEX and CREATE UNIQUE INDEX, fixed by CONCURRENTLY', () => {
    const [plain] = hazard('CREATE UNIQUE INDEX IF NOT EXISTS i ON orders (a) WHERE a > 0;');
    expect(plain).toMatchObject({ code: 'WES302', rule: 'require-concurrent-index', line: 1, column: 1, blocks: 'writes' });
    expect(plain?.fix).toBe('CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS i ON orders (a) WHERE a > 0;');
  });

  it('passes CONCURRENTLY and ON ONLY (a partitioned parent: no rows read)', () => {
    expect(hazard('CREATE INDEX CONCURRENTLY i ON orders (a);\nCREATE INDEX j ON ONLY events (a);')).toEqual([]);
  });
});

describe('require-concurrent-index-drop', () => {
  it('reports DROP INDEX, one fix per index', () => {
    const findings = hazard('DROP INDEX IF EXISTS s.i, j;');
    expect(findings.map((f) => [f.code, f.fix, f.blocks])).toEqual([
      ['WES303', 'DROP INDEX CONCURRENTLY IF EXISTS s.i;', 'reads and writes'],
      ['WES303', 'DROP INDEX CONCURRENTLY IF EXISTS j;', 'reads and writes'],
    ]);
  });

  it('passes DROP INDEX CONCURRENTLY', () => {
    expect(hazard('DROP INDEX CONCURRENTLY i;')).toEqual([]);
  });
});

describe('foreign-key-not-valid', () => {
  it('reports ADD FOREIGN KEY with the locks on both tables, fixed by NOT VALID and VALIDATE', () => {
    const [finding] = hazard('ALTER TABLE orders ADD FOREIGN KEY (customer_id) REFERENCES customers (id);');
    expect(finding).toMatchObject({ code: 'WES304', line: 1, column: 24, blocks: 'writes' });
    expect(finding?.locks).toEqual([
      { relation: 'public.customers', mode: 'AccessShareLock' },
      { relation: 'public.customers', mode: 'RowShareLock' },
      { relation: 'public.customers', mode: 'ShareRowExclusiveLock' },
      { relation: 'public.orders', mode: 'AccessShareLock' },
      { relation: 'public.orders', mode: 'ShareRowExclusiveLock' },
    ]);
    expect(finding?.fix).toBe(
      'ALTER TABLE orders ADD CONSTRAINT orders_customer_id_fkey FOREIGN KEY (customer_id) REFERENCES customers (id) NOT VALID;\nALTER TABLE orders VALIDATE CONSTRAINT orders_customer_id_fkey;',
    );
  });

  it('passes NOT VALID then VALIDATE, and a key on a table created in the same file', () => {
    expect(
      hazard(
        'ALTER TABLE orders ADD CONSTRAINT fk FOREIGN KEY (c) REFERENCES customers NOT VALID;\nALTER TABLE orders VALIDATE CONSTRAINT fk;',
      ),
    ).toEqual([]);
    expect(hazard('CREATE TABLE o (c int);\nALTER TABLE o ADD FOREIGN KEY (c) REFERENCES customers;')).toEqual([]);
  });
});

describe('check-not-valid', () => {
  it('reports ADD CHECK, fixed by NOT VALID and VALIDATE', () => {
    const [finding] = hazard('ALTER TABLE orders ADD CONSTRAINT positive CHECK (total > 0);');
    expect(finding).toMatchObject({ code: 'WES305', blocks: 'reads and writes' });
    expect(finding?.fix).toBe(
      'ALTER TABLE orders ADD CONSTRAINT positive CHECK (total > 0) NOT VALID;\nALTER TABLE orders VALIDATE CONSTRAINT positive;',
    );
  });

  it('names an unnamed check so the fix can validate it', () => {
    const [finding] = hazard('ALTER TABLE orders ADD CHECK (total > 0);');
    expect(finding?.fix).toBe(
      'ALTER TABLE orders ADD CONSTRAINT orders_check CHECK (total > 0) NOT VALID;\nALTER TABLE orders VALIDATE CONSTRAINT orders_check;',
    );
  });
});

describe('concurrent-in-transaction', () => {
  it('reports CREATE INDEX CONCURRENTLY and DROP INDEX CONCURRENTLY inside BEGIN ... COMMIT, approved or not', () => {
    const findings = hazard(
      'BEGIN;\n-- wesley:allow-blocking fine\nCREATE INDEX CONCURRENTLY i ON orders (a);\nDROP INDEX CONCURRENTLY j;\nCOMMIT;',
    );
    expect(findings.map((f) => `${f.line} ${f.code} ${f.severity}`)).toEqual(['3 WES310 error', '4 WES310 error']);
  });

  it('passes them after COMMIT', () => {
    expect(hazard('BEGIN;\nSELECT 1;\nCOMMIT;\nCREATE INDEX CONCURRENTLY i ON orders (a);')).toEqual([]);
  });
});

describe('set-not-null-scan', () => {
  it('reports SET NOT NULL, fixed by the planner pattern of the server version', () => {
    const [on18] = hazard('ALTER TABLE s.orders ALTER COLUMN total SET NOT NULL;');
    expect(on18).toMatchObject({ code: 'WES306', blocks: 'reads and writes' });
    expect(on18?.fix).toBe(
      'ALTER TABLE s.orders ADD CONSTRAINT orders_total_not_null NOT NULL total NOT VALID;\nALTER TABLE s.orders VALIDATE CONSTRAINT orders_total_not_null;',
    );
    const [on15] = hazard('ALTER TABLE orders ALTER COLUMN total SET NOT NULL;', 150000);
    expect(on15?.fix).toBe(
      [
        'ALTER TABLE orders ADD CONSTRAINT orders_total_not_null CHECK (total IS NOT NULL) NOT VALID;',
        'ALTER TABLE orders VALIDATE CONSTRAINT orders_total_not_null;',
        'ALTER TABLE orders ALTER COLUMN total SET NOT NULL, DROP CONSTRAINT orders_total_not_null;',
      ].join('\n'),
    );
    expect(hazard('ALTER TABLE orders ALTER COLUMN total SET NOT NULL;', 110000)[0]?.fix).toBeNull();
  });

  it('passes SET NOT NULL after a valid CHECK (col IS NOT NULL) from PostgreSQL 12, not on 11 nor on another column', () => {
    const dance = 'ALTER TABLE orders ADD CONSTRAINT c CHECK (total IS NOT NULL) NOT VALID;\nALTER TABLE orders VALIDATE CONSTRAINT c;\n';
    expect(hazard(`${dance}ALTER TABLE orders ALTER COLUMN total SET NOT NULL;`, 150000)).toEqual([]);
    expect(findingLines(lintText(`${dance}ALTER TABLE orders ALTER COLUMN total SET NOT NULL;`, { serverVersion: 110000 }))).toEqual([
      '3:13 WES306 set-not-null-scan error',
    ]);
    expect(findingLines(lintText(`${dance}ALTER TABLE orders ALTER COLUMN note SET NOT NULL;`))).toEqual([
      '3:13 WES306 set-not-null-scan error',
    ]);
    const unvalidated =
      'ALTER TABLE orders ADD CONSTRAINT c CHECK (total IS NOT NULL) NOT VALID;\nALTER TABLE orders ALTER COLUMN total SET NOT NULL;';
    expect(findingLines(lintText(unvalidated))).toEqual(['2:13 WES306 set-not-null-scan error']);
  });

  it('reports a validated ADD CONSTRAINT ... NOT NULL, passes NOT VALID', () => {
    expect(hazard('ALTER TABLE orders ADD CONSTRAINT n NOT NULL total;').map((f) => f.code)).toEqual(['WES306']);
    expect(hazard('ALTER TABLE orders ADD CONSTRAINT n NOT NULL total NOT VALID;')).toEqual([]);
  });
});

describe('column-type-rewrite', () => {
  it('reports ALTER COLUMN ... TYPE, each of several subcommands, under the strongest lock', () => {
    const findings = hazard('ALTER TABLE orders ALTER COLUMN id TYPE bigint, ALTER COLUMN total SET NOT NULL, ADD COLUMN note text;');
    expect(findings.map((f) => f.code)).toEqual(['WES306', 'WES307']);
    // The rewrite rebuilds the table's indexes under SHARE too.
    expect(findings[0]?.locks).toEqual([
      { relation: 'public.orders', mode: 'ShareLock' },
      { relation: 'public.orders', mode: 'AccessExclusiveLock' },
    ]);
  });

  it('passes other column changes', () => {
    expect(hazard('ALTER TABLE orders ALTER COLUMN id SET DEFAULT 0, ALTER COLUMN note DROP NOT NULL;')).toEqual([]);
  });
});

describe('volatile-default-rewrite', () => {
  it('reports a volatile default, a serial, an identity and a stored generated column', () => {
    const sql = [
      'ALTER TABLE orders ADD COLUMN token uuid DEFAULT gen_random_uuid();',
      'ALTER TABLE orders ADD COLUMN n bigserial;',
      'ALTER TABLE orders ADD COLUMN k int GENERATED ALWAYS AS IDENTITY;',
      'ALTER TABLE orders ADD COLUMN t numeric GENERATED ALWAYS AS (total * 2) STORED;',
    ].join('\n');
    expect(findingLines(lintText(sql))).toEqual([
      '1:31 WES308 volatile-default-rewrite error',
      '2:31 WES308 volatile-default-rewrite error',
      '3:31 WES308 volatile-default-rewrite error',
      '4:31 WES308 volatile-default-rewrite error',
    ]);
    expect(hazard(sql.split('\n')[0] ?? '')[0]?.fix).toBe(
      'ALTER TABLE orders ADD COLUMN token uuid;\nALTER TABLE orders ALTER COLUMN token SET DEFAULT gen_random_uuid();\n-- then fill the existing rows in batches: UPDATE orders SET token = gen_random_uuid() WHERE <key range> AND token IS NULL;',
    );
  });

  it('passes a non-volatile default from PostgreSQL 11, reports any default before', () => {
    const sql = "ALTER TABLE orders ADD COLUMN at timestamptz DEFAULT now(), ADD COLUMN state text NOT NULL DEFAULT 'new';";
    expect(hazard(sql)).toEqual([]);
    expect(hazard(sql, 100000).map((f) => f.code)).toEqual(['WES308', 'WES308']);
  });
});

describe('unique-constraint-build', () => {
  it('reports ADD UNIQUE and ADD PRIMARY KEY, fixed by a concurrent build and USING INDEX', () => {
    const [unique] = hazard('ALTER TABLE orders ADD UNIQUE (customer_id, number);');
    expect(unique).toMatchObject({ code: 'WES309', blocks: 'reads and writes' });
    expect(unique?.locks.map((claim) => claim.mode)).toEqual(['ShareLock', 'AccessExclusiveLock']);
    expect(unique?.fix).toBe(
      'CREATE UNIQUE INDEX CONCURRENTLY orders_customer_id_number_key ON orders (customer_id, number);\nALTER TABLE orders ADD CONSTRAINT orders_customer_id_number_key UNIQUE USING INDEX orders_customer_id_number_key;',
    );
    expect(hazard('ALTER TABLE orders ADD CONSTRAINT pk PRIMARY KEY (id);')[0]?.fix).toBe(
      'CREATE UNIQUE INDEX CONCURRENTLY pk ON orders (id);\nALTER TABLE orders ADD CONSTRAINT pk PRIMARY KEY USING INDEX pk;',
    );
  });

  it('passes USING INDEX', () => {
    expect(hazard('ALTER TABLE orders ADD CONSTRAINT pk PRIMARY KEY USING INDEX pk;')).toEqual([]);
  });
});

describe('table-rewrite', () => {
  it('reports VACUUM FULL, CLUSTER, SET TABLESPACE, SET LOGGED/UNLOGGED and REFRESH MATERIALIZED VIEW', () => {
    const sql = [
      'VACUUM FULL orders, s.items;',
      'CLUSTER orders USING orders_pkey;',
      'ALTER TABLE orders SET TABLESPACE fast;',
      'ALTER TABLE orders SET UNLOGGED;',
      'REFRESH MATERIALIZED VIEW totals;',
    ].join('\n');
    const findings = hazard(sql);
    expect(findings.map((f) => `${f.line} ${f.code} ${[...new Set(f.locks.map((c) => c.relation))].join(',')}`)).toEqual([
      '1 WES311 public.orders,s.items',
      '1 WES311 public.orders,s.items',
      '2 WES311 public.orders',
      '3 WES311 public.orders',
      '4 WES311 public.orders',
      '5 WES311 public.totals',
    ]);
    expect(findings[5]?.fix).toBe('REFRESH MATERIALIZED VIEW CONCURRENTLY totals;');
    // What its query reads is the catalog's: without a database the report says it does not know.
    expect(findings[5]?.message).toBe(
      'REFRESH MATERIALIZED VIEW rewrites public.totals under ACCESS EXCLUSIVE: reads wait; the tables its query reads are held ACCESS SHARE too (not known without a database)',
    );
  });

  it('passes plain VACUUM and a concurrent refresh', () => {
    expect(hazard('VACUUM (ANALYZE) orders;\nREFRESH MATERIALIZED VIEW CONCURRENTLY totals;')).toEqual([]);
  });
});

describe('rename-breaks-clients', () => {
  it('warns of a table or column rename, whatever the approval', () => {
    const report = lintText(
      'ALTER TABLE orders RENAME TO purchases;\nALTER TABLE items RENAME COLUMN qty TO quantity;\nALTER TABLE items RENAME CONSTRAINT a TO b;',
    );
    expect(findingLines(report)).toEqual(['1:1 WES312 rename-breaks-clients warning', '2:1 WES312 rename-breaks-clients warning']);
    // Under its new name, as pg_locks shows it (and as the planner claims a rename).
    expect(report.findings[0]?.locks).toEqual([
      { relation: 'public.purchases', mode: 'AccessExclusiveLock', renamedFrom: 'public.orders' },
    ]);
  });
});

describe('partitioned-index', () => {
  const partitioned = 'CREATE TABLE events (at timestamptz) PARTITION BY RANGE (at);\n';

  it('refuses CREATE INDEX CONCURRENTLY on a partitioned table (known from the input or the catalog), fixed by ON ONLY', () => {
    const catalog = { tables: new Map([['public.events', { rows: 10, bytes: 0, partitioned: true }]]) };
    const report = lintText('CREATE INDEX CONCURRENTLY i ON events (at);', { catalog });
    expect(findingLines(report)).toEqual(['1:1 WES313 partitioned-index error']);
    expect(report.findings[0]?.fix?.split('\n')[0]).toBe('CREATE INDEX i ON ONLY events (at);');
    expect(findingLines(lintText(`${partitioned}CREATE INDEX CONCURRENTLY i ON events (at);`))).toEqual([
      '2:1 WES313 partitioned-index error',
    ]);
  });

  it("refuses DROP INDEX CONCURRENTLY of a partitioned table's index, and takes its plain DROP INDEX (the catalog names the table)", () => {
    const catalog = {
      tables: new Map([['public.events', { rows: 10, bytes: 0, partitioned: true }]]),
      indexes: new Map([['public.events_at', 'public.events']]),
    };
    expect(findingLines(lintText('DROP INDEX CONCURRENTLY events_at;', { catalog }))).toEqual(['1:1 WES313 partitioned-index error']);
    expect(lintText('DROP INDEX events_at;', { catalog }).findings).toEqual([]);
  });

  it('passes ON ONLY the parent', () => {
    expect(hazard(`${partitioned}CREATE INDEX i ON ONLY events (at);`)).toEqual([]);
  });
});

describe('column-type-rewrite with the catalog', () => {
  const catalog = {
    tables: new Map([
      [
        'public.orders',
        {
          rows: 10,
          bytes: 8192,
          partitioned: false,
          columns: new Map([
            ['code', 'character varying(20)'],
            ['amount', 'numeric(10,2)'],
            ['id', 'integer'],
          ]),
        },
      ],
    ]),
  };

  it('passes a binary-coercible change (varchar to text or a longer varchar, numeric to a larger precision)', () => {
    const sql =
      'ALTER TABLE orders ALTER COLUMN code TYPE text;\nALTER TABLE orders ALTER COLUMN code TYPE varchar(40);\nALTER TABLE orders ALTER COLUMN amount TYPE numeric(14, 2);';
    const report = lintText(sql, { catalog });
    expect(report.findings).toEqual([]);
    expect(report.classified?.map((statement) => statement.shapes)).toEqual([
      ['alter-column-type-catalog'],
      ['alter-column-type-catalog'],
      ['alter-column-type-catalog'],
    ]);
  });

  it('reports a rewriting change, a shorter varchar, a USING, and a column the catalog does not know', () => {
    const sql = [
      'ALTER TABLE orders ALTER COLUMN id TYPE bigint;',
      'ALTER TABLE orders ALTER COLUMN code TYPE varchar(10);',
      'ALTER TABLE orders ALTER COLUMN code TYPE text USING trim(code);',
      'ALTER TABLE orders ALTER COLUMN note TYPE text;',
    ].join('\n');
    expect(lintText(sql, { catalog }).findings.map((f) => `${f.line} ${f.code}`)).toEqual(['1 WES307', '2 WES307', '3 WES307', '4 WES307']);
  });
});
