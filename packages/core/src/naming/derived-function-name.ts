import { portableSha256 } from '../ir/hash.js';
import { byteLength } from './name-allocator.js';

/** The longest name, so that the TRUNCATE trigger's `<name>_truncate` and `<name>_value` still fit in 63 bytes. */
const maxBytes = 54;
const hashDigits = 8;

/**
 * The name of the trigger function that keeps derived column `column` of `table`, and of its row
 * trigger on the child table: `wesley_derived_<table>_<column>`, the same for `schema.sql`, the
 * planner, introspection and drift. Longer than 54 bytes, it is cut to whole characters and `_`
 * plus the first 8 hex digits of the sha256 of the full name is appended, so that two columns
 * whose names differ past the cut keep different functions.
 */
export function derivedFunctionName(table: string, column: string): string {
  const full = `wesley_derived_${table}_${column}`;
  if (byteLength(full) <= maxBytes) return full;
  let head = full;
  while (byteLength(head) > maxBytes - 1 - hashDigits) head = [...head].slice(0, -1).join('');
  return `${head}_${portableSha256(full).slice(0, hashDigits)}`;
}

/** The statement-level trigger that handles `TRUNCATE` of the child (`<function name>_truncate`). */
export function derivedTruncateTriggerName(table: string, column: string): string {
  return `${derivedFunctionName(table, column)}_truncate`;
}

/** The function that computes a parent row's derived value, for the triggers and the backfill (`<function name>_value`). */
export function derivedValueFunctionName(table: string, column: string): string {
  return `${derivedFunctionName(table, column)}_value`;
}
