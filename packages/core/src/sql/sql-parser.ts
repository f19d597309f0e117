import { loadModule, parseSync } from 'libpg-query';

/** One parsed statement: its parse-tree node (`{ "DropStmt": {...} }`), as libpg-query gives it. */
export type ParsedStatement = Readonly<Record<string, unknown>>;

/** What {@link parseSql} gives: the statements of the text, or PostgreSQL's syntax error. */
export type SqlParse =
  | { readonly ok: true; readonly statements: readonly ParsedStatement[] }
  | {
      readonly ok: false;
      readonly message: string;
      /** 1-based character position of the error in the text, or `null` when the parser gives none. */
      readonly position: number | null;
    };

let loaded: Promise<void> | null = null;

/**
 * Loads PostgreSQL's parser (libpg-query, WebAssembly; ~20 ms, once per process). Call it and
 * wait before {@link parseSql}.
 */
export function loadSqlParser(): Promise<void> {
  loaded ??= loadModule();
  return loaded;
}

/**
 * Parses SQL text with PostgreSQL's own grammar (version 18), without running or resolving
 * anything: the statements it holds, or the syntax error the server would report.
 *
 * @throws Error when {@link loadSqlParser} has not finished.
 */
export function parseSql(sql: string): SqlParse {
  // libpg-query refuses an empty string; the server takes it as no statement at all.
  if (sql.trim() === '') return { ok: true, statements: [] };
  let result;
  try {
    result = parseSync(sql);
  } catch (error) {
    const details = (error as { sqlDetails?: { message?: string; cursorPosition?: number } }).sqlDetails;
    if (details === undefined) throw error;
    const position = details.cursorPosition;
    return {
      ok: false,
      message: details.message ?? (error as Error).message,
      position: typeof position === 'number' && position >= 0 ? position + 1 : null,
    };
  }
  return { ok: true, statements: (result.stmts ?? []).map((raw) => (raw.stmt ?? {}) as ParsedStatement) };
}
