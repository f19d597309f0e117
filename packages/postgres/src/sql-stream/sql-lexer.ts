import {
  BACKSLASH,
  classOf,
  COLON,
  DIGIT,
  DOLLAR,
  DQUOTE,
  IDENT,
  isIdentCont,
  isTagCont,
  LPAREN,
  MINUS,
  NEWLINE,
  QUOTE,
  RPAREN,
  SEMICOLON,
  SLASH,
  SPACE,
} from './char-class.js';
import { scanCopyData } from './copy-data-end.js';
import { metaCommandExtent } from './meta-command.js';
import type { SqlMeta, SqlStatement } from './sql-item.js';
import { StatementShape } from './statement-shape.js';
import { StatementText } from './statement-text.js';

/** A `COPY ... FROM STDIN` statement; its data follows as `copy-data` events up to `copy-end`. */
export interface CopyStart {
  readonly kind: 'copy';
  readonly sql: string;
  readonly line: number;
}

export interface CopyChunk {
  readonly kind: 'copy-data';
  readonly text: string;
}

export interface CopyEnd {
  readonly kind: 'copy-end';
}

/** What the lexer produces, in input order. */
export type LexerEvent = SqlStatement | SqlMeta | CopyStart | CopyChunk | CopyEnd;

// Lexer states: psql's exclusive start conditions, plus the line-oriented modes around them.
const NORMAL = 0;
const STRING = 1; // '...', U&'...', B'...', X'...', N'...': for finding the end, all the same
const ESCAPE_STRING = 2; // E'...'
const QUOTED_IDENT = 3; // "..." and U&"..."
const DOLLAR_BODY = 4; // $tag$...$tag$
const BLOCK_COMMENT = 5; // /* ... */, nested
const LINE_COMMENT = 6; // -- ...
const COPY_REST = 7; // what follows `COPY ... FROM STDIN;` on its line
const COPY_DATA = 8; // the data lines, up to `\.`

/** A handler's answer meaning "this needs more input than there is": keep the text from `carryFrom`. */
const MORE = -1;

const LF = 0x0a;
const QUOTE_CHAR = 0x27;
const DOLLAR_CHAR = 0x24;
const STAR = 0x2a;
const SLASH_CHAR = 0x2f;
const SEMICOLON_CHAR = 0x3b;
const COLON_CHAR = 0x3a;
const AMPERSAND = 0x26;

/**
 * psql's statement splitter (psqlscan.l and MainLoop in psql 15) as an incremental state machine:
 * {@link push} text in chunks of any size, {@link end} at the end of the input, {@link drain} the
 * events. The split is psql's:
 * - a statement ends at a `;` outside quotes, comments, parentheses and `BEGIN ... END` function
 *   bodies; its text runs from its first token (whitespace and `--` comments before it dropped) to
 *   the `;`, with the input's line breaks, minus lines that are empty outside quotes and comments;
 * - a backslash outside quotes starts a psql meta-command (reported as a `meta` event and left out
 *   of the statement; see {@link metaCommandExtent}); `\;` and `\:` put `;` and `:` into the
 *   statement;
 * - after `COPY ... FROM STDIN;` come its data lines, up to a `\.` line; the rest of the COPY's
 *   own line is lexed after the data, as psql does.
 * Standard-conforming strings are assumed (`'\'` is a complete string; E'' strings take escapes).
 *
 * Each chunk is scanned by index and statements are built from slices of it; only an incomplete
 * token at the end of a chunk (a keyword, a `$tag$`, a `--`, a meta-command's line) is carried over
 * to the next one.
 */
export class SqlLexer {
  private events: LexerEvent[] = [];
  /** The text being scanned: the carry-over from the last chunk, then the new chunk. */
  private text = '';
  private carry = '';
  private carryFrom = 0;
  private state = NORMAL;
  private atInputStart = true;
  /** The code unit before `text[0]` (start of input counts as a line break). */
  private prevCode = LF;

