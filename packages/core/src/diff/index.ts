export { diffSchemas } from './diff-schemas.js';
export type * from './change.js';
export { describeChange, type ChangeScope, type ChangeSubject } from './describe-change.js';
export { overallRisk } from './impact.js';
export { sameExpression } from './same-definition.js';
export { classifyTypeChange, type TypeChangeKind } from './type-change.js';
