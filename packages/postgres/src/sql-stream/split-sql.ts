import { CopyData } from './copy-data.js';
import { LexerFeed, type SqlSource } from './lexer-feed.js';
import type { SqlItem } from './sql-item.js';

/**
 * Splits SQL read as a stream (a file stream, or any chunks of bytes or text) into the statements
 * psql would send, one by one, with psql meta-commands (`\restrict`) as `meta` items and each
 * `COPY ... FROM STDIN` as a `copy` item whose `data` streams its data lines. Chunks may split a
 * token, a line break or a UTF-8 character anywhere; memory holds one chunk and the statement
 * being assembled, not the input. Invalid UTF-8 throws an `InvalidUtf8Error` naming the file
 * (`name`, else the path of a file stream), the line and the byte offset.
 *
 * A `copy` item's `data` must be read (or left alone) before the next item is requested; data
 * left unread is skipped.
 */
export async function* splitSql(source: SqlSource, name: string | null = null): AsyncGenerator<SqlItem, void, undefined> {
  const feed = new LexerFeed(source, name);
  try {
    for (;;) {
      const event = feed.take();
      if (event === undefined) {
        if (!(await feed.fill())) return;
        continue;
      }
      if (event.kind === 'copy') {
        const data = new CopyData(feed);
        yield { kind: 'copy', sql: event.sql, line: event.line, data };
        await data.skipRest();
      } else if (event.kind === 'statement' || event.kind === 'meta') {
        yield event;
      }
    }
  } finally {
    await feed.close();
  }
}
