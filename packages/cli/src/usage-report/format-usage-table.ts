import type { ColumnUsage, QueryCalls } from '@wesley/core';

/** Query ids shown per cell; the rest are counted. */
const idsShown = 3;

/**
 * The usage of each table and column as a table for a terminal: per column, the queries that
 * read and wrote it in the window (count, calls, the first query ids); `-` for none. A table's
 * own row (`public.account`) counts the queries naming it at all.
 */
export function formatUsageTable(rows: readonly ColumnUsage[]): string {
  const cells = rows.map((row) => [row.column === null ? row.table : `  ${row.column}`, cell(row.reads), cell(row.writes)]);
  const header = ['table / column', 'read by (queries, calls: ids)', 'written by'];
  const widths = header.map((title, i) => Math.max(title.length, ...cells.map((line) => (line[i] ?? '').length)));
  const format = (line: readonly string[]): string =>
    line
      .map((text, i) => text.padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd();
  return `${[header, ...cells].map(format).join('\n')}\n`;
}

function cell(queries: readonly QueryCalls[]): string {
  if (queries.length === 0) return '-';
  const calls = queries.reduce((sum, query) => sum + query.calls, 0);
  const ids = queries.slice(0, idsShown).map((query) => `${query.queryId}${query.star ? '*' : ''}`);
  const more = queries.length > idsShown ? ` +${queries.length - idsShown}` : '';
  return `${queries.length}, ${calls} ${calls === 1 ? 'call' : 'calls'}: ${ids.join(' ')}${more}`;
}
