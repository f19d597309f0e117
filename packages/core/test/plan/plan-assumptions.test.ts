import { beforeAll, describe, expect, it } from 'vitest';
import {
  loadSqlParser,
  planMigration,
  rollbackPlan,
  serverFeatures,
  serverVersionRange,
  stableStringify,
  supports,
  validatePlan,
  type ServerFeature,
} from '@wesley/core';
import { sdlIR } from '../support/sdl-ir.js';

beforeAll(() => loadSqlParser());

const features = Object.keys(serverFeatures).filter((key): key is ServerFeature => key !== 'minimum');
/** What the planner can ask of a version: every feature's answer. */
const answers = (version: number) => features.map((feature) => supports(version, feature));
/** Every release Wesley plans for, each at .0 and at a late minor, and the boundaries of the table. */
const versions = [
  ...[11, 12, 13, 14, 15, 16, 17, 18, 19].flatMap((major) => [major * 10000, major * 10000 + 99]),
  ...Object.values(serverFeatures).flatMap((v) => [v - 1, v]),
].filter((v) => v >= serverFeatures.minimum);

describe('serverVersionRange', () => {
  it.each(versions)('is the widest interval around %i on which every feature answers alike', (version) => {
    const { minimum, below } = serverVersionRange(version);
    expect(minimum).toBeLessThanOrEqual(version);
    expect(below === null || below > version).toBe(true);
    for (const other of [minimum, (below ?? 1_000_000) - 1]) expect(answers(other)).toEqual(answers(version));
    // One version further on either side, some feature answers differently (or Wesley does not plan for it).
    if (minimum > serverFeatures.minimum) expect(answers(minimum - 1)).not.toEqual(answers(version));
    else expect(minimum).toBe(serverFeatures.minimum);
    if (below !== null) expect(answers(below)).not.toEqual(answers(version));
  });

  it('gives the ranges the feature table implies', () => {
    expect(serverVersionRange(110000)).toEqual({ minimum: 110000, below: 120000 });
    expect(serverVersionRange(150004)).toEqual({ minimum: 140000, below: 170000 });
    expect(serverVersionRange(170000)).toEqual({ minimum: 170000, below: 180000 });
    expect(serverVersionRange(180000)).toEqual({ minimum: 180000, below: null });
  });
});

const v1 = sdlIR(`
  type Account @wes_table { id: ID! @wes_pk  name: String }
  type Event @wes_table @wes_partition(by: "at", strategy: "RANGE") { id: ID! @wes_pk  at: DateTime! @wes_pk  note: String }
  type Old @wes_table { id: ID! @wes_pk }
  type Quiet @wes_table { id: ID! @wes_pk }
`);
const v2 = sdlIR(`
  type Account @wes_table { id: ID! @wes_pk  name: String  quiet: ID @wes_fk(ref: "Quiet.id") }
  type Event @wes_table @wes_partition(by: "at", strategy: "RANGE") { id: ID! @wes_pk  at: DateTime! @wes_pk  note: String  email: String }
  type Renamed @wes_table @wes_renamed(from: "old") { id: ID! @wes_pk  label: String }
  type Quiet @wes_table { id: ID! @wes_pk }
  type Fresh @wes_table { id: ID! @wes_pk }
`);

describe('planAssumptions', () => {
  it('records the version range and, for every table a change touches, whether it exists and is partitioned', () => {
    const { plan } = planMigration(v1, v2, { serverVersion: 150000 });
    expect(plan?.assumptions).toEqual({
      kind: 'assumptions',
      serverVersion: { minimum: 140000, below: 170000 },
      tables: [
        { kind: 'table', name: 'account', exists: true, partitioned: false },
        { kind: 'table', name: 'event', exists: true, partitioned: true },
        { kind: 'table', name: 'fresh', exists: false, partitioned: false },
        // Renamed to `renamed`: the database has it under its old name before the migration.
        { kind: 'table', name: 'old', exists: true, partitioned: false },
        // Unchanged, but the new foreign key of account references it.
        { kind: 'table', name: 'quiet', exists: true, partitioned: false },
      ],
    });
  });

  it('leaves the table facts out of the down plan, which starts where the plan ends', () => {
    const { plan } = planMigration(sdlIR('type A @wes_table { id: ID! @wes_pk }'), sdlIR('type A @wes_table { id: ID! @wes_pk  b: Int }'));
    expect(plan?.assumptions.tables).toEqual([{ kind: 'table', name: 'a', exists: true, partitioned: false }]);
    expect(rollbackPlan(plan!).plan?.assumptions).toEqual({
      kind: 'assumptions',
      serverVersion: { minimum: 180000, below: null },
      tables: [],
    });
  });
});

describe('validatePlan of assumptions', () => {
  const { plan } = planMigration(v1, v2, { serverVersion: 150000 });
  const json = () => JSON.parse(stableStringify(plan)) as { serverVersion: number; assumptions: Record<string, unknown> };

  it('refuses a range that does not hold the planned version', async () => {
    const value = json();
    value.serverVersion = 180000;
    expect(await validatePlan(value)).toEqual({
      ok: false,
      problems: [{ path: '$.assumptions.serverVersion', message: 'does not hold 180000, the version the plan was made for' }],
    });
  });

  it('checks every field of a table fact, and that the assumptions are there', async () => {
    const value = json();
    value.assumptions.tables = [{ kind: 'table', name: '', exists: 'yes' }];
    const result = await validatePlan(value);
    expect(!result.ok && result.problems).toEqual([
      { path: '$.assumptions.tables[0].name', message: 'expected a non-empty string, found ""' },
      { path: '$.assumptions.tables[0].exists', message: 'expected true or false, found "yes"' },
      { path: '$.assumptions.tables[0]', message: 'missing "partitioned"' },
    ]);
    const without = json() as Partial<ReturnType<typeof json>>;
    delete without.assumptions;
    expect(await validatePlan(without)).toMatchObject({ ok: false, problems: [{ path: '$', message: 'missing "assumptions"' }] });
  });
});
