import { innerNode, nameList } from './node-fields.js';
import type { StatementAction } from './statement-action.js';

/**
 * Columns proven NOT NULL by a valid `CHECK (col IS NOT NULL)` earlier in the input: from
 * PostgreSQL 12 `SET NOT NULL` trusts such a check and reads no row (the planner's own pattern,
 * `notNullSteps`). Checks added NOT VALID are remembered by name until validated.
 */
export class NotNullProofs {
  private readonly pending = new Map<string, string>();
  private readonly proven = new Set<string>();

  /** Records what `action` proves: a valid check, or the validation of a pending one. */
  record(action: StatementAction): void {
    if (action.shape === 'validate-check') {
      const column = this.pending.get(`${action.table}\u0000${String(action.node.name)}`);
      if (column !== undefined) this.proven.add(`${action.table}\u0000${column}`);
      return;
    }
    if (action.shape !== 'add-check' && action.shape !== 'add-check-not-valid') return;
    const constraint = innerNode(action.node.def);
    const test = innerNode((constraint.raw_expr as Readonly<Record<string, unknown>> | undefined)?.NullTest);
    const column = nameList(innerNode(test.arg).fields);
    if (test.nulltesttype !== 'IS_NOT_NULL' || column.length !== 1 || column[0] === undefined) return;
    if (action.shape === 'add-check') this.proven.add(`${action.table}\u0000${column[0]}`);
    else if (typeof constraint.conname === 'string') this.pending.set(`${action.table}\u0000${constraint.conname}`, column[0]);
  }

  /** Whether `table.column` is proven NOT NULL by a valid check. */
  has(table: string, column: string): boolean {
    return this.proven.has(`${table}\u0000${column}`);
  }
}
