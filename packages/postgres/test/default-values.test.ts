/**
 * `@wes_default(value:)` is checked at compile time as the generated Zod would check the value
 * (WES018). Here each default of the report, and variants, is put to the server as Wesley wrote it
 * before the check (`DEFAULT <literal>` on the column type, then `INSERT ... DEFAULT VALUES`): what
 * the compiler refuses, the server refuses too, unless the case says why Zod is stricter; what the
 * compiler accepts, the server always accepts.
 */
import { expect, it } from 'vitest';
import { compileSchema, literalSql, parseColumnType } from '@wesley/core';
import { describeEachServer, useTestDatabase } from '@wesley/postgres/testing';

interface DefaultCase {
  /** The field's SDL after `c: `, with its `@wes_default(value:)`. */
  readonly field: string;
  /** The column type as PostgreSQL spells it. */
  readonly sqlType: string;
  /** The default's text as Wesley wrote it into `DEFAULT` before the check. */
  readonly text: string;
  /** The CHECK a `@wes_constraint` of the field adds. */
  readonly check?: string;
  readonly compiler: 'accepts' | 'refuses';
  /** Where the server accepts what the compiler refuses: why Zod is stricter. */
  readonly stricter?: string;
}

const cases: readonly DefaultCase[] = [
  // The report's cases.
  { field: 'Date @wes_default(value: "2020-02-30")', sqlType: 'date', text: '2020-02-30', compiler: 'refuses' },
  { field: 'Date @wes_default(value: "not a date")', sqlType: 'date', text: 'not a date', compiler: 'refuses' },
  { field: 'Time @wes_default(value: "25:00")', sqlType: 'time', text: '25:00', compiler: 'refuses' },
  {
    field: 'Float @wes_default(value: 1e400)',
    sqlType: 'double precision',
    text: 'Infinity',
    compiler: 'refuses',
    stricter: '1e400 became Infinity, which float8 stores but JSON cannot carry',
  },
  {
    field: 'Decimal @wes_column(type: "numeric(5,2)") @wes_default(value: 12345.678)',
    sqlType: 'numeric(5,2)',
    text: '12345.678',
    compiler: 'refuses',
  },
  // Variants.
  { field: 'Date @wes_default(value: "2023-02-29")', sqlType: 'date', text: '2023-02-29', compiler: 'refuses' },
  { field: 'Time @wes_default(value: "23:60")', sqlType: 'time', text: '23:60', compiler: 'refuses' },
  { field: 'Float @wes_column(type: "real") @wes_default(value: 1e39)', sqlType: 'real', text: '1e+39', compiler: 'refuses' },
  { field: 'Int @wes_default(value: 3000000000)', sqlType: 'integer', text: '3000000000', compiler: 'refuses' },
  { field: 'String @wes_column(type: "varchar(3)") @wes_default(value: "EURO")', sqlType: 'varchar(3)', text: 'EURO', compiler: 'refuses' },
  { field: 'String @wes_column(type: "char") @wes_default(value: "ab")', sqlType: 'char', text: 'ab', compiler: 'refuses' },
  { field: 'String @wes_column(type: "bit(4)") @wes_default(value: "101")', sqlType: 'bit(4)', text: '101', compiler: 'refuses' },
  { field: 'String @wes_column(type: "varbit(2)") @wes_default(value: "012")', sqlType: 'varbit(2)', text: '012', compiler: 'refuses' },
  { field: 'JSON @wes_default(value: "{\\"a\\": \\"\\\\u0000\\"}")', sqlType: 'jsonb', text: '{"a": "\\u0000"}', compiler: 'refuses' },
  { field: 'Int @wes_constraint(min: 0) @wes_default(value: -1)', sqlType: 'integer', text: '-1', check: 'c >= 0', compiler: 'refuses' },
  {
    field: 'Decimal @wes_constraint(max: 100) @wes_default(value: "100.0000000000000001")',
    sqlType: 'numeric',
    text: '100.0000000000000001',
    check: 'c <= 100',
    compiler: 'refuses',
  },
  {
    field: 'Decimal @wes_column(type: "numeric(5,2)") @wes_default(value: "1.234")',
    sqlType: 'numeric(5,2)',
    text: '1.234',
    compiler: 'refuses',
    stricter: 'numeric(5,2) rounds 1.234 to 1.23; the validator refuses extra fraction digits',
  },
  {
    field: 'DateTime @wes_default(value: "2024-01-31T10:00:00")',
    sqlType: 'timestamptz',
    text: '2024-01-31T10:00:00',
    compiler: 'refuses',
    stricter: 'a timestamptz without an offset takes the session time zone; the validator wants the offset',
  },
  {
    field: 'DateTime @wes_default(value: "2024-02-30 09:30:00+00")',
    sqlType: 'timestamptz',
    text: '2024-02-30 09:30:00+00',
    compiler: 'refuses',
  },
  // Accepted defaults of the same types (a timestamp also as PostgreSQL prints it).
  {
    field: 'DateTime @wes_default(value: "2024-01-31 09:30:00+00")',
    sqlType: 'timestamptz',
    text: '2024-01-31 09:30:00+00',
    compiler: 'accepts',
  },
  { field: 'Date @wes_default(value: "2024-02-29")', sqlType: 'date', text: '2024-02-29', compiler: 'accepts' },
  { field: 'Time @wes_default(value: "23:59:59.5")', sqlType: 'time', text: '23:59:59.5', compiler: 'accepts' },
  { field: 'Float @wes_default(value: 1.7e308)', sqlType: 'double precision', text: '1.7e+308', compiler: 'accepts' },
  { field: 'Float @wes_column(type: "real") @wes_default(value: 3.4e38)', sqlType: 'real', text: '3.4e+38', compiler: 'accepts' },
  {
    field: 'Decimal @wes_column(type: "numeric(5,2)") @wes_default(value: 1.5e2)',
    sqlType: 'numeric(5,2)',
    text: '1.5e2',
    compiler: 'accepts',
  },
  { field: 'Decimal @wes_default(value: 1e400)', sqlType: 'numeric', text: '1e400', compiler: 'accepts' },
  { field: 'String @wes_column(type: "varchar(3)") @wes_default(value: "EUR")', sqlType: 'varchar(3)', text: 'EUR', compiler: 'accepts' },
  { field: 'String @wes_column(type: "bit(4)") @wes_default(value: "1010")', sqlType: 'bit(4)', text: '1010', compiler: 'accepts' },
  { field: 'JSON @wes_default(value: "{\\"a\\": [1, \\"x\\"]}")', sqlType: 'jsonb', text: '{"a": [1, "x"]}', compiler: 'accepts' },
  { field: 'Int @wes_constraint(min: 0) @wes_default(value: 0)', sqlType: 'integer', text: '0', check: 'c >= 0', compiler: 'accepts' },
  {
    field: 'DateTime @wes_default(value: "2024-01-31T10:00:00+01:00")',
    sqlType: 'timestamptz',
    text: '2024-01-31T10:00:00+01:00',
    compiler: 'accepts',
  },
];

