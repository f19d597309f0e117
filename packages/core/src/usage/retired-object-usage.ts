import type { QueryStats } from './usage-snapshot.js';
import type { RetiredObject } from './retired-objects.js';
import type { WindowUsage } from './window-usage.js';

/** A retired object still in use in the window: the queries naming it (with their calls there), or an index's scans. */
export interface RetiredObjectUsage {
  readonly kind: 'retired-object-usage';
  readonly object: RetiredObject;
  readonly queries: readonly { readonly query: QueryStats; readonly calls: number }[];
  readonly indexScans: number;
}

/**
 * Which of `retired` the window's usage still uses: a table any query of the window names
 * (through a view too), a column any query reads or writes (`*` included), an index scanned in
 * the window. An unqualified name is looked up in `searchPath`, as the step's SQL would be.
 */
export function retiredObjectUsage(
  retired: readonly RetiredObject[],
  usage: WindowUsage,
  searchPath: readonly string[],
): RetiredObjectUsage[] {
  const found: RetiredObjectUsage[] = [];
  for (const object of retired) {
    const schemas = object.schema === null ? searchPath : [object.schema];
    const names = new Set(schemas.map((schema) => `${schema}.${object.name}`));
    if (object.object === 'index') {
      const scans = [...names].reduce((sum, name) => sum + (usage.indexScans.get(name) ?? 0), 0);
      if (scans > 0) found.push({ kind: 'retired-object-usage', object, queries: [], indexScans: scans });
      continue;
    }
    const queries = usage.queries.filter(
      ({ query }) =>
        query.attribution.kind === 'attributed' &&
        query.attribution.uses.some((use) => names.has(use.table) && (object.object === 'table' || use.column === object.column)),
    );
    if (queries.length > 0) found.push({ kind: 'retired-object-usage', object, queries, indexScans: 0 });
  }
  return found;
}
