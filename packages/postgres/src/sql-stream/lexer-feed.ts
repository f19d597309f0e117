import { type LexerEvent, SqlLexer } from './sql-lexer.js';

/** Input to {@link splitSql}: chunks of UTF-8 bytes (a file stream) or of text. */
export type SqlSource = AsyncIterable<string | Uint8Array> | Iterable<string | Uint8Array>;

/**
 * Pulls chunks from a source through a streaming UTF-8 decoder into the lexer, one chunk at a
 * time, and hands out the lexer's events: memory holds one chunk and its events, never the file.
 */
export class LexerFeed {
  private readonly lexer = new SqlLexer();
  // The lexer drops a leading byte-order mark itself, for text and byte input alike.
  private readonly decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  private readonly iterator: AsyncIterator<string | Uint8Array> | Iterator<string | Uint8Array>;
  private events: LexerEvent[] = [];
  private index = 0;
  private ended = false;

  constructor(source: SqlSource) {
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
    try {
      return bytes === undefined ? this.decoder.decode() : this.decoder.decode(bytes, { stream: true });
    } catch (error) {
      const line = this.lexer.lastLine + (bytes === undefined ? 0 : newlinesBeforeInvalid(bytes));
      throw new Error(`SQL input is not valid UTF-8 (line ${line})`, { cause: error });
    }
  }
}

function isAsync(source: SqlSource): source is AsyncIterable<string | Uint8Array> {
  return typeof (source as Partial<AsyncIterable<unknown>>)[Symbol.asyncIterator] === 'function';
}

/**
 * Line breaks in `bytes` before its first invalid UTF-8 sequence. Bytes continuing a character
 * begun in the previous chunk are skipped; a U+FFFD written in the text itself would be taken for
 * the error, which only makes the line an earlier one.
 */
function newlinesBeforeInvalid(bytes: Uint8Array): number {
  let start = 0;
  while (start < 3 && start < bytes.length && ((bytes[start] as number) & 0xc0) === 0x80) start++;
  const text = new TextDecoder('utf-8').decode(bytes.subarray(start));
  const invalid = text.indexOf('\ufffd');
  return (invalid === -1 ? text : text.slice(0, invalid)).split('\n').length - 1;
}
