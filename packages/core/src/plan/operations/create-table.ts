import { statementClaims } from '../../locks/statement-locks.js';
import { createIndexStatement } from '../../ddl/create-index-sql.js';
import { createTableSql } from '../../ddl/create-table-sql.js';
import { quoteIdent } from '../../naming/quote-ident.js';
import type { Operation } from '../operation.js';
import { rollback, step } from '../step-builders.js';

/**
 * `CREATE TABLE` with its keys, checks and indexes in one transaction. Nobody can be waiting
 * on a table that does not exist yet, so plain (not concurrent) index builds are right here;
 * foreign keys come as their own steps, after every new table exists.
 */
export const createTable: Operation<'createTable'> = {
  kind: 'createTable',
  plan: ({ definition: table }) => {
    const builds = table.primaryKey !== null || table.uniques.length > 0 || table.indexes.length > 0;
    return {
      steps: [
        step({
          action: 'createTable',
          summary: `create table ${table.name}`,
          sql: [createTableSql(table), ...table.indexes.map((index) => createIndexStatement(table.name, index))],
          // Its primary key, uniques and indexes are built in the same transaction, on no rows.
          locks: [...statementClaims('create-table', table.name), ...(builds ? statementClaims('create-index', table.name) : [])],
          rollback: rollback([`DROP TABLE IF EXISTS ${quoteIdent(table.name)};`], statementClaims('drop-table', table.name)),
        }),
      ],
    };
  },
};
