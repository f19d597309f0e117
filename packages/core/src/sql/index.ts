export { normalizeExpression } from './normalize-expression.js';
export { tokenizeSql, type SqlToken } from './sql-tokens.js';
