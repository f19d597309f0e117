import { describe, expect, it } from 'vitest';
import { planBetween, recordingLocate } from './plan-diagnostics.js';

const account = (field: string) => `type Account @wes_table { id: ID! @wes_pk  ${field} }`;

describe('WES103 new required column without a default', () => {
  it('refuses a new NOT NULL column without a default, with no plan, at schema 1:1 by default', () => {
    const result = planBetween(account(''), account('score: Int!'));
    expect(result.plan).toBeNull();
    expect(result.diagnostics).toEqual([
      {
        file: 'schema',
        line: 1,
        column: 1,
        code: 'WES103',
        severity: 'error',
        message: 'new column account.score is NOT NULL without a default: adding it fails as soon as the table has a row',
        help: 'give it a default with @wes_default, or add it nullable, fill it, then make it required in a later migration',
      },
    ]);
  });

  it('points where the given locate says the column comes from', () => {
    const { locate, asked } = recordingLocate();
    const result = planBetween(account(''), account('score: Int!'), { locate });
    expect(asked.map((c) => c.kind)).toEqual(['addColumn']);
    expect(result.diagnostics.map((d) => [d.code, d.file, d.line, d.column])).toEqual([['WES103', 'shop.graphql', 11, 3]]);
  });

  it('accepts a new column that is nullable, has a default, or is generated; and any column of a new table', () => {
    for (const field of ['score: Int', 'score: Int! @wes_default(value: 0)', 'score: Int @wes_computed(expr: "1 + 1")']) {
      expect(planBetween(account(''), account(field)).diagnostics.filter((d) => d.code === 'WES103')).toEqual([]);
    }
    expect(
      planBetween('type Tag @wes_table { id: ID! @wes_pk }', `type Tag @wes_table { id: ID! @wes_pk } ${account('score: Int!')}`)
        .diagnostics,
    ).toEqual([]);
  });
});
