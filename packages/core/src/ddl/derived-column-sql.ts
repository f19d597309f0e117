import type { ColumnIR, DerivedIR, SchemaIR, TableIR } from '../ir/types.js';
import { derivedFunctionName, derivedTruncateTriggerName } from '../naming/derived-function-name.js';
import { quoteIdent } from '../naming/quote-ident.js';
import { defaultSql } from './default-sql.js';

/** What a derived column's SQL needs: the parent (its table), the child and the key between them. */
export interface DerivedColumnParts {
  readonly parent: TableIR;
  readonly column: ColumnIR;
  readonly derived: DerivedIR;
  readonly child: TableIR;
  /** The child's foreign-key column and the parent's column it references. */
  readonly childKey: string;
  readonly parentKey: ColumnIR;
}

/**
 * The parts of derived column `column` of `parent`, read from `ir`; `null` when the column is not
 * derived or `ir` lacks what it names (an IR the compiler did not check).
 */
export function derivedColumnParts(ir: SchemaIR, parent: TableIR, column: ColumnIR): DerivedColumnParts | null {
  const derived = column.derived;
  if (derived === null) return null;
  const child = ir.tables.find((t) => t.name === derived.table);
  const key = child?.foreignKeys.find((k) => k.name === derived.foreignKey);
  const parentKey = parent.columns.find((c) => c.name === key?.refColumns[0]);
  const childKey = key?.columns[0];
  if (child === undefined || parentKey === undefined || childKey === undefined) return null;
  return { parent, column, derived, child, childKey, parentKey };
}

/**
 * The expression a parent row `p`'s derived value is: the aggregate over the child rows `c` that
 * reference it. Also what the backfill computes, so triggers and backfill agree.
 */
export function derivedValueSql(parts: DerivedColumnParts): string {
  const { derived, child, childKey, parentKey, column } = parts;
  const rows = `FROM ${quoteIdent(child.name)} AS c WHERE c.${quoteIdent(childKey)} = p.${quoteIdent(parentKey.name)}`;
  const of = `c.${quoteIdent(derived.column ?? '')}`;
  switch (derived.fn) {
    case 'count':
      return `(SELECT count(*) ${rows})`;
    case 'exists':
      return `EXISTS (SELECT ${rows})`;
    case 'sum':
      return column.nullable ? `(SELECT sum(${of}) ${rows})` : `(SELECT coalesce(sum(${of}), 0) ${rows})`;
    case 'min':
    case 'max':
      return `(SELECT ${derived.fn}(${of}) ${rows})`;
  }
}

/**
 * `CREATE FUNCTION` for the trigger function that keeps a derived column, then its two triggers
 * on the child: a row trigger after every insert, delete and update of the key or the aggregated
 * column, and a statement trigger after `TRUNCATE`, which resets every parent to the value of no
 * rows (handled rather than refused: TRUNCATE holds ACCESS EXCLUSIVE on the child, so no other
 * child write runs beside it).
 *
 * Right under concurrent writes at READ COMMITTED: the function locks the parent rows the change
 * touches (`FOR NO KEY UPDATE`, which a child's foreign-key check, `FOR KEY SHARE`, does not
 * wait for) before it computes, and computes in a later statement, whose snapshot is taken once
 * the lock is held, so it sees every child write committed by a transaction that held the lock
 * before; and each such transaction recomputed under that lock, so the last to lock sees all of
 * them. An update that moves a row locks both parents in key order, so two such moves do not
 * deadlock on each other. A recompute (rather than adding the difference) is what makes min and
 * max right after a delete, and NULLs right. `SECURITY INVOKER` (the writer's rights) and
 * `SET search_path FROM CURRENT` (the schema's path when it was created), so that a caller's
 * `search_path` cannot point its table names elsewhere.
 */
export function derivedColumnSql(parts: DerivedColumnParts): string[] {
  const { parent, column, derived, child, childKey, parentKey } = parts;
  const fn = quoteIdent(derivedFunctionName(parent.name, column.name));
  const p = quoteIdent(parent.name);
  const d = quoteIdent(column.name);
  const k = quoteIdent(parentKey.name);
  const ck = quoteIdent(childKey);
  const empty = defaultSql(column) ?? 'NULL';
  const body = [
    'DECLARE',
    `    keys ${parentKey.type.sql}[];`,
    'BEGIN',
    "    IF TG_OP = 'TRUNCATE' THEN",
    `        UPDATE ${p} SET ${d} = ${empty} WHERE ${d} IS DISTINCT FROM ${empty};`,
    '        RETURN NULL;',
    "    ELSIF TG_OP = 'INSERT' THEN",
    `        keys := ARRAY[NEW.${ck}];`,
    "    ELSIF TG_OP = 'DELETE' THEN",
    `        keys := ARRAY[OLD.${ck}];`,
    '    ELSE',
    `        keys := ARRAY[OLD.${ck}, NEW.${ck}];`,
    '    END IF;',
    `    PERFORM FROM ${p} WHERE ${k} = ANY (keys) ORDER BY ${k} FOR NO KEY UPDATE;`,
    `    UPDATE ${p} AS p SET ${d} = ${derivedValueSql(parts)} WHERE p.${k} = ANY (keys);`,
    '    RETURN NULL;',
    'END',
  ].join('\n');
  const watched = [childKey, ...(derived.column === null ? [] : [derived.column])].map(quoteIdent).join(', ');
  return [
    `CREATE FUNCTION ${fn}() RETURNS trigger\n    LANGUAGE plpgsql SECURITY INVOKER SET search_path FROM CURRENT\n    AS $wesley$\n${body}\n$wesley$;`,
    `CREATE TRIGGER ${fn}\n    AFTER INSERT OR DELETE OR UPDATE OF ${watched} ON ${quoteIdent(child.name)}\n    FOR EACH ROW EXECUTE FUNCTION ${fn}();`,
    `CREATE TRIGGER ${quoteIdent(derivedTruncateTriggerName(parent.name, column.name))}\n    AFTER TRUNCATE ON ${quoteIdent(child.name)}\n    FOR EACH STATEMENT EXECUTE FUNCTION ${fn}();`,
  ];
}
