import { serverVersionRange, type Plan } from '@wesley/core/run';
import type { Queryable } from '../introspect/queryable.js';
import { AssumedFactError, PlanChainError, ServerVersionMismatchError, type ChainLink, type FactMismatch } from './assumption-errors.js';
import { isFrozen } from './frozen-migration.js';
import { readSteps, type LedgerMigration } from './ledger.js';
import type { MigrationFile } from './migration-files.js';

/**
 * Refuses the run when a pending plan was made for a server version outside whose range the
 * server is: the range the plan records (`Plan.assumptions.serverVersion`), narrowed to the one
 * this Wesley's feature table gives the planned version, so a range edited wider, or recorded
 * by a Wesley that did not know a newer version's difference, does not let the plan through.
 *
 * @throws ServerVersionMismatchError (WES170) for the first such plan.
 */
export async function checkServerVersion(db: Queryable, plans: ReadonlyMap<string, Plan>): Promise<void> {
  if (plans.size === 0) return;
  const { rows } = await db.query<{ version: string }>(`SELECT current_setting('server_version_num') AS version`);
  const server = Number(rows[0]?.version);
  for (const [name, plan] of plans) {
    const recorded = plan.assumptions.serverVersion;
    const known = serverVersionRange(plan.serverVersion);
    const below = recorded.below === null ? known.below : known.below === null ? recorded.below : Math.min(recorded.below, known.below);
    const range = { minimum: Math.max(recorded.minimum, known.minimum), below };
    if (server < range.minimum || (range.below !== null && server >= range.below))
      throw new ServerVersionMismatchError(name, plan.serverVersion, range, server);
  }
}

/**
 * Refuses the run when a pending plan does not start from the schema the migration before it
 * leads to: the last applied migration, then each pending one in the order the run takes them.
 * Where that schema is not known, nothing is compared: after a SQL migration (it may change
 * anything), before any migration the ledger records with its schemas (a database's first planned
 * migration, or one applied by a version that did not record them). There the table facts
 * (`checkTableFacts`) are the guard.
 *
 * The first pending plan may also start where the database is now (`liveHash`, asked only when
 * it does not start where the ledger leads): a plan made from the database after a change by hand
 * (the way out WES171 and WES172 point to) is not where the last migration led, yet it is exactly
 * where it will run. Two plans made from one base are still caught: once the first is applied,
 * neither the ledger nor the database is where the second starts.
 *
 * @throws PlanChainError (WES172) for the first plan that starts elsewhere.
 */
export async function checkPlanChain(
  pending: readonly MigrationFile[],
  plans: ReadonlyMap<string, Plan>,
  ledger: ReadonlyMap<string, LedgerMigration>,
  files: readonly MigrationFile[],
  liveHash: (file: MigrationFile, plan: Plan) => Promise<string | null>,
  planCommand?: string,
): Promise<void> {
  const applied = [...ledger.values()]
    .filter((entry) => entry.status === 'applied')
    .sort((a, b) => (a.finishedAt?.getTime() ?? 0) - (b.finishedAt?.getTime() ?? 0));
  const last = applied.at(-1);
  const pathOf = (name: string) => files.find((file) => file.name === name && file.kind === 'plan')?.path ?? null;
  let at: ChainLink | null = last?.toHash == null ? null : { name: last.name, path: pathOf(last.name), to: last.toHash };
  let atApplied = true;
  for (const file of pending) {
    const plan = plans.get(file.name);
    if (plan === undefined) {
      at = null;
      continue;
    }
    if (at !== null && plan.from !== at.to && !(atApplied && (await liveHash(file, plan)) === plan.from))
      throw new PlanChainError({ name: file.name, path: file.path, from: plan.from }, at, atApplied, planCommand);
    at = { name: file.name, path: file.path, to: plan.to };
    atApplied = false;
  }
}

/**
 * Refuses a planned migration, right before it starts, when the catalog contradicts a table fact
 * its plan assumed (the table exists, is partitioned). Tables are looked up by their unqualified
 * names through the session's `search_path`, as the steps' SQL will be. A migration a run has
 * already committed part of (`entry`, see `isFrozen`) is not checked: its own steps changed
 * those facts.
 *
 * @throws AssumedFactError (WES171) naming every table that differs.
 */
export async function checkTableFacts(
  db: Queryable,
  migration: MigrationFile,
  plan: Plan,
  entry: LedgerMigration | undefined,
  planCommand?: string,
): Promise<void> {
  const assumed = plan.assumptions.tables;
  if (assumed.length === 0 || (entry !== undefined && isFrozen(entry, await readSteps(db, migration.name)))) return;
  const { rows } = await db.query<{ name: string; exists: boolean; partitioned: boolean }>(
    `SELECT t.name, c.oid IS NOT NULL AS exists, coalesce(c.relkind = 'p', false) AS partitioned
     FROM unnest($1::text[]) WITH ORDINALITY AS t(name, n)
     LEFT JOIN pg_catalog.pg_class c ON c.oid = to_regclass(pg_catalog.quote_ident(t.name)) AND c.relkind IN ('r', 'p')
     ORDER BY t.n`,
    [assumed.map((table) => table.name)],
  );
  const mismatches: FactMismatch[] = [];
  assumed.forEach((table, i) => {
    const live = rows[i];
    if (live !== undefined && (live.exists !== table.exists || live.partitioned !== table.partitioned))
      mismatches.push({ assumed: table, exists: live.exists, partitioned: live.partitioned });
  });
  if (mismatches.length > 0) throw new AssumedFactError(migration, mismatches, planCommand);
}
