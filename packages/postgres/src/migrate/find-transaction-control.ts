import { splitSqlFile } from '../sql-stream/split-sql-file.js';
import type { MigrationFile } from './migration-files.js';
import { TransactionControlError } from './transaction-control-error.js';
import { parsedTransactionControl, settledByLexer } from './transaction-rules.js';

/**
 * Reads a SQL migration through (streamed, as the run reads it) and returns the error for its
 * first statement that controls its own transaction (`transactionControlIn`), or `null`.
 * Statements before `from` (committed by an earlier run, so skipped when it resumes) are not
 * looked at: they no longer run. Counting is the run's: statements and COPYs, not meta-commands.
 */
export async function findTransactionControl(file: MigrationFile, from = 0): Promise<TransactionControlError | null> {
  let index = 0;
  for await (const item of splitSqlFile(file.path)) {
    if (item.kind === 'meta') continue;
    if (index++ < from) continue;
    const control = settledByLexer(item.sql) ? null : await parsedTransactionControl(item.sql);
    if (control !== null) return new TransactionControlError(file.name, item.line, control, item.sql);
  }
  return null;
}
