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
  return sql.replace(/^(\s|\/\*[\s\S]*?\*\/)+/, '').slice(0, 400).toLowerCase();
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

/**
 * The index a `CREATE [UNIQUE] INDEX CONCURRENTLY [IF NOT EXISTS] name` statement builds, as an
 * identifier as written (quoted or not), or `null`: after an interrupted run, an INVALID index of
 * that name must be dropped before the statement runs again.
 */
export function concurrentIndexName(sql: string): string | null {
  const match = /^create\s+(?:unique\s+)?index\s+concurrently\s+(?:if\s+not\s+exists\s+)?("(?:[^"]|"")+"|[a-z_][a-z0-9_$]*)/i.exec(
    sql.replace(/^(\s|\/\*[\s\S]*?\*\/)+/, ''),
  );
  return match?.[1] ?? null;
}
