/**
 * A function that needs PostgreSQL's parser (`compileSchema`, `parseSql`) was called before
 * `await loadSqlParser()` finished. A programming error, never a problem of the input: the
 * parser is WebAssembly, loaded asynchronously once per process, and these functions are
 * synchronous, so the caller loads it first. Nothing is skipped in its place: a schema's SQL
 * expressions are never left unchecked.
 */
export class SqlParserNotLoadedError extends Error {
  /** @param what the function that was called, as the message names it (`compileSchema`). */
  constructor(what: string) {
    super(
      `${what} needs PostgreSQL's SQL parser, which is not loaded: call \`await loadSqlParser()\` ` +
        "(from '@wesley/core') once per process before it",
    );
    this.name = 'SqlParserNotLoadedError';
  }
}
