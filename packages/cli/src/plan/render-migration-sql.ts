import {
  lockTarget,
  partitionIndexNameSql,
  partitionLeftoversSql,
  partitionTreeSql,
  planRelationSql,
  quoteLiteral,
  stepSessionDefaults,
  type LockClaim,
  type PerPartition,
  type Plan,
  type PlanStep,
} from '@wesley/core';
import { formatServerVersion } from './format-server-version.js';
import { renderBackfillBlock } from './render-backfill-block.js';
import { sqlComment as comment } from './sql-comment.js';

/**
 * The lock_timeout of every transactional step and backfill batch: the executor's default (core's
 * `stepSessionDefaults`), in seconds, as a reader of the file would write it (`'1s'`).
 */
const lockTimeout = `${stepSessionDefaults.lockTimeoutMs / 1000}s`;

/**
 * A plan as a SQL file that `psql -v ON_ERROR_STOP=1 -f` runs: a header saying how, then each
 * step under a comment naming its id, phase, transactionality and locks. A transactional step
 * is one `BEGIN ... COMMIT` with `SET LOCAL lock_timeout`; a `CONCURRENTLY` step stands alone;
 * a backfill is a `DO` block running the batches (see `renderBackfillBlock`). For `down`, `plan`
 * is the rollback plan of `undone` (`rollbackPlan`): before the undo of each of its per-partition
 * steps that builds indexes (where that undo is, last step first), the file drops what a run
 * stopped part way left unattached on the partitions (`renderLeftovers`).
 */
export function renderMigrationSql(plan: Plan, direction: 'up' | 'down', undone: Plan | null = null): string {
  const count = plan.steps.length;
  const header = [
    `Wesley migration, ${direction}: ${count} step${count === 1 ? '' : 's'}, planned for PostgreSQL ${formatServerVersion(plan.serverVersion)}.`,
    `From schema ${plan.from}`,
    `to schema   ${plan.to} (hashes of the IR).`,
    ...(direction === 'down' ? ['Undoes up.sql, last step first.'] : []),
    '',
    `Apply with: psql -v ON_ERROR_STOP=1 -f ${direction}.sql <database url>`,
    `* A step in a transaction runs in BEGIN ... COMMIT with SET LOCAL lock_timeout = '${lockTimeout}': a lock`,
    '  not granted by then fails the step rather than waiting, because a waiting lock request makes',
    '  every later query on the table wait behind it. Run a step that failed that way again.',
    '* A step outside a transaction (CONCURRENTLY) cannot run inside one: no psql --single-transaction.',
    '  When one fails it leaves an INVALID index: its header says how to drop it before a rerun.',
    '* A backfill is a DO block that updates the rows in batches by primary key and commits after',
    '  each batch, so row locks are held on one batch at a time.',
    '* psql stops at the first failing statement; the steps before it stay applied. Carry on from',
    "  the failing step's header once the cause is fixed.",
  ];
  const leftovers = leftoverBlocks(plan, undone);
  const blocks = plan.steps.flatMap((step, i) => [...(leftovers.get(i) ?? []), renderStep(step, i + 1, count)]);
  return `${[comment(header), ...blocks, ...(leftovers.get(count) ?? [])].join('\n\n')}\n`;
}

/**
 * The leftover blocks of `down`, by the position of the down step each goes before (the step
 * count for after the last): those of each per-partition step of `undone` that builds indexes,
 * before its own undo or, when it has none, before the undo of the next step back.
 */
function leftoverBlocks(down: Plan, undone: Plan | null): Map<number, string[]> {
  const position = new Map(down.steps.map((step, i) => [step.id, i]));
  const blocks = new Map<number, string[]>();
  let pending: string[] = [];
  for (const step of [...(undone?.steps ?? [])].reverse()) {
    const pattern = step.perPartition;
    if (pattern !== undefined && (pattern.build !== null || pattern.shell !== null)) pending.push(renderLeftovers(step.id, pattern));
    const at = position.get(`rollback:${step.id}`);
    if (at === undefined) continue;
    blocks.set(at, pending);
    pending = [];
  }
  blocks.set(down.steps.length, pending);
  return blocks;
}

/**
 * What the per-partition step `stepId` left on the partitions that the drop of the parent's
 * index or key does not take with it (a run stopped between a partition's build and its attach),
 * found and dropped as `wesley migrate rollback` does (core's `partitionLeftoversSql`, the same
 * query), each statement run by psql's `\gexec` on its own: concurrently on a partition holding rows.
 */
function renderLeftovers(stepId: string, pattern: PerPartition): string {
  return [
    comment([
      `undo of ${stepId}, first: the partitions' indexes of ${pattern.index} it left unattached, read from the catalog as psql runs this`,
      '(none after a whole run: the drop of the parent index or key takes the attached ones)',
    ]),
    `SELECT leftover.undo FROM (${partitionLeftoversSql(pattern.table, pattern.index)}) leftover\n ORDER BY leftover.level, leftover.partition \\gexec`,
  ].join('\n');
}

