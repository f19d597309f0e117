import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { StatementShape } from '../locks/statement-locks.js';
import type { LockClaim } from '../plan/plan-types.js';

/** `-- wesley:allow-blocking <reason>` on the nearest non-blank line above a statement. */
export interface LintApproval {
  readonly reason: string;
  /** 1-based line of the comment. */
  readonly line: number;
}

/** A hazard of one statement, positioned like a compiler diagnostic. */
export interface LintFinding extends Diagnostic {
  /** The rule's stable id (`require-concurrent-index`). */
  readonly rule: string;
  /** What the statement takes, from the shared lock table (`statementLocks`). */
  readonly locks: readonly LockClaim[];
  /** What the strongest of them blocks for other sessions. */
  readonly blocks: 'reads and writes' | 'writes' | null;
  /** The safe rewrite, SQL text, when one exists. */
  readonly fix: string | null;
  readonly approval: LintApproval | null;
}

/** What one statement of the file was classified as, hazard or not. */
export interface LintStatement {
  /** 1-based line of its first token. */
  readonly line: number;
  /** Its shapes in the lock table, one per action (an ALTER TABLE: per subcommand); empty when it locks no table the table tracks. */
  readonly shapes: readonly StatementShape[];
  /** What it takes, from the lock table. */
  readonly locks: readonly LockClaim[];
}

/** The findings of one file, in source order. */
export interface LintReport {
  readonly file: string;
  /** Statements read (every one parsed or reported as not parsing). */
  readonly statements: number;
  readonly findings: readonly LintFinding[];
  /** Each statement that parsed, in order, with its shapes and locks (always given by `lintSql`; optional so that a report built by hand needs none). */
  readonly classified?: readonly LintStatement[];
  /** The tables the file creates, `schema.table` in the schema its `search_path` puts each in (given by `lintSql`, like `classified`). */
  readonly creates?: readonly string[];
}
