import { describe, expect, it } from 'vitest';
import { planSteps } from '../step-facts.js';

const moods = (labels: string) => `enum Mood { ${labels} } type Account @wes_table { id: ID! @wes_pk  mood: Mood }`;
const addLabel = (id: string, sql: string, transactional: boolean) => ({
  id,
  phase: 'expand',
  sql: [sql],
  transactional,
  locks: [],
  rewrites: false,
  scans: false,
  backfill: null,
  reversible: false,
  rollback: null,
});

describe('addEnumValue', () => {
  it('adds each label in its declared place (BEFORE the next old label, or last), in a transaction from PostgreSQL 12', () => {
    const { steps, diagnostics } = planSteps(moods('HAPPY SAD'), moods('HAPPY MEH SAD ANGRY'), { serverVersion: 120000 });
    expect(diagnostics).toEqual([]);
    expect(steps).toEqual([
      addLabel('add-enum-value:mood.MEH', "ALTER TYPE mood ADD VALUE IF NOT EXISTS 'MEH' BEFORE 'SAD';", true),
      addLabel('add-enum-value:mood.ANGRY', "ALTER TYPE mood ADD VALUE IF NOT EXISTS 'ANGRY';", true),
    ]);
  });

  it('runs outside a transaction before PostgreSQL 12, where ADD VALUE is refused inside one', () => {
    const { steps } = planSteps(moods('HAPPY SAD'), moods('HAPPY MEH SAD ANGRY'), { serverVersion: 110000 });
    expect(steps).toEqual([
      addLabel('add-enum-value:mood.MEH', "ALTER TYPE mood ADD VALUE IF NOT EXISTS 'MEH' BEFORE 'SAD';", false),
      addLabel('add-enum-value:mood.ANGRY', "ALTER TYPE mood ADD VALUE IF NOT EXISTS 'ANGRY';", false),
    ]);
  });

  it('puts labels added before the first old label before it', () => {
    const { steps } = planSteps(moods('HAPPY SAD'), moods('EUPHORIC JOLLY HAPPY SAD'));
    expect(steps.map((s) => s.sql)).toEqual([
      ["ALTER TYPE mood ADD VALUE IF NOT EXISTS 'EUPHORIC' BEFORE 'HAPPY';"],
      ["ALTER TYPE mood ADD VALUE IF NOT EXISTS 'JOLLY' BEFORE 'HAPPY';"],
    ]);
  });
});
