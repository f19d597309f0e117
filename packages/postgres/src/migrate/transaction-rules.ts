import { loadSqlParser, parseSql, transactionControl } from '@wesley/core/run';
import { splitSqlText } from '../sql-stream/split-sql-text.js';

/**
 * Statements PostgreSQL refuses inside a transaction block. A SQL migration runs in one
 * transaction per stretch of ordinary statements; each of these runs alone between them.
 */
const outsideTransaction: readonly RegExp[] = [
  /^create\s+(unique\s+)?index\s+concurrently\b/,
  /^drop\s+index\s+concurrently\b/,
  /^reindex\b[^;]*\bconcurrently\b/,
  /^reindex\s+(system|database)\b/,
  /^vacuum\b/,
  /^(create|drop)\s+(database|tablespace)\b/,
  /^alter\s+system\b/,
  /^alter\s+table\b[^;]*\bdetach\s+partition\b[^;]*\bconcurrently\b/,
];

/**
 * First words of the statements `transactionControl` (core) recognises. Those of the first line
 * can begin nothing else, so they decide even when the statement does not parse; `prepare`,
 * `set`, `lock`, `declare` and `do` (a block that commits) begin other statements too, which the
 * parser tells apart.
 */
const onlyTransactionControl = /^(begin|start|commit|end|abort|rollback|savepoint|release)\b/;
const maybeTransactionControl = /^(prepare|set|lock|declare|do)\b/;
/**
 * A `SET` of a setting by name (`SET search_path = ...`, pg_dump's header): not `SET LOCAL`,
 * `SET TRANSACTION` or `SET SESSION ...`, and the name right after `SET` (no comment between that
 * could hide a `LOCAL`), so the parser would find no transaction control in it.
 */
const namedSet = /^set\s+(?!local\b|transaction\b|session\b)[a-z_"]/;

/** Leading `/* *\/` comments and whitespace off, lower case: enough to read the first keywords. */
function head(sql: string): string {
  return sql
    .replace(/^(\s|\/\*[\s\S]*?\*\/)+/, '')
    .slice(0, 400)
    .toLowerCase();
}

/** `true` for a statement that cannot run inside a transaction block. */
export function needsOwnTransaction(sql: string): boolean {
  const text = head(sql);
  return outsideTransaction.some((pattern) => pattern.test(text));
}

/**
 * What a statement of a SQL file (as the lexer splits it) does to the transaction around it:
 * `ROLLBACK`, `SET LOCAL`, ... (see core's `transactionControl`), or `null`. Its first word
 * settles most statements ({@link settledByLexer}); the rest, and text psql's `\;` made of
 * several statements (as the lexer finds them), go to PostgreSQL's parser, so `BEGIN` inside a
 * function body is not taken for one and a `COMMIT` inside a `DO` block is.
 * Call `loadSqlParser()` first, or use {@link parsedTransactionControl}.
 */
export function transactionControlIn(sql: string): string | null {
  return settledByLexer(sql) ? null : parsedControl(sql);
}

/**
 * `true` when the first word and the lexer settle that a statement holds no transaction control,
 * without PostgreSQL's parser: most statements. The migrator asks this first and loads the
 * parser (WebAssembly) only for the first statement that is not settled.
 */
export function settledByLexer(sql: string): boolean {
  const text = head(sql);
  const first = /^[a-z_]+/.exec(text)?.[0];
  // The text psql's `\;` joins holds a `;` before its end. One inside a string, a body or a
  // comment does not make several: the lexer says so without the parser, whose WebAssembly memory
  // grows with the statements it reads and never shrinks (about 50 MB over a 200 MB file).
  const several = sql.replace(/;\s*$/, '').includes(';') && splitSqlText(sql).filter((item) => item.kind !== 'meta').length > 1;
  if (first === undefined || several || onlyTransactionControl.test(first)) return false;
  return !maybeTransactionControl.test(first) || namedSet.test(text);
}

/** {@link transactionControlIn} of a statement not {@link settledByLexer}, loading the parser first. */
export async function parsedTransactionControl(sql: string): Promise<string | null> {
  await loadSqlParser();
  return parsedControl(sql);
}

function firstWord(sql: string): string | undefined {
  return /^[a-z_]+/.exec(head(sql))?.[0];
}

function parsedControl(sql: string): string | null {
  const parsed = parseSql(sql);
  if (!parsed.ok) {
    const first = firstWord(sql);
    return first !== undefined && onlyTransactionControl.test(first) ? first.toUpperCase() : null;
  }
  for (const statement of parsed.statements) {
    const control = transactionControl(statement);
    if (control !== null) return control;
  }
  return null;
}

/** An identifier as written: quoted (`"Name"`) or not. */
const ident = '(?:"(?:[^"]|"")+"|[a-z_][a-z0-9_$]*)';
const concurrentIndex = new RegExp(
  `^create\\s+(?:unique\\s+)?index\\s+concurrently\\s+(?:if\\s+not\\s+exists\\s+)?(?:(${ident})\\s+)?on\\s+(?:only\\s+)?(${ident}(?:\\s*\\.\\s*${ident})?)`,
  'i',
);

/**
 * The index a `CREATE [UNIQUE] INDEX CONCURRENTLY [IF NOT EXISTS] name ON table` statement
 * builds and its table, as written (quoted or not, the table maybe schema-qualified), or `null`
 * (another statement, or an index without a name): after an interrupted run, the index of that
 * name may be left INVALID, or built but not recorded.
 */
export function concurrentIndexTarget(sql: string): { readonly index: string; readonly table: string } | null {
  const match = concurrentIndex.exec(sql.replace(/^(\s|\/\*[\s\S]*?\*\/)+/, ''));
  const [, index, table] = match ?? [];
  return index === undefined || table === undefined ? null : { index, table };
}

/**
 * `SET` (not `SET LOCAL`), `RESET` and `SELECT set_config(..., false)`: settings that last for
 * the session, such as pg_dump's `search_path` and `check_function_bodies`. A resumed run makes
 * them again before it goes on, because they died with the session of the killed run.
 */
export function isSessionSetting(sql: string): boolean {
  const text = head(sql);
  return (
    /^set\s+(?!local\b|transaction\b|constraints\b)/.test(text) ||
    /^reset\b/.test(text) ||
    /^select\s+(pg_catalog\s*\.\s*)?set_config\s*\([^;]*,\s*false\s*\)\s*;?\s*$/.test(text)
  );
}
