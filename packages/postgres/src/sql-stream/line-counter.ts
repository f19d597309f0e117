/**
 * Line numbers of positions in the text the lexer scans, counted only when asked for (a statement
 * start, a meta-command) by jumping from line break to line break, so they cost no work per
 * character. Positions must be asked for in increasing order.
 */
export class LineCounter {
  private text = '';
  private line = 1;
  /** `line` is the line of this position of `text`. */
  private scanned = 0;
  /** The first line break at or after `scanned` (the text's length if none), or -1 if unknown. */
  private nextNewline = -1;
  // A spliced text (see splice) changes line number at `jumpAt` to `jumpTo`.
  private jumpAt = -1;
  private jumpTo = 0;

  /** The line of position `p` of the text. */
  at(p: number): number {
    if (this.jumpAt >= 0 && p >= this.jumpAt) {
      this.line = this.jumpTo;
      this.scanned = this.jumpAt;
      this.nextNewline = -1;
      this.jumpAt = -1;
    }
    for (;;) {
      if (this.nextNewline < this.scanned) {
        const k = this.text.indexOf('\n', this.scanned);
        this.nextNewline = k === -1 ? this.text.length : k;
      }
      if (this.nextNewline >= p) break;
      this.line++;
      this.scanned = this.nextNewline + 1;
    }
    if (p > this.scanned) this.scanned = p;
    return this.line;
  }

  /** The lexer moves on to `text`, whose start is where position `from` of the current text was. */
  moveTo(text: string, from: number): void {
    this.at(from);
    if (this.jumpAt >= 0) this.jumpAt -= from;
    this.text = text;
    this.scanned = 0;
    this.nextNewline = -1;
  }

  /** The lexer moves on to `text`, whose start is on line `line` and whose position `at` is on line `then`. */
  splice(text: string, line: number, at: number, then: number): void {
    this.text = text;
    this.line = line;
    this.scanned = 0;
    this.nextNewline = -1;
    this.jumpAt = at;
    this.jumpTo = then;
  }
}