  // Line numbers, counted lazily: `line` is the line at `lineScanPos` of `text`.
  private line = 1;
  private lineScanPos = 0;
  private nextNewline = -1;
  // After the rest of a COPY line is spliced in before the text after its data, the line number
  // jumps at `jumpAt` to `jumpTo`.
  private jumpAt = -1;
  private jumpTo = 0;

  private started = false;
  private statementLine = 0;
  private parenDepth = 0;
  private readonly shape = new StatementShape();
  private readonly statement = new StatementText();

  private tag = '';
  private commentDepth = 0;

  // After pg_dump's `\restrict KEY`, psql refuses every backslash command but `\unrestrict KEY`.
  private restrictKey: string | null = null;
  private copyLine = 0;
  private deferred = '';
  private copyAtLineStart = true;

  /** The line the lexer has reached (for error messages). */
  get currentLine(): number {
    return this.line;
  }

  /** Scans the next chunk of input. */
  push(chunk: string): void {
    if (this.atInputStart && chunk.length > 0) {
      this.atInputStart = false;
      // psql ignores a UTF-8 byte-order mark at the start of the file.
      if (chunk.charCodeAt(0) === 0xfeff) chunk = chunk.slice(1);
    }
    this.run(this.carry.length === 0 ? chunk : this.carry + chunk, false);
  }

  /** The input ended: what is pending is complete (psql sends a statement without `;` at EOF). */
  end(): void {
    this.run(this.carry, true);
    this.carry = '';
    if (!this.started) return;
    let sql = this.statement.close('', 0);
    // psql joins lines with `\n` as the next line arrives; the last line's break is never sent.
    if (sql.endsWith('\n')) sql = sql.slice(0, -1);
    // A COPY cut off by the end of the input has no data.
    if (this.finishStatement(sql)) this.events.push({ kind: 'copy-end' });
  }

  /** The events produced since the last call. */
  drain(): LexerEvent[] {
    const events = this.events;
    this.events = [];
    return events;
  }

  private run(text: string, final: boolean): void {
    this.text = text;
    this.lineScanPos = 0;
    this.nextNewline = -1;
    let i = 0;
    for (;;) {
      if (i >= this.text.length) {
        if (final && (this.state === COPY_REST || this.state === COPY_DATA)) {
          i = this.endCopy(this.text.length);
          continue;
        }
        break;
      }
      i = this.step(i, final);
      if (i === MORE) break;
    }
    const stop = i === MORE ? this.carryFrom : this.text.length;
    this.lineAt(stop);
    if (this.jumpAt >= 0) this.jumpAt -= stop;
    this.statement.rebase(this.text, stop);
    if (stop > 0) this.prevCode = this.text.charCodeAt(stop - 1);
    this.carry = stop < this.text.length ? this.text.slice(stop) : '';
  }

  private step(i: number, final: boolean): number {
    switch (this.state) {
      case NORMAL:
        return this.normal(i, final);
      case STRING:
        return this.closeAt(this.text.indexOf("'", i));
      case QUOTED_IDENT:
        return this.closeAt(this.text.indexOf('"', i));
      case ESCAPE_STRING:
        return this.escapeString(i, final);
      case DOLLAR_BODY:
        return this.dollarBody(i, final);
      case BLOCK_COMMENT:
        return this.blockComment(i, final);
      case LINE_COMMENT:
        return this.lineComment(i);
      case COPY_REST:
        return this.copyRest(i, final);
      default:
        return this.copyData(i, final);
    }
  }

