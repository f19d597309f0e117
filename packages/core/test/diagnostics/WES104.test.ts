import { describe, expect, it } from 'vitest';
import { planBetween, recordingLocate } from './plan-diagnostics.js';

const nullable = 'type Account @wes_table { id: ID! @wes_pk  name: String }';
const required = 'type Account @wes_table { id: ID! @wes_pk  name: String! }';

describe('WES104 step blocks reads or writes while it rewrites or scans', () => {
  it('warns about a SET NOT NULL that scans under ACCESS EXCLUSIVE (PostgreSQL 11), and still plans, at schema 1:1 by default', () => {
    const result = planBetween(nullable, required, { serverVersion: 110000 });
    expect(result.plan?.steps.map((s) => [s.id, s.scans])).toEqual([['set-not-null:account.name', true]]);
    expect(result.diagnostics).toEqual([
      {
        file: 'schema',
        line: 1,
        column: 1,
        code: 'WES104',
        severity: 'warning',
        message: 'SET NOT NULL on account.name scans account under ACCESS EXCLUSIVE before PostgreSQL 12: reads and writes wait',
        help: 'upgrade to PostgreSQL 12 or later, where a validated CHECK lets SET NOT NULL skip the scan',
      },
    ]);
  });

  it('points where the given locate says the change comes from', () => {
    const { locate, asked } = recordingLocate();
    const result = planBetween(nullable, required, { serverVersion: 110000, locate });
    expect(asked.map((c) => c.kind)).toEqual(['setNotNull']);
    expect(result.diagnostics.map((d) => [d.code, d.severity, d.file, d.line, d.column])).toEqual([
      ['WES104', 'warning', 'shop.graphql', 11, 3],
    ]);
  });

  it('is not given where the step does not block (PostgreSQL 12 and later prove NOT NULL without a blocking scan)', () => {
    for (const serverVersion of [120000, 150000, 180000])
      expect(planBetween(nullable, required, { serverVersion }).diagnostics).toEqual([]);
  });

  it('warns about every step that rewrites or scans under a blocking lock, and about nothing else', () => {
    const account = (fields: string) => `type Account @wes_table { id: ID! @wes_pk  a: Int  ${fields} }`;
    const measurement = (extra: string, fk = '') =>
      `type Device @wes_table { id: Int! @wes_pk }
       type Measurement @wes_table @wes_partition(by: "takenAt", strategy: "RANGE") ${extra} { deviceId: Int! @wes_pk ${fk} takenAt: DateTime! @wes_pk }`;
    const cases = [
      [account(''), account('b: Int @wes_computed(expr: "a * 2")'), {}],
      [account('b: Int @wes_computed(expr: "a * 2")'), account('b: Int @wes_computed(expr: "a * 3")'), {}],
      [measurement(''), measurement('', '@wes_fk(ref: "Device.id")'), {}],
      [measurement(''), measurement('@wes_unique(columns: ["deviceId", "takenAt"], name: "measurement_key")'), {}],
      [
        measurement('@wes_index(columns: ["deviceId"])'),
        measurement('@wes_index(columns: ["deviceId"], using: "brin")'),
        { partitions: new Map([['measurement', ['m1']]]) },
      ],
    ] as const;
    for (const [from, to, options] of cases) {
      const result = planBetween(from, to, options);
      expect(result.plan).not.toBeNull();
      expect(result.diagnostics.map((d) => [d.code, d.severity])).toEqual([['WES104', 'warning']]);
      expect(result.plan?.steps.some((s) => s.rewrites || s.scans)).toBe(true);
    }
  });
});
