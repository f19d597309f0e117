/** One database's row in the summary that ends a run over several databases. */
export interface SummaryRow {
  readonly database: string;
  /** Where its URL came from: the environment variable, or the embedded server. */
  readonly source: string;
  readonly exitCode: number;
  readonly durationMs: number;
}

/** The result column: what an exit code of a `wesley` database command means. */
function result(exitCode: number): string {
  if (exitCode === 0) return 'ok';
  if (exitCode === 3) return 'failed: migration lock not granted (exit 3)';
  return `failed (exit ${exitCode})`;
}

/** A plain-text table, one row per database, columns aligned, for logs as much as terminals. */
export function formatSummaryTable(rows: readonly SummaryRow[]): string {
  const table = [
    ['database', 'url from', 'result', 'time'],
    ...rows.map((row) => [row.database, row.source, result(row.exitCode), `${(row.durationMs / 1000).toFixed(1)} s`]),
  ];
  const widths = table[0]?.map((_, column) => Math.max(...table.map((cells) => cells[column]?.length ?? 0))) ?? [];
  return (
    table
      .map((cells) =>
        cells
          .map((cell, column) => cell.padEnd(widths[column] ?? 0))
          .join('  ')
          .trimEnd(),
      )
      .join('\n') + '\n'
  );
}
