import { quoteIdent, quoteLiteral } from '../../naming/quote-ident.js';
import type { Operation } from '../operation.js';
import { supports } from '../server-features.js';
import { step } from '../step-builders.js';

/**
 * `ALTER TYPE ... ADD VALUE IF NOT EXISTS` (so a retry is harmless): a catalog insert with no
 * table lock. Inside a transaction only from PostgreSQL 12, and never undoable: PostgreSQL
 * cannot remove an enum label, so the step is irreversible.
 */
export const addEnumValue: Operation<'addEnumValue'> = {
  kind: 'addEnumValue',
  plan: (change, context) => {
    const position = change.before === null ? '' : ` BEFORE ${quoteLiteral(change.before)}`;
    return {
      steps: [
        step({
          action: 'addEnumValue',
          summary: `add label ${change.value} to enum ${change.enum}`,
          sql: [`ALTER TYPE ${quoteIdent(change.enum)} ADD VALUE IF NOT EXISTS ${quoteLiteral(change.value)}${position};`],
          transactional: supports(context.serverVersion, 'enumValueInTransaction'),
          locks: [],
        }),
      ],
    };
  },
};
