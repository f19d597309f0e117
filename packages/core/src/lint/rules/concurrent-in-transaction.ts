import { statementLocks } from '../../locks/statement-locks.js';
import type { LintRule } from '../lint-rule.js';

/** `CREATE INDEX CONCURRENTLY` (or another statement that may not) inside BEGIN ... COMMIT: PostgreSQL refuses it. */
export const concurrentInTransaction: LintRule = {
  id: 'concurrent-in-transaction',
  code: 'WES310',
  help: 'move it out of the transaction block: COMMIT before it, BEGIN again after it if the rest needs one',
  hazard: 'fails',
  check: (action, context) => {
    const facts = statementLocks[action.shape];
    if (facts.inTransaction || !context.inTransaction) return null;
    return { message: `${facts.statement} cannot run inside a transaction block: PostgreSQL refuses it`, fix: null };
  },
};
