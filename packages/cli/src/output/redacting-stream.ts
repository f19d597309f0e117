// The subpath, not the package: every command writes through this, and the package loads `pg`.
import { redactSecrets } from '@wesley/postgres/redact';
import type { OutputStream } from '../cli-context.js';

/**
 * `stream` with the password of every connection string written to it replaced by `***`
 * (`redactSecrets`: URLs of any scheme and shape, `password=` parameters). Every command writes
 * through it, so a URL that reaches a message by a path nobody thought of is still redacted.
 */
export function redactingStream(stream: OutputStream): OutputStream {
  return { write: (text) => stream.write(redactSecrets(text)), color: stream.color };
}
