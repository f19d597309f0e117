import { columnChanges } from '../sql/data-loss.js';
import { parseSql, type ParsedStatement } from '../sql/sql-parser.js';
import type { Plan } from '../plan/plan-types.js';

/**
 * A table, column or index that a step of a plan drops or renames: after it, a query naming the
 * old object fails. `schema` is `null` when the SQL names it unqualified.
 */
export interface RetiredObject {
  readonly kind: 'retired-object';
  readonly stepId: string;
  readonly action: 'drop' | 'rename';
  readonly object: 'table' | 'column' | 'index';
  readonly schema: string | null;
  /** The table (of a table or column), or the index. */
  readonly name: string;
  readonly column: string | null;
}

type Fields = Readonly<Record<string, unknown>>;

/**
 * The tables, columns and indexes the steps of `plan` drop or rename, read from the SQL they run
 * (`DROP TABLE`/`VIEW`/`INDEX`, `ALTER TABLE ... DROP COLUMN`, `RENAME`). A column dropped and put
 * back under its name in the same step (a type change's swap: its shadow column renamed, or a
 * generated column added) is not retired: queries naming it go on working; nor is a column the
 * plan itself added earlier (that shadow column, renamed), which no query knows. A column of a
 * table the plan renamed before is named with the table's former name. A statement that does
 * not parse retires nothing here (the plan's data-loss check already refuses it). Call
 * `loadSqlParser()` first.
 */
export function retiredObjects(plan: Plan): RetiredObject[] {
  const found: RetiredObject[] = [];
  const addedByPlan = new Set<string>();
  const formerNames = new Map<string, string>();
  for (const step of plan.steps) {
    const retired: RetiredObject[] = [];
    const putBack = new Set<string>();
    for (const sql of step.sql) {
      const parsed = parseSql(sql);
      if (!parsed.ok) continue;
      for (const statement of parsed.statements) {
        for (const object of statementRetires(step.id, statement)) {
          // A column of a table this plan renamed earlier: the queries that would fail name the table as it was.
          const former = object.object === 'column' ? formerNames.get(object.name) : undefined;
          retired.push(former === undefined ? object : { ...object, name: former });
          const renamedTo = tableRenamedTo(statement);
          if (renamedTo !== null) formerNames.set(renamedTo, formerNames.get(object.name) ?? object.name);
        }
        const changes = columnChanges(statement);
        for (const key of [...changes.generated, ...changes.renamed.map((rename) => rename.to)]) putBack.add(key);
        for (const key of changes.added) addedByPlan.add(key);
      }
    }
    const key = (object: RetiredObject): string => `${object.name}.${object.column ?? ''}`;
    found.push(...retired.filter((object) => object.object !== 'column' || (!putBack.has(key(object)) && !addedByPlan.has(key(object)))));
  }
  return found;
}

function statementRetires(stepId: string, statement: ParsedStatement): RetiredObject[] {
  const [type, node] = Object.entries(statement)[0] ?? [];
  const fields = (node ?? {}) as Fields;
  const object = (what: RetiredObject['object'], action: RetiredObject['action'], path: readonly string[], column: string | null) => {
    const name = path[path.length - 1] ?? '?';
    const schema = path.length > 1 ? (path[path.length - 2] ?? null) : null;
    return { kind: 'retired-object' as const, stepId, action, object: what, schema, name, column };
  };
  if (type === 'DropStmt') {
    const what = dropped[String(fields.removeType)];
    if (what === undefined) return [];
    return list(fields.objects).map((item) => object(what, 'drop', namePath(item), null));
  }
  if (type === 'AlterTableStmt') {
    const table = relationPath(fields.relation);
    return list(fields.cmds)
      .map((cmd) => record(record(cmd).AlterTableCmd))
      .filter((cmd) => cmd.subtype === 'AT_DropColumn')
      .map((cmd) => object('column', 'drop', table, text(cmd.name)));
  }
  if (type === 'RenameStmt') {
    const path = relationPath(fields.relation);
    if (fields.renameType === 'OBJECT_COLUMN') return [object('column', 'rename', path, text(fields.subname))];
    if (fields.renameType === 'OBJECT_TABLE' || fields.renameType === 'OBJECT_VIEW') return [object('table', 'rename', path, null)];
    if (fields.renameType === 'OBJECT_INDEX') return [object('index', 'rename', path, null)];
  }
  return [];
}

/** The new name `ALTER TABLE ... RENAME TO` gives, else `null`. */
function tableRenamedTo(statement: ParsedStatement): string | null {
  const fields = record(statement.RenameStmt);
  return fields.renameType === 'OBJECT_TABLE' && typeof fields.newname === 'string' ? fields.newname : null;
}

/** `DROP` object types whose old name a query can use. */
const dropped: Readonly<Record<string, RetiredObject['object']>> = {
  OBJECT_TABLE: 'table',
  OBJECT_VIEW: 'table',
  OBJECT_MATVIEW: 'table',
  OBJECT_INDEX: 'index',
};

function namePath(item: unknown): string[] {
  const parts = record(item).List !== undefined ? list(record(record(item).List).items) : [item];
  return parts.map((part) => text(record(record(part).String).sval));
}

function relationPath(value: unknown): string[] {
  const relation = record(value);
  return [...(typeof relation.schemaname === 'string' ? [relation.schemaname] : []), text(relation.relname)];
}

function record(value: unknown): Fields {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Fields) : {};
}

function list(value: unknown): readonly unknown[] {
  return Array.isArray(value) ? value : [];
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : '?';
}
