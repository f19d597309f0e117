import { assertSqlParserLoaded, loadedSqlParser, parseSql, type ParsedStatement } from './sql-parser.js';

/**
 * Where the DDL writes an expression: `parenthesized` inside parentheses of its own
 * (`CHECK (...)`, `GENERATED ALWAYS AS (...)`) or at the end of a statement (`WHERE ...` of an
 * index, `SET DEFAULT ...`); `default` bare after a column's `DEFAULT`, where PostgreSQL's
 * grammar takes a narrower expression and what follows it is read as more of the column.
 */
export type ExpressionPosition = 'parenthesized' | 'default';

/** Why a text is not one SQL expression. */
export interface SqlExpressionProblem {
  readonly reason: string;
  /** 0-based position in the text of what is wrong, when known. */
  readonly offset: number | null;
}

const prefix = 'SELECT (';
const selectKeys = new Set(['targetList', 'limitOption', 'op']);
const defaultPrefix = 'CREATE TABLE t (c int DEFAULT ';
const cache = new Map<string, SqlExpressionProblem | null>();
const cacheLimit = 10_000;

/**
 * Why `text` is not exactly one SQL expression in `position`, or `null` when it is. PostgreSQL's
 * own parser reads `SELECT (<text>)`: it must give one statement with one unnamed target and no
 * clause, the parenthesis it opens must be the one that closes it (so the text cannot close
 * the parenthesis of a `CHECK (...)` it is written into and go on after it), and no
 * top-level comma may make it a row. In the `default` position, `CREATE TABLE t (c int DEFAULT
 * <text>)` must give one default and nothing else on the column (a `COLLATE` or a constraint
 * after a narrower expression would be read as the column's). Pure and deterministic; results
 * are remembered, since schemas repeat their expressions.
 *
 * @throws SqlParserNotLoadedError when `loadSqlParser()` has not finished: never an unchecked text.
 */
export function sqlExpressionProblem(text: string, position: ExpressionPosition): SqlExpressionProblem | null {
  assertSqlParserLoaded('sqlExpressionProblem');
  const key = `${position}\u0000${text}`;
  if (cache.has(key)) return cache.get(key) ?? null;
  const problem = findProblem(text, position);
  if (cache.size >= cacheLimit) cache.clear();
  cache.set(key, problem);
  return problem;
}

function findProblem(text: string, position: ExpressionPosition): SqlExpressionProblem | null {
  if (text.trim() === '') return { reason: 'it is empty', offset: null };
  const wrapped = `${prefix}${text})`;
  const parsed = parseSql(wrapped);
  if (!parsed.ok) return syntaxProblem(parsed.message, parsed.position, prefix.length, text);
  if (parsed.statements.length !== 1) return { reason: 'it holds more than one statement', offset: null };
  const select = parsed.statements[0]?.['SelectStmt'] as Readonly<Record<string, unknown>> | undefined;
  if (select === undefined) return { reason: 'it is not an expression', offset: null };
  if (select['op'] !== 'SETOP_NONE' || Object.keys(select).some((k) => !selectKeys.has(k))) {
    return { reason: 'it goes on after the expression with a clause of a query', offset: null };
  }
  const targets = select['targetList'] as readonly ParsedStatement[] | undefined;
  if (targets?.length !== 1) return { reason: 'it holds more than one expression', offset: null };
  const escape = parenthesisEscape(wrapped);
  if (escape !== null) return { ...escape, offset: escape.offset === null ? null : escape.offset - prefix.length };
  return position === 'default' ? defaultProblem(text) : null;
}

/**
 * Where the text closes the parenthesis `SELECT (` opened before its end, or has a comma at
 * that parenthesis's depth. The scanner is PostgreSQL's, so parentheses in strings, quoted
 * names, dollar quotes and comments do not count.
 */
function parenthesisEscape(wrapped: string): SqlExpressionProblem | null {
  const tokens = loadedSqlParser('sqlExpressionProblem').scanSync(wrapped).tokens;
  let depth = 0;
  for (const [index, token] of tokens.entries()) {
    if (index === 0) continue; // SELECT
    if (token.text === '(') depth += 1;
    else if (token.text === ')') depth -= 1;
    else if (token.text === ',' && depth === 1) return { reason: 'it holds more than one expression', offset: token.start };
    if (depth === 0 && index !== tokens.length - 1) {
      return { reason: 'it closes a parenthesis it did not open, and goes on after it', offset: token.start };
    }
  }
  return null;
}

/** The default position: one `DEFAULT` constraint on the column and nothing else. */
function defaultProblem(text: string): SqlExpressionProblem | null {
  const parsed = parseSql(`${defaultPrefix}${text})`);
  const unfit = {
    reason: 'a column default takes a narrower expression, and the rest of it would be read as more of the column',
    offset: null,
  };
  if (!parsed.ok || parsed.statements.length !== 1) return unfit;
  const table = parsed.statements[0]?.['CreateStmt'] as { readonly tableElts?: readonly ParsedStatement[] } | undefined;
  const column = table?.tableElts?.length === 1 ? (table.tableElts[0]?.['ColumnDef'] as Readonly<Record<string, unknown>>) : undefined;
  const constraints = column?.['constraints'] as readonly { readonly Constraint?: { readonly contype?: string } }[] | undefined;
  const onlyDefault = constraints?.length === 1 && constraints[0]?.Constraint?.contype === 'CONSTR_DEFAULT';
  return onlyDefault && column?.['collClause'] === undefined ? null : unfit;
}

function syntaxProblem(message: string, position: number | null, shift: number, text: string): SqlExpressionProblem {
  const offset = position === null ? null : Math.min(Math.max(position - 1 - shift, 0), text.length);
  return { reason: message, offset };
}
