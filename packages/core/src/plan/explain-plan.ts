import type { Risk } from '../diff/change.js';
import { blocksReads, blocksWrites, compareLockModes, type LockMode } from './lock-mode.js';
import { lockTarget } from './lock-scope.js';
import { stepBlocking } from './step-blocking.js';
import type { Phase, Plan, PlanStep } from './plan-types.js';

/** One step of a plan as explain shows it; the JSON form of `wesley plan --explain --json`. */
export interface ExplainRow {
  readonly id: string;
  readonly phase: Phase;
  readonly transactional: boolean;
  /** The strongest lock per table: `account: AccessExclusiveLock`, `each partition of event: ShareLock`. */
  readonly locks: readonly string[];
  /** `reads and writes`, `writes`, or `nothing`: what the step's locks make others wait for. */
  readonly blocks: 'reads and writes' | 'writes' | 'nothing';
  readonly rewrites: boolean;
  readonly scans: boolean;
  /** How long the blocking lasts, in words a reviewer can check. */
  readonly effect: string;
  readonly risk: { readonly app: Risk; readonly data: Risk };
  readonly reason: string;
  /** Who loses which rows when the step can lock rows out of a running application (`Impact.lockout`), else `null`. */
  readonly lockout: string | null;
  readonly reversible: boolean;
  readonly sql: readonly string[];
}

/** A row per step, in plan order. */
export function explainPlan(plan: Plan): ExplainRow[] {
  return plan.steps.map((step) => {
    const strongest = strongestLocks(step);
    const modes = [...strongest.values()];
    const blocks = modes.some(blocksReads) ? 'reads and writes' : modes.some(blocksWrites) ? 'writes' : 'nothing';
    return {
      id: step.id,
      phase: step.phase,
      transactional: step.transactional,
      locks: [...strongest].map(([relation, mode]) => `${relation}: ${mode}`),
      blocks,
      rewrites: step.rewrites,
      scans: step.scans,
      effect: effect(step, blocks),
      risk: { app: step.impact.app, data: step.impact.data },
      reason: step.impact.reason,
      lockout: step.impact.lockout ?? null,
      reversible: step.reversible,
      sql: step.sql,
    };
  });
}

/** The strongest mode on each relation, a tree claim counted on the parent and on its partitions. */
function strongestLocks(step: PlanStep): Map<string, LockMode> {
  const strongest = new Map<string, LockMode>();
  for (const claim of step.locks) {
    const { relation, mode, scope } = claim;
    const targets = scope === 'tree' ? [relation, lockTarget({ relation, mode, scope: 'partitions' })] : [lockTarget(claim)];
    for (const target of targets) {
      const held = strongest.get(target);
      if (held === undefined || compareLockModes(mode, held) > 0) strongest.set(target, mode);
    }
  }
  return strongest;
}

function effect(step: PlanStep, blocks: ExplainRow['blocks']): string {
  if (step.backfill !== null) return `batches of ${step.backfill.batchSize} rows, each its own short transaction; row locks only`;
  if (step.rewrites) return `rewrites the table: ${blocks} wait for the whole rewrite`;
  if (step.scans && stepBlocking(step) !== null) return `scans the table: ${blocks} wait for the whole scan`;
  // A lock blocking writes held apart from the scan: on a partitioned partition, which holds no rows.
  if (step.scans && blocks !== 'nothing') return `scans the table; ${blocks} wait only for a catalog update`;
  if (step.scans) return 'scans the table; reads and writes go on';
  if (blocks !== 'nothing') return 'catalog update only: milliseconds';
  return 'no lock that blocks reads or writes';
}

const headers = ['#', 'phase', 'step', 'tx', 'locks', 'blocks', 'effect', 'risk (app/data)'] as const;

/**
 * The explain table as text: one row per step, then each step's SQL under its number, so a
 * reviewer reads the lock story first and the statements after. Waiting for a lock is bounded
 * by the executor's `lock_timeout` (then retried), so "milliseconds" holds under load too.
 */
export function formatExplain(plan: Plan): string {
  const rows = explainPlan(plan);
  if (rows.length === 0) return 'Nothing to do: the schemas are the same.\n';
  const cells = rows.map((row, i) => [
    String(i + 1),
    row.phase,
    row.id,
    row.transactional ? 'yes' : 'no',
    row.locks.length === 0 ? '-' : row.locks.join(', '),
    row.blocks,
    row.effect,
    `${row.risk.app}/${row.risk.data}`,
  ]);
  const widths = headers.map((header, i) => Math.max(header.length, ...cells.map((cell) => cell[i]?.length ?? 0)));
  const line = (cell: readonly string[]) =>
    cell
      .map((text, i) => text.padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd();
  const out = [line(headers), line(widths.map((w) => '-'.repeat(w))), ...cells.map(line), ''];
  const lockouts = rows.flatMap((row, i) => (row.lockout === null ? [] : [`  ${i + 1}. ${row.id}: ${row.lockout}`]));
  if (lockouts.length > 0) out.push('Locks rows out of a running application:', ...lockouts, '');
  rows.forEach((row, i) => {
    out.push(
      `-- ${i + 1}. ${row.id} (${row.reason})`,
      ...(row.lockout === null ? [] : [`-- LOCKS ROWS OUT: ${row.lockout}`]),
      ...row.sql,
      '',
    );
  });
  return `${out.join('\n')}`;
}
