import { parseSql, type ParsedStatement } from '../sql/sql-parser.js';
import type { ColumnUse, QueryAttribution } from './column-use.js';
import type { UsageCatalog, UsageRelation } from './usage-catalog.js';

type Fields = Readonly<Record<string, unknown>>;

/** A name a query's `FROM` brings into scope: a known table or view, or something else (a CTE, a subquery, a function). */
type ScopeEntry = { readonly alias: string; readonly relation: UsageRelation | null };

/** The `FROM` items of one query level; inner levels come first in a scope chain, so a subquery sees its outer query's names. */
type Scope = readonly ScopeEntry[];

/** A word of PL/pgSQL or SQL text: an identifier, or a quoted one. */
const wordPattern = /"((?:[^"]|"")+)"|([A-Za-z_][A-Za-z0-9_$]*)/g;

/**
 * Which tables and columns a query reads and writes, from its text parsed by PostgreSQL's own
 * parser (a `pg_stat_statements` text: literals are `$1` placeholders, which parse like
 * parameters). Names resolve as the server would resolve them, against `catalog`: aliases,
 * CTEs (their own queries are walked; a reference to a CTE's column is not a table's),
 * subqueries seeing their outer query's names, an unqualified column found in the innermost
 * query level whose tables have it. A `*` (or a whole-row reference, `row_to_json(t)`) uses every
 * column of its tables, marked `star`. A view uses, besides itself, every column its definition
 * reads (views within views too), so a column read only through a view counts.
 *
 * A `DO` block's body is PL/pgSQL, whose statements `pg_stat_statements` does not track one by
 * one: every known table its words name counts as used, with each of its columns the words name
 * (a block naming none, such as a migrator's own ledger upgrade, uses nothing).
 *
 * When in doubt a column counts as used: a usage report may miss a dead column, never call a
 * live one dead. A text that does not parse, or calls a procedure (`CALL`, whose queries are not
 * in it), is `unattributed`, with the reason; nothing here throws on any text.
 *
 * Call `loadSqlParser()` first.
 */
export function attributeQuery(sql: string, catalog: UsageCatalog): QueryAttribution {
  const parsed = parseSql(sql);
  if (!parsed.ok) return { kind: 'unattributed', reason: `does not parse: ${parsed.message}` };
  if (parsed.statements.some((statement) => statementType(statement) === 'CallStmt')) {
    return { kind: 'unattributed', reason: 'CALL runs a procedure whose queries are not in its text' };
  }
  const walk = new QueryWalk(catalog, new Set());
  try {
    for (const statement of parsed.statements) walk.statement(statement, []);
    walk.expandViews();
  } catch (error) {
    // A parse tree deeper than the stack allows; the text is kept, its uses are not known.
    return { kind: 'unattributed', reason: `could not be walked: ${(error as Error).message}` };
  }
  return { kind: 'attributed', uses: walk.result() };
}

class QueryWalk {
  private readonly uses = new Map<string, ColumnUse>();
  /** The views named in `FROM`, expanded by {@link QueryWalk.expandViews} once the walk knows which of their columns it used. */
  private readonly views = new Set<UsageRelation>();
  /** CTE names visible here, innermost last. */
  private readonly ctes: string[] = [];

  constructor(
    private readonly catalog: UsageCatalog,
    /** Views being expanded, so a view defined through itself (impossible, but a catalog is data) ends. */
    private readonly expanding: ReadonlySet<string>,
  ) {}

  result(): ColumnUse[] {
    return [...this.uses.values()].sort((a, b) => useKey(a).localeCompare(useKey(b)));
  }

