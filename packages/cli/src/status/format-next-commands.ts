import type { StatusRow } from './status-row.js';

/**
 * The lines under the status table: for each migration stopped part way, what happened and the
 * commands that move it on; for each one the ledger lists whose file is gone, a warning.
 */
export function formatNextCommands(rows: readonly StatusRow[], directory: string): string {
  const lines: string[] = [];
  for (const row of rows) {
    if (row.next.length > 0) {
      const how =
        row.state === 'rolling back' ? 'a rollback stopped part way' : 'stopped part way (a step failed, a run was stopped or killed)';
      lines.push(`${row.name}: ${how}:`);
      for (const next of row.next) lines.push(`  to ${next.does.padEnd(9)}  ${next.command}`);
    }
    if (row.state === 'missing file') {
      lines.push(`warning: the ledger lists ${row.name} (${row.recorded ?? 'unknown'}), which is not in ${directory}`);
    }
  }
  return lines.map((line) => `${line}\n`).join('');
}
