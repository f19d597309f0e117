import { describe, expect, it } from 'vitest';
import type { SchemaIR } from '../../src/ir/types.js';
import { column, enumType, schema, table } from '../support/ir-builder.js';
import { irFixtures, cycle, commerce } from '../support/ir-fixtures.js';
import { emitDdl, emitDdlStatements } from '../../src/ddl/emit-ddl.js';

/** Which group a statement belongs to, in the order the emitter must keep. */
function group(statement: string): number {
  if (statement.startsWith('CREATE TYPE ')) return 0;
  if (statement.startsWith('CREATE TABLE ')) return 1;
  if (statement.startsWith('ALTER TABLE ')) return 2;
  if (/^CREATE (UNIQUE )?INDEX /.test(statement)) return 3;
  throw new Error(`unexpected statement: ${statement}`);
}

describe('emitDdl snapshots', () => {
  it.each(Object.entries(irFixtures))('%s', async (name, ir) => {
    await expect(emitDdl(ir)).toMatchFileSnapshot(`./__snapshots__/${name}.sql`);
  });
});

describe('emitDdl', () => {
  it('orders enums, tables, foreign keys, then indexes', () => {
    for (const ir of Object.values(irFixtures)) {
      const groups = emitDdlStatements(ir).map(group);
      expect(groups).toEqual([...groups].sort((a, b) => a - b));
    }
  });

  it('adds every foreign key after every table, so cycles and self-references apply', () => {
    const statements = emitDdlStatements(cycle);
    const lastTable = statements.findLastIndex((s) => s.startsWith('CREATE TABLE '));
    const fks = statements.flatMap((s, i) => (s.includes('FOREIGN KEY') ? [i] : []));
    expect(fks).toHaveLength(3);
    expect(Math.min(...fks)).toBeGreaterThan(lastTable);
    expect(statements.filter((s) => s.startsWith('CREATE TABLE ')).join('\n')).not.toContain('REFERENCES');
  });

  it('emits one statement per table, enum, foreign key and index', () => {
    const count = (ir: SchemaIR) => ir.enums.length + ir.tables.reduce((n, t) => n + 1 + t.foreignKeys.length + t.indexes.length, 0);
    for (const ir of Object.values(irFixtures)) expect(emitDdlStatements(ir)).toHaveLength(count(ir));
  });

  it('separates statements by one blank line and ends each with a semicolon', () => {
    const ddl = emitDdl(commerce);
    const statements = ddl.trimEnd().split('\n\n');
    expect(statements).toEqual(emitDdlStatements(commerce));
    for (const statement of statements) expect(statement).toMatch(/;$/);
    expect(ddl.endsWith(';\n')).toBe(true);
    expect(ddl).not.toContain('\n\n\n');
  });

  it('is deterministic: equal IRs give identical text', () => {
    for (const ir of Object.values(irFixtures)) {
      expect(emitDdl(structuredClone<SchemaIR>(ir))).toBe(emitDdl(ir));
    }
  });

  it('gives the empty string for an empty schema', () => {
    expect(emitDdl(schema([]))).toBe('');
  });

  it('creates enum types with quoted labels', () => {
    const ir = schema([], [enumType('Mood', ['ok', "it's fine"])]);
    expect(emitDdl(ir)).toBe(`CREATE TYPE "Mood" AS ENUM (\n    'ok',\n    'it''s fine'\n);\n`);
  });

  it('emits every statement of a 1,000-table schema', () => {
    const tables = Array.from({ length: 1000 }, (_, i) =>
      table(
        `t${i}`,
        [
          column('id', 'bigint'),
          column('parent_id', 'bigint', { nullable: true }),
          column('status', 'status', { value: 'new' }),
          column('name', 'varchar(100)', { value: "it's" }),
          column('amount', 'numeric(12,2)', { value: '0' }),
          column('created_at', 'timestamptz', { expr: 'now()' }),
        ],
        {
          pk: ['id'],
          uniques: [['name']],
          checks: [{ expr: 'amount >= 0', column: 'amount' }],
          foreignKeys: [{ columns: ['parent_id'], refTable: `t${(i + 1) % 1000}`, refColumns: ['id'] }],
          indexes: [{ columns: ['created_at'], where: 'parent_id IS NOT NULL' }],
        },
      ),
    );
    const ir = schema(tables, [enumType('status', ['new', 'done'])]);
    // Timing lives in `npm run bench`; this checks that a large schema is emitted whole.
    const ddl = emitDdl(ir);
    expect(ddl.match(/^CREATE TABLE /gm)).toHaveLength(1000);
    expect(ddl.match(/ADD CONSTRAINT t\d+_parent_id_fkey FOREIGN KEY/g)).toHaveLength(1000);
  });
});
