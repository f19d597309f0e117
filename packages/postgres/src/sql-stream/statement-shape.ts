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
  // psql records which of its first four identifiers are CREATE, OR, REPLACE, FUNCTION/PROCEDURE;
  // only these sequences matter, so the state is how far along one of them the statement is.
  private create = false;
  private orReplace = 0; // 1 after CREATE OR, 2 after CREATE OR REPLACE
  private functionBody = false;
  private firstToken = true;
  private copy = false;
  private afterFrom = false;

  /** The identifier `text.slice(start, end)`, at parenthesis depth `depth`. */
  identifier(text: string, start: number, end: number, depth: number): void {
    const index = this.count++;
    if (index < 4) this.header(index, text, start, end);
    if (this.firstToken) {
      this.firstToken = false;
      this.copy = isWord(text, start, end, 'copy');
    }
    if (depth !== 0) {
      this.afterFrom = false;
      return;
    }
    if (this.functionBody) {
      if (isWord(text, start, end, 'begin')) this.beginDepth++;
      else if (isWord(text, start, end, 'case')) {
        // CASE also ends with END; it only matters inside a BEGIN.
        if (this.beginDepth >= 1) this.beginDepth++;
      } else if (this.beginDepth > 0 && isWord(text, start, end, 'end')) this.beginDepth--;
    }
    if (this.copy) {
      if (this.afterFrom && isWord(text, start, end, 'stdin')) this.copyFromStdin = true;
      this.afterFrom = isWord(text, start, end, 'from');
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
    this.restartCount();
    this.beginDepth = 0;
    this.copyFromStdin = false;
  }

  private header(index: number, text: string, start: number, end: number): void {
    if (index === 0) {
      this.create = isWord(text, start, end, 'create');
      this.orReplace = 0;
      this.functionBody = false;
      return;
    }
    if (!this.create) return;
    const routine = isWord(text, start, end, 'function') || isWord(text, start, end, 'procedure');
    if (index === 1) {
      this.functionBody = routine;
      this.orReplace = isWord(text, start, end, 'or') ? 1 : 0;
    } else if (index === 2) {
      this.orReplace = this.orReplace === 1 && isWord(text, start, end, 'replace') ? 2 : 0;
    } else if (this.orReplace === 2 && routine) {
      this.functionBody = true;
    }
  }
}

/** `text.slice(start, end)` is `word` (lower case), compared ASCII case-insensitively as psql does. */
function isWord(text: string, start: number, end: number, word: string): boolean {
  if (end - start !== word.length) return false;
  for (let k = 0; k < word.length; k++) {
    // `| 0x20` lower-cases ASCII letters and maps no other identifier character onto one.
    if ((text.charCodeAt(start + k) | 0x20) !== word.charCodeAt(k)) return false;
  }
  return true;
}
