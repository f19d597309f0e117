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

/** `BEGIN`, `COMMIT` and friends: Wesley owns the transactions of a migration. */
const transactionControl = /^(begin|start\s+transaction|commit|end|abort|rollback)\b/;

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

/** `true` for BEGIN / COMMIT / ROLLBACK and their spellings. */
export function isTransactionControl(sql: string): boolean {
  return transactionControl.test(head(sql));
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
