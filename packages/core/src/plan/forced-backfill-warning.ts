import type { SchemaIR } from '../ir/types.js';
import type { PlanIssue, StepDraft } from './operation.js';
import { tableIn } from './schema-facts.js';

/**
 * WES460 for a backfill of a table whose row-level security is forced when the backfill runs
 * (the old schema's FORCE; the new schema's comes in `contract`, after it). A forced table's
 * owner is held by its policies like any role, so a backfill run by the owner fills only the rows
 * the policies admit to the migrating session: none, when they read a tenant it does not set.
 * A superuser, or a role with BYPASSRLS, is not held. PostgreSQL decides that at run time, so
 * this warns rather than refuses.
 */
export function forcedBackfillWarning(step: StepDraft, from: SchemaIR, to: SchemaIR): PlanIssue | null {
  if (step.action !== 'fillDefault' && step.action !== 'fillShadowColumn') return null;
  // A keyless table's fill is one UPDATE with no batches: its claims name the table.
  const name = step.backfill?.table ?? step.locks[0]?.relation;
  if (name === undefined) return null;
  const old = tableIn(from, tableIn(to, name)?.meta.renamedFrom ?? name);
  if (old?.security?.forced !== true) return null;
  return {
    code: 'WES460',
    message: `${name} has row-level security forced, so its backfill fills only the rows its policies admit to the migrating role, none if they read a setting the migration does not set`,
    help: 'run this migration as a superuser or a role with BYPASSRLS (ALTER ROLE <migrator> BYPASSRLS), which the policies do not hold',
  };
}
