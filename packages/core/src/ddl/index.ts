export { emitDdl, emitDdlStatements } from './emit-ddl.js';
export { createEnumSql } from './create-enum-sql.js';
export { createTableSql } from './create-table-sql.js';
export { columnDefinitionSql } from './column-definition-sql.js';
export { constraintSql, type TableConstraint } from './constraint-sql.js';
export { addForeignKeySql } from './add-foreign-key-sql.js';
export { createIndexSql, createIndexStatement, type IndexBuildOptions } from './create-index-sql.js';
export { defaultSql } from './default-sql.js';
export { literalSql } from './literal-sql.js';
export { columnListSql } from './column-list-sql.js';
export {
  derivedColumnParts,
  derivedColumnSql,
  derivedFunctionBodies,
  derivedValueSql,
  dropDerivedColumnSql,
  type DerivedColumnParts,
} from './derived-column-sql.js';
export {
  alterPolicySql,
  createPolicySql,
  dropPolicySql,
  forceRowSecuritySql,
  grantSql,
  revokeSql,
  roleSql,
  rowSecuritySql,
  tableSecuritySql,
} from './security-sql.js';