  private normal(i: number, final: boolean): number {
    const text = this.text;
    const n = text.length;
    while (i < n) {
      const c = text.charCodeAt(i);
      switch (classOf(c)) {
        case SPACE:
          i++;
          break;
        case NEWLINE:
          // psql skips an empty line unless it is inside a quote or comment.
          if (this.started && this.codeBefore(i) === LF) this.statement.cut(text, i, i + 1);
          i++;
          break;
        case IDENT: {
          let j = i + 1;
          while (j < n && isIdentCont(text.charCodeAt(j))) j++;
          if (j === n && !final) return this.more(i);
          this.begin(i);
          if (j === i + 1 && j < n && this.stringPrefix(c, text.charCodeAt(j))) {
            this.shape.otherToken();
            if (c === 0x65 || c === 0x45) {
              this.state = ESCAPE_STRING;
              return j + 1;
            }
            // B'', X'', N'', U&'', U&"": the quote that follows lexes as usual.
            i = j;
            break;
          }
          this.shape.identifier(text, i, j, this.parenDepth);
          i = j;
          break;
        }
        case DIGIT: {
          // A number, and any identifier characters stuck to it (PG 15+ lexes `1e$` as one token).
          let j = i + 1;
          while (j < n) {
            const d = text.charCodeAt(j);
            if ((d >= 0x30 && d <= 0x39) || d === 0x5f || d === 0x2e) j++;
            else break;
          }
          if (j < n && classOf(text.charCodeAt(j)) === IDENT) {
            j++;
            while (j < n && isIdentCont(text.charCodeAt(j))) j++;
          }
          if (j === n && !final) return this.more(i);
          this.token(i);
          i = j;
          break;
        }
        case QUOTE:
          this.token(i);
          this.state = STRING;
          return i + 1;
        case DQUOTE:
          this.token(i);
          this.state = QUOTED_IDENT;
          return i + 1;
        case DOLLAR: {
          if (i + 1 >= n && !final) return this.more(i);
          const end = this.dollarTagEnd(i, final);
          if (end === MORE) return this.more(i);
          this.token(i);
          if (end > 0) {
            this.tag = text.slice(i, end);
            this.state = DOLLAR_BODY;
            return end;
          }
          // `$1`, a lone `$`, or `$name` without a closing `$`: what follows lexes as usual.
          i++;
          break;
        }
        case MINUS:
          if (i + 1 >= n && !final) return this.more(i);
          if (i + 1 < n && text.charCodeAt(i + 1) === 0x2d) {
            this.state = LINE_COMMENT;
            return i + 2;
          }
          this.token(i);
          i++;
          break;
        case SLASH:
          if (i + 1 >= n && !final) return this.more(i);
          if (i + 1 < n && text.charCodeAt(i + 1) === STAR) {
            this.begin(i);
            this.commentDepth = 0;
            this.state = BLOCK_COMMENT;
            return i + 2;
          }
          this.token(i);
          i++;
          break;
        case SEMICOLON:
          this.begin(i);
          if (this.parenDepth === 0 && this.shape.beginDepth === 0) {
            this.endStatement(i + 1);
            return i + 1;
          }
          this.shape.otherToken();
          i++;
          break;
        case COLON: {
          // `::`, or a psql variable reference `:name` (left as it is: no variables are set), which
          // keeps a `$` after it from joining the name.
          let j = i + 1;
          if (j < n && text.charCodeAt(j) === COLON_CHAR) j++;
          else while (j < n && isTagCont(text.charCodeAt(j))) j++;
          if (j === n && !final) return this.more(i);
          this.token(i);
          i = j;
          break;
        }
        case LPAREN:
          this.token(i);
          this.parenDepth++;
          i++;
          break;
        case RPAREN:
          this.token(i);
          if (this.parenDepth > 0) this.parenDepth--;
          i++;
          break;
        case BACKSLASH: {
          if (i + 1 >= n && !final) return this.more(i);
          const d = i + 1 < n ? text.charCodeAt(i + 1) : -1;
          if (d === SEMICOLON_CHAR || d === COLON_CHAR) {
            // psql puts the `;` or `:` into the statement without its backslash.
            if (this.started) this.statement.cut(text, i, i + 1);
            else this.begin(i + 1);
            if (d === SEMICOLON_CHAR) this.shape.restartCount();
            else this.shape.otherToken();
            i += 2;
            break;
          }
          const newline = text.indexOf('\n', i);
          if (newline === -1 && !final) return this.more(i);
          return this.meta(i, newline === -1 ? n : newline);
        }
        default:
          this.token(i);
          i++;
      }
    }
    return i;
  }

