import {
  loadSqlParser,
  planMigration,
  retiredObjects,
  retiredObjectUsage,
  unusedObjects,
  windowUsage,
  type QueryAttribution,
  type UsageSnapshot,
} from '@wesley/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { sdlIR } from '../support/sdl-ir.js';

const day = 86_400_000;
const at = (days: number): string => new Date(Date.UTC(2026, 11, 1) + days * day).toISOString();

const reads = (table: string, ...columns: string[]): QueryAttribution => ({
  kind: 'attributed',
  uses: columns.map((column) => ({ kind: 'column-use', table, column, access: 'read', star: false })),
});

function snapshot(takenAt: string, statsReset: string | null, calls: Readonly<Record<string, number>>): UsageSnapshot {
  const attribution: Readonly<Record<string, QueryAttribution>> = {
    q1: reads('public.account', 'id', 'email'),
    q2: reads('public.account', 'id', 'nickname'),
    q3: { kind: 'unattributed', reason: 'does not parse: syntax error' },
  };
  return {
    kind: 'usage-snapshot',
    takenAt,
    statsReset,
    serverVersionNum: 150004,
    queries: Object.entries(calls).map(([queryId, count]) => ({
      kind: 'query-stats',
      queryId,
      query: `query ${queryId}`,
      calls: count,
      attribution: attribution[queryId] ?? { kind: 'attributed', uses: [] },
    })),
    tables: [
      {
        kind: 'table-stats',
        table: 'public.account',
        rows: 10,
        seqScan: 1,
        idxScan: 1,
        lastSeqScan: null,
        lastIdxScan: null,
        columns: ['id', 'email', 'nickname', 'legacy'].map((column) => ({
          kind: 'column-stats',
          column,
          nullFraction: column === 'legacy' ? 1 : 0,
        })),
      },
    ],
    indexes: [
      {
        kind: 'index-stats',
        index: 'public.account_email_idx',
        table: 'public.account',
        idxScan: calls['q1'] ?? 0,
        lastIdxScan: null,
        enforces: false,
      },
      { kind: 'index-stats', index: 'public.account_pkey', table: 'public.account', idxScan: 0, lastIdxScan: null, enforces: true },
    ],
  };
}

const unusedColumns = (current: UsageSnapshot, history: UsageSnapshot[], windowMs: number): string[] =>
  unusedObjects(current, windowUsage(current, history, windowMs))
    .filter((object) => object.kind === 'unused-column')
    .map((object) => object.column ?? '');

