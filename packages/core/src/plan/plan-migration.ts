import type { Change } from '../diff/change.js';
import { describeChange } from '../diff/describe-change.js';
import { diffSchemas } from '../diff/diff-schemas.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { hashIR, type Sha256 } from '../ir/hash.js';
import type { SchemaIR } from '../ir/types.js';
import type { PlanContext, PlanIssue } from './operation.js';
import { operationFor } from './operations/index.js';
import { withPartitionLocks } from './partition-locks.js';
import { planAssumptions } from './plan-assumptions.js';
import { compareSteps, dropsBeforeFills, placeStep, type OrderedDraft } from './order/index.js';
import type { Approval, Blocking, Plan, PlanStep } from './plan-types.js';
import { forcedBackfillWarning } from './forced-backfill-warning.js';
import { serverFeatures } from './server-features.js';
import { describeBlocking, stepBlocking } from './step-blocking.js';

/** Where a diagnostic about a change points: the schema element it comes from. */
export interface SourcePosition {
  readonly file: string;
  readonly line: number;
  readonly column: number;
}

export interface PlanOptions {
  /** `server_version_num` of the target (default `180000`, PostgreSQL 18). */
  readonly serverVersion?: number;
  /** Plan changes that lose data (dropped tables and columns, narrowing type changes). */
  readonly allowDestructive?: boolean;
  /**
   * Plan steps that block reads or writes (`stepBlocking`), each recorded with this approval
   * (`PlanStep.approval`); without it such a step is an error (WES104).
   */
  readonly allowBlocking?: Approval;
  /** Rows per backfill batch (default 1000). */
  readonly batchSize?: number;
  /** Source position for diagnostics about a change (default: `file` `schema`, line 1). */
  readonly locate?: (change: Change) => SourcePosition;
  /**
   * The sha256 that hashes the two IRs the plan names (default: core's `portableSha256`, in
   * JavaScript). A Node caller passes `node:crypto`'s: native, several times faster, the same hex.
   */
  readonly sha256?: Sha256;
}

export interface PlanResult {
  /** `null` when a diagnostic is an error: a plan is whole or absent, never partial. */
  readonly plan: Plan | null;
  readonly changes: readonly Change[];
  readonly diagnostics: readonly Diagnostic[];
}

/**
 * Plans the migration of a database from `from` to `to`: the diff, one operation per change
 * (each picking the pattern that keeps locks short for the target server version), then the
 * steps where `order/` places them (phase, then the dependency order of `stepRank`).
 * Pure: same inputs, same plan, same ids.
 */
export function planMigration(from: SchemaIR, to: SchemaIR, options: PlanOptions = {}): PlanResult {
  const serverVersion = options.serverVersion ?? 180000;
  const locate = options.locate ?? (() => ({ file: 'schema', line: 1, column: 1 }));
  const changes = diffSchemas(from, to);
  const diagnostics: Diagnostic[] = [];
  const report = (change: Change | null, issue: PlanIssue, severity: Diagnostic['severity']) => {
    const position = change === null ? { file: 'schema', line: 1, column: 1 } : locate(change);
    diagnostics.push({ ...position, code: issue.code, severity, message: issue.message, help: issue.help });
  };
  if (!Number.isInteger(serverVersion) || serverVersion < serverFeatures.minimum) {
    report(null, tooOld(serverVersion), 'error');
    return { plan: null, changes, diagnostics };
  }
  const context: PlanContext = {
    from,
    to,
    createdTables: new Set(changes.flatMap((change) => (change.kind === 'createTable' ? [change.table] : []))),
    changes,
    serverVersion,
    batchSize: options.batchSize ?? 1000,
  };
  const early = dropsBeforeFills(changes, to);
  const drafts: (OrderedDraft & { readonly change: Change })[] = [];
  changes.forEach((change, index) => {
    if (change.impact.data === 'breaking' && options.allowDestructive !== true) {
      report(change, destructive(change), 'error');
      return;
    }
    const result = operationFor(change).plan(change, context);
    if ('refusal' in result) {
      report(change, result.refusal, 'error');
      return;
    }
    for (const warning of result.warnings ?? []) report(change, warning, 'warning');
    for (const planned of result.steps) {
      const forced = forcedBackfillWarning(planned, from, to);
      if (forced !== null) report(change, forced, 'warning');
    }
    // A lone step needs no part in its id: `add-column:account.email`, not `...:add`.
    const lone = result.steps.length === 1;
    result.steps.forEach((planned, part) => {
      // Operations claim locks as on a plain table; the partitions a statement recurses to are added here.
      const draft = withPartitionLocks(planned, change, context);
      const placement = placeStep(planned, { change, steps: result.steps, dropsBeforeFills: early });
      drafts.push({ change, order: index * 1000 + part, placement, draft: lone ? { ...draft, part: '' } : draft });
    });
  });
  if (diagnostics.some((d) => d.severity === 'error')) return { plan: null, changes, diagnostics };
  drafts.sort(compareSteps);
  const ids = new Set<string>();
  const steps = drafts.map(({ change, placement, draft }): PlanStep => {
    const { part, action: _action, alternative, ...fields } = draft;
    const id = uniqueId(ids, `${kebabCase(change.kind)}:${describeChange(change).target}${part === '' ? '' : `:${part}`}`);
    const blocking = stepBlocking(fields, alternative ?? null);
    const allowed = options.allowBlocking !== undefined;
    if (blocking !== null) report(change, blockingIssue(id, blocking, allowed), allowed ? 'warning' : 'error');
    const approval = blocking === null ? null : (options.allowBlocking ?? null);
    return { kind: 'step', id, operation: change.kind, impact: change.impact, phase: placement.phase, ...fields, blocking, approval };
  });
  if (diagnostics.some((d) => d.severity === 'error')) return { plan: null, changes, diagnostics };
  return {
    plan: {
      kind: 'plan',
      from: hashIR(from, options.sha256),
      to: hashIR(to, options.sha256),
      serverVersion,
      assumptions: planAssumptions(changes, from, serverVersion),
      steps,
    },
    changes,
    diagnostics,
  };
}

function destructive(change: Change): PlanIssue {
  return {
    code: 'WES101',
    message: `${change.impact.reason}; this plan would lose data and is refused by default`,
    help: 'check that the data is no longer needed (and backed up), then plan again with --allow-destructive',
  };
}

function blockingIssue(id: string, blocking: Blocking, allowed: boolean): PlanIssue {
  const instead = blocking.alternative ?? 'run it while the table is quiet';
  return {
    code: 'WES104',
    message: `step ${id} ${describeBlocking(blocking)}`,
    help: allowed ? instead : `${instead}; or plan again with --allow-blocking to approve it in plan.json`,
  };
}

function tooOld(serverVersion: number): PlanIssue {
  return {
    code: 'WES105',
    message: Number.isInteger(serverVersion)
      ? `the target server is version ${serverVersion}; Wesley plans for PostgreSQL 11 and later`
      : `the target server version ${String(serverVersion)} is not a server_version_num (such as 180000)`,
    help: 'upgrade PostgreSQL, or apply the DDL by hand',
  };
}

const kebabCase = (name: string): string => name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

function uniqueId(taken: Set<string>, id: string): string {
  let candidate = id;
  for (let n = 2; taken.has(candidate); n++) candidate = `${id}#${n}`;
  taken.add(candidate);
  return candidate;
}
