import { quoteLiteral } from '../naming/quote-ident.js';
import type { ColumnTypeIR } from '../ir/types.js';

/** Element types whose literals read best bare (`42`, `-1.5`, `1e3`), as `pg_dump` prints them. */
const numericTypes: ReadonlySet<string> = new Set(['smallint', 'integer', 'bigint', 'numeric', 'real', 'double precision']);

/** A plain SQL numeric constant, optionally negated: what may safely go unquoted. */
const numericText = /^-?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?$/;

/**
 * A literal value as SQL for a column of `type`: numbers and booleans bare when their text is a
 * valid numeric or boolean constant, everything else (strings, enum labels, dates, uuids, json,
 * array literals such as `{a,b}`, `NaN`) as a quoted string that PostgreSQL coerces to the
 * column type. Never splices unquoted text that is not a plain constant.
 */
export function literalSql(value: string, type: ColumnTypeIR): string {
  if (!type.array && type.enum === null) {
    if (numericTypes.has(type.base) && numericText.test(value)) return value;
    if (type.base === 'boolean' && (value === 'true' || value === 'false')) return value;
  }
  return quoteLiteral(value);
}
