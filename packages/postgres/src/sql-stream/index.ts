/**
 * Streaming split of migration SQL into the statements psql would send, so a migration file runs
 * as `psql -f` would run it (docs/cli.md#wesley-migrate): a real lexer for dollar quotes, nested
 * comments, E'' strings, quoted identifiers, `BEGIN ATOMIC` bodies, psql meta-commands and
 * `COPY ... FROM STDIN` data, in memory that does not grow with the file.
 */
export { splitSql } from './split-sql.js';
export { splitSqlFile } from './split-sql-file.js';
export { readFileChunks } from './read-file-chunks.js';
export { splitSqlText } from './split-sql-text.js';
export { InvalidUtf8Error } from './invalid-utf8-error.js';
export type { SqlSource } from './lexer-feed.js';
export type { SqlCopy, SqlItem, SqlMeta, SqlStatement, SqlTextItem } from './sql-item.js';
