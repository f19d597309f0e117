import type { OutputStream } from '@wesley/cli';

/** An {@link OutputStream} that hands each complete line to `transform`; `flush` ends a last partial line. */
export interface LineStream extends OutputStream {
  flush(): void;
}

/**
 * Wraps `stream` so that every line written passes through `transform` (which gets the line
 * without its newline) before it is written: how the output of several databases, run at once,
 * stays readable.
 */
export function lineStream(stream: OutputStream, transform: (line: string) => string): LineStream {
  let pending = '';
  return {
    color: stream.color,
    write(text) {
      const lines = (pending + text).split('\n');
      pending = lines.pop() ?? '';
      if (lines.length > 0) stream.write(lines.map((line) => `${transform(line)}\n`).join(''));
    },
    flush() {
      if (pending !== '') stream.write(`${transform(pending)}\n`);
      pending = '';
    },
  };
}

/** `[eu] <line>`, or for a line of JSON (`--json` events) the same object with `"database": "eu"` first. */
export function databaseLine(database: string): (line: string) => string {
  return (line) => {
    if (line.startsWith('{')) {
      try {
        return JSON.stringify({ database, ...(JSON.parse(line) as object) });
      } catch {
        // Not JSON after all: prefixed like any other line.
      }
    }
    return `[${database}] ${line}`;
  };
}
