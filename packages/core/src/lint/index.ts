export { lintSql } from './lint-sql.js';
export { lintRules } from './lint-rules.js';
export type { LintInput, LintCatalog, LintTableFacts } from './lint-input.js';
export type { LintFinding, LintReport, LintApproval, LintStatement } from './lint-finding.js';
export type { LintRule, LintHazard, RuleContext, RuleHit } from './lint-rule.js';
export type { StatementAction } from './statement-action.js';
export { classifyStatement, type ClassifiedStatement } from './classify-statement.js';
