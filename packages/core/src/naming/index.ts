export { quoteIdent, quoteLiteral } from './quote-ident.js';
export { snakeCase } from './snake-case.js';
export { partitionIndexName, partitionIndexNameSql } from './partition-index-name.js';
export { quotedKeywords } from './keywords.js';
export { isBuiltinTypeName } from './builtin-type-names.js';
export { derivedFunctionName, derivedTruncateTriggerName, derivedValueFunctionName } from './derived-function-name.js';
