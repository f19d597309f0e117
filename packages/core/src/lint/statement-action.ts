import type { StatementShape } from '../locks/statement-locks.js';

/** A parse-tree node as libpg-query gives it: plain JSON. */
export type ParseNode = Readonly<Record<string, unknown>>;

/**
 * One thing a statement does to one table, as a shape of the lock table (`statementLocks`): a
 * plain statement is one action, an ALTER TABLE one per subcommand.
 */
export interface StatementAction {
  readonly shape: StatementShape;
  /** The table, `schema.table` as PostgreSQL folds it (an unqualified name in the schema the `search_path` finds it in). */
  readonly table: string;
  /** The index a `DROP INDEX` names, folded the same way (`table` is its table when the catalog knows it); `null` otherwise. */
  readonly index: string | null;
  /** The table a foreign key references, folded the same way. */
  readonly referenced: string | null;
  /** 0-based character offset in the statement of what the action is about. */
  readonly offset: number;
  /** The statement's node (`IndexStmt`, ...) or the ALTER TABLE subcommand's (`AlterTableCmd`). */
  readonly node: ParseNode;
  /** Written with `ONLY` (`ALTER TABLE ONLY`, `TRUNCATE ONLY`): it does not reach the partitions. */
  readonly only: boolean;
  /** The subcommands of its ALTER TABLE (1 for other statements). */
  readonly subcommands: number;
}