  statement(statement: ParsedStatement, outer: readonly Scope[]): void {
    const type = statementType(statement);
    const fields = (statement[type] ?? {}) as Fields;
    if (type === 'SelectStmt') this.select(fields, outer);
    else if (type === 'InsertStmt') this.withCtes(fields, () => this.insert(fields, outer));
    else if (type === 'UpdateStmt') this.withCtes(fields, () => this.update(fields, outer));
    else if (type === 'DeleteStmt') this.withCtes(fields, () => this.delete(fields, outer));
    else if (type === 'MergeStmt') this.withCtes(fields, () => this.merge(fields, outer));
    else if (type === 'CopyStmt') this.copy(fields, outer);
    else if (type === 'DoStmt') this.codeBlock(fields);
    else if (type === 'ExplainStmt' || type === 'CreateTableAsStmt' || type === 'DeclareCursorStmt' || type === 'PrepareStmt') {
      const query = fields.query;
      if (isNode(query)) this.statement(query, outer);
    }
  }

  private select(fields: Fields, outer: readonly Scope[]): void {
    this.withCtes(fields, () => {
      if (fields.op !== undefined && fields.op !== 'SETOP_NONE') {
        for (const side of [fields.larg, fields.rarg]) if (isRecord(side)) this.select(side, outer);
        this.expressions(pick(fields, ['sortClause', 'limitCount', 'limitOffset']), outer);
        return;
      }
      const scope: ScopeEntry[] = [];
      const quals = this.fromItems(list(fields.fromClause), scope, outer);
      const scopes = [scope, ...outer];
      this.expressions(quals, scopes);
      this.expressions(omit(fields, ['fromClause', 'withClause', 'intoClause']), scopes);
    });
  }

  private insert(fields: Fields, outer: readonly Scope[]): void {
    const target = this.target(fields.relation);
    const columns = list(fields.cols).map((col) => text(resTarget(col).name));
    this.writeColumns(target.relation, columns);
    if (isNode(fields.selectStmt)) this.statement(fields.selectStmt, outer);
    const scopes = [[target], ...outer];
    const conflict = record(fields.onConflictClause);
    if (Object.keys(conflict).length > 0) {
      const excluded: ScopeEntry = { alias: 'excluded', relation: target.relation };
      for (const elem of list(record(conflict.infer).indexElems))
        this.readColumn(target.relation, text(record(record(elem).IndexElem).name));
      this.setList(target.relation, list(conflict.targetList), [[target, excluded], ...outer]);
      this.expressions([record(conflict.infer).whereClause, conflict.whereClause], [[target, excluded], ...outer]);
    }
    this.expressions([fields.returningList, fields.returningClause], scopes);
  }

  private update(fields: Fields, outer: readonly Scope[]): void {
    const target = this.target(fields.relation);
    const scope: ScopeEntry[] = [target];
    const quals = this.fromItems(list(fields.fromClause), scope, outer);
    const scopes = [scope, ...outer];
    this.setList(target.relation, list(fields.targetList), scopes);
    this.expressions([quals, fields.whereClause, fields.returningList, fields.returningClause], scopes);
  }

  private delete(fields: Fields, outer: readonly Scope[]): void {
    const target = this.target(fields.relation);
    if (target.relation !== null) this.use(target.relation, null, 'write', false);
    const scope: ScopeEntry[] = [target];
    const quals = this.fromItems(list(fields.usingClause), scope, outer);
    this.expressions([quals, fields.whereClause, fields.returningList, fields.returningClause], [scope, ...outer]);
  }

  /** `MERGE`: what it may write is every column of the target (its actions are read as expressions, conservatively). */
  private merge(fields: Fields, outer: readonly Scope[]): void {
    const target = this.target(fields.relation);
    const scope: ScopeEntry[] = [target];
    const quals = this.fromItems([fields.sourceRelation], scope, outer);
    for (const clause of list(fields.mergeWhenClauses)) {
      const when = record(record(clause).MergeWhenClause);
      this.setList(target.relation, list(when.targetList), [scope, ...outer]);
      this.expressions([when.condition, when.values], [scope, ...outer]);
      if (when.commandType === 'CMD_DELETE' && target.relation !== null) this.use(target.relation, null, 'write', false);
    }
    this.expressions([quals, fields.joinCondition, fields.returningList, fields.returningClause], [scope, ...outer]);
  }

