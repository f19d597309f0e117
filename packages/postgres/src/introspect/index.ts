export { introspect, type IntrospectOptions } from './introspect.js';
export type { Queryable } from './queryable.js';
export { normalizeExpression } from '@wesley/core';
export { parseDefault } from './parse-default.js';
export { checkExpression } from './read-constraints.js';
export { pascalCaseName, camelCaseName } from './graphql-name.js';
