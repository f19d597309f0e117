import { describe, expect, it } from 'vitest';
import { planBetween, recordingLocate } from './plan-diagnostics.js';

const v1 = 'type Account @wes_table { id: ID! @wes_pk }';
const v2 = 'type Account @wes_table { id: ID! @wes_pk  name: String }';

describe('WES105 server version too old to plan for', () => {
  it('refuses to plan for a server before PostgreSQL 11, but still reports the changes', () => {
    const result = planBetween(v1, v2, { serverVersion: 100000 });
    expect(result.plan).toBeNull();
    expect(result.changes.map((c) => c.kind)).toEqual(['addColumn']);
    expect(result.diagnostics).toEqual([
      {
        file: 'schema',
        line: 1,
        column: 1,
        code: 'WES105',
        severity: 'error',
        message: 'the target server is version 100000; Wesley plans for PostgreSQL 11 and later',
        help: 'upgrade PostgreSQL, or apply the DDL by hand',
      },
    ]);
  });

  it('is about the server, not a change: schema 1:1 even with a locate, which is not asked', () => {
    const { locate, asked } = recordingLocate();
    const result = planBetween(v1, v2, { serverVersion: 90600, locate });
    expect(asked).toEqual([]);
    expect(result.diagnostics.map((d) => [d.code, d.file, d.line, d.column])).toEqual([['WES105', 'schema', 1, 1]]);
  });

  it('plans for PostgreSQL 11.0 and later', () => {
    expect(planBetween(v1, v2, { serverVersion: 110000 }).diagnostics).toEqual([]);
  });
});
