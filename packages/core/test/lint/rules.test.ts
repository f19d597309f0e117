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
