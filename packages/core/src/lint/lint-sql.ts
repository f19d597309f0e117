import type { DiagnosticCode } from '../diagnostics/codes.js';
import { statementClaims, statementLocks } from '../locks/statement-locks.js';
import { partitionClaims } from '../plan/partition-locks.js';
import { blocksReads, blocksWrites } from '../plan/lock-mode.js';
import type { LockClaim } from '../plan/plan-types.js';
import { normalizeLocks } from '../plan/step-builders.js';
import { parseSql } from '../sql/sql-parser.js';
import { classifyStatement } from './classify-statement.js';
import { findApproval } from './find-approval.js';
import { withCharLocations } from './char-locations.js';
import { InputFacts } from './input-facts.js';
import { SearchPath } from './search-path.js';
import { innerNode, nameList, nodeList } from './node-fields.js';
import { parseColumnType } from '../ir/column-type.js';
import { classifyTypeChange } from '../diff/type-change.js';
import type { LintFinding, LintReport, LintStatement } from './lint-finding.js';
import type { LintCatalog, LintInput } from './lint-input.js';
import { lintRules } from './lint-rules.js';
import type { StatementAction } from './statement-action.js';

/**
 * Lints one SQL file: parses each statement with PostgreSQL's parser, classifies it by the
 * shared lock table, and reports each rule's hazard on a table that may have rows (not created
 * earlier in the same input, and not empty in the catalog). A blocking hazard is an error
 * unless approved (`-- wesley:allow-blocking <reason>` on the line above), a warning then.
 * Needs `await loadSqlParser()` first. Pure.
 */
