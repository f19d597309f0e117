export { normalizeExpression } from './normalize-expression.js';
export { tokenizeSql, type SqlToken } from './sql-tokens.js';
export { loadSqlParser, parseSql, type ParsedStatement, type SqlParse } from './sql-parser.js';
export { SqlParserNotLoadedError } from './sql-parser-not-loaded-error.js';
export { transactionControl } from './transaction-control.js';
export { dataLoss, columnChanges, type DataLoss } from './data-loss.js';
export { partitionTreeSql, planRelationSql } from './partition-tree-sql.js';
export { partitionLeftoversSql } from './partition-leftovers-sql.js';
