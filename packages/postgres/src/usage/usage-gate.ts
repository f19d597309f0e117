import { defaultUsageWindowMs, retiredObjects, retiredObjectUsage, windowUsage, type Plan, type RetiredObject } from '@wesley/core/run';
import type { Queryable } from '../introspect/queryable.js';
import { readSteps, type LedgerMigration } from '../migrate/ledger.js';
import { stepsUpTo } from '../migrate/steps-up-to.js';
import { ObjectStillUsedError } from './object-still-used-error.js';
import { hiddenText, readUsageSnapshot } from './read-usage-snapshot.js';
import { UsageUnavailableError } from './usage-unavailable-error.js';
import { readStoredSnapshots } from './usage-snapshots.js';

/** What the usage gate judges by. */
export interface UsageGateOptions {
  readonly windowMs: number;
  /**
   * The window is the user's (config `usageWindow`): without `pg_stat_statements` the run is
   * refused (WES360). Without it the gate judges by the default window where it can, and where it
   * cannot says so (the returned notice) and lets the run go on, as runs did before the gate.
   */
  readonly configured: boolean;
  /** The run's `--to`: only the steps the run reaches are judged (expand now, contract later). */
  readonly to?: string | undefined;
}

/** How a run asks for the usage gate: `Allowances`' fields, as `migrate` and `rollbackMigration` take them. */
export interface UsageAllowances {
  /** The config's `usageWindow`; without it core's `defaultUsageWindowMs`, and no refusal without `pg_stat_statements`. */
  readonly usageWindowMs?: number;
  /** `--ignore-usage`: no gate, nothing read. */
  readonly ignoreUsage?: boolean;
  readonly to?: string;
}

/** `checkUsageGate` as a run's allowances ask for it: `null` (nothing read) with `ignoreUsage`. */
export async function judgeUsage(
  db: Queryable,
  plans: ReadonlyMap<string, Plan>,
  ledger: ReadonlyMap<string, LedgerMigration>,
  allow: UsageAllowances,
): Promise<string | null> {
  if (allow.ignoreUsage === true) return null;
  return checkUsageGate(db, plans, ledger, {
    windowMs: allow.usageWindowMs ?? defaultUsageWindowMs,
    configured: allow.usageWindowMs !== undefined,
    to: allow.to,
  });
}

/**
 * The usage gate: refuses the first of `plans` (in run order) with a step this run would apply
 * that drops or renames a table, column or index which a query used (or an index scan touched)
 * within the window (`ObjectStillUsedError`, WES361), judged from a fresh read of the statistics
 * and the snapshots `wesley usage` stored (core's `windowUsage`). Steps the ledger records as
 * applied (a run resumed after its drop) and steps past `to` are not judged; a run that retires
 * nothing reads nothing. The plans must come from `readPlanFile`, which loads the SQL parser.
 *
 * @returns `null`, or with a window not `configured`, the notice that says what went unjudged and why.
 * @throws UsageUnavailableError (WES360) when something is retired and `pg_stat_statements` cannot be read, or only in part
 * (other roles' query texts hidden from this role), and the window is `configured`: never a silent pass.
 */
export async function checkUsageGate(
  db: Queryable,
  plans: ReadonlyMap<string, Plan>,
  ledger: ReadonlyMap<string, LedgerMigration>,
  options: UsageGateOptions,
): Promise<string | null> {
  const retired: { migration: string; objects: RetiredObject[] }[] = [];
  for (const [migration, plan] of plans) {
    const include = stepsUpTo(plan, options.to);
    const done = ledger.has(migration) ? await readSteps(db, migration) : new Map<string, { status: string }>();
    const runs = new Set(
      plan.steps
        .filter((step, index) => (include?.(step, index) ?? true) && done.get(step.id)?.status !== 'applied')
        .map((step) => step.id),
    );
    retired.push({ migration, objects: retiredObjects(plan).filter((object) => runs.has(object.stepId)) });
    // `to` found in this plan: the run stops in it.
    if (include !== undefined) break;
  }
  if (retired.every((entry) => entry.objects.length === 0)) return null;
  let read: Awaited<ReturnType<typeof readUsageSnapshot>>;
  try {
    read = await readUsageSnapshot(db);
    // Queries of other roles whose text this role cannot read could use anything: judging without them would be a silent pass.
    if (read.snapshot.queries.some((query) => query.query === hiddenText)) {
      throw new UsageUnavailableError("this role cannot read other roles' query texts (grant it pg_read_all_stats)");
    }
  } catch (error) {
    if (options.configured || !(error instanceof UsageUnavailableError)) throw error;
    const objects = retired.flatMap((entry) => entry.objects).length;
    return `${error.code} usage not judged: ${objects} ${objects === 1 ? 'object' : 'objects'} dropped or renamed without a check that no query still uses ${objects === 1 ? 'it' : 'them'} (${error.message}); set usageWindow in the config to refuse such runs instead`;
  }
  const { snapshot, catalog } = read;
  const usage = windowUsage(snapshot, await readStoredSnapshots(db, snapshot, options.windowMs), options.windowMs);
  for (const { migration, objects } of retired) {
    const found = retiredObjectUsage(objects, usage, catalog.searchPath);
    if (found.length > 0) throw new ObjectStillUsedError(migration, found, options.windowMs);
  }
  return null;
}
