import type { LexerFeed } from './lexer-feed.js';

/**
 * The data of one `COPY ... FROM STDIN`, read from the same feed as the statements: iterable once,
 * and only until the splitter moves on to the next item, which first skips what is left unread.
 */
export class CopyData implements AsyncIterable<string> {
  private taken = false;
  /** An iteration is suspended in the middle of the data. */
  private reading = false;
  private finished = false;

  constructor(private readonly feed: LexerFeed) {}

  async *[Symbol.asyncIterator](): AsyncIterator<string> {
    if (this.taken) throw new Error('COPY data can be read once, before the next statement is requested');
    this.taken = true;
    this.reading = true;
    try {
      yield* this.chunks();
    } finally {
      this.reading = false;
    }
  }

  /** Reads past whatever data the consumer left (having stopped early, or not started). */
  async skipRest(): Promise<void> {
    if (this.reading) throw new Error('the next statement was requested while COPY data was still being read');
    this.taken = true;
    for await (const chunk of this.chunks()) void chunk;
  }

  private async *chunks(): AsyncGenerator<string> {
    while (!this.finished) {
      const event = this.feed.take();
      if (event === undefined) {
        if (!(await this.feed.fill())) this.finished = true;
      } else if (event.kind === 'copy-end') {
        this.finished = true;
      } else if (event.kind === 'copy-data') {
        yield event.text;
      }
    }
  }
}
