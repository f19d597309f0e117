/**
 * WES153: a SQL migration with statements that control, or only work inside, a transaction of
 * the file's own (`BEGIN`, `COMMIT`, `ROLLBACK`, savepoints, `SET LOCAL`, `LOCK TABLE`, ...).
 * Wesley runs a file in transactions of its own, each committed with its ledger record, so such
 * a statement cannot mean what it means under psql (a `ROLLBACK` would not discard what psql
 * discards). Found before the first statement of the run.
 */
export class TransactionControlError extends Error {
  readonly code = 'WES153';
  override readonly name = 'TransactionControlError';
  readonly help: string;

  constructor(
    /** The migration (file or directory name). */
    readonly migration: string,
    /** 1-based line of the statement in the file. */
    readonly line: number,
    /** What it is: `ROLLBACK`, `SET LOCAL`, ... */
    readonly statement: string,
    sql: string,
  ) {
    const shown = sql.length > 80 ? `${sql.slice(0, 79)}…` : sql;
    super(`${migration}:${line}: ${statement} (${shown.replace(/\s+/g, ' ')}): a migration file may not control its own transactions`);
    this.help = helpFor(statement);
  }
}

function helpFor(statement: string): string {
  if (statement === 'SET LOCAL' || statement.startsWith('SET TRANSACTION')) {
    return `psql gives ${statement} no effect outside a transaction the file opens itself: remove it, or write SET to change the setting for the session`;
  }
  if (statement === 'LOCK TABLE' || statement === 'DECLARE CURSOR') {
    return `${statement} only works inside a transaction the file opens itself: remove it (each statement takes the locks it needs)${statement === 'DECLARE CURSOR' ? ', or declare the cursor WITH HOLD' : ''}`;
  }
  return `remove it: Wesley runs the file in transactions of its own, each committed with its ledger record, so the file's ${statement} cannot do what it does under psql; leave out what the file meant to roll back`;
}
