import { describe, expect, it } from 'vitest';
import { planRefusal } from '../step-facts.js';

const measurement = (partition: string) =>
  `type Measurement @wes_table ${partition} { deviceId: Int! @wes_pk  takenAt: DateTime! @wes_pk  reading: Float }`;
const byTime = measurement('@wes_partition(by: "takenAt", strategy: "RANGE")');
const message = "partitioning of table measurement changes; PostgreSQL cannot change a table's partitioning in place";
const help = 'create the new table under another name, copy the rows across, then drop the old table in a later migration';

describe('alterPartition', () => {
  it('refuses repartitioning, partitioning and unpartitioning in place (WES102)', () => {
    for (const [from, to] of [
      [byTime, measurement('@wes_partition(by: "deviceId", strategy: "HASH")')],
      [measurement(''), byTime],
      [byTime, measurement('')],
    ] as const) {
      expect(planRefusal(from, to, { allowDestructive: true })).toEqual([
        { file: 'schema', line: 1, column: 1, code: 'WES102', severity: 'error', message, help },
      ]);
    }
  });

  it('is refused as destructive first when allowDestructive is not given (WES101)', () => {
    expect(planRefusal(measurement(''), byTime).map((d) => d.code)).toEqual(['WES101']);
  });
});
