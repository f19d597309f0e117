import { describeBlocking, type BlockingFinding } from '@wesley/core/run';

/** What blocks in a pending migration without an approval: the finding and the migration it is in. */
export interface MigrationBlocking extends BlockingFinding {
  readonly migration: string;
}

/**
 * WES175: pending migrations with steps that block reads or writes for longer than a lock wait
 * (core's `stepBlocking`, recorded on each step of a plan) that carry no approval, run without
 * `allowBlocking`. Refused before the run's first statement; each finding names its migration,
 * its step, the locks and relations, what waits, and what to do instead.
 */
export class BlockingMigrationError extends Error {
  readonly code = 'WES175';
  readonly findings: readonly MigrationBlocking[];
  readonly help =
    'approve each step in its plan.json (wesley plan --allow-blocking records the approval for review), or run with --allow-blocking once the wait is acceptable';

  constructor(findings: readonly MigrationBlocking[]) {
    const migrations = [...new Set(findings.map((f) => f.migration))];
    const lines = findings.map(
      (f) =>
        `\n  ${f.migration}: ${f.at} ${describeBlocking(f.blocking)}${f.blocking.alternative === null ? '' : `\n    instead: ${f.blocking.alternative}`}`,
    );
    super(
      `${migrations.length === 1 ? `migration ${migrations[0] ?? ''}` : `migrations ${migrations.join(', ')}`} would block reads or writes, without an approval:${lines.join('')}`,
    );
    this.name = 'BlockingMigrationError';
    this.findings = findings;
  }
}
