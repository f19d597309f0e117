import { describe, expect, it } from 'vitest';
import { column, schema, table } from '../support/ir-builder.js';
import { planBetween, recordingLocate } from './plan-diagnostics.js';

/** The compiler requires a primary key, so the keyless table is built as IR. */
const event = (extra: ReturnType<typeof column>[] = [], pk = false) =>
  schema([table('event', [column('id', 'integer'), column('payload', 'text', { nullable: true }), ...extra], pk ? { pk: ['id'] } : {})]);
const token = column('token', 'uuid', { nullable: true, expr: 'gen_random_uuid()' });

describe('WES106 backfill of a table without a primary key runs as one statement', () => {
  it('warns, and plans the backfill as one UPDATE, at schema 1:1 by default', () => {
    const result = planBetween(event(), event([token]));
    expect(result.plan?.steps.map((s) => [s.id, s.sql])).toEqual([
      ['add-column:event.token:add', ['ALTER TABLE event ADD COLUMN token uuid, ALTER COLUMN token SET DEFAULT gen_random_uuid();']],
      ['add-column:event.token:backfill', ['UPDATE event SET token = DEFAULT WHERE event.token IS NULL;']],
    ]);
    expect(result.diagnostics).toEqual([
      {
        file: 'schema',
        line: 1,
        column: 1,
        code: 'WES106',
        severity: 'warning',
        message: 'event has no primary key, so its backfill is one UPDATE holding row locks on every row until it commits',
        help: 'give the table a primary key (@wes_pk) so backfills go in short batches',
      },
    ]);
  });

  it('points where the given locate says the change comes from', () => {
    const { locate, asked } = recordingLocate();
    const result = planBetween(event(), event([token]), { locate });
    expect(asked.map((c) => c.kind)).toEqual(['addColumn']);
    expect(result.diagnostics.map((d) => [d.code, d.severity, d.file, d.line, d.column])).toEqual([
      ['WES106', 'warning', 'shop.graphql', 11, 3],
    ]);
  });

  it('warns for a shadow-column type change of a keyless table too, and not when the table has a primary key', () => {
    const typed = (type: string) => schema([table('event', [column('n', type, { nullable: true })])]);
    expect(planBetween(typed('integer'), typed('bigint')).diagnostics.map((d) => d.code)).toEqual(['WES106']);
    expect(planBetween(event([], true), event([token], true)).diagnostics).toEqual([]);
  });
});
