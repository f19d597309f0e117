import type { UsageSnapshot } from './usage-snapshot.js';
import type { WindowUsage } from './window-usage.js';

/** The queries of a window that used one column (or a table as a whole: `column` `null`), split by access. */
export interface ColumnUsage {
  readonly kind: 'column-usage';
  readonly table: string;
  readonly column: string | null;
  readonly reads: readonly QueryCalls[];
  readonly writes: readonly QueryCalls[];
}

/** A query's id and its calls in the window; `star` when it used the column only through a `*`. */
export interface QueryCalls {
  readonly queryId: string;
  readonly calls: number;
  readonly star: boolean;
}

/**
 * Every table of `snapshot` and each of its columns, in the catalog's order, with the queries of
 * `usage` that used them (most calls first): the table itself first (`column` `null`: a `FROM`
 * naming it, a `DELETE`), then its columns, used or not.
 */
export function columnUsage(snapshot: UsageSnapshot, usage: WindowUsage): ColumnUsage[] {
  const found = new Map<string, { reads: QueryCalls[]; writes: QueryCalls[] }>();
  for (const { query, calls } of usage.queries) {
    if (query.attribution.kind !== 'attributed') continue;
    for (const use of query.attribution.uses) {
      const key = `${use.table}\u0000${use.column ?? ''}`;
      const entry = found.get(key) ?? { reads: [], writes: [] };
      found.set(key, entry);
      (use.access === 'read' ? entry.reads : entry.writes).push({ queryId: query.queryId, calls, star: use.star });
    }
  }
  const byCalls = (list: readonly QueryCalls[]): QueryCalls[] =>
    [...list].sort((a, b) => b.calls - a.calls || a.queryId.localeCompare(b.queryId));
  return snapshot.tables.flatMap((table) =>
    [null, ...table.columns.map((column) => column.column)].map((column) => {
      const entry = found.get(`${table.table}\u0000${column ?? ''}`);
      return {
        kind: 'column-usage' as const,
        table: table.table,
        column,
        reads: byCalls(entry?.reads ?? []),
        writes: byCalls(entry?.writes ?? []),
      };
    }),
  );
}
