import type { CheckIR, ColumnIR, ForeignKeyIR, IndexIR } from '../ir/types.js';
import { defaultSql } from '../ddl/default-sql.js';
import { normalizeExpression } from '../sql/normalize-expression.js';

/**
 * Equality of definitions as PostgreSQL stores them (names aside). SQL expressions compare
 * through `normalizeExpression`, so a schema's `price > 0` equals the `(price > (0)::numeric)`
 * that introspection reads back.
 */
export const sameColumns = (a: readonly string[], b: readonly string[]): boolean =>
  a.length === b.length && a.every((name, i) => name === b[i]);

/** Whether two SQL expressions (or two NULLs) are the same up to what `normalizeExpression` drops. */
export const sameExpression = (a: string | null, b: string | null): boolean =>
  a === b || (a !== null && b !== null && normalizeExpression(a) === normalizeExpression(b));

export const sameCheck = (a: CheckIR, b: CheckIR): boolean => sameExpression(a.expr, b.expr);

export const sameForeignKey = (a: ForeignKeyIR, b: ForeignKeyIR): boolean =>
  sameColumns(a.columns, b.columns) &&
  a.refTable === b.refTable &&
  sameColumns(a.refColumns, b.refColumns) &&
  a.onDelete === b.onDelete &&
  a.onUpdate === b.onUpdate &&
  a.deferrable === b.deferrable &&
  a.initiallyDeferred === b.initiallyDeferred;

export const sameIndex = (a: IndexIR, b: IndexIR): boolean =>
  sameColumns(a.columns, b.columns) && a.unique === b.unique && a.using === b.using && sameExpression(a.where, b.where);

/** Defaults compare as the SQL they emit: `@wes_default(value: 0)` is `@wes_default(expr: "0")`. */
export const sameDefault = (a: ColumnIR, b: ColumnIR): boolean => sameExpression(defaultSql(a), defaultSql(b));