  private copy(fields: Fields, outer: readonly Scope[]): void {
    if (isNode(fields.query)) {
      this.statement(fields.query, outer);
      return;
    }
    const target = this.target(fields.relation);
    if (target.relation === null) return;
    const columns = list(fields.attlist).map((item) => text(record(record(item).String).sval));
    const access = fields.is_from === true ? 'write' : 'read';
    const named = columns.length > 0 ? columns : target.relation.columns;
    for (const column of named) this.use(target.relation, column, access, columns.length === 0);
  }

  /** A `DO` block: the known tables and columns its body's words name, read (the block may do anything with them). */
  private codeBlock(fields: Fields): void {
    const body = list(fields.args)
      .map((arg) => record(record(arg).DefElem))
      .filter((elem) => elem.defname === 'as')
      .map((elem) => text(record(record(elem.arg).String).sval))
      .join('\n');
    const words = new Set(
      [...body.matchAll(wordPattern)].map((match) => (match[1] ?? '').replaceAll('""', '"') || (match[2] ?? '').toLowerCase()),
    );
    for (const relation of this.catalog.relations) {
      if (!words.has(relation.name)) continue;
      this.use(relation, null, 'read', false);
      for (const column of relation.columns) if (words.has(column)) this.use(relation, column, 'read', false);
    }
  }

  /** CTE names are visible to the statement and to each other (a recursive CTE to itself). */
  private withCtes(fields: Fields, body: () => void): void {
    const ctes = list(record(fields.withClause).ctes).map((cte) => record(record(cte).CommonTableExpr));
    this.ctes.push(...ctes.map((cte) => text(cte.ctename)));
    try {
      for (const cte of ctes) if (isNode(cte.ctequery)) this.statement(cte.ctequery, []);
      body();
    } finally {
      this.ctes.length -= ctes.length;
    }
  }

  /** Adds each `FROM` item to `scope`; returns the join conditions, read once the whole scope is known. */
  private fromItems(items: readonly unknown[], scope: ScopeEntry[], outer: readonly Scope[]): unknown[] {
    const quals: unknown[] = [];
    for (const item of items) {
      const node = record(item);
      if (node.RangeVar !== undefined) scope.push(this.rangeVar(record(node.RangeVar)));
      else if (node.JoinExpr !== undefined) {
        const join = record(node.JoinExpr);
        quals.push(...this.fromItems([join.larg, join.rarg], scope, outer), join.quals);
        for (const name of list(join.usingClause)) this.readEverywhere(text(record(record(name).String).sval), scope);
      } else if (node.RangeSubselect !== undefined) {
        const sub = record(node.RangeSubselect);
        // LATERAL or not, what it can see is a superset of what it may: a name resolves the same.
        if (isNode(sub.subquery)) this.statement(sub.subquery, [[...scope], ...outer]);
        scope.push({ alias: text(record(sub.alias).aliasname), relation: null });
      } else if (node.RangeFunction !== undefined) {
        const fn = record(node.RangeFunction);
        this.expressions([fn.functions], [[...scope], ...outer]);
        scope.push({ alias: text(record(fn.alias).aliasname), relation: null });
      } else this.expressions([item], [[...scope], ...outer]);
    }
    return quals;
  }

  private target(value: unknown): ScopeEntry {
    return this.rangeVar(record(value));
  }

  /** A name in `FROM`: a CTE, a known table or view (a use of it as a whole, and a view's own uses), or unknown. */
  private rangeVar(fields: Fields): ScopeEntry {
    const name = text(fields.relname);
    const schema = typeof fields.schemaname === 'string' ? fields.schemaname : null;
    const alias = typeof record(fields.alias).aliasname === 'string' ? text(record(fields.alias).aliasname) : name;
    if (schema === null && this.ctes.includes(name)) return { alias, relation: null };
    const relation = this.lookUp(schema, name);
    if (relation !== null) {
      this.use(relation, null, 'read', false);
      if (relation.definition !== null) this.views.add(relation);
    }
    return { alias, relation };
  }

