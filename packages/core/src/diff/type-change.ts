import type { ColumnTypeIR } from '../ir/types.js';

/**
 * What PostgreSQL does for `ALTER COLUMN ... TYPE` from one type to another:
 * - `catalog`: binary coercible with no value check, so no rewrite and no scan (a brief
 *   ACCESS EXCLUSIVE lock to update the catalog): `varchar(n)` to a longer `varchar` or to `text`,
 *   `numeric(p,s)` to a larger precision with the same scale or to plain `numeric`;
 * - `widening`: every old value fits the new type, but the table must be rewritten (`integer` to
 *   `bigint`, anything to `text`): planned as a shadow column;
 * - `narrowing`: some old values may not fit, or change (`bigint` to `integer`, `text` to
 *   `varchar(10)`, `text` to an enum): a shadow column too, and refused without
 *   `allowDestructive` since the cast may fail or lose information.
 */
export type TypeChangeKind = 'catalog' | 'widening' | 'narrowing';

export function classifyTypeChange(from: ColumnTypeIR, to: ColumnTypeIR): TypeChangeKind {
  if (from.array !== to.array) return 'narrowing';
  if (isCatalogOnly(from, to)) return 'catalog';
  // Every value has a text form (enum labels included), so the cast cannot fail.
  if (to.base === 'text' && to.modifiers.length === 0) return 'widening';
  const wider = widerTypes[from.base];
  if (wider !== undefined && wider.includes(to.base) && to.modifiers.length === 0) return 'widening';
  return 'narrowing';
}

const varchar = 'character varying';

function isCatalogOnly(from: ColumnTypeIR, to: ColumnTypeIR): boolean {
  if (from.base === varchar && (to.base === 'text' || to.base === varchar)) {
    return to.modifiers.length === 0 || (from.modifiers[0] !== undefined && (to.modifiers[0] ?? 0) >= from.modifiers[0]);
  }
  if (from.base === 'numeric' && to.base === 'numeric') {
    if (to.modifiers.length === 0) return true;
    const [fromPrecision, fromScale = 0] = from.modifiers;
    const [toPrecision = 0, toScale = 0] = to.modifiers;
    return fromPrecision !== undefined && toScale === fromScale && toPrecision >= fromPrecision;
  }
  return false;
}

/** Types that hold every value of the key type exactly (so the cast cannot fail or round). */
const widerTypes: Readonly<Record<string, readonly string[]>> = {
  smallint: ['integer', 'bigint', 'numeric'],
  integer: ['bigint', 'numeric'],
  bigint: ['numeric'],
  real: ['double precision'],
  date: ['timestamp without time zone'],
};
