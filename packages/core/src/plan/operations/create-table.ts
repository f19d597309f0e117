import { statementClaims } from '../../locks/statement-locks.js';
import { createIndexStatement } from '../../ddl/create-index-sql.js';
import { createTableSql } from '../../ddl/create-table-sql.js';
import { tableSecuritySql } from '../../ddl/security-sql.js';
import { quoteIdent } from '../../naming/quote-ident.js';
import type { Operation } from '../operation.js';
import { rollback, step } from '../step-builders.js';

/**
 * `CREATE TABLE` with its keys, checks, indexes, privileges, policies and row-level security in
 * one transaction: no session ever sees the table without its policies. Nobody can be waiting
 * on a table that does not exist yet, so plain (not concurrent) index builds are right here;
 * foreign keys come as their own steps, after every new table exists.
 */
export const createTable: Operation<'createTable'> = {
  kind: 'createTable',
  plan: ({ definition: table }, context) => {
    const builds = table.primaryKey !== null || table.uniques.length > 0 || table.indexes.length > 0;
    return {
      steps: [
        step({
          action: 'createTable',
          summary: `create table ${table.name}`,
          sql: [
            createTableSql(table),
            ...table.indexes.map((index) => createIndexStatement(table.name, index)),
            ...tableSecuritySql(table),
          ],
          // Its primary key, uniques and indexes are built in the same transaction, on no rows; the
          // policies' and row-level security's ACCESS EXCLUSIVE is the one CREATE TABLE holds.
          locks: [
            ...statementClaims('create-table', table.name),
            ...(builds ? statementClaims('create-index', table.name) : []),
            ...((table.security?.grants.length ?? 0) > 0
              ? statementClaims('grant', table.name, { serverVersion: context.serverVersion })
              : []),
          ],
          rollback: rollback([`DROP TABLE IF EXISTS ${quoteIdent(table.name)};`], statementClaims('drop-table', table.name)),
        }),
      ],
    };
  },
};
