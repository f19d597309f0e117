import { formatDuration } from './format-duration.js';
import type { MigrateEvent } from '@wesley/postgres/run';
import type { MigrationProgress, StepProgress } from './migrate-progress.js';
import type { MigrateOutcome } from './migrate-outcome.js';

const count = (n: number, noun: string): string =>
  `${n.toLocaleString('en-US')} ${noun}${n === 1 ? '' : /(s|ch)$/.test(noun) ? 'es' : 's'}`;

/** `plan, 13 steps` or `SQL file`. */
export function describeMigration(migration: MigrationProgress): string {
  if (migration.type === 'sql') return 'SQL file';
  return migration.steps === null ? 'plan' : `plan, ${count(migration.steps, 'step')}`;
}

/** `step 3/13 expand add-column:customer.email`, leaving out what the plan could not tell. */
export function describeStep(step: StepProgress, steps: number | null): string {
  const position = step.number === null ? '' : `step ${step.number}${steps === null ? '' : `/${steps}`} `;
  return `${position}${step.phase === null ? '' : `${step.phase} `}${step.id}`;
}

/**
 * `, 3 batches of 1,000 rows (up to 3,000 rows)`, or `, 33 batches of 1,000 to 32,000 rows (up to
 * 1,000,000 rows)` once their size changed, for a backfill under way, else `''`.
 */
export function describeRows(step: StepProgress): string {
  const sizes = step.batchSizes;
  if (step.batches === 0 || sizes === null) return '';
  const of =
    sizes.smallest === sizes.largest
      ? count(sizes.smallest, 'row')
      : `${sizes.smallest.toLocaleString('en-US')} to ${count(sizes.largest, 'row')}`;
  return `, ${count(step.batches, 'batch')} of ${of} (up to ${count(step.rows, 'row')})`;
}

/** `, next 24,000 rows`: the size of the backfill batch running now, else `''`. */
export function describeBatchSize(step: StepProgress): string {
  return step.batchSizes === null ? '' : `, next ${count(step.batchSizes.next, 'row')}`;
}

/** `batches of 16,000 rows now (the last, of 8,000, held its row locks 26 ms)`: a backfill's batch size, as it changes. */
export function describeBatchResize(event: Extract<MigrateEvent, { kind: 'batch' }>): string {
  return `batches of ${count(event.nextRows, 'row')} now (the last, of ${event.rows.toLocaleString('en-US')}, held its row locks ${formatDuration(event.heldMs)})`;
}

/** `, 3/40 partitions` for a per-partition step under way, else `''`. */
export function describePartitions(step: StepProgress): string {
  return step.partitions === null ? '' : `, ${step.partitions.done.toLocaleString('en-US')}/${count(step.partitions.total, 'partition')}`;
}

/** `, predicted 1.2 s` for a step estimated before the run (`--explain`), else `''`. */
export function describePredicted(step: StepProgress): string {
  return step.predictedMs === null ? '' : `, predicted ${formatDuration(step.predictedMs)}`;
}

/** `predicted 12.3 s in all; the longest step: 0002_total add-index:invoice.total_idx, 9.8 s`. */
export function describeEstimates(event: Extract<MigrateEvent, { kind: 'estimates' }>): string {
  const { bottleneck } = event;
  const longest = event.steps.find((step) => step.migration === bottleneck?.migration && step.stepId === bottleneck.stepId);
  const named =
    longest === undefined ? '' : `; the longest step: ${longest.migration} ${longest.stepId}, ${formatDuration(longest.predictedMs)}`;
  return `predicted ${formatDuration(event.totalMs)} in all${named}`;
}

/** Why a step is tried again, from its SQLSTATE. */
export function retryReason(sqlState: string): string {
  if (sqlState === '55P03') return 'lock not granted within the lock timeout';
  if (sqlState === '40P01') return 'deadlock';
  return `SQLSTATE ${sqlState}`;
}

/** `waiting for pid 4242, open 12.0 s, idle in transaction, holding AccessShareLock on invoice: \`SELECT ...\`` */
export function describeHolderWait(event: Extract<MigrateEvent, { kind: 'holder-wait' }>): string {
  const query = event.query === '' ? '' : `: \`${event.query}\``;
  const state = event.state === '' ? '' : `, ${event.state}`;
  return `waiting for pid ${event.pid}, open ${formatDuration(event.openMs)}${state}, holding ${event.mode} on ${event.relation}${query}`;
}

/** How a wait for the holders of a step's tables ended. */
export function describeHolderWaitEnd(event: Extract<MigrateEvent, { kind: 'holder-wait-end' }>): string {
  const after = formatDuration(event.waitedMs);
  if (event.holders === 0) return `the sessions holding its tables let go after ${after}; asking for the lock`;
  return `${count(event.holders, 'session')} still holding its tables after ${after} (the holder wait); asking for the lock under lock_timeout, with retries`;
}

/** Why the run stops or waits before `event.stepId`: outside every migration window. */
export function describeWindowClosed(event: Extract<MigrateEvent, { kind: 'window-closed' }>): string {
  if (event.waiting) return `outside the migration windows; waiting for the next, which opens at ${event.opensAt} (Ctrl-C stops cleanly)`;
  return `outside the migration windows; it and the steps after it wait for the next window, which opens at ${event.opensAt}`;
}

/** `pausing the backfill: replica lag 4,000 ms, over the limit of 1,000 ms` */
export function describeThrottle(event: Extract<MigrateEvent, { kind: 'throttle' }>): string {
  const { kind, value, max } = event.limit;
  const what = kind === 'replica-lag' ? `replica lag ${value.toLocaleString('en-US')} ms` : `${count(value, 'active session')}`;
  const limit =
    kind === 'replica-lag' ? `maxReplicaLagMs ${max.toLocaleString('en-US')}` : `maxActiveSessions ${max.toLocaleString('en-US')}`;
  return `pausing the backfill: ${what}, over ${limit}`;
}

/** `, 1,000 statements` for a SQL file under way, else `''`. */
export function describeStatements(migration: MigrationProgress): string {
  return migration.statements === 0 ? '' : `, ${count(migration.statements, 'statement')}`;
}

/** The last line of a run that ended without failing. */
export function summaryLine(outcome: Extract<MigrateOutcome, { kind: 'done' }>): string {
  if (outcome.applied.length === 0 && outcome.stoppedIn === null) {
    return outcome.total === 0
      ? 'wesley migrate: nothing to do, the directory has no migrations\n'
      : `wesley migrate: nothing to do, ${outcome.total === 1 ? 'the one migration is' : `all ${count(outcome.total, 'migration')} are`} applied\n`;
  }
  const duration = formatDuration(outcome.durationMs);
  const applied = count(outcome.applied.length, 'migration');
  if (outcome.stoppedIn === null) return `wesley migrate: ${applied} applied in ${duration}\n`;
  const before = outcome.applied.length === 0 ? '' : `${applied} applied, then `;
  const { gateStop } = outcome;
  if (gateStop?.kind === 'window') {
    return `wesley migrate: ${before}stopped in ${outcome.stoppedIn} outside the migration windows (${duration}); the next opens at ${gateStop.opensAt}: run wesley migrate again then, or with --wait\n`;
  }
  if (gateStop?.kind === 'interrupted') {
    return `wesley migrate: ${before}stopped in ${outcome.stoppedIn}: the wait was interrupted (${duration}); run wesley migrate again to go on\n`;
  }
  return `wesley migrate: ${before}stopped in ${outcome.stoppedIn} as --to asked (${duration}); run wesley migrate without --to to finish it\n`;
}