export function lintSql(input: LintInput): LintReport {
  const lines = input.text.split(/\r?\n/);
  const facts = new InputFacts();
  const searchPath = new SearchPath(input.catalog);
  let inTransaction = false;
  const findings: LintFinding[] = [];
  const statements: LintStatement[] = [];
  const creates: string[] = [];
  for (const statement of input.statements) {
    const at = positionIn(lines, statement);
    const parsed = parseSql(statement.sql);
    if (!parsed.ok) {
      findings.push(
        finding(at(Math.max(0, (parsed.position ?? 1) - 1)), {
          code: 'WES300',
          severity: 'error',
          rule: 'parse-error',
          message: `statement does not parse: ${parsed.message}`,
          help: 'fix the syntax: PostgreSQL would refuse the statement too',
        }),
      );
      continue;
    }
    const marked = findApproval(lines, statement.line);
    if (marked !== null && marked.reason === '') {
      findings.push(
        finding(
          { line: marked.line, column: 1 },
          {
            code: 'WES301',
            severity: 'error',
            rule: 'approval-reason',
            message: 'wesley:allow-blocking needs a reason: the review reads why blocking is acceptable here',
            help: 'write the reason after it: -- wesley:allow-blocking <why this may block>',
          },
        ),
      );
    }
    const approval = marked !== null && marked.reason !== '' ? marked : null;
    for (const node of parsed.statements) {
      const read = classifyStatement(withCharLocations(node, statement.sql), input.serverVersion, searchPath.schemaOf);
      const classified = { ...read, actions: read.actions.map((action) => resolveAction(action, facts, input.catalog)) };
      if (classified.transaction !== null) inTransaction = classified.transaction === 'begin';
      searchPath.follow(node, classified.transaction, inTransaction);
      const partitioned = (table: string) => facts.createdTable(table) ?? input.catalog?.tables.get(table)?.partitioned ?? false;
      const claims = normalizeLocks(classified.actions.flatMap((action) => claimsOf(action, partitioned, input)));
      statements.push({ line: statement.line, shapes: classified.actions.map((action) => action.shape), locks: claims });
      const blocks = claims.some((claim) => blocksReads(claim.mode))
        ? 'reads and writes'
        : claims.some((claim) => blocksWrites(claim.mode))
          ? 'writes'
          : null;
      for (const action of classified.actions) {
        const empty = facts.createdTable(action.table) !== undefined || input.catalog?.tables.get(action.table)?.rows === 0;
        for (const rule of lintRules) {
          if (rule.hazard !== 'fails' && empty) continue;
          const provenNotNull = (column: string) => facts.provesNotNull(action.table, column);
          const hit = rule.check(action, {
            sql: statement.sql,
            serverVersion: input.serverVersion,
            inTransaction,
            partitioned: partitioned(action.table),
            provenNotNull,
            reads: input.catalog?.views?.get(action.table) ?? null,
          });
          if (hit === null) continue;
          const severity = rule.hazard === 'blocking' && approval === null ? 'error' : rule.hazard === 'fails' ? 'error' : 'warning';
          findings.push({
            ...finding(at(action.offset), { code: rule.code, severity, rule: rule.id, message: hit.message, help: rule.help }),
            locks: claims,
            blocks,
            fix: hit.fix,
            approval,
          });
        }
      }
      facts.record(classified);
      searchPath.created(classified.creates.map((created) => created.table));
      creates.push(...classified.creates.map((created) => created.table));
    }
  }
  findings.sort((a, b) => a.line - b.line || a.column - b.column || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  return { file: input.file, statements: input.statements.length, findings, classified: statements, creates };

  function finding(
    position: { readonly line: number; readonly column: number },
    fields: { code: DiagnosticCode; severity: 'error' | 'warning'; rule: string; message: string; help: string },
  ): LintFinding {
    return { ...fields, file: input.file, ...position, locks: [], blocks: null, fix: null, approval: null };
  }
}

/**
 * The claims of an action, as the planner claims a step of the same shape: from the lock table,
 * then through the planner's partition recursion on a table known to be partitioned (unless
 * written with ONLY). A column whose type changes is taken to have an index (the catalog given
 * does not say which columns have one); what a materialized view reads is the catalog's.
 */
function claimsOf(action: StatementAction, partitioned: (table: string) => boolean, input: LintInput): LockClaim[] {
  const { serverVersion } = input;
  const referenced = action.referenced === null ? {} : { referenced: action.referenced };
  const reads = input.catalog?.views?.get(action.table) ?? [];
  const claims = statementClaims(action.shape, action.table, { indexed: true, reads, serverVersion, ...referenced });
  // pg_locks shows a renamed table under its new name: claimed there, as the planner claims a rename (`renamedLocks`).
  if (action.shape === 'rename-table') {
    const renamed = `${action.table.slice(0, action.table.indexOf('.'))}.${String(action.node.newname)}`;
    return claims.map((claim) => ({ ...claim, relation: renamed, renamedFrom: action.table }));
  }
  const facts = statementLocks[action.shape];
  if (!facts.recurses || action.only) return claims;
  const statement = {
    // TRUNCATE writes no row, but like a rewrite builds new files for the indexes where they are: on the partitions.
    rewrites: facts.rewrites || action.shape === 'truncate',
    foreignKey: action.shape === 'add-foreign-key' || action.shape === 'drop-foreign-key',
    addsKeyAlone: action.shape === 'add-key' && action.subcommands === 1,
  };
  return partitionClaims(claims, statement, { owner: action.table, partitioned, serverVersion });
}

/**
 * An action completed by what the statement alone does not say: the table of a dropped index
 * (from the catalog), and that a validated constraint is a foreign key the input added (which
 * reads the referenced table too).
 */
function resolveAction(action: StatementAction, facts: InputFacts, catalog: LintCatalog | undefined): StatementAction {
  if (action.index !== null) return { ...action, table: catalog?.indexes?.get(action.index) ?? action.index };
  if (action.shape === 'alter-column-type')
    return catalogOnly(action, catalog) ? { ...action, shape: 'alter-column-type-catalog' } : action;
  if (action.shape !== 'validate-check') return action;
  const referenced = facts.foreignKeyReference(action.table, String(action.node.name));
  return referenced === undefined ? action : { ...action, shape: 'validate-foreign-key', referenced };
}

/** 1-based line and column in the file of a 0-based offset in `statement.sql`. */
function positionIn(lines: readonly string[], statement: { readonly sql: string; readonly line: number }) {
  const firstLine = statement.sql.split('\n', 1)[0] ?? '';
  const start = Math.max(0, (lines[statement.line - 1] ?? '').indexOf(firstLine));
  return (offset: number): { line: number; column: number } => {
    const before = statement.sql.slice(0, offset).split('\n');
    const line = statement.line + before.length - 1;
    const column = (before.length === 1 ? start : 0) + (before.at(-1)?.length ?? 0) + 1;
    return { line, column };
  };
}

/**
 * Whether an `ALTER COLUMN ... TYPE` without `USING` only updates the catalog: the column's type
 * in the catalog is binary-coercible to the new one, as the planner judges a type change
 * (`classifyTypeChange`).
 */
function catalogOnly(action: StatementAction, catalog: LintCatalog | undefined): boolean {
  const column = innerNode(action.node.def);
  const current = catalog?.tables.get(action.table)?.columns?.get(String(action.node.name));
  if (current === undefined || column.raw_default !== undefined) return false;
  const typeName = innerNode(column.typeName);
  const name = nameList(typeName.names).at(-1) ?? '';
  const modifiers = nodeList(typeName.typmods).map((modifier) => Number(innerNode(innerNode(modifier).ival).ival ?? 0));
  const spelled = `${name}${modifiers.length > 0 ? `(${modifiers.join(', ')})` : ''}${nodeList(typeName.arrayBounds).length > 0 ? '[]' : ''}`;
  const from = parseColumnType(current);
  const to = parseColumnType(spelled);
  return from !== null && to !== null && classifyTypeChange(from, to) === 'catalog';
}
