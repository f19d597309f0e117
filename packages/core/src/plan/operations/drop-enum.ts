import { createEnumSql } from '../../ddl/create-enum-sql.js';
import { quoteIdent } from '../../naming/quote-ident.js';
import type { Operation } from '../operation.js';
import { rollback, step } from '../step-builders.js';

/** `DROP TYPE`, last of all: the columns that used it are gone or changed by then. */
export const dropEnum: Operation<'dropEnum'> = {
  kind: 'dropEnum',
  plan: (change) => ({
    steps: [
      step({
        action: 'dropEnum',
        summary: `drop enum type ${change.enum.name}`,
        sql: [`DROP TYPE ${quoteIdent(change.enum.name)};`],
        locks: [],
        rollback: rollback([createEnumSql(change.enum)], []),
      }),
    ],
  }),
};
