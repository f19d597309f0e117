import { formatDuration } from '../migrate/index.js';
import type { StatusRow } from './status-row.js';

/** `2025-06-01 14:03:22Z`: UTC to the second, so every reader sees the same time. */
function formatTime(iso: string | null): string {
  return iso === null ? '' : `${iso.slice(0, 10)} ${iso.slice(11, 19)}Z`;
}

function state(row: StatusRow): string {
  if (row.state === 'renamed' && row.renamedFrom !== null) return `renamed from ${row.renamedFrom}`;
  const pid = row.pid === null ? [] : [`pid ${row.pid}`];
  const stepped = row.state === 'running' || row.state === 'stopped' || row.state === 'rolling back';
  const steps =
    stepped && row.kind === 'plan'
      ? [`${row.stepsApplied}${row.steps === null ? '' : `/${row.steps}`} steps${row.state === 'rolling back' ? ' to undo' : ''}`]
      : [];
  const details = [...pid, ...steps];
  return details.length === 0 ? row.state : `${row.state} (${details.join(', ')})`;
}

/**
 * The migrations as a table: name, state (with the steps done of one started, and the pid of the
 * migrator running one), when it was applied (or started, while not finished), by whom, how long it took. Each line ends with a
 * newline; columns are padded to their widest cell.
 */
export function formatStatusTable(rows: readonly StatusRow[]): string {
  const header = ['migration', 'state', 'applied at', 'by', 'duration'];
  const cells = rows.map((row) => [
    row.name,
    state(row),
    row.appliedAt !== null ? formatTime(row.appliedAt) : row.startedAt !== null ? `started ${formatTime(row.startedAt)}` : '',
    row.appliedBy ?? '',
    row.durationMs === null ? '' : formatDuration(row.durationMs),
  ]);
  const widths = header.map((title, i) => Math.max(title.length, ...cells.map((line) => line[i]?.length ?? 0)));
  const line = (values: readonly string[]) =>
    `  ${values
      .map((value, i) => value.padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd()}\n`;
  return [header, ...cells].map(line).join('');
}
