import { retiredObjects, retiredObjectUsage, windowUsage, type Plan } from '@wesley/core/run';
import type { Queryable } from '../introspect/queryable.js';
import { ObjectStillUsedError } from './object-still-used-error.js';
import { readUsageSnapshot } from './read-usage-snapshot.js';
import { readStoredSnapshots } from './usage-snapshots.js';

/**
 * The usage gate: refuses the first of `plans` (in run order) with a step that drops or renames a
 * table, column or index which a query used (or an index scan touched) within the last `windowMs`
 * (`ObjectStillUsedError`, WES361), judged from a fresh read of the statistics and the snapshots
 * `wesley usage` stored (core's `windowUsage`). Plans that retire nothing read nothing. The plans
 * must come from `readPlanFile`, which loads the SQL parser.
 *
 * @throws UsageUnavailableError (WES360) when something is retired and `pg_stat_statements` cannot be read: never a silent pass.
 */
export async function checkUsageGate(db: Queryable, plans: ReadonlyMap<string, Plan>, windowMs: number): Promise<void> {
  const retired = [...plans].map(([migration, plan]) => ({ migration, objects: retiredObjects(plan) }));
  if (retired.every((entry) => entry.objects.length === 0)) return;
  const { snapshot, catalog } = await readUsageSnapshot(db);
  const usage = windowUsage(snapshot, await readStoredSnapshots(db, snapshot, windowMs), windowMs);
  for (const { migration, objects } of retired) {
    const found = retiredObjectUsage(objects, usage, catalog.searchPath);
    if (found.length > 0) throw new ObjectStillUsedError(migration, found, windowMs);
  }
}
