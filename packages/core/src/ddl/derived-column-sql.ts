import type { ColumnIR, DerivedIR, SchemaIR, TableIR } from '../ir/types.js';
import { derivedFunctionName, derivedTruncateTriggerName, derivedValueFunctionName } from '../naming/derived-function-name.js';
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
 * The aggregate over the child rows `c` whose key is `$1`: the body of the value function, which
 * the triggers and the backfill both call, so they agree.
 */
function aggregateSql(parts: DerivedColumnParts): string {
  const { derived, child, childKey, column } = parts;
  const rows = `FROM ${quoteIdent(child.name)} AS c WHERE c.${quoteIdent(childKey)} = $1`;
  const of = `c.${quoteIdent(derived.column ?? '')}`;
  // Cast to the column's type: a SQL function's result must be its declared type (count is bigint).
  const as = (value: string) => `SELECT CAST(${value} AS ${column.type.sql})`;
  switch (derived.fn) {
    case 'count':
      return `${as('count(*)')} ${rows}`;
    case 'exists':
      return as(`EXISTS (SELECT ${rows})`);
    case 'sum':
      return column.nullable ? `${as(`sum(${of})`)} ${rows}` : `${as(`coalesce(sum(${of}), 0)`)} ${rows}`;
    case 'min':
    case 'max':
      return `${as(`${derived.fn}(${of})`)} ${rows}`;
  }
}

/**
 * A call of the value function for the parent row whose key is the SQL expression `key`.
 * The function is VOLATILE, so at READ COMMITTED each call reads with a snapshot of its own, taken
 * when it is called: after the caller locked the parent row, never before.
 */
export function derivedValueSql(parts: DerivedColumnParts, key: string): string {
  return `${quoteIdent(derivedValueFunctionName(parts.parent.name, parts.column.name))}(${key})`;
}

/**
 * `CREATE FUNCTION` for the value function (the aggregate for one parent key) and for the trigger
 * function that keeps a derived column, then its two triggers
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
 *
 * `orReplace` (the planner's, for a database that may hold some of them, left by hand or by a
 * failed run): `CREATE OR REPLACE` the functions, and the triggers too when `triggers` (PostgreSQL
 * 14+; below, the caller drops them first).
 */
export function derivedColumnSql(parts: DerivedColumnParts, orReplace: { readonly triggers: boolean } | null = null): string[] {
  const { parent, column, derived, child, childKey, parentKey } = parts;
  const fn = quoteIdent(derivedFunctionName(parent.name, column.name));
  const bodies = derivedFunctionBodies(parts);
  const watched = [childKey, ...(derived.column === null ? [] : [derived.column])].map(quoteIdent).join(', ');
  const value = quoteIdent(derivedValueFunctionName(parent.name, column.name));
  const createFunction = orReplace === null ? 'CREATE FUNCTION' : 'CREATE OR REPLACE FUNCTION';
  const createTrigger = orReplace?.triggers === true ? 'CREATE OR REPLACE TRIGGER' : 'CREATE TRIGGER';
  return [
    `${createFunction} ${value}(${parentKey.type.sql}) RETURNS ${column.type.sql}\n    LANGUAGE sql VOLATILE SECURITY INVOKER SET search_path FROM CURRENT\n    AS $wesley$${bodies.value}$wesley$;`,
    `${createFunction} ${fn}() RETURNS trigger\n    LANGUAGE plpgsql SECURITY INVOKER SET search_path FROM CURRENT\n    AS $wesley$${bodies.trigger}$wesley$;`,
    `${createTrigger} ${fn}\n    AFTER INSERT OR DELETE OR UPDATE OF ${watched} ON ${quoteIdent(child.name)}\n    FOR EACH ROW EXECUTE FUNCTION ${fn}();`,
    `${createTrigger} ${quoteIdent(derivedTruncateTriggerName(parent.name, column.name))}\n    AFTER TRUNCATE ON ${quoteIdent(child.name)}\n    FOR EACH STATEMENT EXECUTE FUNCTION ${fn}();`,
  ];
}