  /** A one-letter identifier `c` followed by `next` that is a string or identifier prefix instead. */
  private stringPrefix(c: number, next: number): boolean {
    if (next === QUOTE_CHAR) {
      // e E b B x X n N
      return c === 0x65 || c === 0x45 || c === 0x62 || c === 0x42 || c === 0x78 || c === 0x58 || c === 0x6e || c === 0x4e;
    }
    return next === AMPERSAND && (c === 0x75 || c === 0x55);
  }

  /** End of the `$tag$` starting at `i`; 0 when it is not one; MORE when the text ends too soon. */
  private dollarTagEnd(i: number, final: boolean): number {
    const text = this.text;
    const n = text.length;
    if (i + 1 >= n) return 0;
    const d = text.charCodeAt(i + 1);
    if (d === DOLLAR_CHAR) return i + 2;
    if (classOf(d) !== IDENT) return 0;
    let k = i + 2;
    while (k < n && isTagCont(text.charCodeAt(k))) k++;
    if (k === n) return final ? 0 : MORE;
    return text.charCodeAt(k) === DOLLAR_CHAR ? k + 1 : 0;
  }

  private closeAt(quote: number): number {
    if (quote === -1) return this.text.length;
    // A doubled quote ('' or "") closes and reopens, which ends in the same place.
    this.state = NORMAL;
    return quote + 1;
  }

  private escapeString(i: number, final: boolean): number {
    const text = this.text;
    const n = text.length;
    for (; i < n; i++) {
      const c = text.charCodeAt(i);
      if (c === QUOTE_CHAR) {
        this.state = NORMAL;
        return i + 1;
      }
      if (c === 0x5c) {
        if (i + 1 >= n) return final ? n : this.more(i);
        i++;
      }
    }
    return n;
  }

  private dollarBody(i: number, final: boolean): number {
    const close = this.text.indexOf(this.tag, i);
    if (close !== -1) {
      this.state = NORMAL;
      return close + this.tag.length;
    }
    const n = this.text.length;
    if (final) return n;
    // The closing tag may begin in the last few characters: keep them for the next chunk.
    return this.more(Math.max(i, n - this.tag.length + 1));
  }

  private blockComment(i: number, final: boolean): number {
    const text = this.text;
    const n = text.length;
    for (; i < n; i++) {
      const c = text.charCodeAt(i);
      if (c !== SLASH_CHAR && c !== STAR) continue;
      if (i + 1 >= n) return final ? n : this.more(i);
      const d = text.charCodeAt(i + 1);
      if (c === SLASH_CHAR && d === STAR) {
        this.commentDepth++;
        i++;
      } else if (c === STAR && d === SLASH_CHAR) {
        if (this.commentDepth === 0) {
          this.state = NORMAL;
          return i + 2;
        }
        this.commentDepth--;
        i++;
      }
    }
    return n;
  }

  private lineComment(i: number): number {
    const text = this.text;
    const n = text.length;
    for (; i < n; i++) {
      const c = text.charCodeAt(i);
      // psql ends a `--` comment at `\n` or `\r`.
      if (c === LF || c === 0x0d) {
        this.state = NORMAL;
        return i;
      }
    }
    return n;
  }

  /** The backslash command at `i`, on a line that ends at `lineEnd`; returns where SQL resumes. */
  private meta(i: number, lineEnd: number): number {
    const text = this.text;
    const { name, end, resume } = metaCommandExtent(text, i, lineEnd, this.restrictKey !== null);
    const command = text.slice(i, end).trimEnd();
    this.events.push({ kind: 'meta', command, line: this.lineAt(i) });
    const key = command.split(/\s+/)[1];
    if (name === 'restrict' && this.restrictKey === null && key !== undefined) this.restrictKey = key;
    else if (name === 'unrestrict' && key === this.restrictKey) this.restrictKey = null;
    if (this.started) {
      // A line that starts with a backslash command does not add a line break to the statement.
      const lineStart = this.codeBefore(i) === LF;
      this.statement.pause(text, i);
      if (lineStart) this.statement.dropTrailingNewline();
      this.statement.resume(resume);
    }
    return resume;
  }