function compilerVerdict(field: string): 'accepts' | 'refuses' {
  const { diagnostics } = compileSchema({ name: 'd.graphql', body: `type T @wes_table {\n  id: ID! @wes_pk\n  c: ${field}\n}` });
  const codes = diagnostics.map((d) => d.code);
  if (codes.some((code) => code !== 'WES018')) throw new Error(`unexpected diagnostics: ${JSON.stringify(diagnostics)}`);
  return codes.length === 0 ? 'accepts' : 'refuses';
}

describeEachServer('value defaults: the compiler against the server', (server) => {
  const db = useTestDatabase(server);

  it.each(cases)('$field', async (c) => {
    expect(compilerVerdict(c.field)).toBe(c.compiler);
    const type = parseColumnType(c.sqlType);
    if (type === null) throw new Error(`not a type: ${c.sqlType}`);
    const session = await db.connect();
    await session.query('BEGIN');
    let serverVerdict: 'accepts' | 'refuses' = 'accepts';
    try {
      await session.query(
        `CREATE TABLE t (id int, c ${c.sqlType} DEFAULT ${literalSql(c.text, type)}${c.check ? ` CHECK (${c.check})` : ''})`,
      );
      await session.query('INSERT INTO t (id) VALUES (1)');
    } catch (error) {
      // Data exceptions and integrity violations: the value is refused, not the statement's form.
      expect((error as { code?: string }).code).toMatch(/^2[23]/);
      serverVerdict = 'refuses';
    } finally {
      await session.query('ROLLBACK');
      await session.close();
    }
    expect(serverVerdict).toBe(c.stricter === undefined ? c.compiler : 'accepts');
  });
});
