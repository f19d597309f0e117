/**
 * Starts loading PostgreSQL's parser (libpg-query) while the command's modules load, for the
 * commands that compile a schema (`compileSchema` needs it). Its WebAssembly is compiled off the
 * main thread, so started here, before the compiler's modules (graphql and core, ~150 ms of
 * module evaluation on the main thread), it is ready by the time the command awaits
 * `loadSqlParser()` instead of keeping the process idle for ~60 ms after them. `@wesley/core/run`
 * holds the same loader as `@wesley/core` and loads no graphql.
 */
export function preloadSqlParser(): void {
  import('@wesley/core/run')
    .then(({ loadSqlParser }) => loadSqlParser())
    .catch(() => {
      // Nothing to report here: `loadSqlParser()` tries a failed load again where the command
      // awaits it, and the command reports that failure.
    });
}
