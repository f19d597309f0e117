import { byteLength, maxIdentifierBytes } from '../../naming/name-allocator.js';
import type { Anchor } from '../diagnostic-sink.js';
import type { LowerContext } from './lower-context.js';

/** Reports WES025 when a user-given name would be silently truncated by PostgreSQL. */
export function checkIdentifier(name: string, anchor: Anchor | undefined, ctx: LowerContext): boolean {
  if (name.length === 0) {
    ctx.sink.report('WES025', anchor, 'empty name', 'give a non-empty name');
    return false;
  }
  if (byteLength(name) <= maxIdentifierBytes) return true;
  ctx.sink.report(
    'WES025',
    anchor,
    `"${name}" is ${byteLength(name)} bytes; PostgreSQL keeps only ${maxIdentifierBytes}`,
    'choose a shorter name (PostgreSQL would silently truncate it)',
  );
  return false;
}
