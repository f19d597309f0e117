import { describe, expect, it } from 'vitest';
import { planSteps } from '../step-facts.js';

const account = (name: string) => `type Account @wes_table { id: ID! @wes_pk  ${name} }`;
const defaultStep = (phase: string, sql: string, undo: string) => ({
  id: 'alter-default:account.name',
  phase,
  sql: [sql],
  transactional: true,
  locks: ['account: AccessExclusiveLock'],
  rewrites: false,
  scans: false,
  backfill: null,
  reversible: true,
  rollback: { sql: [undo], transactional: true, locks: ['account: AccessExclusiveLock'] },
});

describe('alterDefault', () => {
  it('sets a new default in expand (the new code may rely on it); the rollback drops it', () => {
    const { steps, diagnostics } = planSteps(account('name: String'), account('name: String @wes_default(value: "anon")'));
    expect(diagnostics).toEqual([]);
    expect(steps).toEqual([
      defaultStep(
        'expand',
        "ALTER TABLE account ALTER COLUMN name SET DEFAULT 'anon';",
        'ALTER TABLE account ALTER COLUMN name DROP DEFAULT;',
      ),
    ]);
  });

  it('changes a default in expand; the rollback restores the old one', () => {
    const { steps } = planSteps(account('name: String! @wes_default(value: "x")'), account('name: String! @wes_default(value: "y")'));
    expect(steps).toEqual([
      defaultStep(
        'expand',
        "ALTER TABLE account ALTER COLUMN name SET DEFAULT 'y';",
        "ALTER TABLE account ALTER COLUMN name SET DEFAULT 'x';",
      ),
    ]);
  });

  it('drops a default in contract, since the old code may still insert without the column', () => {
    const { steps } = planSteps(account('name: String! @wes_default(value: "x")'), account('name: String!'));
    expect(steps).toEqual([
      defaultStep(
        'contract',
        'ALTER TABLE account ALTER COLUMN name DROP DEFAULT;',
        "ALTER TABLE account ALTER COLUMN name SET DEFAULT 'x';",
      ),
    ]);
  });

  it('sees a literal default and the same expression default as equal', () => {
    expect(planSteps(account('n: Int @wes_default(value: 0)'), account('n: Int @wes_default(expr: "0")')).steps).toEqual([]);
  });
});