  private lookUp(schema: string | null, name: string): UsageRelation | null {
    const schemas = schema === null ? this.catalog.searchPath : [schema];
    for (const candidate of schemas) {
      const found = this.catalog.relations.find((relation) => relation.schema === candidate && relation.name === name);
      if (found !== undefined) return found;
    }
    return null;
  }

  /**
   * Adds what the views this walk named use: a view's `FROM`, `WHERE` and the rest always, and
   * for each of its columns the query used, the expression behind it (every column when the
   * definition is not one plain `SELECT`, a `UNION` say). Call once the statements are walked.
   */
  expandViews(): void {
    for (const view of this.views) {
      const key = qualified(view);
      if (this.expanding.has(key) || view.definition === null) continue;
      const used = new Set(
        [...this.uses.values()].filter((use) => use.table === key && use.column !== null).map((use) => use.column ?? ''),
      );
      for (const use of viewUses(view, view.definition, used, this.catalog, new Set([...this.expanding, key]))) {
        const existing = this.uses.get(useKey({ ...use, access: 'read' }));
        if (existing === undefined || (existing.star && !use.star))
          this.uses.set(useKey({ ...use, access: 'read' }), { ...use, access: 'read' });
      }
    }
  }

  /** `SET col = expr` lists: each target column written, each expression read. */
  private setList(relation: UsageRelation | null, targets: readonly unknown[], scopes: readonly Scope[]): void {
    for (const item of targets) {
      const target = resTarget(item);
      if (relation !== null && typeof target.name === 'string') this.use(relation, target.name, 'write', false);
      this.expressions([target.val], scopes);
    }
  }

  private writeColumns(relation: UsageRelation | null, columns: readonly string[]): void {
    if (relation === null) return;
    // `INSERT INTO t VALUES (...)` without a column list fills the columns by position: all of them.
    for (const column of columns.length > 0 ? columns : relation.columns) this.use(relation, column, 'write', columns.length === 0);
  }

  private readColumn(relation: UsageRelation | null, column: string): void {
    if (relation !== null && relation.columns.includes(column)) this.use(relation, column, 'read', false);
  }

  /** `JOIN ... USING (col)`: the column of every table in the scope that has it. */
  private readEverywhere(column: string, scope: Scope): void {
    for (const entry of scope) this.readColumn(entry.relation, column);
  }

  private expressions(value: unknown, scopes: readonly Scope[]): void {
    if (Array.isArray(value)) {
      for (const item of value) this.expressions(item, scopes);
      return;
    }
    if (!isRecord(value)) return;
    for (const [key, child] of Object.entries(value)) {
      if (key === 'ColumnRef') this.columnRef(list(record(child).fields), scopes);
      else if (key === 'SelectStmt' || key === 'InsertStmt' || key === 'UpdateStmt' || key === 'DeleteStmt')
        this.statement({ [key]: child }, scopes);
      else this.expressions(child, scopes);
    }
  }

  private columnRef(fields: readonly unknown[], scopes: readonly Scope[]): void {
    const parts = fields.map((field) => (record(field).A_Star !== undefined ? '*' : text(record(record(field).String).sval)));
    const column = parts[parts.length - 1] ?? '?';
    const qualifier = parts.slice(0, -1);
    if (qualifier.length === 0) {
      if (column === '*') {
        const innermost = scopes.find((scope) => scope.length > 0) ?? [];
        for (const entry of innermost) this.allColumns(entry.relation);
        return;
      }
      for (const scope of scopes) {
        const owners = scope.filter((entry) => entry.relation?.columns.includes(column) === true);
        if (owners.length > 0) {
          for (const owner of owners) this.readColumn(owner.relation, column);
          return;
        }
        // Not a column here: a whole-row reference to a table of this level (`row_to_json(t)`).
        const row = scope.find((entry) => entry.alias === column);
        if (row !== undefined) {
          this.allColumns(row.relation);
          return;
        }
      }
      return;
    }
    const entry = this.qualifiedEntry(qualifier, scopes);
    if (entry === null) return;
    if (column === '*') this.allColumns(entry.relation);
    else this.readColumn(entry.relation, column);
  }

