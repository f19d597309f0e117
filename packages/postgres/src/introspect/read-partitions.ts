import type { PartitionIR, PartitionStrategy } from '@wesley/core';
import type { Queryable } from './queryable.js';
import { tableFilter } from './read-tables.js';

interface PartitionRow {
  readonly table: string;
  readonly strategy: string;
  readonly columns: Array<string | null>;
  readonly key: string;
}

const strategies: Readonly<Record<string, PartitionStrategy>> = { r: 'RANGE', l: 'LIST', h: 'HASH' };

/**
 * Partitioning of every partitioned table of `schema` (`pg_partitioned_table`), keyed by table:
 * strategy and key columns in key order; an expression key part is its deparsed expression
 * (taken from `pg_get_partkeydef`, whose parts are in the same order).
 */
export async function readPartitions(db: Queryable, schema: string): Promise<Map<string, PartitionIR>> {
  const { rows } = await db.query<PartitionRow>(
    `SELECT c.relname::text AS table,
            pt.partstrat::text AS strategy,
            ARRAY(SELECT a.attname::text
                    FROM unnest(pt.partattrs::int2[]) WITH ORDINALITY AS k(attnum, position)
                    LEFT JOIN pg_catalog.pg_attribute a ON a.attrelid = pt.partrelid AND a.attnum = k.attnum
                   ORDER BY k.position) AS columns,
            pg_catalog.pg_get_partkeydef(pt.partrelid) AS key
       FROM pg_catalog.pg_partitioned_table pt
       JOIN pg_catalog.pg_class c ON c.oid = pt.partrelid
       JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
      WHERE ${tableFilter}`,
    [schema],
  );
  const byTable = new Map<string, PartitionIR>();
  for (const row of rows) {
    const parts = keyParts(row.key);
    byTable.set(row.table, {
      kind: 'partition',
      strategy: strategy(row.strategy),
      columns: row.columns.map((column, i) => column ?? parts[i] ?? ''),
    });
  }
  return byTable;
}

function strategy(code: string): PartitionStrategy {
  const found = strategies[code];
  if (found === undefined) throw new Error(`unknown partition strategy code "${code}" in pg_partitioned_table`);
  return found;
}

/** `RANGE (a, lower(b))` -> `['a', 'lower(b)']`: split at top-level commas inside the outer parentheses. */
function keyParts(definition: string): string[] {
  const inner = definition.slice(definition.indexOf('(') + 1, definition.lastIndexOf(')'));
  const parts: string[] = [];
  let depth = 0;
  let quote: string | null = null;
  let start = 0;
  for (let i = 0; i < inner.length; i++) {
    const ch = inner.charAt(i);
    if (quote !== null) {
      if (ch === quote) quote = null;
    } else if (ch === "'" || ch === '"') quote = ch;
    else if (ch === '(') depth++;
    else if (ch === ')') depth--;
    else if (ch === ',' && depth === 0) {
      parts.push(inner.slice(start, i).trim());
      start = i + 1;
    }
  }
  parts.push(inner.slice(start).trim());
  return parts;
}
