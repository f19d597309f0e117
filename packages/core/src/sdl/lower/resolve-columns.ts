import { suggestionList } from 'graphql/jsutils/suggestionList.js';
import type { Anchor } from '../diagnostic-sink.js';
import type { LowerContext } from './lower-context.js';
import { findColumn, type TableDraft } from './table-draft.js';

/**
 * Resolves names listed in a directive (`columns: ["customerId", "placed_at"]`, field or column
 * names) to column names. Reports WES020 for each name that is not a column of the table;
 * returns `null` if any is missing.
 */
export function resolveColumns(
  table: TableDraft,
  names: readonly string[],
  anchor: Anchor,
  what: string,
  ctx: LowerContext,
): string[] | null {
  const out: string[] = [];
  let ok = true;
  for (const name of names) {
    const found = findColumn(table, name.trim());
    if (found !== undefined) {
      out.push(found.column.name);
      continue;
    }
    ok = false;
    const known = table.columns.map((c) => c.column.graphqlName);
    const [best] = suggestionList(name, known);
    ctx.sink.report('WES020', anchor, `${what} names "${name}", which is not a column of ${table.model.name.value}`, best !== undefined ? `did you mean "${best}"?` : `columns: ${known.join(', ')}`);
  }
  if (ok && names.length === 0) {
    ctx.sink.report('WES020', anchor, `${what} lists no columns`, 'list at least one column');
    return null;
  }
  return ok ? out : null;
}
