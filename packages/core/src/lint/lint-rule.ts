import type { DiagnosticCode } from '../diagnostics/codes.js';
import type { StatementAction } from './statement-action.js';

/**
 * What a rule's hazard does:
 * - `blocking`: blocks reads or writes on a table that has rows: an error unless approved;
 * - `fails`: PostgreSQL refuses the statement: an error, approved or not;
 * - `breaks-clients`: blocks nothing for long, but running application code breaks: a warning.
 */
export type LintHazard = 'blocking' | 'fails' | 'breaks-clients';

/** What a rule is told about the statement an action is part of. */
export interface RuleContext {
  /** The whole statement as psql sends it. */
  readonly sql: string;
  readonly serverVersion: number;
  /** The statement runs inside BEGIN ... COMMIT of the same input. */
  readonly inTransaction: boolean;
  /** The action's table is partitioned (created so earlier in the input, or by the catalog). */
  readonly partitioned: boolean;
  /** Whether a valid `CHECK (column IS NOT NULL)` earlier in the input proves the column of the action's table. */
  readonly provenNotNull: (column: string) => boolean;
  /** What the action's materialized view reads, from the catalog; `null` without one (or for another relation). */
  readonly reads: readonly string[] | null;
}

/** A rule's verdict on one action. */
export interface RuleHit {
  readonly message: string;
  /** The safe rewrite, when there is one. */
  readonly fix: string | null;
}

/** One lint rule: a stable id, a code, a help line and its check. docs/rules.md has a section per rule. */
export interface LintRule {
  /** Stable, kebab-case (`require-concurrent-index`): what approvals, reports and docs name. */
  readonly id: string;
  readonly code: DiagnosticCode;
  /** One line telling what to do instead. */
  readonly help: string;
  readonly hazard: LintHazard;
  /** Its verdict on one action of a statement: a hit, or `null` when the action is safe for this rule. */
  readonly check: (action: StatementAction, context: RuleContext) => RuleHit | null;
}