function renderStep(step: PlanStep, number: number, count: number): string {
  const head = comment([
    `step ${number} of ${count}: ${step.id}`,
    `phase: ${step.phase}; transaction: ${transaction(step)}; locks: ${formatLocks(step.locks)}`,
    step.summary,
    ...(step.impact.lockout === undefined ? [] : [`LOCKS ROWS OUT of a running application: ${step.impact.lockout}`]),
    // Not run here: on a first run there is nothing to repair, and after a success it would undo the step.
    ...(step.repair.length === 0 ? [] : ['to run this step again after it failed, first run:', ...step.repair.map((sql) => `  ${sql}`)]),
  ]);
  if (step.backfill !== null) return `${head}\n${renderBackfillBlock(step.backfill, lockTimeout)}`;
  if (step.perPartition !== undefined) return `${head}\n${renderPerPartition(step.perPartition)}`;
  if (!step.transactional) return [head, ...step.sql].join('\n');
  return [head, 'BEGIN;', `SET LOCAL lock_timeout = '${lockTimeout}';`, ...step.sql, 'COMMIT;'].join('\n');
}

/**
 * A per-partition step: its partitions are not known until it runs, so the file asks the catalog
 * as psql runs it, with psql's `\gexec` (each row a statement, run on its own, so a concurrent
 * build is outside a transaction): the `ON ONLY` indexes of partitions partitioned in turn, the
 * builds on the others, their `ALTER TABLE`s, then every attach, parents first (those of them the
 * pattern has). Index names are `<partition>_<index>`; where longer than 63 bytes, cut and hashed as `wesley migrate` cuts them (`partitionIndexNameSql`).
 * The partitions are followed by oid, without a lock (`partitionTreeSql`), as the executor follows them.
 */
function renderPerPartition(pattern: PerPartition): string {
  const tree = `${partitionTreeSql(planRelationSql(pattern.table))} t
  JOIN pg_catalog.pg_class c ON c.oid = t.relid JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
  LEFT JOIN pg_catalog.pg_class pc ON pc.oid = t.parentrelid LEFT JOIN pg_catalog.pg_namespace pn ON pn.oid = pc.relnamespace`;
  const index = (relation: string) => partitionIndexNameSql(`${relation}.relname`, pattern.index);
  const slotted = (template: string, indexSql: string) =>
    `replace(replace(${quoteLiteral(template)}, '"{partition}"', format('%I.%I', n.nspname, c.relname)), '"{index}"', ${indexSql})`;
  const parentIndex = `CASE WHEN t.level = 1 THEN format('%I.%I', pn.nspname, ${quoteLiteral(pattern.index)}) ELSE format('%I.%I', pn.nspname, ${index('pc')}) END`;
  const order = 'ORDER BY t.level, n.nspname, c.relname \\gexec';
  return [
    comment([
      `for each partition of ${pattern.table}, read from the catalog as psql runs this (\\gexec runs each statement the query returns):`,
    ]),
    ...(pattern.shell === null
      ? []
      : [
          `SELECT ${slotted(pattern.shell, `quote_ident(${index('c')})`)}\n  FROM ${tree}\n WHERE t.level > 0 AND c.relkind = 'p'\n ${order}`,
        ]),
    ...(pattern.catchUp === undefined
      ? []
      : [
          `SELECT ${slotted(pattern.catchUp, `quote_ident(${index('c')})`)}\n  FROM ${tree}\n WHERE t.level > 0 AND c.relkind <> 'p'\n   AND NOT EXISTS (SELECT FROM pg_catalog.pg_constraint k WHERE k.conrelid = c.oid AND k.conname = ${index('c')})\n ${order}`,
        ]),
    ...[pattern.build, pattern.alter]
      .filter((template) => template !== null)
      .map(
        (template) =>
          `SELECT ${slotted(template, `quote_ident(${index('c')})`)}\n  FROM ${tree}\n WHERE t.level > 0 AND c.relkind <> 'p'\n ${order}`,
      ),
    ...(pattern.attach === null
      ? []
      : [
          `SELECT replace(replace(${quoteLiteral(pattern.attach)}, '"{parent_index}"', ${parentIndex}), '"{index}"', format('%I.%I', n.nspname, ${index('c')}))\n  FROM ${tree}\n WHERE t.level > 0\n ${order}`,
        ]),
  ].join('\n');
}

function transaction(step: PlanStep): string {
  if (step.backfill !== null) return `one per batch of ${step.backfill.batchSize} rows by ${step.backfill.key.join(', ')}`;
  if (step.perPartition !== undefined) return 'no: one build per partition, each attach in a transaction of its own';
  return step.transactional ? 'yes' : 'no, runs on its own';
}

/** `account (AccessExclusiveLock, ShareLock); team (AccessShareLock)`, or `none`. */
function formatLocks(claims: readonly LockClaim[]): string {
  if (claims.length === 0) return 'none';
  const byRelation = new Map<string, string[]>();
  for (const claim of claims) byRelation.set(lockTarget(claim), [...(byRelation.get(lockTarget(claim)) ?? []), claim.mode]);
  return [...byRelation].map(([relation, modes]) => `${relation} (${modes.join(', ')})`).join('; ');
}
