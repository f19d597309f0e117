import {
  derivedColumnParts,
  derivedFunctionBodies,
  derivedFunctionName,
  derivedTruncateTriggerName,
  derivedValueFunctionName,
  type ColumnIR,
  type DerivedFunction,
  type DerivedIR,
  type SchemaIR,
  type TableIR,
} from '@wesley/core';
import type { Queryable } from './queryable.js';

interface TriggerRow {
  readonly name: string;
  readonly table: string;
  readonly function: string;
  readonly type: number;
  readonly enabled: string;
  /** The columns of `UPDATE OF`, in their order. */
  readonly columns: readonly string[];
}

interface FunctionRow {
  readonly name: string;
  readonly body: string;
  readonly language: string;
  readonly definer: boolean;
  readonly config: readonly string[] | null;
  readonly overloads: number;
}

// pg_trigger.tgtype bits (PostgreSQL's trigger.h): ROW 1, BEFORE 2, INSERT 4, DELETE 8, UPDATE 16, TRUNCATE 32, INSTEAD 64.
const afterRowInsertDeleteUpdate = 1 | 4 | 8 | 16;
const afterStatementTruncate = 32;

const functions: readonly DerivedFunction[] = ['count', 'sum', 'min', 'max', 'exists'];

/**
 * Reads `@wes_derived` back: the IR `tables` with each column's `derived` set where the schema
 * holds, by their stable names, the column's value function, trigger function and two triggers
 * on a child table exactly as the DDL writes them for one `DerivedIR`. The candidates are the
 * child's single-column foreign keys to the table, with each function and aggregated column; one
 * is taken when the functions' bodies (as stored), languages, `SECURITY INVOKER` and pinned
 * `search_path`, and the triggers' events, `UPDATE OF` columns and functions all equal what that
 * candidate compiles to. Nothing is parsed from the catalog text, so nothing written there can
 * make introspection believe more than the DDL would create; anything edited, dropped or disabled
 * reads as `derived: null`, which the diff and drift then report against the schema.
 */
export async function readDerived(db: Queryable, schema: string, tables: readonly TableIR[]): Promise<TableIR[]> {
  const { rows: triggers } = await db.query<TriggerRow>(
    `SELECT t.tgname::text AS name,
            c.relname::text AS table,
            p.proname::text AS function,
            t.tgtype::int AS type,
            t.tgenabled::text AS enabled,
            ARRAY(SELECT a.attname::text
                    FROM unnest(t.tgattr::int2[]) WITH ORDINALITY AS k(attnum, ord)
                    JOIN pg_catalog.pg_attribute a ON a.attrelid = t.tgrelid AND a.attnum = k.attnum
                   ORDER BY k.ord) AS columns
       FROM pg_catalog.pg_trigger t
       JOIN pg_catalog.pg_class c ON c.oid = t.tgrelid
       JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
       JOIN pg_catalog.pg_proc p ON p.oid = t.tgfoid
      WHERE n.nspname = $1 AND p.pronamespace = n.oid AND NOT t.tgisinternal
        AND t.tgname LIKE 'wesley\\_derived\\_%'`,
    [schema],
  );
  if (triggers.length === 0) return [...tables];
  const { rows: procs } = await db.query<FunctionRow>(
    `SELECT p.proname::text AS name,
            p.prosrc AS body,
            l.lanname::text AS language,
            p.prosecdef AS definer,
            p.proconfig::text[] AS config,
            count(*) OVER (PARTITION BY p.proname)::int AS overloads
       FROM pg_catalog.pg_proc p
       JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace
       JOIN pg_catalog.pg_language l ON l.oid = p.prolang
      WHERE n.nspname = $1 AND p.proname LIKE 'wesley\\_derived\\_%'`,
    [schema],
  );
  const triggerByName = new Map(triggers.map((t) => [t.name, t]));
  const procByName = new Map(procs.map((p) => [p.name, p]));
  const found = { triggerByName, procByName };
  const ir: SchemaIR = { kind: 'schema', version: 1, enums: [], tables: [...tables] };
  return tables.map((table) => {
    const columns = table.columns.map((column) => ({ ...column, derived: readOne(ir, table, column, found) }));
    return { ...table, columns };
  });
}

function readOne(
  ir: SchemaIR,
  parent: TableIR,
  column: ColumnIR,
  found: { readonly triggerByName: ReadonlyMap<string, TriggerRow>; readonly procByName: ReadonlyMap<string, FunctionRow> },
): DerivedIR | null {
  const name = derivedFunctionName(parent.name, column.name);
  const row = found.triggerByName.get(name);
  const truncate = found.triggerByName.get(derivedTruncateTriggerName(parent.name, column.name));
  const trigger = found.procByName.get(name);
  const value = found.procByName.get(derivedValueFunctionName(parent.name, column.name));
  if (row === undefined || truncate === undefined || trigger === undefined || value === undefined) return null;
  if (!firesAsCompiled(row, afterRowInsertDeleteUpdate, name) || !firesAsCompiled(truncate, afterStatementTruncate, name)) return null;
  if (truncate.table !== row.table || !pinned(trigger, 'plpgsql') || !pinned(value, 'sql')) return null;
  const child = ir.tables.find((t) => t.name === row.table);
  if (child === undefined) return null;
  const matches = candidates(parent, child).filter((derived) => {
    const parts = derivedColumnParts(ir, parent, { ...column, derived });
    if (parts === null) return false;
    const bodies = derivedFunctionBodies(parts);
    const watched = [parts.childKey, ...(derived.column === null ? [] : [derived.column])];
    return bodies.value === value.body && bodies.trigger === trigger.body && sameList(watched, row.columns);
  });
  // Two foreign keys on the same column to the same table compile to the same functions: which one is meant is not in the database.
  return matches.length === 1 ? (matches[0] ?? null) : null;
}

/** Enabled (not `D`), with the events and timing the DDL gives it, calling the column's trigger function. */
function firesAsCompiled(trigger: TriggerRow, type: number, fn: string): boolean {
  return trigger.enabled !== 'D' && trigger.type === type && trigger.function === fn;
}

/** One function by that name, in `language`, `SECURITY INVOKER`, with only its `search_path` pinned, as the DDL creates it. */
function pinned(fn: FunctionRow, language: string): boolean {
  const config = fn.config ?? [];
  return (
    fn.overloads === 1 && fn.language === language && !fn.definer && config.length === 1 && config[0]?.startsWith('search_path=') === true
  );
}

/** Every `DerivedIR` the child could define for the parent: each single-column foreign key to it, with each function and aggregated column. */
function candidates(parent: TableIR, child: TableIR): DerivedIR[] {
  const keys = child.foreignKeys.filter((k) => k.refTable === parent.name && k.columns.length === 1);
  return keys.flatMap((key) =>
    functions.flatMap((fn): DerivedIR[] => {
      const base = { fn, foreignKey: key.name, kind: 'derived', table: child.name } as const;
      if (fn === 'count' || fn === 'exists') return [{ column: null, ...base }];
      return child.columns.map((c) => ({ column: c.name, ...base }));
    }),
  );
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}
