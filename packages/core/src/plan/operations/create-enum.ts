import { createEnumSql } from '../../ddl/create-enum-sql.js';
import { quoteIdent } from '../../naming/quote-ident.js';
import type { Operation } from '../operation.js';
import { rollback, step } from '../step-builders.js';

/** `CREATE TYPE ... AS ENUM`: a catalog entry no table uses yet, so no table lock. */
export const createEnum: Operation<'createEnum'> = {
  kind: 'createEnum',
  plan: (change) => ({
    steps: [
      step({
        action: 'createEnum',
        summary: `create enum type ${change.enum.name}`,
        sql: [createEnumSql(change.enum)],
        locks: [],
        rollback: rollback([`DROP TYPE IF EXISTS ${quoteIdent(change.enum.name)};`], []),
      }),
    ],
  }),
};
