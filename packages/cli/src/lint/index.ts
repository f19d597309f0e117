export { formatLintFinding } from './format-lint-finding.js';
export { lintJson, type LintJson, type LintFindingJson } from './lint-json.js';
export { lintSarif, type SarifLog } from './lint-sarif.js';
export { lintTargets, type LintTarget } from './lint-targets.js';