  private copyRest(i: number, final: boolean): number {
    const newline = this.text.indexOf('\n', i);
    if (newline === -1 && !final) return this.more(i);
    // At the end of the input on the COPY line itself there is no data.
    this.deferred = this.text.slice(i, newline === -1 ? this.text.length : newline);
    if (newline === -1) return this.endCopy(this.text.length);
    this.state = COPY_DATA;
    this.copyAtLineStart = true;
    return newline + 1;
  }

  private copyData(i: number, final: boolean): number {
    const scan = scanCopyData(this.text, i, this.copyAtLineStart, final);
    if (scan.end > i) this.events.push({ kind: 'copy-data', text: this.text.slice(i, scan.end) });
    this.copyAtLineStart = scan.atLineStart;
    if (scan.done) return this.endCopy(scan.end);
    return scan.end < this.text.length ? this.more(scan.end) : scan.end;
  }

  /** The COPY data ended at `at`. psql then lexes the rest of the COPY's line: splice it in here. */
  private endCopy(at: number): number {
    this.events.push({ kind: 'copy-end' });
    this.state = NORMAL;
    const rest = this.deferred;
    this.deferred = '';
    if (rest.trim() === '') return at;
    const lineAfter = this.lineAt(at);
    this.text = `${rest}\n${this.text.slice(at)}`;
    this.lineScanPos = 0;
    this.nextNewline = -1;
    this.line = this.copyLine;
    this.jumpAt = rest.length + 1;
    this.jumpTo = lineAfter;
    this.prevCode = SEMICOLON_CHAR;
    return 0;
  }

  /** A token other than an identifier starts at `i`. */
  private token(i: number): void {
    this.begin(i);
    this.shape.otherToken();
  }

  private begin(i: number): void {
    if (this.started) return;
    this.started = true;
    this.statementLine = this.lineAt(i);
    this.statement.open(i);
  }

  private endStatement(end: number): void {
    if (this.finishStatement(this.statement.close(this.text, end))) {
      this.copyLine = this.lineAt(end);
      this.deferred = '';
      this.state = COPY_REST;
    }
  }

  /** Emits the statement; true when it is a COPY FROM STDIN, whose data follows. */
  private finishStatement(sql: string): boolean {
    const copy = this.shape.copyFromStdin;
    this.events.push({ kind: copy ? 'copy' : 'statement', sql, line: this.statementLine });
    this.started = false;
    this.parenDepth = 0;
    this.shape.reset();
    return copy;
  }

  private codeBefore(i: number): number {
    return i > 0 ? this.text.charCodeAt(i - 1) : this.prevCode;
  }

  private more(i: number): number {
    this.carryFrom = i;
    return MORE;
  }

  /** The line of position `p` of `text`; positions must be asked in increasing order. */
  private lineAt(p: number): number {
    if (this.jumpAt >= 0 && p >= this.jumpAt) {
      this.line = this.jumpTo;
      this.lineScanPos = this.jumpAt;
      this.nextNewline = -1;
      this.jumpAt = -1;
    }
    for (;;) {
      if (this.nextNewline < this.lineScanPos) {
        const k = this.text.indexOf('\n', this.lineScanPos);
        this.nextNewline = k === -1 ? this.text.length : k;
      }
      if (this.nextNewline >= p) break;
      this.line++;
      this.lineScanPos = this.nextNewline + 1;
    }
    if (p > this.lineScanPos) this.lineScanPos = p;
    return this.line;
  }
}
