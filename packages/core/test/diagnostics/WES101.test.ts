import { describe, expect, it } from 'vitest';
import { planBetween, recordingLocate } from './plan-diagnostics.js';

const full = 'type Account @wes_table { id: ID! @wes_pk  note: String  bio: String }  type Post @wes_table { id: ID! @wes_pk }';
const trimmed = 'type Account @wes_table { id: ID! @wes_pk  bio: String }';

describe('WES101 destructive change refused', () => {
  it('refuses each change that loses data, with no plan, at schema 1:1 by default', () => {
    const result = planBetween(full, trimmed);
    expect(result.plan).toBeNull();
    expect(result.diagnostics).toEqual([
      {
        file: 'schema',
        line: 1,
        column: 1,
        code: 'WES101',
        severity: 'error',
        message: 'the data in account.note is lost; this plan would lose data and is refused by default',
        help: 'check that the data is no longer needed (and backed up), then plan again with --allow-destructive',
      },
      {
        file: 'schema',
        line: 1,
        column: 1,
        code: 'WES101',
        severity: 'error',
        message: 'table post and every row in it are lost; this plan would lose data and is refused by default',
        help: 'check that the data is no longer needed (and backed up), then plan again with --allow-destructive',
      },
    ]);
  });

  it('points each one where the given locate says its change comes from', () => {
    const { locate, asked } = recordingLocate();
    const result = planBetween(full, trimmed, { locate });
    expect(asked.map((c) => c.kind)).toEqual(['dropColumn', 'dropTable']);
    expect(result.diagnostics.map((d) => [d.code, d.file, d.line, d.column])).toEqual([
      ['WES101', 'shop.graphql', 11, 3],
      ['WES101', 'shop.graphql', 12, 3],
    ]);
  });

  it('refuses a narrowing type change too, and nothing once allowDestructive is given', () => {
    const narrowing = planBetween(
      'type Account @wes_table { id: ID! @wes_pk  n: BigInt }',
      'type Account @wes_table { id: ID! @wes_pk  n: Int }',
    );
    expect(narrowing.diagnostics.map((d) => d.code)).toEqual(['WES101']);
    expect(narrowing.diagnostics[0]?.message).toContain('account.n changes type from bigint to integer');
    const allowed = planBetween(full, trimmed, { allowDestructive: true });
    expect(allowed.diagnostics).toEqual([]);
    expect(allowed.plan?.steps.map((s) => s.phase)).toEqual(['contract', 'contract']);
  });

  it('does not refuse a change that only breaks running code (a rename)', () => {
    const result = planBetween(
      'type Account @wes_table { id: ID! @wes_pk  name: String }',
      'type Account @wes_table { id: ID! @wes_pk  fullName: String @wes_renamed(from: "name") }',
    );
    expect(result.changes.map((c) => [c.kind, c.impact.app, c.impact.data])).toEqual([['renameColumn', 'breaking', 'safe']]);
    expect(result.diagnostics).toEqual([]);
    expect(result.plan).not.toBeNull();
  });
});
