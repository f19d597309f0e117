/**
 * SQL input that is not valid UTF-8, the only encoding Wesley reads SQL in: the message names the
 * file (when known), the line and the byte offset of the first invalid byte.
 */
export class InvalidUtf8Error extends Error {
  /** docs/diagnostics.md#wes162--sql-file-is-not-valid-utf-8 */
  readonly code = 'WES162';
  override readonly name = 'InvalidUtf8Error';
  readonly help: string;

  constructor(
    /** The file it is in, or `null` for input that is not a file. */
    readonly source: string | null,
    /** 1-based line of the first invalid byte. */
    readonly line: number,
    /** 0-based offset of that byte from the start of the input. */
    readonly byteOffset: number,
  ) {
    super(`${source === null ? 'SQL input' : source}:${line}: not valid UTF-8 (byte offset ${byteOffset})`);
    this.help = 'Wesley reads SQL as UTF-8: convert the file (such as iconv -f LATIN1 -t UTF-8 old.sql > new.sql) before it is applied';
  }
}
