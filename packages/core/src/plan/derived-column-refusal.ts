import { describeChange } from '../diff/describe-change.js';
import type { Change } from '../diff/change.js';
import { stableStringify } from '../ir/stable-stringify.js';
import type { ColumnIR, SchemaIR } from '../ir/types.js';
import type { PlanIssue } from './operation.js';

/** A derived column the plan would add, drop or change, with the change that touches it (for its SDL position). */
export interface UnplannedDerivedColumn {
  readonly table: string;
  readonly column: string;
  readonly change: Change | null;
  readonly issue: PlanIssue;
}

/**
 * WES427: derived columns whose triggers a plan would have to create, replace or drop, other than
 * one added to an existing table from an existing child (`addColumn` plans that). The planner has
 * no steps for the others yet, and a plan without them would be wrong rather than slow: a
 * column added without its triggers keeps its default whatever the child rows say, and a column
 * dropped under its triggers makes every write of the child fail. So such a plan is refused, at
 * the change that touches the column, until it can be planned in full; `schema.sql` (`wesley
 * generate`) creates them in a new database.
 */
export function unplannedDerivedColumns(
  from: SchemaIR,
  to: SchemaIR,
  changes: readonly Change[],
  createdTables: ReadonlySet<string>,
): UnplannedDerivedColumn[] {
  const derived = (ir: SchemaIR) =>
    new Map(
      ir.tables.flatMap((t) => t.columns.filter((c) => c.derived !== null).map((c): [string, ColumnIR] => [`${t.name}\u0000${c.name}`, c])),
    );
  const before = derived(from);
  const after = derived(to);
  const found: UnplannedDerivedColumn[] = [];
  for (const key of new Set([...before.keys(), ...after.keys()])) {
    const a = before.get(key);
    const b = after.get(key);
    if (a !== undefined && b !== undefined && stableStringify(a.derived) === stableStringify(b.derived)) continue;
    const [table = '', column = ''] = key.split('\u0000');
    const change =
      changes.find((c) => {
        const subject = describeChange(c);
        return subject.table === table && (subject.column === column || subject.column === null);
      }) ?? null;
    // Added to a table that exists, from a child that exists: the addColumn operation plans it.
    if (a === undefined && b?.derived != null && change?.kind === 'addColumn' && !createdTables.has(b.derived.table)) continue;
    const verb = a === undefined ? 'adds' : b === undefined ? 'drops' : 'changes';
    found.push({
      table,
      column,
      change,
      issue: {
        code: 'WES427',
        message: `the plan ${verb} derived column ${table}.${column}, whose triggers the planner plans only when one is added to an existing table from an existing child`,
        help: 'create it with the schema.sql of wesley generate in a new database, or add it with a hand-written SQL migration (its trigger functions are in schema.sql)',
      },
    });
  }
  return found;
}
