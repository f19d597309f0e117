import { readFileChunks } from './read-file-chunks.js';
import { splitSql } from './split-sql.js';
import type { SqlItem } from './sql-item.js';

/**
 * {@link splitSql} of a file, read through one reused buffer ({@link readFileChunks}); invalid
 * UTF-8 is reported with the file's path. How every reader of a SQL migration reads it.
 */
export function splitSqlFile(path: string): AsyncGenerator<SqlItem, void, undefined> {
  return splitSql(readFileChunks(path), path);
}
