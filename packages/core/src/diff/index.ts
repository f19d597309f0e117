export { diffSchemas } from './diff-schemas.js';
export type * from './change.js';
export { overallRisk } from './impact.js';
export { sameExpression } from './same-definition.js';
export { classifyTypeChange, type TypeChangeKind } from './type-change.js';
