import { partitionIndexName, quoteIdent, type PerPartition, type PlanStep } from '@wesley/core/run';
import type { Connection } from '../connect/connect.js';
import { partitionTree, qualifiedName as qualified } from './partition-tree.js';
import type { ResolvedRunOptions } from './run-options.js';
import type { StepJournal } from './step-journal.js';
import { inStepTransaction, outsideStepTransaction } from './step-session.js';

/** Retries one unit of work on a lock timeout or deadlock, as the step runner does; resolves to the attempts it took. */
export type Retry = (attempt: () => Promise<void>) => Promise<number>;

/**
 * Runs a per-partition step (`PerPartition`): reads the table's partitions from the catalog now
 * (sub-partitions too, each after its parent), then for each one builds its
 * index concurrently (a partition holding rows) or runs `shell` (one partitioned in turn), then,
 * in a transaction that also records the partition as done (`journal.batchCommitting`, the step's
 * cursor), runs `alter` (a partition holding rows) and attaches its index to its parent's; each of
 * these the pattern leaves out (`null`) is skipped; `catchUp` first, on a partition holding rows
 * that lacks what the pattern's earlier step made (created or attached since). A run stopped at any point resumes after the
 * cursor; a partition whose index is already attached (also one created since, which PostgreSQL
 * indexes itself) is left as it is; an INVALID index an interrupted build left is dropped
 * concurrently and built again, a valid one kept. Resolves to the attempts of all units.
 */
export async function runPerPartition(
  session: Connection,
  step: PlanStep,
  pattern: PerPartition,
  options: ResolvedRunOptions,
  journal: StepJournal,
  retry: Retry,
): Promise<number> {
  const tree = await partitionTree(session, pattern.table);
  const root = tree[0];
  if (root === undefined) throw new Error(`${step.id}: ${pattern.table} is not a partitioned table`);
  // The index each partitioned relation has for this pattern, where its partitions' indexes attach.
  const indexOf = new Map([[root.relation, qualified(root.schema, pattern.index)]]);
  const resumeAfter = journal.resumeAfter?.[0];
  const done = resumeAfter === undefined ? 0 : tree.findIndex((node) => node.relation === resumeAfter) + 1;
  let attempts = 0;
  // Partitions detached since the tree was read, and theirs: no longer the pattern's, left as they are.
  const detached = new Set<string>();
  // For each parent's index, one partition's index attached to it (the last): what validates it again after a detach.
  const attachedTo = new Map<string, string>();
  for (const [position, node] of tree.entries()) {
    const parent = node.parent;
    if (parent === null) continue;
    if (detached.has(parent) || !(await isPartitionOf(session, node.relation, parent))) {
      detached.add(node.relation);
      continue;
    }
    const parentIndex = indexOf.get(parent);
    // A step that attaches nothing may run before a partitioned partition has its own index (`shell`, a later step).
    if (parentIndex === undefined && pattern.attach !== null)
      throw new Error(`${step.id}: no index of ${pattern.index} on the parent of ${node.relation}`);
    const name = partitionIndexName(node.name, pattern.index);
    const index = qualified(node.schema, name);
    const attached = parentIndex === undefined ? null : await attachedIndex(session, node.relation, parentIndex);
    const attachedNow = () => void (parentIndex !== undefined && pattern.attach !== null && attachedTo.set(parentIndex, attached ?? index));
    // Recorded done by an earlier run (the cursor): only its index is needed, for its own partitions.
    if (position < done) {
      attachedNow();
      if (node.partitioned) indexOf.set(node.relation, attached ?? index);
      continue;
    }
    const slots = { '"{partition}"': node.relation, '"{index}"': quoteIdent(name), '"{parent_index}"': parentIndex ?? '' };
    const { build, shell, catchUp, alter, attach } = pattern;
    if (catchUp !== undefined && !node.partitioned && !(await hasConstraint(session, node.relation, name)))
      attempts += await retry(() => inStepTransaction(session, options, async () => void (await session.query(fill(catchUp, slots)))));
    if (attached === null) {
      if (node.partitioned && shell !== null)
        attempts += await retry(() =>
          inStepTransaction(session, options, async () => {
            if ((await indexState(session, index)) === 'absent') await session.query(fill(shell, slots));
          }),
        );
      if (!node.partitioned && build !== null)
        attempts += await retry(() => buildConcurrently(session, fill(build, slots), index, options, journal));
    }
    attempts += await retry(() =>
      inStepTransaction(session, options, async () => {
        if (attached === null && attach !== null) {
          // The attach takes ACCESS SHARE on the parent: taken first, no DETACH can end between the check and the attach.
          await session.query(`LOCK TABLE ONLY ${parent} IN ACCESS SHARE MODE`);
          if (!(await isPartitionOf(session, node.relation, parent))) return void detached.add(node.relation);
        }
        if (attached === null && !node.partitioned && alter !== null) await session.query(fill(alter, slots));
        if (attached === null && attach !== null) await session.query(fill(attach, { ...slots, '"{index}"': index }));
        await journal.batchCommitting?.(session, [node.relation]);
      }),
    );
    if (detached.has(node.relation)) continue;
    attachedNow();
    if (node.partitioned) indexOf.set(node.relation, attached ?? index);
    // Committed with the cursor: the table itself is not one of the partitions counted.
    options.onEvent({ kind: 'partition-done', stepId: step.id, partition: node.relation, done: position, total: tree.length - 1 });
  }
  // PostgreSQL makes a parent's index valid as the last partition missing attaches, not as it is detached; attaching
  // again an index attached already does it (measured on 15 and 18). Deepest parents first, so that theirs count above.
  for (const [parentIndex, child] of [...attachedTo].reverse())
    if (detached.size > 0 && (await indexState(session, parentIndex)) === 'invalid')
      attempts += await retry(() =>
        inStepTransaction(session, options, async () => void (await session.query(`ALTER INDEX ${parentIndex} ATTACH PARTITION ${child}`))),
      );
  return attempts;
}

