import { describe, expect, it } from 'vitest';
import { planSteps } from '../step-facts.js';

describe('createEnum', () => {
  it('creates the type before the column that uses it, with no table lock', () => {
    const { steps, diagnostics } = planSteps(
      'type Account @wes_table { id: ID! @wes_pk }',
      'enum Mood { HAPPY SAD } type Account @wes_table { id: ID! @wes_pk  mood: Mood }',
    );
    expect(diagnostics).toEqual([]);
    expect(steps.map((s) => s.id)).toEqual(['create-enum:mood', 'add-column:account.mood']);
    expect(steps[0]).toEqual({
      id: 'create-enum:mood',
      phase: 'expand',
      sql: ["CREATE TYPE mood AS ENUM (\n    'HAPPY',\n    'SAD'\n);"],
      transactional: true,
      locks: [],
      rewrites: false,
      scans: false,
      backfill: null,
      reversible: true,
      rollback: { sql: ['DROP TYPE IF EXISTS mood;'], transactional: true, locks: [] },
    });
  });
});
