/** One SQL statement as psql would send it to the server. */
export interface SqlStatement {
  readonly kind: 'statement';
  /**
   * The statement text exactly as psql sends it: from its first token (leading whitespace and
   * `--` comments dropped, `/* *\/` comments kept) to the terminating `;` (included), lines joined
   * with `\n`, empty lines outside quotes and comments dropped, backslash commands left out. Like
   * psql, a `\r` before a line break stays. A statement cut off by the end of the input has no `;`.
   */
  readonly sql: string;
  /** 1-based line of the statement's first token. */
  readonly line: number;
}

/**
 * A `COPY ... FROM STDIN` statement and its inline data. `data` streams the lines that follow the
 * statement up to the `\.` line, or to the end of the input, unchanged (line breaks included). The
 * `\.` line itself is left out: psql 15 sends it too, but PostgreSQL 18 reads it as a data row in
 * CSV format, while the end of the copy data is signalled anyway. `data` is read from the same
 * source as the statements, so it must be consumed before the next item is requested; data left
 * unread is skipped.
 */
export interface SqlCopy<Data = AsyncIterable<string>> {
  readonly kind: 'copy';
  /** The COPY statement itself, like {@link SqlStatement.sql}. */
  readonly sql: string;
  readonly line: number;
  readonly data: Data;
}

/**
 * A psql backslash meta-command (`\restrict KEY`, `\unrestrict KEY`, `\set ...`). psql runs these
 * itself and never sends them to the server; the executor skips them with a notice.
 */
export interface SqlMeta {
  readonly kind: 'meta';
  /**
   * The command from its backslash to where psql ends it: the end of the line, or the unquoted
   * backslash after its arguments (`\echo a \\ SELECT 1;` is `\echo a`, then a statement).
   */
  readonly command: string;
  readonly line: number;
}

/** What {@link splitSql} yields. */
export type SqlItem = SqlStatement | SqlCopy | SqlMeta;

/** What {@link splitSqlText} returns: COPY data as one string. */
export type SqlTextItem = SqlStatement | SqlCopy<string> | SqlMeta;
