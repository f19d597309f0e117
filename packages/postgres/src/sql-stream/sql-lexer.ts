import {
  BACKSLASH,
  classOf,
  COLON,
  DIGIT,
  DOLLAR,
  DQUOTE,
  IDENT,
  LPAREN,
  MINUS,
  NEWLINE,
  QUOTE,
  RPAREN,
  SEMICOLON,
  SLASH,
  SPACE,
} from './char-class.js';
import { scanCopyData } from './scan-copy-data.js';
import { LineCounter } from './line-counter.js';
import { metaCommandExtent } from './meta-command-extent.js';
import type { SqlMeta, SqlStatement } from './sql-item.js';
import { StatementShape } from './statement-shape.js';
import { StatementText } from './statement-text.js';
import { colonEnd, dollarTagEnd, identifierEnd, isStringPrefix, MORE, numberEnd } from './token-end.js';

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

// Lexer states: psql's exclusive start conditions, plus the line-oriented modes of COPY.
const NORMAL = 0;
const STRING = 1; // '...', U&'...', B'...', X'...', N'...': for finding the end, all the same
const ESCAPE_STRING = 2; // E'...'
const QUOTED_IDENT = 3; // "..." and U&"..."
const DOLLAR_BODY = 4; // $tag$...$tag$
const BLOCK_COMMENT = 5; // /* ... */, nested
const LINE_COMMENT = 6; // -- ...
const COPY_REST = 7; // what follows `COPY ... FROM STDIN;` on its line
const COPY_DATA = 8; // the data lines, up to `\.`

const LF = 0x0a;
const CR = 0x0d;
const QUOTE_CHAR = 0x27;
const STAR = 0x2a;
const MINUS_CHAR = 0x2d;
const SLASH_CHAR = 0x2f;
const SEMICOLON_CHAR = 0x3b;
const COLON_CHAR = 0x3a;
const BACKSLASH_CHAR = 0x5c;

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
 * - after `COPY ... FROM STDIN;` come its data lines, up to a `\.` line (not part of the data; see
 *   {@link scanCopyData}); the rest of the COPY's own line is lexed after the data, as psql does.
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
  /** The code unit before `text[0]` (the start of the input counts as a line break). */
  private prevCode = LF;
  private readonly lines = new LineCounter();

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
  private copyRest = '';
  private copyAtLineStart = true;

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
    this.lines.moveTo(text, 0);
    this.text = text;
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
    this.statement.rebase(this.text, stop);
    if (stop > 0) this.prevCode = this.text.charCodeAt(stop - 1);
    this.carry = stop < this.text.length ? this.text.slice(stop) : '';
    this.lines.moveTo(this.carry, stop);
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
        return this.copyLineRest(i, final);
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
          while (++i < n && text.charCodeAt(i) === 0x20);
          break;
        case NEWLINE:
          // psql skips an empty line unless it is inside a quote or comment.
          if (this.started && this.codeBefore(i) === LF) this.statement.cut(text, i, i + 1);
          i++;
          break;
        case IDENT: {
          const j = identifierEnd(text, i);
          if (j === n && !final) return this.more(i);
          this.begin(i);
          if (j === i + 1 && j < n && isStringPrefix(c, text.charCodeAt(j))) {
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
        case DIGIT:
        case COLON: {
          const j = c === COLON_CHAR ? colonEnd(text, i, final) : numberEnd(text, i, final);
          if (j === MORE) return this.more(i);
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
          const end = dollarTagEnd(text, i, final);
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
        case SLASH: {
          if (i + 1 >= n && !final) return this.more(i);
          const d = i + 1 < n ? text.charCodeAt(i + 1) : -1;
          if (c === MINUS_CHAR && d === MINUS_CHAR) {
            this.state = LINE_COMMENT;
            return i + 2;
          }
          if (c === SLASH_CHAR && d === STAR) {
            // Unlike a `--` comment, psql keeps a block comment, even before the first token.
            this.begin(i);
            this.commentDepth = 0;
            this.state = BLOCK_COMMENT;
            return i + 2;
          }
          this.token(i);
          i++;
          break;
        }
        case SEMICOLON:
          this.begin(i);
          if (this.parenDepth === 0 && this.shape.beginDepth === 0) {
            this.endStatement(i + 1);
            return i + 1;
          }
          this.shape.otherToken();
          i++;
          break;
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
          i = this.meta(i, newline === -1 ? n : newline);
          break;
        }
        default:
          this.token(i);
          i++;
      }
    }
    return i;
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
      if (c === BACKSLASH_CHAR) {
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
      if (c === LF || c === CR) {
        this.state = NORMAL;
        return i;
      }
    }
    return n;
  }

  /** The backslash command at `i`, on a line that ends at `lineEnd`; returns where SQL resumes. */
  private meta(i: number, lineEnd: number): number {
    const text = this.text;
    const { end, resume, restrictKey } = metaCommandExtent(text, i, lineEnd, this.restrictKey);
    this.restrictKey = restrictKey;
    this.events.push({ kind: 'meta', command: text.slice(i, end).trimEnd(), line: this.lines.at(i) });
    if (this.started) {
      // A line that starts with a backslash command does not add a line break to the statement.
      const lineStart = this.codeBefore(i) === LF;
      this.statement.pause(text, i);
      if (lineStart) this.statement.dropTrailingNewline();
      this.statement.resume(resume);
    }
    return resume;
  }

  private copyLineRest(i: number, final: boolean): number {
    const newline = this.text.indexOf('\n', i);
    if (newline === -1 && !final) return this.more(i);
    this.copyRest = this.text.slice(i, newline === -1 ? this.text.length : newline);
    // At the end of the input on the COPY line itself there is no data.
    if (newline === -1) return this.endCopy(this.text.length);
    this.state = COPY_DATA;
    this.copyAtLineStart = true;
    return newline + 1;
  }

  private copyData(i: number, final: boolean): number {
    const scan = scanCopyData(this.text, i, this.copyAtLineStart, final);
    if (scan.end > i) this.events.push({ kind: 'copy-data', text: this.text.slice(i, scan.end) });
    this.copyAtLineStart = scan.atLineStart;
    if (scan.done) return this.endCopy(scan.resume);
    return scan.resume < this.text.length ? this.more(scan.resume) : scan.resume;
  }

  /** The COPY data ended at `at`. psql then lexes the rest of the COPY's line: splice it in here. */
  private endCopy(at: number): number {
    this.events.push({ kind: 'copy-end' });
    this.state = NORMAL;
    const rest = this.copyRest;
    this.copyRest = '';
    if (rest.trim() === '') return at;
    const lineAfter = this.lines.at(at);
    this.text = `${rest}\n${this.text.slice(at)}`;
    this.lines.splice(this.text, this.copyLine, rest.length + 1, lineAfter);
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
    this.statementLine = this.lines.at(i);
    this.statement.open(i);
  }

  private endStatement(end: number): void {
    if (this.finishStatement(this.statement.close(this.text, end))) {
      this.copyLine = this.lines.at(end);
      this.copyRest = '';
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
}
