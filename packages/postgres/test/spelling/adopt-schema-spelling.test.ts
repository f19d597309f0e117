import { compileSchema, type SchemaIR, type TableIR } from '@wesley/core';
import { describe, expect, it } from 'vitest';
import { adoptSchemaSpelling } from '../../src/spelling/adopt-schema-spelling.js';

function compile(body: string): SchemaIR {
  const { ir } = compileSchema({ name: 'schema.graphql', body });
  if (ir === null) throw new Error('fixture does not compile');
  return ir;
}

/** `ir` with its one table changed by `edit`. */
const withTable = (ir: SchemaIR, edit: (table: TableIR) => TableIR): SchemaIR => ({ ...ir, tables: ir.tables.map(edit) });

const expected = compile(`type Rating @wes_table
  @wes_check(name: "rating_stars", expr: "stars BETWEEN 1 AND 5")
  @wes_index(name: "rating_recent_idx", columns: ["stars"], where: "stars + 1 > 3") {
  id: Int! @wes_pk
  stars: Int! @wes_default(expr: "1 + 1")
  weight: Int! @wes_computed(expr: "stars * 10 + 1")
}`);

/** What the server stores for `expected` (as `spellOnServer` reads it back). */
const spelled = withTable(expected, (table) => ({
  ...table,
  checks: table.checks.map((check) => ({ ...check, expr: '((stars >= 1) AND (stars <= 5))' })),
  indexes: table.indexes.map((index) => ({ ...index, where: '((stars + 1) > 3)' })),
  columns: table.columns.map((column) =>
    column.name === 'stars'
      ? { ...column, default: { kind: 'expression', sql: '(1 + 1)' } }
      : column.name === 'weight'
        ? { ...column, generated: '((stars * 10) + 1)' }
        : column,
  ),
}));

describe('adoptSchemaSpelling', () => {
  it("gives the live schema the schema's words where the server stores both alike", () => {
    expect(adoptSchemaSpelling(spelled, expected, spelled)).toEqual(expected);
  });

  it('keeps the live words where the live database holds something else', () => {
    const live = withTable(spelled, (table) => ({
      ...table,
      checks: table.checks.map((check) => ({ ...check, expr: '((stars >= 0) AND (stars <= 5))' })),
      indexes: table.indexes.map((index) => ({ ...index, where: '((stars + 2) > 3)' })),
    }));
    const adopted = adoptSchemaSpelling(live, expected, spelled);
    expect(adopted.tables[0]?.checks[0]?.expr).toBe('((stars >= 0) AND (stars <= 5))');
    expect(adopted.tables[0]?.indexes[0]?.where).toBe('((stars + 2) > 3)');
    // The column expressions still match: they take the schema's words.
    expect(adopted.tables[0]?.columns).toEqual(expected.tables[0]?.columns);
  });

  it('finds a check by its definition when the live database has it under another name', () => {
    const live = withTable(spelled, (table) => ({ ...table, checks: table.checks.map((check) => ({ ...check, name: 'stars_range' })) }));
    expect(adoptSchemaSpelling(live, expected, spelled).tables[0]?.checks).toEqual([
      { kind: 'check', name: 'stars_range', expr: 'stars BETWEEN 1 AND 5' },
    ]);
  });

  it('leaves a table the schema does not have as it is', () => {
    const live: SchemaIR = { ...spelled, tables: spelled.tables.map((table) => ({ ...table, name: 'legacy' })) };
    expect(adoptSchemaSpelling(live, expected, spelled)).toEqual(live);
  });
});
