import type { ClassifiedStatement } from './classify-statement.js';
import { innerNode, nameList } from './node-fields.js';
import { constraintName } from './rules/constraint-name.js';
import type { StatementAction } from './statement-action.js';

/**
 * What the statements read so far established, which the statements after them are judged by:
 *
 * - tables created (empty: nothing to block), and whether they are partitioned; a rename keeps them;
 * - foreign keys added, by table and name: their `VALIDATE CONSTRAINT` reads the referenced table too;
 * - columns proven NOT NULL by a valid `CHECK (col IS NOT NULL)`: from PostgreSQL 12 `SET NOT NULL`
 *   trusts such a check and reads no row (the planner's own pattern, `notNullSteps`). A check
 *   added NOT VALID is remembered by name until validated.
 */
export class InputFacts {
  private readonly created = new Map<string, boolean>();
  private readonly foreignKeys = new Map<string, string>();
  private readonly pendingChecks = new Map<string, string>();
  private readonly provenNotNull = new Set<string>();

  /** Records what a statement establishes, after it has been judged. */
  record(statement: ClassifiedStatement): void {
    for (const action of statement.actions) this.recordAction(action);
    for (const table of statement.creates) this.created.set(table.table, table.partitioned);
    for (const rename of statement.renames) {
      const partitioned = this.created.get(rename.from);
      if (partitioned === undefined) continue;
      this.created.delete(rename.from);
      this.created.set(rename.to, partitioned);
    }
  }

  /** Whether `table` was created by the input: `undefined` when it was not, else whether it is partitioned. */
  createdTable(table: string): boolean | undefined {
    return this.created.get(table);
  }

  /** The table the foreign key `name` of `table` references, when the input added it. */
  foreignKeyReference(table: string, name: string): string | undefined {
    return this.foreignKeys.get(`${table}\u0000${name}`);
  }

  /** Whether a valid check proves `table.column` NOT NULL. */
  provesNotNull(table: string, column: string): boolean {
    return this.provenNotNull.has(`${table}\u0000${column}`);
  }

  private recordAction(action: StatementAction): void {
    const constraint = innerNode(action.node.def);
    const key = (name: string) => `${action.table}\u0000${name}`;
    if (action.shape === 'validate-check') {
      const column = this.pendingChecks.get(key(String(action.node.name)));
      if (column !== undefined) this.provenNotNull.add(key(column));
      return;
    }
    if (action.shape === 'add-foreign-key' || action.shape === 'add-foreign-key-not-valid') {
      const name = constraintName(constraint, action.table, nameList(constraint.fk_attrs), 'fkey');
      if (action.referenced !== null) this.foreignKeys.set(key(name), action.referenced);
      return;
    }
    if (action.shape !== 'add-check' && action.shape !== 'add-check-not-valid') return;
    const test = innerNode((constraint.raw_expr as Readonly<Record<string, unknown>> | undefined)?.NullTest);
    const [column, ...rest] = nameList(innerNode(test.arg).fields);
    if (test.nulltesttype !== 'IS_NOT_NULL' || column === undefined || rest.length > 0) return;
    if (action.shape === 'add-check') this.provenNotNull.add(key(column));
    else if (typeof constraint.conname === 'string') this.pendingChecks.set(key(constraint.conname), column);
  }
}
