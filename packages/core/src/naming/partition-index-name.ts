import { portableSha256 } from '../ir/hash.js';
import { byteLength, maxIdentifierBytes } from './name-allocator.js';
import { quoteLiteral } from './quote-ident.js';

/** What a cut name ends with: `_` and the first 8 hex digits of the sha256 of the full name. */
const hashDigits = 8;
const headBytes = maxIdentifierBytes - 1 - hashDigits;

/**
 * The name of the index a partition gets for its parent's index `index`: `<partition>_<index>`,
 * the same for the planner, the executor (which derives it for each partition it finds when the
 * step runs), a rerun after a crash, a rollback and `up.sql` (`partitionIndexNameSql`, the same
 * rule in SQL). When that is longer than PostgreSQL's 63 bytes (UTF-8), it is cut to its longest
 * prefix of whole characters that fits in 54 bytes and `_` plus the first 8 hex digits of the
 * sha256 of the full name's UTF-8 bytes is appended, so that partitions whose names differ only
 * past the cut still get different names (PostgreSQL would truncate them into one, and the second
 * build would find the first's index). sha256 because PostgreSQL has it built in (11+).
 */
export function partitionIndexName(partition: string, index: string): string {
  const full = `${partition}_${index}`;
  if (byteLength(full) <= maxIdentifierBytes) return full;
  let head = full;
  while (byteLength(head) > headBytes) head = [...head].slice(0, -1).join('');
  return `${head}_${portableSha256(full).slice(0, hashDigits)}`;
}

/**
 * `partitionIndexName` as a SQL expression, for SQL that finds the partitions itself (`up.sql`'s
 * `\gexec` queries): `partition` is a SQL expression of type text or name (`c.relname`), `index`
 * the parent index's name. PostgreSQL computes the same name as the executor does.
 */
export function partitionIndexNameSql(partition: string, index: string): string {
  const full = `(${partition} || ${quoteLiteral(`_${index}`)})`;
  const bytes = (text: string) => `octet_length(convert_to(${text}, 'UTF8'))`;
  const head = `(SELECT left(${full}, max(k)) FROM generate_series(0, length(${full})) AS k WHERE ${bytes(`left(${full}, k)`)} <= ${headBytes})`;
  const hash = `left(encode(sha256(convert_to(${full}, 'UTF8')), 'hex'), ${hashDigits})`;
  return `CASE WHEN ${bytes(full)} <= ${maxIdentifierBytes} THEN ${full} ELSE ${head} || '_' || ${hash} END`;
}
