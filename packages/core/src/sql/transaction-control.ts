import { loadedSqlParser, type ParsedStatement } from './sql-parser.js';

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
 *   `SET TRANSACTION ...`, `LOCK TABLE`, `DECLARE` of a cursor without `WITH HOLD`;
 * - a PL/pgSQL `DO` block that commits or rolls back (allowed only outside a transaction block).
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
    case 'DoStmt':
      return doBlockControl(fields);
    default:
      return null;
  }
}

/** `COMMIT in a DO block` (or `ROLLBACK`) for a PL/pgSQL block that ends its transaction, else `null`. */
function doBlockControl(fields: Readonly<Record<string, unknown>>): string | null {
  const options = (Array.isArray(fields.args) ? fields.args : []).map(
    (arg) => ((arg as { DefElem?: unknown }).DefElem ?? {}) as Readonly<Record<string, unknown>>,
  );
  const value = (name: string) => {
    const arg = options.find((option) => option.defname === name)?.arg as { String?: { sval?: unknown } } | undefined;
    return typeof arg?.String?.sval === 'string' ? arg.String.sval : null;
  };
  const body = value('as');
  const language = value('language') ?? 'plpgsql';
  if (body === null || language.toLowerCase() !== 'plpgsql') return null;
  // The body again as a DO statement, under a dollar-quote tag it does not contain.
  let tag = 'wesley';
  while (body.includes(`$${tag}$`)) tag += '_';
  let tree: unknown;
  try {
    tree = loadedSqlParser('transactionControl').parsePlPgSQLSync(`DO $${tag}$${body}$${tag}$`);
  } catch {
    // A body PL/pgSQL refuses fails when it runs, before it can commit anything.
    return null;
  }
  const text = JSON.stringify(tree);
  if (text.includes('"PLpgSQL_stmt_commit"')) return 'COMMIT in a DO block';
  if (text.includes('"PLpgSQL_stmt_rollback"')) return 'ROLLBACK in a DO block';
  return null;
}
