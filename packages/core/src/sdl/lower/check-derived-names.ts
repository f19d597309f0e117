import { derivedFunctionName, derivedTruncateTriggerName } from '../../naming/derived-function-name.js';
import { one } from '../directive-args.js';
import type { ReadDirective } from '../read-directives.js';
import type { LowerContext } from './lower-context.js';
import type { TableDraft } from './table-draft.js';

/** A derived column with the names its SQL gives its function and its triggers on the child. */
interface Kept {
  readonly field: string;
  readonly directive: ReadDirective;
  readonly child: string;
  /** The trigger function's and the row trigger's name (the value function is `<name>_value`). */
  readonly name: string;
  readonly truncateTrigger: string;
}

/**
 * WES428: two derived columns whose functions or triggers would have the same name. The names
 * come from the table and column names (`wesley_derived_<table>_<column>`), so `order.line_count`
 * and `order_line.count` meet, and so do a column's TRUNCATE trigger (`..._x_truncate`) and the
 * row trigger of a column `x_truncate` over the same child. PostgreSQL would keep one of each
 * name: `schema.sql` would fail, and a plan (which creates them `OR REPLACE`, over what a
 * database may hold) would silently give one column the other's functions.
 */
export function checkDerivedNames(drafts: ReadonlyMap<string, TableDraft>, ctx: LowerContext): void {
  const kept: Kept[] = [];
  for (const table of drafts.values()) {
    for (const draft of table.columns) {
      const derived = draft.column.derived;
      const directive = one(draft.directives, 'wes_derived');
      if (derived === null || directive === undefined) continue;
      kept.push({
        field: `${table.model.name.value}.${draft.field.name.value}`,
        directive,
        child: derived.table,
        name: derivedFunctionName(table.name, draft.column.name),
        truncateTrigger: derivedTruncateTriggerName(table.name, draft.column.name),
      });
    }
  }
  kept.forEach((later, i) => {
    const earlier = kept
      .slice(0, i)
      .find(
        (other) =>
          other.name === later.name ||
          (other.child === later.child && (other.truncateTrigger === later.name || other.name === later.truncateTrigger)),
      );
    if (earlier === undefined) return;
    ctx.sink.report(
      'WES428',
      later.directive.node,
      `${later.field} and ${earlier.field} are derived columns whose functions or triggers would have the same name (${later.name})`,
      'rename one of the two columns (@wes_column(name:)) or tables',
      [{ anchor: earlier.directive.node, message: `${earlier.field} is derived here` }],
    );
  });
}
