/** One SQL statement as psql would send it to the server. */
export interface SqlStatement {
  readonly kind: 'statement';
  /**
   * The statement text exactly as psql sends it: from its first token (leading whitespace and
   * `--` comments dropped, `/* *\/` comments kept) to the terminating `;` (included), lines joined
   * with `\n`, empty lines outside quotes and comments dropped. A statement cut off by the end of
   * the input has no `;`.
   */
  readonly sql: string;
  /** 1-based line of the statement's first token. */
  readonly line: number;
}

/**
 * A `COPY ... FROM STDIN` statement and its inline data. `data` streams the lines that follow the
 * statement up to and including the `\.` line (as psql 15 sends them; the server stops at `\.`),
 * or to the end of the input. It is read from the same source as the statements, so it must be
 * consumed before the next item is requested; data left unread is skipped.
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
  /** The command from its backslash to the end of its line, trailing whitespace removed. */
  readonly command: string;
  readonly line: number;
}

/** What {@link splitSql} yields. */
export type SqlItem = SqlStatement | SqlCopy | SqlMeta;

/** What {@link splitSqlText} returns: COPY data as one string. */
export type SqlTextItem = SqlStatement | SqlCopy<string> | SqlMeta;
