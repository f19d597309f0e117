import { describe, expect, it } from 'vitest';
import { planSteps } from '../step-facts.js';

describe('dropEnum', () => {
  it('drops the type last, after the column that used it; the rollback creates it again', () => {
    const { steps, diagnostics } = planSteps(
      'enum Mood { HAPPY SAD } type Account @wes_table { id: ID! @wes_pk  mood: Mood }',
      'type Account @wes_table { id: ID! @wes_pk }',
      { allowDestructive: true },
    );
    expect(diagnostics).toEqual([]);
    expect(steps.map((s) => s.id)).toEqual(['drop-column:account.mood', 'drop-enum:mood']);
    expect(steps[1]).toEqual({
      id: 'drop-enum:mood',
      phase: 'contract',
      sql: ['DROP TYPE mood;'],
      transactional: true,
      locks: [],
      rewrites: false,
      scans: false,
      backfill: null,
      reversible: true,
      rollback: { sql: ["CREATE TYPE mood AS ENUM (\n    'HAPPY',\n    'SAD'\n);"], transactional: true, locks: [] },
    });
  });
});