/**
 * The bodies of a derived column's value function and trigger function, exactly as PostgreSQL
 * stores them (`pg_proc.prosrc`, the text between the dollar quotes): introspection compares the
 * live functions with these to read the column back, and finds an edited body that way.
 */
export function derivedFunctionBodies(parts: DerivedColumnParts): { readonly value: string; readonly trigger: string } {
  const { parent, column, childKey, parentKey } = parts;
  const p = quoteIdent(parent.name);
  const d = quoteIdent(column.name);
  const k = quoteIdent(parentKey.name);
  const ck = quoteIdent(childKey);
  const empty = defaultSql(column) ?? 'NULL';
  const watched = [childKey, ...(parts.derived.column === null ? [] : [parts.derived.column])].map(quoteIdent);
  const unchanged = watched.map((c) => `OLD.${c} IS NOT DISTINCT FROM NEW.${c}`).join(' AND ');
  const trigger = [
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
    // `UPDATE OF` fires for every row the statement sets the column of, changed or not (a
    // backfill of another column, an ORM writing every field): such a row changes no aggregate.
    `    ELSIF ${unchanged} THEN`,
    '        RETURN NULL;',
    '    ELSE',
    `        keys := ARRAY[OLD.${ck}, NEW.${ck}];`,
    '    END IF;',
    `    PERFORM FROM ${p} WHERE ${k} = ANY (keys) ORDER BY ${k} FOR NO KEY UPDATE;`,
    `    UPDATE ${p} AS p SET ${d} = ${derivedValueSql(parts, `p.${k}`)} WHERE p.${k} = ANY (keys);`,
    '    RETURN NULL;',
    'END',
  ].join('\n');
  return { value: ` ${aggregateSql(parts)} `, trigger: `\n${trigger}\n` };
}

/**
 * One statement that sets the column of every parent row to what the value function computes,
 * each row locked first (`FOR UPDATE`, as each backfill batch locks its rows), so that a child
 * writer's trigger that waited for the row recomputes after it: for a rollback, which has no
 * batches. Every parent row stays locked until it commits.
 */
export function recomputeDerivedSql(parts: DerivedColumnParts): string {
  const p = quoteIdent(parts.parent.name);
  const k = quoteIdent(parts.parentKey.name);
  return `WITH locked AS (SELECT ${k} FROM ${p} ORDER BY ${k} FOR UPDATE) UPDATE ${p} SET ${quoteIdent(parts.column.name)} = ${derivedValueSql(parts, `${p}.${k}`)} FROM locked WHERE ${p}.${k} = locked.${k};`;
}

/**
 * The value function of `derivedColumnSql` dropped, `IF EXISTS`: `CREATE OR REPLACE` cannot change
 * a function's result type (a column whose type changed, or a function made by hand). No trigger
 * depends on it in the catalog (the trigger function calls it by name), and it takes no lock on
 * a table (measured on 15 and 18).
 */
export function dropDerivedValueFunctionSql(parts: DerivedColumnParts): string {
  return `DROP FUNCTION IF EXISTS ${quoteIdent(derivedValueFunctionName(parts.parent.name, parts.column.name))}(${parts.parentKey.type.sql});`;
}

/** The two triggers of `derivedColumnSql` dropped, `IF EXISTS`: before they are created again, or with the functions. */
export function dropDerivedTriggersSql(parts: DerivedColumnParts): string[] {
  const { parent, column, child } = parts;
  const c = quoteIdent(child.name);
  return [
    `DROP TRIGGER IF EXISTS ${quoteIdent(derivedFunctionName(parent.name, column.name))} ON ${c};`,
    `DROP TRIGGER IF EXISTS ${quoteIdent(derivedTruncateTriggerName(parent.name, column.name))} ON ${c};`,
  ];
}

/** What undoes `derivedColumnSql`: its triggers, then its functions (each `IF EXISTS`, so a rerun after a crash is safe). */
export function dropDerivedColumnSql(parts: DerivedColumnParts): string[] {
  const { parent, column } = parts;
  return [
    ...dropDerivedTriggersSql(parts),
    `DROP FUNCTION IF EXISTS ${quoteIdent(derivedFunctionName(parent.name, column.name))}();`,
    dropDerivedValueFunctionSql(parts),
  ];
}
