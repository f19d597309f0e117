import type { Anchor } from '../diagnostic-sink.js';
import { didYouMean } from '../suggest.js';
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
    // A field whose column could not be made was reported already; don't report it again here.
    if (table.brokenFields.has(name.trim())) continue;
    const known = table.columns.map((c) => c.column.graphqlName);
    ctx.sink.report(
      'WES020',
      anchor,
      `${what} names "${name}", which is not a column of ${table.model.name.value}`,
      didYouMean(name, known) ?? `columns: ${known.join(', ')}`,
    );
  }
  if (ok && names.length === 0) {
    ctx.sink.report('WES020', anchor, `${what} lists no columns`, 'list at least one column');
    return null;
  }
  return ok ? out : null;
}
