import { describe, expect, it } from 'vitest';
import { planRefusal, planSteps } from '../step-facts.js';

const withNote = 'type Account @wes_table { id: ID! @wes_pk  note: String }';
const without = 'type Account @wes_table { id: ID! @wes_pk }';

describe('dropColumn', () => {
  it('is refused without allowDestructive (WES101): the values would be lost', () => {
    expect(planRefusal(withNote, without)).toEqual([
      {
        file: 'schema',
        line: 1,
        column: 1,
        code: 'WES101',
        severity: 'error',
        message: 'the data in account.note is lost; this plan would lose data and is refused by default',
        help: 'check that the data is no longer needed (and backed up), then plan again with --allow-destructive',
      },
    ]);
  });

  it('drops the column in contract, irreversibly, with allowDestructive', () => {
    const { steps, diagnostics } = planSteps(withNote, without, { allowDestructive: true });
    expect(diagnostics).toEqual([]);
    expect(steps).toEqual([
      {
        id: 'drop-column:account.note',
        phase: 'contract',
        sql: ['ALTER TABLE account DROP COLUMN note;'],
        transactional: true,
        locks: ['account: AccessExclusiveLock'],
        rewrites: false,
        scans: false,
        backfill: null,
        reversible: false,
        rollback: null,
      },
    ]);
  });
});
