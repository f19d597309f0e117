import { type LexerEvent, SqlLexer } from './sql-lexer.js';
import { Utf8Decoder } from './utf8-decoder.js';

/** Input to {@link splitSql}: chunks of UTF-8 bytes (a file stream) or of text. */
export type SqlSource = AsyncIterable<string | Uint8Array> | Iterable<string | Uint8Array>;

/**
 * Pulls chunks from a source through a streaming UTF-8 decoder into the lexer, one chunk at a
 * time, and hands out the lexer's events: memory holds one chunk and its events, never the file.
 */
export class LexerFeed {
  private readonly lexer = new SqlLexer();
  // The lexer drops a leading byte-order mark itself, for text and byte input alike.
  private readonly decoder: Utf8Decoder;
  private readonly iterator: AsyncIterator<string | Uint8Array> | Iterator<string | Uint8Array>;
  private events: LexerEvent[] = [];
  private index = 0;
  private ended = false;

  /**
   * `name` is the file the input comes from, for the message of invalid UTF-8; by default the
   * path of a file stream (`fs.createReadStream(path)`); `splitSqlFile` passes the path.
   */
  constructor(source: SqlSource, name: string | null = null) {
    const path = (source as { path?: unknown }).path;
    this.decoder = new Utf8Decoder(name ?? (typeof path === 'string' ? path : null));
    this.iterator = isAsync(source) ? source[Symbol.asyncIterator]() : source[Symbol.iterator]();
  }

  /** The next event already lexed, if any. */
  take(): LexerEvent | undefined {
    return this.index < this.events.length ? this.events[this.index++] : undefined;
  }

  /** Reads input until there are events to take; false at the end of the input. */
  async fill(): Promise<boolean> {
    while (!this.ended) {
      const next = await this.iterator.next();
      if (next.done === true) {
        this.lexer.push(this.decode(undefined));
        this.lexer.end();
        this.ended = true;
      } else {
        this.lexer.push(typeof next.value === 'string' ? next.value : this.decode(next.value));
      }
      const events = this.lexer.drain();
      if (events.length > 0) {
        this.events = events;
        this.index = 0;
        return true;
      }
    }
    return false;
  }

  /** Closes the source early (the consumer stopped reading). */
  async close(): Promise<void> {
    if (!this.ended) await this.iterator.return?.();
  }

  private decode(bytes: Uint8Array | undefined): string {
    return this.decoder.decode(bytes);
  }
}

function isAsync(source: SqlSource): source is AsyncIterable<string | Uint8Array> {
  return typeof (source as Partial<AsyncIterable<unknown>>)[Symbol.asyncIterator] === 'function';
}
