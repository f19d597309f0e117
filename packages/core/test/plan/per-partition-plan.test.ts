import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { explainPlan, loadSqlParser, partitionIndexName, planMigration, stableStringify, validatePlan, type Plan } from '@wesley/core';
import { sdlIR } from '../support/sdl-ir.js';

beforeAll(() => loadSqlParser());

const event = (index: string) =>
  sdlIR(
    `type Event @wes_table @wes_partition(by: "at", strategy: RANGE) @wes_pk(columns: ["id", "at"]) { id: Int! at: DateTime! reading: Int${index} }`,
  );

function planned(): Plan {
  const { plan, diagnostics } = planMigration(event(''), event(' @wes_index'));
  if (plan === null) throw new Error(JSON.stringify(diagnostics));
  return plan;
}
/** The plan as plan.json holds it, to edit. */
const json = () => JSON.parse(stableStringify(planned())) as { steps: Record<string, unknown>[] };

describe('a per-partition step in plan.json', () => {
  it('is taken whole by validatePlan, scoped claims included', async () => {
    const plan = planned();
    expect(await validatePlan(JSON.parse(stableStringify(plan)))).toEqual({ ok: true, plan });
  });

  it('is refused with a scope PostgreSQL has no word for, templates that are not its sql, or a build that is not concurrent', async () => {
    const value = json();
    const step = value.steps[1] as { locks: Record<string, unknown>[]; perPartition: Record<string, unknown>; sql: string[] };
    step.locks[0] = { ...step.locks[0], scope: 'children' };
    step.sql = [...step.sql].reverse();
    step.perPartition = { ...step.perPartition, build: 'CREATE INDEX "{index}" ON "{partition}" (reading);' };
    const result = await validatePlan(value);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problems.map((p) => p.path)).toEqual(
      expect.arrayContaining(['$.steps[1].locks[0].scope', '$.steps[1].perPartition.build', '$.steps[1].sql']),
    );
  });

  it('explains the claims on the parent and on its partitions apart', () => {
    expect(explainPlan(planned()).map((row) => [row.id, row.locks, row.blocks])).toEqual([
      ['add-index:event.event_reading_idx:parent', ['event: ShareLock'], 'writes'],
      [
        'add-index:event.event_reading_idx:partitions',
        [
          'event: AccessShareLock',
          'each partition of event: AccessShareLock',
          'each partition of event holding rows: ShareUpdateExclusiveLock',
          'each partitioned partition of event: ShareLock',
        ],
        'writes',
      ],
    ]);
    // SHARE on a partitioned partition (its ON ONLY index) is not held over a scan: the step blocks nothing for longer.
    expect(explainPlan(planned())[1]?.effect).toBe('scans the table; writes wait only for a catalog update');
    expect(planned().steps[1]?.blocking).toBeNull();
  });
});

describe('partitionIndexName', () => {
  it('is <partition>_<index> while that fits in 63 bytes', () => {
    expect(partitionIndexName('event_2024', 'event_reading_idx')).toBe('event_2024_event_reading_idx');
  });

  it('cuts a longer name to 54 bytes and appends the first 8 hex digits of its sha256, so partitions that differ past the cut differ', () => {
    const long = 'measurement_readings_by_device_and_region_partition_for_the_year_2024';
    const a = partitionIndexName(`${long}_a`, 'measurement_reading_idx');
    const b = partitionIndexName(`${long}_b`, 'measurement_reading_idx');
    // The rule up.sql's SQL follows too (partitionIndexNameSql: PostgreSQL's sha256()).
    const sha = createHash('sha256').update(`${long}_a_measurement_reading_idx`).digest('hex');
    expect(a).toBe(`${long.slice(0, 54)}_${sha.slice(0, 8)}`);
    expect(Buffer.byteLength(a)).toBe(63);
    expect(a).not.toBe(b);
    expect(partitionIndexName(`${long}_a`, 'measurement_reading_idx')).toBe(a);
    expect(Buffer.byteLength(partitionIndexName('é'.repeat(40), 'ü_idx'))).toBeLessThanOrEqual(63);
  });
});
