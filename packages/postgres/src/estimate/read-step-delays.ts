import type { PlanStep } from '@wesley/core/run';
import type { Connection } from '../connect/connect.js';
import { displayQuery, waitForLockHolders } from '../execute/wait-for-lock-holders.js';
import { stepWork } from './step-work.js';

/** An open transaction of another session that would delay a step if it ran now. */
export interface StepDelay {
  readonly kind: 'step-delay';
  readonly pid: number;
  /** How long its transaction has been open, in milliseconds. */
  readonly openMs: number;
  /** `pg_stat_activity.state`: `active`, `idle in transaction`, ... */
  readonly state: string;
  /** Its current (or last) statement on one line, shortened, passwords masked. */
  readonly query: string;
  /**
   * Why the step would wait for it: a concurrent index build waits for every transaction of the
   * database holding an older snapshot (`snapshot`); a step asking for a lock that blocks writes
   * queues behind the holders of a conflicting one (`lock`, with the relation and mode held).
   */
  readonly reason: { readonly kind: 'snapshot' } | { readonly kind: 'lock'; readonly relation: string; readonly mode: string };
}

interface SnapshotRow {
  readonly pid: number;
  readonly open_ms: number;
  readonly state: string;
  readonly query: string;
}

/**
 * The open transactions that would delay `step` if it ran now, oldest first. For a concurrent
 * index build: every other session of this database whose transaction holds a snapshot
 * (`backend_xmin`) or a transaction id, since `CREATE INDEX CONCURRENTLY` waits, between its
 * phases, for each transaction whose snapshot is older than its own (not autovacuum, which it
 * skips; sessions in other databases are not waited for). For a step claiming a lock that blocks
 * writes: the sessions holding or awaiting a conflicting lock on a claimed table, read by the
 * executor's own holder wait (`waitForLockHolders`, asked once, without waiting), which skips
 * transactions younger than its poll. Reads `pg_stat_activity` and `pg_locks` only: no lock, and
 * a role that may not see another role's activity sees its sessions without their age (and so,
 * for a snapshot, not at all).
 */
export async function readStepDelays(session: Connection, step: PlanStep): Promise<StepDelay[]> {
  const work = stepWork(step);
  const delays: StepDelay[] = [];
  if (work.kind === 'index-build' && work.concurrent) {
    const { rows } = await session.query<SnapshotRow>(
      `SELECT a.pid, floor(extract(epoch FROM clock_timestamp() - a.xact_start) * 1000)::int AS open_ms,
              coalesce(a.state, '') AS state, coalesce(a.query, '') AS query
       FROM pg_catalog.pg_stat_activity AS a
       WHERE a.datname = current_database() AND a.pid <> pg_backend_pid()
         AND a.backend_type IS DISTINCT FROM 'autovacuum worker'
         AND (a.backend_xmin IS NOT NULL OR a.backend_xid IS NOT NULL) AND a.xact_start IS NOT NULL
       ORDER BY a.xact_start`,
    );
    for (const row of rows) {
      delays.push({
        kind: 'step-delay',
        pid: row.pid,
        openMs: row.open_ms,
        state: row.state,
        query: displayQuery(row.query),
        reason: { kind: 'snapshot' },
      });
    }
  }
  const { holders } = await waitForLockHolders(session, step.locks, Date.now(), new Set(), () => undefined);
  for (const holder of holders) {
    if (delays.some((delay) => delay.pid === holder.pid)) continue;
    const { pid, openMs, state, query, relation, mode } = holder;
    delays.push({ kind: 'step-delay', pid, openMs, state, query, reason: { kind: 'lock', relation, mode } });
  }
  return delays;
}
