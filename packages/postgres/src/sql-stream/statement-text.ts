/**
 * The text of the statement being lexed, kept as slices of the input rather than copied character
 * by character. Parts psql leaves out of a statement (empty lines, backslash commands, the `\` of
 * `\;`) are cut out by pausing and resuming the current slice.
 */
export class StatementText {
  private pieces: string[] = [];
  /** Start of the current slice in the current input text, or -1 while paused. */
  private start = -1;

  /** The statement begins at `at`. */
  open(at: number): void {
    this.start = at;
  }

  /** Leave out what follows `at` until {@link resume}. */
  pause(text: string, at: number): void {
    if (this.start >= 0 && at > this.start) this.pieces.push(text.slice(this.start, at));
    this.start = -1;
  }

  /** Leave out the line break that ends the text so far, if it does. */
  dropTrailingNewline(): void {
    const last = this.pieces.length - 1;
    const piece = this.pieces[last];
    if (piece !== undefined && piece.endsWith('\n')) this.pieces[last] = piece.slice(0, -1);
  }

  resume(at: number): void {
    this.start = at;
  }

  /** Leave out `text.slice(from, to)`. */
  cut(text: string, from: number, to: number): void {
    this.pause(text, from);
    this.start = to;
  }

  /** The input text is about to be replaced by one that starts at `at` of this one. */
  rebase(text: string, at: number): void {
    if (this.start < 0) return;
    if (at > this.start) this.pieces.push(text.slice(this.start, at));
    this.start = 0;
  }

  /** The statement ends at `end`: its text, and a fresh buffer. */
  close(text: string, end: number): string {
    const last = this.start >= 0 && end > this.start ? text.slice(this.start, end) : '';
    const sql = this.pieces.length === 0 ? last : this.pieces.join('') + last;
    this.pieces = [];
    this.start = -1;
    return sql;
  }
}