  /** The `FROM` entry `t.col`, `s.t.col` or `db.s.t.col` names, innermost level first. */
  private qualifiedEntry(qualifier: readonly string[], scopes: readonly Scope[]): ScopeEntry | null {
    const [name = '?', schema] = [...qualifier].reverse();
    for (const scope of scopes) {
      const found = scope.find((entry) =>
        schema === undefined ? entry.alias === name : entry.relation?.schema === schema && entry.relation.name === name,
      );
      if (found !== undefined) return found;
    }
    return null;
  }

  private allColumns(relation: UsageRelation | null): void {
    if (relation !== null) for (const column of relation.columns) this.use(relation, column, 'read', true);
  }

  private use(relation: UsageRelation, column: string | null, access: 'read' | 'write', star: boolean): void {
    const use: ColumnUse = { kind: 'column-use', table: qualified(relation), column, access, star };
    const key = useKey(use);
    const existing = this.uses.get(key);
    // Named explicitly anywhere beats "only through a star".
    if (existing === undefined || (existing.star && !star)) this.uses.set(key, use);
  }
}

/**
 * What a view's definition uses when a query uses its columns `used` (or only the view itself):
 * for one plain `SELECT`, everything but its select list, and the select-list entries behind the
 * columns used; otherwise (a set operation, `DISTINCT`, a definition that does not parse) everything.
 */
function viewUses(
  view: UsageRelation,
  definition: string,
  used: ReadonlySet<string>,
  catalog: UsageCatalog,
  expanding: ReadonlySet<string>,
): ColumnUse[] {
  const walked = (statements: readonly ParsedStatement[]): ColumnUse[] => {
    const inner = new QueryWalk(catalog, expanding);
    for (const statement of statements) inner.statement(statement, []);
    inner.expandViews();
    return inner.result();
  };
  const parsed = parseSql(definition);
  // A view the server accepted always parses; should it not, every column of every table counts.
  if (!parsed.ok)
    return catalog.relations.flatMap((relation) =>
      relation.columns.map((column) => ({
        kind: 'column-use' as const,
        table: qualified(relation),
        column,
        access: 'read' as const,
        star: true,
      })),
    );
  const [only] = parsed.statements;
  const select = parsed.statements.length === 1 && only !== undefined ? record(only.SelectStmt) : {};
  const targets = list(select.targetList);
  // A set operation, or DISTINCT, which compares every column of the select list.
  if (targets.length === 0 || (select.op !== undefined && select.op !== 'SETOP_NONE') || select.distinctClause !== undefined)
    return walked(parsed.statements);
  // The view's columns are its select list's, in order (`pg_get_viewdef` names each one the view's column is named).
  const chosen = targets.filter((_target, index) => used.has(view.columns[index] ?? ''));
  return walked([{ SelectStmt: { ...select, targetList: chosen } }]);
}

function useKey(use: ColumnUse): string {
  return `${use.table}\u0000${use.column ?? ''}\u0000${use.access}`;
}

function qualified(relation: UsageRelation): string {
  return `${relation.schema}.${relation.name}`;
}

function statementType(statement: ParsedStatement): string {
  return Object.keys(statement)[0] ?? '';
}

function isRecord(value: unknown): value is Fields {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function isNode(value: unknown): value is ParsedStatement {
  return isRecord(value) && Object.keys(value).length === 1;
}

function record(value: unknown): Fields {
  return isRecord(value) ? value : {};
}

function list(value: unknown): readonly unknown[] {
  return Array.isArray(value) ? value : [];
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : '?';
}

function resTarget(value: unknown): Fields {
  return record(record(value).ResTarget);
}

function pick(fields: Fields, keys: readonly string[]): unknown[] {
  return keys.map((key) => fields[key]);
}

function omit(fields: Fields, keys: readonly string[]): Fields {
  return Object.fromEntries(Object.entries(fields).filter(([key]) => !keys.includes(key)));
}
