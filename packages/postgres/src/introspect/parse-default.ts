import type { DefaultIR } from '@wesley/core';

const identifier = String.raw`(?:"(?:[^"]|"")+"|[a-z_][a-z0-9_$]*)`;
/** A type name as `format_type()` and the deparser print it: `character varying`, `st`, `text[]`, `timestamp(3) with time zone`. */
const typeName = String.raw`${identifier}(?:\.${identifier})?(?:\(\d+(?:,\d+)*\))?(?: (?:varying|precision|with|without|time|zone))*(?:\[\])*`;
/** `'pending'::order_status`, `'-5'::integer`, `'a''b'::text`: one string constant cast to a type. */
const castString = new RegExp(String.raw`^'((?:[^']|'')*)'::${typeName}$`);
/** A bare numeric constant: `42`, `12.50` (PostgreSQL prints negative ones as `'-5'::integer`). */
const number = /^-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?$/;

/**
 * Turns a column default as `pg_get_expr()` prints it back into the IR: a single constant is a
 * `literal` in its text form (`'pending'::order_status` -> `pending`, `42`, `true`, `12.50`,
 * `'a''b'::text` -> `a'b`); anything else (`now()`, `(1 + 2)`, `nextval(...)`) is an
 * `expression` kept verbatim.
 */
export function parseDefault(sql: string): DefaultIR {
  const text = sql.trim();
  const cast = castString.exec(text);
  if (cast) return { kind: 'literal', value: (cast[1] ?? '').replaceAll("''", "'") };
  if (number.test(text) || text === 'true' || text === 'false') return { kind: 'literal', value: text };
  return { kind: 'expression', sql: text };
}
