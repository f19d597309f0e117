import type { ColumnIR } from '../ir/types.js';
import { tokenizeSql } from '../sql/sql-tokens.js';

/**
 * Functions whose value is fixed for a statement (STABLE or IMMUTABLE): a default calling only
 * these is evaluated once by `ADD COLUMN ... DEFAULT` and stored in the catalog (PostgreSQL 11+).
 */
const nonVolatileFunctions = new Set([
  'now',
  'transaction_timestamp',
  'statement_timestamp',
  'current_date',
  'current_time',
  'current_timestamp',
  'localtime',
  'localtimestamp',
  'current_user',
  'session_user',
  'lower',
  'upper',
  'coalesce',
  'nullif',
  'jsonb_build_object',
  'jsonb_build_array',
  'array',
  'make_date',
  'make_interval',
  'to_jsonb',
]);

/**
 * `true` when the column's default may give a different value per row (`gen_random_uuid()`,
 * `clock_timestamp()`, `nextval(...)`, any function Wesley does not know): adding such a
 * column with its default rewrites the table, so the planner adds it bare, sets the default,
 * and backfills. Literals and the functions above are not volatile.
 */
export function hasVolatileDefault(column: ColumnIR): boolean {
  const value = column.default;
  if (value === null || value.kind === 'literal') return false;
  const tokens = tokenizeSql(value.sql);
  return tokens.some((token, i) => {
    const next = tokens[i + 1];
    const isCall = (token.kind === 'word' || token.kind === 'ident') && next?.kind === 'punct' && next.text === '(';
    return isCall && isVolatileFunction(token.text.toLowerCase().replaceAll('"', ''));
  });
}

/**
 * Whether a call of the function named `name` (unquoted, lower case) may give a different value
 * per row: any function but the STABLE and IMMUTABLE ones above. The linter judges a
 * hand-written `ADD COLUMN ... DEFAULT` by it too.
 */
export function isVolatileFunction(name: string): boolean {
  return !nonVolatileFunctions.has(name);
}