/**
 * `build` on one partition, outside a transaction under the concurrent wait budget. An INVALID
 * `index` (an interrupted build, in this run or an earlier one) is dropped concurrently first; a
 * valid one, built but not attached, is kept. A failed build's INVALID index is dropped before
 * the error goes to the retry.
 */
async function buildConcurrently(
  session: Connection,
  build: string,
  index: string,
  options: ResolvedRunOptions,
  journal: StepJournal,
): Promise<void> {
  const drop = `DROP INDEX CONCURRENTLY IF EXISTS ${index};`;
  await outsideStepTransaction(session, options, async () => {
    await journal.outsideTransaction?.(session);
    const state = await indexState(session, index);
    if (state === 'valid') return;
    if (state === 'invalid') await session.query(drop);
    try {
      await session.query(build);
    } catch (error) {
      try {
        // Not when the caller refuses (it lost its lock): the INVALID index may then be another run's build.
        await journal.outsideTransaction?.(session);
        await session.query(drop);
      } catch {
        // The build's own error is the one to report.
      }
      throw error;
    }
  });
}

/** The index of `relation` attached to `parentIndex` (whatever its name), qualified; `null` when none is, or `parentIndex` is not there yet. */
async function attachedIndex(session: Connection, relation: string, parentIndex: string): Promise<string | null> {
  const { rows } = await session.query<{ index: string }>(
    `SELECT quote_ident(n.nspname) || '.' || quote_ident(c.relname) AS index
       FROM pg_catalog.pg_inherits i
       JOIN pg_catalog.pg_index x ON x.indexrelid = i.inhrelid
       JOIN pg_catalog.pg_class c ON c.oid = i.inhrelid
       JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
      WHERE i.inhparent = to_regclass($2) AND x.indrelid = $1::regclass`,
    [relation, parentIndex],
  );
  return rows[0]?.index ?? null;
}

/** `relation` is still a partition of `parent` (not detached since the tree was read, nor being detached concurrently). */
async function isPartitionOf(session: Connection, relation: string, parent: string): Promise<boolean> {
  const { rows } = await session.query(
    // `inhdetachpending` (a DETACH ... CONCURRENTLY under way) exists from PostgreSQL 14: read through to_jsonb, so that 11-13 answer too.
    `SELECT 1 FROM pg_catalog.pg_inherits i
      WHERE i.inhrelid = to_regclass($1) AND i.inhparent = to_regclass($2) AND (to_jsonb(i) ->> 'inhdetachpending') IS DISTINCT FROM 'true'`,
    [relation, parent],
  );
  return rows.length > 0;
}

/** `relation` has a constraint named `name`: what an earlier step of the pattern made there. */
async function hasConstraint(session: Connection, relation: string, name: string): Promise<boolean> {
  const { rows } = await session.query('SELECT 1 FROM pg_catalog.pg_constraint WHERE conrelid = to_regclass($1) AND conname = $2', [
    relation,
    name,
  ]);
  return rows.length > 0;
}

async function indexState(session: Connection, index: string): Promise<'absent' | 'invalid' | 'valid'> {
  const { rows } = await session.query<{ valid: boolean }>(
    'SELECT x.indisvalid AS valid FROM pg_catalog.pg_index x WHERE x.indexrelid = to_regclass($1)',
    [index],
  );
  const row = rows[0];
  return row === undefined ? 'absent' : row.valid ? 'valid' : 'invalid';
}

/** `template` with each placeholder (a quoted identifier) replaced. */
function fill(template: string, slots: Readonly<Record<string, string>>): string {
  return template.replace(/"\{(partition|index|parent_index)\}"/g, (slot) => slots[slot] ?? slot);
}
