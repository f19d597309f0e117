import { describe, expect, it } from 'vitest';
import { planBetween, recordingLocate } from './plan-diagnostics.js';

const moods = (labels: string) => `enum Mood { ${labels} } type Account @wes_table { id: ID! @wes_pk  mood: Mood }`;

describe('WES102 change cannot be made in place', () => {
  it('refuses removing an enum label, with no plan, at schema 1:1 by default', () => {
    const result = planBetween(moods('HAPPY SAD'), moods('HAPPY'), { allowDestructive: true });
    expect(result.plan).toBeNull();
    expect(result.diagnostics).toEqual([
      {
        file: 'schema',
        line: 1,
        column: 1,
        code: 'WES102',
        severity: 'error',
        message: 'enum mood removes SAD; PostgreSQL can only add labels to an enum',
        help: 'add a new enum type, move the columns to it with a type change, then drop the old type',
      },
    ]);
  });

  it('points where the given locate says the change comes from', () => {
    const { locate, asked } = recordingLocate();
    const result = planBetween(moods('HAPPY SAD'), moods('SAD HAPPY'), { allowDestructive: true, locate });
    expect(asked.map((c) => c.kind)).toEqual(['alterEnumValues']);
    expect(result.diagnostics.map((d) => [d.code, d.file, d.line, d.column])).toEqual([['WES102', 'shop.graphql', 11, 3]]);
  });

  it('refuses each kind of change PostgreSQL cannot make in place or without losing dependents', () => {
    const account = (fields: string) => `type Account @wes_table { id: ID! @wes_pk  ${fields} }`;
    const measurement = (partition: string) =>
      `type Measurement @wes_table ${partition} { deviceId: Int! @wes_pk  takenAt: DateTime! @wes_pk }`;
    const cases = [
      [measurement(''), measurement('@wes_partition(by: "takenAt", strategy: "RANGE")'), {}, 'partitioning of table measurement changes'],
      [account('n: Int @wes_index'), account('n: BigInt @wes_index'), {}, 'but account_n_idx uses it'],
      [
        account('a: Int  b: Int @wes_computed(expr: "a * 2")'),
        account('a: Int  b: Int'),
        { serverVersion: 120000 },
        'PostgreSQL before 13',
      ],
      [
        account('a: Int  b: Int @wes_computed(expr: "a * 2") @wes_index'),
        account('a: Int  b: Int @wes_computed(expr: "a * 3") @wes_index'),
        { serverVersion: 160000 },
        'dropped and added again',
      ],
    ] as const;
    for (const [from, to, options, words] of cases) {
      const result = planBetween(from, to, { allowDestructive: true, ...options });
      expect(result.plan).toBeNull();
      expect(result.diagnostics.map((d) => d.code)).toEqual(['WES102']);
      expect(result.diagnostics[0]?.message).toContain(words);
    }
  });
});
