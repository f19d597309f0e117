const C = 0x63;
const F = 0x66;
const O = 0x6f;
const P = 0x70;
const R = 0x72;

/**
 * What the identifiers of the statement being lexed say about where it ends:
 * - psql's heuristic for SQL-standard function bodies (psqlscan.l): when the statement starts
 *   `CREATE [OR REPLACE] FUNCTION|PROCEDURE`, `BEGIN` ... `END` at parenthesis depth 0 nest (a
 *   `CASE` inside them too), and a `;` inside them does not end the statement;
 * - whether it is `COPY ... FROM STDIN`, whose data lines follow it. psql learns this from the
 *   server's CopyInResponse; a splitter has to read it from the text: first token `COPY`, then
 *   `FROM` directly followed by `STDIN` outside parentheses.
 */
export class StatementShape {
  /** Depth of `BEGIN` blocks; a `;` ends the statement only at depth 0. */
  beginDepth = 0;
  /** The statement is `COPY ... FROM STDIN`. */
  copyFromStdin = false;
  private count = 0;
  // First letters of the first four identifiers, when they are create/function/procedure/or/replace.
  private readonly slots = [0, 0, 0, 0];
  private functionBody = false;
  private firstToken = true;
  private copy = false;
  private afterFrom = false;

  /** The identifier `text.slice(start, end)`, at parenthesis depth `depth`. */
  identifier(text: string, start: number, end: number, depth: number): void {
    const index = this.count++;
    if (index === 0) {
      this.slots.fill(0);
      this.functionBody = false;
    }
    if (this.firstToken) {
      this.firstToken = false;
      this.copy = keyword(text, start, end) === 'copy';
    }
    if (index < 4) {
      const word = keyword(text, start, end);
      if (word === 'create' || word === 'function' || word === 'procedure' || word === 'or' || word === 'replace') {
        this.slots[index] = word.charCodeAt(0);
      }
      const [s0, s1, s2, s3] = this.slots;
      this.functionBody = s0 === C && (s1 === F || s1 === P || (s1 === O && s2 === R && (s3 === F || s3 === P)));
    }
    if (depth !== 0) {
      this.afterFrom = false;
      return;
    }
    if (this.functionBody) {
      const word = keyword(text, start, end);
      if (word === 'begin') this.beginDepth++;
      else if (word === 'case') {
        // CASE also ends with END; it only matters inside a BEGIN.
        if (this.beginDepth >= 1) this.beginDepth++;
      } else if (word === 'end' && this.beginDepth > 0) this.beginDepth--;
    }
    if (this.copy) {
      const word = keyword(text, start, end);
      if (this.afterFrom && word === 'stdin') this.copyFromStdin = true;
      this.afterFrom = word === 'from';
    }
  }

  /** Any token other than an identifier, whitespace or a comment. */
  otherToken(): void {
    this.firstToken = false;
    this.afterFrom = false;
  }

  /**
   * psql's `\;`: the identifier count restarts (so a function header after it is recognised) but
   * the text stays one query; a COPY FROM STDIN already seen still makes it one.
   */
  restartCount(): void {
    this.count = 0;
    this.firstToken = true;
    this.copy = false;
    this.afterFrom = false;
  }

  /** The statement ended. */
  reset(): void {
    this.count = 0;
    this.firstToken = true;
    this.copy = false;
    this.beginDepth = 0;
    this.copyFromStdin = false;
    this.afterFrom = false;
  }
}

/** The identifier lower-cased when it is short enough to be a keyword that matters, else ''. */
function keyword(text: string, start: number, end: number): string {
  const length = end - start;
  return length >= 2 && length <= 9 ? text.slice(start, end).toLowerCase() : '';
}
