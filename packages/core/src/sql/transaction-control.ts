import type { ParsedStatement } from './sql-parser.js';

const transactionStatements: Readonly<Record<string, string>> = {
  TRANS_STMT_BEGIN: 'BEGIN',
  TRANS_STMT_START: 'START TRANSACTION',
  TRANS_STMT_COMMIT: 'COMMIT',
  TRANS_STMT_ROLLBACK: 'ROLLBACK',
  TRANS_STMT_SAVEPOINT: 'SAVEPOINT',
  TRANS_STMT_RELEASE: 'RELEASE SAVEPOINT',
  TRANS_STMT_ROLLBACK_TO: 'ROLLBACK TO SAVEPOINT',
  TRANS_STMT_PREPARE: 'PREPARE TRANSACTION',
  TRANS_STMT_COMMIT_PREPARED: 'COMMIT PREPARED',
  TRANS_STMT_ROLLBACK_PREPARED: 'ROLLBACK PREPARED',
};

/** `DECLARE ... CURSOR WITH HOLD` (CURSOR_OPT_HOLD) outlives its transaction. */
const cursorOptHold = 0x20;

/**
 * The name of what a parsed statement does to the transaction around it, or `null` for a
 * statement whose meaning does not depend on it:
 *
 * - transaction control: `BEGIN`, `START TRANSACTION`, `COMMIT`/`END`, `ROLLBACK`/`ABORT`,
 *   savepoints, two-phase commit (`PREPARE TRANSACTION`, `COMMIT PREPARED`, ...);
 * - statements that only last, or only work, inside a transaction block: `SET LOCAL`,
 *   `SET TRANSACTION ...`, `LOCK TABLE`, `DECLARE` of a cursor without `WITH HOLD`.
 *
 * psql runs a file's statements each in a transaction of its own unless the file opens one, so
 * the second group has no effect there (a warning) or fails; in a transaction that spans several
 * statements they would take effect. Either way, running such a file in transactions other than
 * the file's own changes what it does.
 */
export function transactionControl(statement: ParsedStatement): string | null {
  const [type, node] = Object.entries(statement)[0] ?? [];
  const fields = (node ?? {}) as Readonly<Record<string, unknown>>;
  switch (type) {
    case 'TransactionStmt':
      return transactionStatements[String(fields.kind)] ?? 'transaction control';
    case 'VariableSetStmt':
      if (fields.is_local === true) return 'SET LOCAL';
      return typeof fields.name === 'string' && fields.name.startsWith('TRANSACTION') ? `SET ${fields.name}` : null;
    case 'LockStmt':
      return 'LOCK TABLE';
    case 'DeclareCursorStmt':
      return (Number(fields.options) & cursorOptHold) === 0 ? 'DECLARE CURSOR' : null;
    default:
      return null;
  }
}
