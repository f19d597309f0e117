import { describe, expect, it } from 'vitest';
import { classifyTypeChange, diffSchemas, parseColumnType } from '@wesley/core';
import { dependentsOf, primaryKeyOf } from '../../src/plan/schema-facts.js';
import { column, schema, table } from '../support/ir-builder.js';

const type = (text: string) => {
  const parsed = parseColumnType(text);
  if (parsed === null) throw new Error(`bad type ${text}`);
  return parsed;
};
const account = (columnType: string, options: { nullable?: boolean; value?: string } = {}) =>
  schema([
    table(
      'account',
      [
        column('id', 'integer'),
        column('v', columnType, { nullable: options.nullable ?? true, ...(options.value === undefined ? {} : { value: options.value }) }),
      ],
      { pk: ['id'] },
    ),
  ]);

describe('diffSchemas: column type changes', () => {
  it.each([
    ['varchar(10)', 'varchar(20)', 'catalog'],
    ['varchar(10)', 'varchar', 'catalog'],
    ['varchar(10)', 'text', 'catalog'],
    ['numeric(10,2)', 'numeric(12,2)', 'catalog'],
    ['numeric(10,2)', 'numeric', 'catalog'],
    ['smallint', 'integer', 'widening'],
    ['integer', 'bigint', 'widening'],
    ['bigint', 'numeric', 'widening'],
    ['real', 'double precision', 'widening'],
    ['date', 'timestamp', 'widening'],
    ['integer', 'text', 'widening'],
    ['varchar(20)', 'varchar(10)', 'narrowing'],
    ['text', 'varchar(10)', 'narrowing'],
    ['numeric(12,2)', 'numeric(10,2)', 'narrowing'],
    ['numeric(10,2)', 'numeric(12,3)', 'narrowing'],
    ['bigint', 'integer', 'narrowing'],
    ['text', 'integer', 'narrowing'],
    ['integer', 'numeric(5,0)', 'narrowing'],
    ['integer[]', 'integer', 'narrowing'],
    ['text', 'text[]', 'narrowing'],
  ] as const)('%s -> %s is %s', (from, to, kind) => {
    expect(classifyTypeChange(type(from), type(to))).toBe(kind);
  });

  it('judges a catalog change safe, a widening one dangerous for the app only, a narrowing one breaking for the data', () => {
    const impactOf = (from: string, to: string) =>
      diffSchemas(account(from), account(to)).map((c) => [c.kind, c.impact.app, c.impact.data]);
    expect(impactOf('varchar(10)', 'text')).toEqual([['alterColumnType', 'safe', 'safe']]);
    expect(impactOf('integer', 'bigint')).toEqual([['alterColumnType', 'dangerous', 'safe']]);
    expect(impactOf('bigint', 'integer')).toEqual([['alterColumnType', 'dangerous', 'breaking']]);
    expect(diffSchemas(account('integer'), account('bigint'))[0]?.impact.reason).toBe(
      'account.v changes type from integer to bigint; clients may read the new type differently',
    );
  });

  it('carries the whole old and new column of a shadow-column change, with no separate NOT NULL or default change', () => {
    const target = account('bigint', { nullable: false, value: '0' });
    const changes = diffSchemas(account('integer'), target);
    expect(changes.map((c) => c.kind)).toEqual(['alterColumnType']);
    expect(changes[0]).toMatchObject({
      kind: 'alterColumnType',
      from: { name: 'v', nullable: true, default: null },
      to: { name: 'v', nullable: false, default: { kind: 'literal', value: '0' } },
    });
    // What the planner reads from the target schema for it: the key to backfill by, and nothing using the column.
    expect(primaryKeyOf(target, 'account')).toEqual(['id']);
    expect(dependentsOf(target, 'account', 'v')).toEqual([]);
  });

  it('keeps NOT NULL and default changes separate after a catalog-only change', () => {
    const changes = diffSchemas(account('varchar(10)'), account('text', { nullable: false, value: 'x' }));
    expect(changes.map((c) => c.kind)).toEqual(['alterColumnType', 'setNotNull', 'alterDefault']);
  });

  it('names the constraints and indexes that use the changed column', () => {
    const withDependents = (columnType: string) =>
      schema([
        table('account', [column('id', 'integer'), column('v', columnType, { nullable: true })], {
          pk: ['id'],
          uniques: [['v']],
          checks: [{ expr: 'v > 0', column: 'v' }],
          indexes: [{ columns: ['id'], where: 'v IS NOT NULL', name: 'account_live_idx' }],
        }),
      ]);
    expect(diffSchemas(withDependents('integer'), withDependents('bigint'))).toMatchObject([{ kind: 'alterColumnType' }]);
    expect(dependentsOf(withDependents('bigint'), 'account', 'v')).toEqual(['account_v_key', 'account_live_idx', 'account_v_check']);
  });
});
