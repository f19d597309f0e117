import { blocksWrites, quoteIdent, type LockClaim, type LockMode, type PlanStep } from '@wesley/core';
import type { Connection } from '../../../src/connect/connect.js';
import { applyStep } from '../../../src/execute/apply-step.js';

/** The sessions that observe one step: it runs on `runner`; `watcher` reads pg_locks and probes; `holder` holds a snapshot. */
export interface ObserverSessions {
  readonly runner: Connection;
  readonly watcher: Connection;
  readonly holder: Connection;
}

/** What PostgreSQL showed while a step ran. */
export interface ObservedStep {
  /** Relation locks on the schema's tables, as `relation:mode`, sorted. */
  readonly locks: readonly string[];
  /** Tables that existed before the step, by their name after it: the ones a writer was probed on. */
  readonly probed: readonly string[];
  /** Those of `probed` on which a writer's ROW EXCLUSIVE lock was not granted at once. */
  readonly writesBlocked: readonly string[];
  /** The partitions (sub-partitions too) of each partitioned table, by parent, before or after the step. */
  readonly partitions: ReadonlyMap<string, readonly string[]>;
}

interface HeldLock {
  /** The locked relation; `null` for other lock types (a virtual transaction id waited for). */
  readonly oid: string | null;
  readonly mode: LockMode;
  readonly granted: boolean;
}

/**
 * Runs `step` on `runner` and records the table locks it takes (`pg_locks`, locktype
 * `relation`, tables and partitioned tables of `schema` only):
 *
 * - a transactional step: its statements in a transaction, pg_locks read before COMMIT;
 * - a backfill: its first batch in a transaction, pg_locks read before COMMIT, then the whole
 *   step through the executor. The batch runs once before, rolled back: the first UPDATE of a
 *   partitioned table after DDL on it also takes ACCESS SHARE on the parent (measured on 15
 *   and 18, gone on the next run), which depends on what ran before, not on the step;
 * - a non-transactional (`CONCURRENTLY`) step: `holder` keeps a snapshot and an ACCESS SHARE
 *   lock on every table so the statement has to wait, `watcher` polls pg_locks for the runner
 *   until it sees it waiting, then releases the holder and polls on until the statement ends.
 *
 * While the step holds its locks, `watcher` tries a writer's ROW EXCLUSIVE lock (`NOWAIT`) on
 * every table that existed before the step. Lock oids are named from pg_class read before the
 * step (a dropped table vanishes) and after it (a new or renamed table shows its new name).
 */
export async function observeStepLocks(sessions: ObserverSessions, step: PlanStep, schema: string): Promise<ObservedStep> {
  const before = await tablesOf(sessions.runner, schema);
  const treeBefore = await partitionTrees(sessions.runner, schema);
  const seen = await observe(sessions, step, schema, before);
  const treeAfter = await partitionTrees(sessions.runner, schema);
  const names = new Map([...before, ...(await tablesOf(sessions.runner, schema))]);
  const partitions = new Map<string, string[]>();
  for (const [parent, children] of [...treeBefore, ...treeAfter]) {
    const name = names.get(parent) ?? parent;
    const known = new Set([...(partitions.get(name) ?? []), ...children.map((child) => names.get(child) ?? child)]);
    partitions.set(name, [...known].sort());
  }
  return { ...seen, partitions };
}

