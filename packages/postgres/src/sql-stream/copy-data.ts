import type { LexerFeed } from './lexer-feed.js';

/**
 * The data of one `COPY ... FROM STDIN`, read from the same feed as the statements: iterable once,
 * and only until the splitter moves on to the next item, which first skips what is left unread.
 */
export class CopyData implements AsyncIterable<string> {
  private state: 'unread' | 'reading' | 'done' = 'unread';

  constructor(private readonly feed: LexerFeed) {}

  async *[Symbol.asyncIterator](): AsyncIterator<string> {
    if (this.state !== 'unread') {
      throw new Error('COPY data can be read once, before the next statement is requested');
    }
    this.state = 'reading';
    for (;;) {
      const event = this.feed.take();
      if (event === undefined) {
        if (!(await this.feed.fill())) break;
        continue;
      }
      if (event.kind === 'copy-end') break;
      if (event.kind === 'copy-data') yield event.text;
    }
    this.state = 'done';
  }

  /** Reads past whatever data the consumer left. */
  async skipRest(): Promise<void> {
    if (this.state === 'done') return;
    if (this.state === 'reading') {
      throw new Error('the next statement was requested while COPY data was still being read');
    }
    for await (const chunk of this) void chunk;
  }
}
