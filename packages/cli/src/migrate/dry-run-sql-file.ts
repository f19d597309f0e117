import { beginStepSql, type StepTimeouts } from '@wesley/core/run';
import { needsOwnTransaction, splitSqlFile, type MigrationFile } from '@wesley/postgres/run';
import { sqlComment } from '../plan/sql-comment.js';
import { outsideTransaction, terminated } from './dry-run-timeouts.js';

/**
 * Writes what a SQL migration would run, streamed from the file as the migrator streams it
 * (memory does not grow with the file): the statements as the lexer splits them, one
 * `BEGIN` ... `COMMIT` with `SET LOCAL` timeouts per stretch of ordinary statements, a statement
 * that cannot run in a transaction bare between stretches, COPY data as it stands in the file;
 * psql meta-commands as comments, since they are skipped (a file with transaction control of its
 * own was refused before this is written). The first `skip` statements were committed by an
 * earlier run and are left out.
 */
export async function writeSqlFileDryRun(
  file: MigrationFile,
  skip: number,
  timeouts: StepTimeouts,
  write: (text: string) => void,
): Promise<void> {
  const note = skip === 0 ? [] : [`its first ${skip} statements were committed by an earlier run; it goes on after them`];
  // The migrator also commits a long stretch in parts, sized at run time to the server's lock table.
  const parts = 'a long stretch is committed in parts, so its locks stay near max_locks_per_transaction';
  write(`${sqlComment([`${file.name} (SQL file): one transaction per stretch of statements; ${parts}`, ...note])}\n`);
  let index = 0;
  let open = false;
  const close = () => {
    if (open) write('COMMIT;\n');
    open = false;
  };
  for await (const item of splitSqlFile(file.path)) {
    if (item.kind === 'meta') {
      if (index >= skip) write(`${sqlComment([`${file.name}:${item.line}: psql meta-command skipped: ${item.command}`])}\n`);
      continue;
    }
    if (index++ < skip) continue;
    if (needsOwnTransaction(item.sql)) {
      close();
      write(`${outsideTransaction(terminated(item.sql), timeouts).join('\n')}\n`);
    } else {
      if (!open) write(`${beginStepSql(timeouts).join('\n')}\n`);
      open = true;
      write(`${item.sql}\n`);
      if (item.kind === 'copy') await writeCopyData(item.data, write);
    }
  }
  close();
  // The migrator resets what the file's own SETs changed in the session.
  write('RESET ALL;\n');
}

/** COPY data as psql reads it from a script: the lines, then the `\.` line that ends them. */
async function writeCopyData(data: AsyncIterable<string>, write: (text: string) => void): Promise<void> {
  // The end of the data written so far, with a line break in front standing for its start.
  let tail = '\n';
  for await (const chunk of data) {
    write(chunk);
    tail = (tail + chunk).slice(-4);
  }
  if (tail.endsWith('\n\\.\n')) return;
  if (tail.endsWith('\n\\.')) write('\n');
  else write(`${tail.endsWith('\n') ? '' : '\n'}\\.\n`);
}