async function observe(
  sessions: ObserverSessions,
  step: PlanStep,
  schema: string,
  before: Map<string, string>,
): Promise<Omit<ObservedStep, 'partitions'>> {
  if (step.perPartition !== undefined) return observePerPartition(sessions, step, schema, before);
  if (!step.transactional) return observeConcurrent(sessions, step, schema, before);
  const { runner } = sessions;
  if (step.phase === 'backfill') await warmUp(runner, step);
  await runner.query('BEGIN');
  try {
    if (step.backfill !== null) {
      await runner.query(step.backfill.firstBatch, [step.backfill.batchSize]);
    } else {
      for (const sql of step.sql) await runner.query(sql);
    }
    const held = await locksOf(runner, await pidOf(runner));
    const names = new Map([...before, ...(await tablesOf(runner, schema, withViews))]);
    const blocked = await writeProbe(sessions.watcher, before);
    await runner.query('COMMIT');
    if (step.backfill !== null) await applyStep(runner, step);
    return { locks: named(held, names), ...probeResult(before, blocked, names) };
  } catch (error) {
    await runner.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}

/** Runs a backfill step's first statement and rolls it back, so its locks no longer depend on what ran before it. */
async function warmUp(runner: Connection, step: PlanStep): Promise<void> {
  await runner.query('BEGIN');
  try {
    if (step.backfill !== null) await runner.query(step.backfill.firstBatch, [step.backfill.batchSize]);
    else for (const sql of step.sql) await runner.query(sql);
  } finally {
    await runner.query('ROLLBACK');
  }
}

async function observeConcurrent(
  sessions: ObserverSessions,
  step: PlanStep,
  schema: string,
  before: Map<string, string>,
): Promise<Omit<ObservedStep, 'partitions'>> {
  const { runner, watcher, holder } = sessions;
  const pid = await pidOf(runner);
  await holder.query('BEGIN ISOLATION LEVEL REPEATABLE READ');
  const tables = [...before.values()].map((name) => `${quoteIdent(schema)}.${quoteIdent(name)}`);
  await holder.query(`LOCK TABLE ${tables.join(', ')} IN ACCESS SHARE MODE`);
  await holder.query('SELECT 1'); // takes the snapshot a concurrent index build waits for
  let finished = false;
  const running = (async () => {
    for (const sql of step.sql) await runner.query(sql);
  })().finally(() => {
    finished = true;
  });
  running.catch(() => undefined); // a failure surfaces at `await running`, not as an unhandled rejection
  const seen: HeldLock[] = [];
  let blocked: string[] | null = null;
  try {
    while (!finished) {
      const held = await locksOf(watcher, pid);
      seen.push(...held);
      if (blocked === null && held.some((lock) => !lock.granted)) {
        // The statement waits for the holder, with its table locks taken: probe, then let it go.
        blocked = await writeProbe(watcher, before);
        await holder.query('COMMIT');
      }
      await sleep(2);
    }
    await running;
  } finally {
    await holder.query('ROLLBACK').catch(() => undefined);
    await running.catch(() => undefined);
  }
  if (blocked === null) throw new Error(`${step.id}: the statement was never seen waiting, so its locks were not observed in flight`);
  const names = new Map([...before, ...(await tablesOf(runner, schema, withViews))]);
  return { locks: named(seen, names), ...probeResult(before, blocked, names) };
}

/**
 * A per-partition step, run by the executor (which finds the partitions): each concurrent build is
 * held by `holder`'s snapshot as in `observeConcurrent`, seen waiting, and let go, and `holder`
 * takes a new snapshot at once so that the next partition's build waits too; the locks of each
 * transaction of the step (the attaches) are read inside it, after each of its statements, on
 * the runner's own session. Writes are probed while a build waits and inside each transaction,
 * after each statement: the step holds up writes to a partition one at a time, and the probes
 * together see each.
 */
async function observePerPartition(
  sessions: ObserverSessions,
  step: PlanStep,
  schema: string,
  before: Map<string, string>,
): Promise<Omit<ObservedStep, 'partitions'>> {
  const { runner, watcher, holder } = sessions;
  const pid = await pidOf(runner);
  const tables = [...before.values()].map((name) => `${quoteIdent(schema)}.${quoteIdent(name)}`);
  // The holder gives way: an attach transaction of the step may hold one table exclusively while
  // it waits for another the holder has already locked (LOCK TABLE takes them one by one), a
  // deadlock PostgreSQL would break by cancelling either side. Under a short lock_timeout the
  // holder lets go of what it took and tries again once the transaction has committed.
  const hold = async () => {
    for (;;) {
      await holder.query('BEGIN ISOLATION LEVEL REPEATABLE READ');
      try {
        await holder.query(`SET LOCAL lock_timeout = '50ms'`);
        await holder.query(`LOCK TABLE ${tables.join(', ')} IN ACCESS SHARE MODE`);
        await holder.query('SELECT 1');
        return;
      } catch (error) {
        await holder.query('ROLLBACK');
        if ((error as { code?: string }).code !== '55P03') throw error;
        await sleep(5);
      }
    }
  };
  const seen: HeldLock[] = [];
  const blockedSeen = new Set<string>();
  // One use of the watcher at a time: a probe is a transaction of its own, which a lock read between
  // its failed LOCK TABLE and its ROLLBACK would find aborted.
  let probing: Promise<unknown> = Promise.resolve();
  const onWatcher = <T>(work: () => Promise<T>): Promise<T> => {
    const next = probing.then(work);
    probing = next;
    return next;
  };
  const probe = () => onWatcher(async () => (await writeProbe(watcher, before)).forEach((oid) => blockedSeen.add(oid)));
  let inTransaction = false;
  const spied: Connection = {
    displayUrl: runner.displayUrl,
    client: runner.client,
    close: () => runner.close(),
    query: async (text, values) => {
      const result = await runner.query(text, values);
      if (/^\s*BEGIN\b/i.test(text)) inTransaction = true;
      else if (/^\s*(COMMIT|ROLLBACK)\b/i.test(text)) inTransaction = false;
      else if (inTransaction && !/pg_catalog/.test(text)) {
        seen.push(...(await locksOf(runner, pid)));
        // The writes each partition's transaction holds up, with its locks taken.
        await probe();
      }
      return result as never;
    },
  };
  await hold();
  let finished = false;
  const running = applyStep(spied, step).finally(() => {
    finished = true;
  });
  running.catch(() => undefined);
  try {
    while (!finished) {
      const held = await onWatcher(() => locksOf(watcher, pid));
      seen.push(...held);
      if (held.some((lock) => !lock.granted)) {
        await probe();
        await holder.query('COMMIT');
        await hold();
      }
      await sleep(2);
    }
    await running;
  } finally {
    await holder.query('ROLLBACK').catch(() => undefined);
    await running.catch(() => undefined);
  }
  await probing;
  const names = new Map([...before, ...(await tablesOf(runner, schema, withViews))]);
  return { locks: named(seen, names), ...probeResult(before, [...blockedSeen], names) };
}

/**
 * Relations of `schema` by oid, as `session` sees them now, of the `pg_class.relkind`s given:
 * tables and partitioned tables, and materialized views (`withViews`) to name the locks seen,
 * never to probe or hold (LOCK TABLE refuses a materialized view).
 */
async function tablesOf(session: Connection, schema: string, kinds: readonly string[] = tableKinds): Promise<Map<string, string>> {
  const { rows } = await session.query<{ oid: string; name: string }>(
    `SELECT c.oid::text AS oid, c.relname::text AS name
       FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = $1 AND c.relkind = ANY($2::"char"[])`,
    [schema, kinds],
  );
  return new Map(rows.map((row) => [row.oid, row.name]));
}

/** Oids of the partitions (sub-partitions too) of each partitioned table of `schema`, by the parent's oid. */
async function partitionTrees(session: Connection, schema: string): Promise<Map<string, string[]>> {
  const { rows } = await session.query<{ parent: string; partitions: string[] }>(
    `SELECT c.oid::text AS parent,
            ARRAY(SELECT t.relid::oid::text FROM pg_catalog.pg_partition_tree(c.oid) t WHERE t.relid <> c.oid::regclass) AS partitions
       FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = $1 AND c.relkind = 'p'`,
    [schema],
  );
  return new Map(rows.map((row) => [row.parent, row.partitions]));
}

/**
 * `claims` as `relation:mode` strings with each scope resolved to the partitions seen:
 * `partitions` to each partition of the named parent, `tree` to it and each partition,
 * `leaves` to each of its partitions that is not partitioned, `partitioned` to each that is (a
 * parent in `partitions` too).
 */
export function expandClaims(claims: readonly LockClaim[], partitions: ReadonlyMap<string, readonly string[]>): string[] {
  const out = new Set<string>();
  for (const { relation, mode, scope } of claims) {
    if (scope === undefined || scope === 'tree') out.add(`${relation}:${mode}`);
    const covered = (partitions.get(relation) ?? []).filter((partition) =>
      scope === 'partitioned' ? partitions.has(partition) : scope === 'leaves' ? !partitions.has(partition) : true,
    );
    if (scope !== undefined) for (const partition of covered) out.add(`${partition}:${mode}`);
  }
  return [...out].sort();
}

/** Locks of backend `pid`, granted or awaited: relation locks in this database, and every other type. */
async function locksOf(session: Connection, pid: number): Promise<HeldLock[]> {
  const { rows } = await session.query<HeldLock>(
    `SELECT relation::text AS oid, mode, granted FROM pg_catalog.pg_locks
      WHERE pid = $1 AND (locktype <> 'relation' OR database = (SELECT oid FROM pg_catalog.pg_database WHERE datname = current_database()))`,
    [pid],
  );
  return rows;
}

/** Granted locks on the named tables, as sorted `relation:mode` strings. */
function named(held: readonly HeldLock[], names: ReadonlyMap<string, string>): string[] {
  const claims = new Set<string>();
  for (const lock of held) {
    const name = lock.granted && lock.oid !== null ? names.get(lock.oid) : undefined;
    if (name !== undefined) claims.add(`${name}:${lock.mode}`);
  }
  return [...claims].sort();
}

function probeResult(before: ReadonlyMap<string, string>, blocked: readonly string[], names: ReadonlyMap<string, string>) {
  const nameOf = (oid: string) => names.get(oid) ?? oid;
  return { probed: [...before.keys()].map(nameOf).sort(), writesBlocked: blocked.map(nameOf).sort() };
}

/**
 * Oids of `tables` on which a writer's ROW EXCLUSIVE lock (what INSERT takes) is not granted
 * at once. `watcher` sees the committed catalog, so it locks each table by its old name.
 */
async function writeProbe(watcher: Connection, tables: ReadonlyMap<string, string>): Promise<string[]> {
  const blocked: string[] = [];
  const visible = await watcher.query<{ oid: string; schema: string; name: string }>(
    `SELECT c.oid::text AS oid, n.nspname::text AS schema, c.relname::text AS name
       FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
      WHERE c.oid = ANY($1::oid[])`,
    [[...tables.keys()]],
  );
  for (const { oid, schema, name } of visible.rows) {
    await watcher.query('BEGIN');
    try {
      await watcher.query(`LOCK TABLE ${quoteIdent(schema)}.${quoteIdent(name)} IN ROW EXCLUSIVE MODE NOWAIT`);
    } catch (error) {
      if ((error as { code?: unknown }).code !== '55P03') throw error;
      blocked.push(oid);
    } finally {
      await watcher.query('ROLLBACK');
    }
  }
  return blocked;
}

/**
 * Tables among `tables` on which `step` claims a lock that makes writers wait (scopes resolved to
 * `partitions`). Such a lock on a partition holds up writes to its parent too: a write there is
 * routed to the partition (and the probe's LOCK TABLE of the parent recurses to it).
 */
export function claimedWriteBlocks(
  step: Pick<PlanStep, 'locks'>,
  tables: readonly string[],
  partitions: ReadonlyMap<string, readonly string[]>,
): string[] {
  const claimed = expandClaims(
    step.locks
      .filter((lock) => blocksWrites(lock.mode))
      // A write to the parent is routed to (and the probe's LOCK TABLE recurses to) the partitions.
      .flatMap((lock) =>
        lock.scope === 'partitions' || lock.scope === 'leaves'
          ? [{ ...lock, scope: 'tree' as const }]
          : lock.scope === 'partitioned' && (partitions.get(lock.relation) ?? []).some((partition) => partitions.has(partition))
            ? [lock, { relation: lock.relation, mode: lock.mode }]
            : [lock],
      ),
    partitions,
  );
  const blocking = new Set(claimed.map((claim) => claim.slice(0, claim.lastIndexOf(':'))));
  return tables.filter((table) => blocking.has(table));
}

async function pidOf(session: Connection): Promise<number> {
  const { rows } = await session.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
  const pid = rows[0]?.pid;
  if (pid === undefined) throw new Error('no backend pid');
  return pid;
}

const tableKinds = ['r', 'p'];
const withViews = [...tableKinds, 'm'];

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * {@link observeStepLocks} for one hand-written statement, as the linter classified it: run in a
 * transaction of its own, or, when it may not run in one (`CONCURRENTLY`, `VACUUM`), held up by
 * a snapshot and watched in flight, as a planned step of the same shape is.
 */
export function observeStatementLocks(
  sessions: ObserverSessions,
  statement: { readonly sql: string; readonly transactional: boolean },
  schema: string,
): Promise<ObservedStep> {
  // A step of no change: only its statement and whether it runs in a transaction are read here.
  const step: PlanStep = {
    kind: 'step',
    id: `statement:${statement.sql}`,
    operation: 'createTable',
    phase: 'expand',
    summary: statement.sql,
    sql: [statement.sql],
    transactional: statement.transactional,
    locks: [],
    rewrites: false,
    scans: false,
    backfill: null,
    repair: [],
    impact: { app: 'safe', data: 'safe', reason: 'a hand-written statement' },
    reversible: false,
    rollback: null,
    blocking: null,
    approval: null,
  };
  return observeStepLocks(sessions, step, schema);
}
