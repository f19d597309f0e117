import { describe, expect, it } from 'vitest';
import { planSteps } from '../step-facts.js';

const account = (name: string) => `type Account @wes_table { id: ID! @wes_pk  ${name} }`;

describe('addCheck', () => {
  it('adds the check NOT VALID (new writes checked), then validates old rows under SHARE UPDATE EXCLUSIVE', () => {
    const { steps, diagnostics } = planSteps(account('name: String'), account(`name: String @wes_check(expr: "name <> ''")`));
    expect(diagnostics).toEqual([]);
    expect(steps).toEqual([
      {
        id: 'add-check:account.account_name_check:add',
        phase: 'expand',
        sql: ["ALTER TABLE account ADD CONSTRAINT account_name_check CHECK (name <> '') NOT VALID;"],
        transactional: true,
        locks: ['account: AccessExclusiveLock'],
        rewrites: false,
        scans: false,
        backfill: null,
        reversible: true,
        rollback: {
          sql: ['ALTER TABLE account DROP CONSTRAINT IF EXISTS account_name_check;'],
          transactional: true,
          locks: ['account: AccessExclusiveLock'],
        },
      },
      {
        id: 'add-check:account.account_name_check:validate',
        phase: 'validate',
        sql: ['ALTER TABLE account VALIDATE CONSTRAINT account_name_check;'],
        transactional: true,
        locks: ['account: ShareUpdateExclusiveLock'],
        rewrites: false,
        scans: true,
        backfill: null,
        reversible: true,
        rollback: { sql: [], transactional: true, locks: [] },
      },
    ]);
  });

  it('quotes a check name that needs it', () => {
    const { steps } = planSteps(
      account('name: String'),
      `type Account @wes_table @wes_check(expr: "name <> ''", name: "Name Set") { id: ID! @wes_pk  name: String }`,
    );
    expect(steps.map((s) => s.sql)).toEqual([
      [`ALTER TABLE account ADD CONSTRAINT "Name Set" CHECK (name <> '') NOT VALID;`],
      ['ALTER TABLE account VALIDATE CONSTRAINT "Name Set";'],
    ]);
  });
});