describe('windowUsage and unusedObjects', () => {
  it('counts the difference from a baseline snapshot of the same stats lifetime: a query that ran only before the window is not use', () => {
    const baseline = snapshot(at(0), at(-30), { q1: 500, q2: 40 });
    const current = snapshot(at(10), at(-30), { q1: 900, q2: 40 });
    const usage = windowUsage(current, [baseline], 7 * day);
    expect(usage.basis).toBe('exact');
    expect(usage.queries.map(({ query, calls }) => [query.queryId, calls])).toEqual([['q1', 400]]);
    expect(unusedColumns(current, [baseline], 7 * day)).toEqual(['legacy', 'nickname']);
    // No baseline: everything since the reset counts (a longer span), so nickname is used.
    expect(unusedColumns(current, [], 7 * day)).toEqual(['legacy']);
    expect(windowUsage(current, [], 7 * day).basis).toBe('since-reset');
  });

  it('a reset inside the window lowers the confidence; a snapshot of the earlier lifetime inside the window still counts', () => {
    const before = snapshot(at(5), at(-30), { q1: 100, q2: 7 });
    const current = snapshot(at(10), at(8), { q1: 300 });
    const usage = windowUsage(current, [before], 7 * day);
    expect(usage.basis).toBe('reset-inside');
    expect(usage.earlierSnapshots).toEqual([at(5)]);
    expect(usage.queries.map(({ query }) => query.queryId)).toEqual(['q1', 'q2']);
    const found = unusedObjects(current, usage);
    const legacy = found.find((object) => object.kind === 'unused-column' && object.column === 'legacy');
    expect(legacy?.confidence.level).toBe('low');
    expect(legacy?.confidence.evidence[0]).toContain(
      `the statistics were reset at ${at(8)}, inside the window 7d: before it, only the snapshots taken at ${at(5)}`,
    );
  });

  it('an unattributed query lowers the confidence to medium; an index that enforces a key is never reported; all-NULL columns are', () => {
    const current = snapshot(at(10), at(-30), { q1: 300, q3: 20 });
    const found = unusedObjects(current, windowUsage(current, [], 7 * day));
    const legacy = found.find((object) => object.kind === 'unused-column' && object.column === 'legacy');
    expect(legacy?.confidence.level).toBe('medium');
    expect(legacy?.confidence.evidence[0]).toBe('1 query (20 calls) could not be read and may use it');
    expect(found.filter((object) => object.kind === 'unused-index')).toEqual([]);
    expect(found.filter((object) => object.kind === 'null-column').map((object) => object.column)).toEqual(['legacy']);
    const idle = snapshot(at(10), at(-30), {});
    expect(unusedObjects(idle, windowUsage(idle, [], 7 * day)).map((object) => object.index ?? object.column)).toEqual([
      'email',
      'id',
      'legacy',
      'legacy',
      'nickname',
      'public.account_email_idx',
    ]);
  });
});

describe('retiredObjects and retiredObjectUsage', () => {
  beforeAll(() => loadSqlParser());

  it('finds the column a plan drops, not the one a type change swaps back under its name', () => {
    const from = sdlIR('type Account @wes_table { id: Int! @wes_pk  nickname: String  age: Int }');
    const to = sdlIR('type Account @wes_table { id: Int! @wes_pk  age: BigInt }');
    const { plan } = planMigration(from, to, { allowDestructive: true });
    if (plan === null) throw new Error('no plan');
    const retired = retiredObjects(plan);
    expect(retired.map((object) => `${object.action} ${object.object} ${object.name}.${object.column ?? ''}`)).toEqual([
      'drop column account.nickname',
    ]);
    const current = snapshot(at(10), at(-30), { q1: 10, q2: 3 });
    const usage = windowUsage(current, [], 7 * day);
    const used = retiredObjectUsage(retired, usage, ['public']);
    expect(used.map((entry) => entry.queries.map(({ query }) => query.queryId))).toEqual([['q2']]);
    expect(retiredObjectUsage(retired, windowUsage(snapshot(at(10), at(-30), { q1: 10 }), [], 7 * day), ['public'])).toEqual([]);
  });
  it('finds renamed tables and columns and dropped indexes; an index is in use when it was scanned in the window', () => {
    const from = sdlIR('type Account @wes_table { id: Int! @wes_pk  email: String! @wes_index  nick: String }');
    const to = sdlIR(
      'type Member @wes_table @wes_renamed(from: "account") { id: Int! @wes_pk  email: String!  handle: String @wes_renamed(from: "nick") }',
    );
    const { plan, diagnostics } = planMigration(from, to, { allowDestructive: true });
    if (plan === null) throw new Error(JSON.stringify(diagnostics));
    const retired = retiredObjects(plan);
    expect(
      retired
        .map((object) => `${object.action} ${object.object} ${object.name}${object.column === null ? '' : `.${object.column}`}`)
        .sort(),
    ).toEqual(['drop index account_email_idx', 'rename column account.nick', 'rename table account']);
    const current = snapshot(at(10), at(-30), { q1: 10 });
    const used = retiredObjectUsage(retired, windowUsage(current, [], 7 * day), ['public']);
    expect(used.map((entry) => `${entry.object.object}:${entry.indexScans}:${entry.queries.length}`).sort()).toEqual([
      'index:10:0',
      'table:0:1',
    ]);
  });
});
