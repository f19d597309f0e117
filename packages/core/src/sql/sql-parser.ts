import { SqlParserNotLoadedError } from './sql-parser-not-loaded-error.js';

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

/** libpg-query's functions, the module as imported. */
type PgQuery = typeof import('libpg-query');

let loading: Promise<void> | null = null;
let parser: PgQuery | null = null;

/**
 * Loads PostgreSQL's parser (libpg-query, WebAssembly; ~20 ms, once per process). Await it once
 * before the synchronous functions that parse SQL: `compileSchema` (which checks every SQL
 * expression of the schema with it) and {@link parseSql}. Calling it again costs nothing; a
 * failed load is tried again on the next call. The module itself is imported here, not at the
 * top: importing it costs ~10 MB, which a migration that never parses (most statements are
 * judged by their first word) does not pay.
 */
export function loadSqlParser(): Promise<void> {
  loading ??= import('libpg-query').then(
    async (module) => {
      await module.loadModule();
      parser = module;
    },
    (error: unknown) => {
      loading = null;
      throw error;
    },
  );
  return loading;
}

/**
 * libpg-query's functions once {@link loadSqlParser} has finished, for the synchronous functions
 * of this folder that call them.
 *
 * @throws SqlParserNotLoadedError naming `what` until then.
 */
export function loadedSqlParser(what: string): PgQuery {
  if (parser === null) throw new SqlParserNotLoadedError(what);
  return parser;
}

/**
 * Throws {@link SqlParserNotLoadedError} naming `what` unless {@link loadSqlParser} has
 * finished: a synchronous function that needs the parser calls it first, so it fails with a
 * clear message instead of skipping a check or failing deep inside the parser.
 */
export function assertSqlParserLoaded(what: string): void {
  loadedSqlParser(what);
}

/**
 * Parses SQL text with PostgreSQL's own grammar (version 18), without running or resolving
 * anything: the statements it holds, or the syntax error the server would report.
 *
 * @throws SqlParserNotLoadedError when {@link loadSqlParser} has not finished.
 */
export function parseSql(sql: string): SqlParse {
  const { parseSync } = loadedSqlParser('parseSql');
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
