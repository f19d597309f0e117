import { InvalidUtf8Error } from './invalid-utf8-error.js';

/**
 * A streaming UTF-8 decoder that knows where it is: chunks may split a character anywhere, and
 * the first invalid byte is reported with its line and byte offset ({@link InvalidUtf8Error}).
 * Decoding is the platform's `TextDecoder`; the position is worked out only when it fails.
 */
export class Utf8Decoder {
  private readonly decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  /** Bytes decoded before the current chunk. */
  private offset = 0;
  /** Line breaks in them. A line break byte is never part of a longer character, so counting bytes is exact. */
  private newlines = 0;
  /** The last bytes (up to 3) of the previous chunks: the start of a character the next chunk may end. */
  private tail: Uint8Array = new Uint8Array(0);

  constructor(private readonly source: string | null = null) {}

  /** The text of `bytes`, or with `undefined` the end of the input (an unfinished character is an error then). */
  decode(bytes: Uint8Array | undefined): string {
    let text: string;
    try {
      text = bytes === undefined ? this.decoder.decode() : this.decoder.decode(bytes, { stream: true });
    } catch {
      throw this.invalid(bytes ?? new Uint8Array(0), bytes === undefined);
    }
    if (bytes !== undefined) {
      for (let at = bytes.indexOf(0x0a); at !== -1; at = bytes.indexOf(0x0a, at + 1)) this.newlines++;
      this.offset += bytes.length;
      // A copy of at most three bytes: the chunk itself is neither copied nor kept.
      this.tail = (bytes.length >= 3 ? bytes : concat(this.tail, bytes)).slice(-3);
    }
    return text;
  }

  private invalid(bytes: Uint8Array, final: boolean): InvalidUtf8Error {
    const joined = concat(this.tail, bytes);
    const found = firstInvalid(joined, characterStart(this.tail), final);
    // Not found cannot happen when the platform decoder failed; the end of the input is the safe answer then.
    const at = found === -1 ? joined.length : found;
    let line = this.newlines + 1;
    for (let i = this.tail.length; i < at; i++) if (joined[i] === 0x0a) line++;
    return new InvalidUtf8Error(this.source, line, this.offset - this.tail.length + at);
  }
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  if (a.length === 0) return b;
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}

/** Where in `tail` an unfinished character starts (a lead byte whose sequence runs past the end), else its length. */
function characterStart(tail: Uint8Array): number {
  for (let i = tail.length - 1; i >= 0; i--) {
    const byte = tail[i] as number;
    if ((byte & 0xc0) === 0x80) continue;
    return i + sequenceLength(byte) > tail.length ? i : tail.length;
  }
  return tail.length;
}

/** Bytes in the character a lead byte starts, 1 for ASCII and for bytes that start none. */
function sequenceLength(lead: number): number {
  if (lead >= 0xc2 && lead <= 0xdf) return 2;
  if (lead >= 0xe0 && lead <= 0xef) return 3;
  if (lead >= 0xf0 && lead <= 0xf4) return 4;
  return 1;
}

/**
 * The offset of the first byte of the first invalid sequence in `bytes` from `from`, by the
 * rules `TextDecoder` follows (no overlong forms, no surrogates, nothing above U+10FFFF); -1 when
 * there is none. A character cut off by the end of `bytes` is invalid only when `final`.
 */
function firstInvalid(bytes: Uint8Array, from: number, final: boolean): number {
  let i = from;
  while (i < bytes.length) {
    const lead = bytes[i] as number;
    if (lead < 0x80) {
      i++;
      continue;
    }
    const length = sequenceLength(lead);
    if (length === 1) return i;
    // The second byte's range is narrower after some lead bytes (overlong forms, surrogates, > U+10FFFF).
    const low = lead === 0xe0 ? 0xa0 : lead === 0xf0 ? 0x90 : 0x80;
    const high = lead === 0xed ? 0x9f : lead === 0xf4 ? 0x8f : 0xbf;
    for (let k = 1; k < length; k++) {
      if (i + k >= bytes.length) return final ? i : -1;
      const byte = bytes[i + k] as number;
      if (k === 1 ? byte < low || byte > high : (byte & 0xc0) !== 0x80) return i;
    }
    i += length;
  }
  return -1;
}
