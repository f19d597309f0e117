import type { ParsedStatement } from './sql-parser.js';

/** Why a statement loses stored data; a dropped column names itself, so a plan can see it put back. */
export interface DataLoss {
  readonly reason: string;
  /** `ALTER TABLE ... DROP COLUMN`: the table (unqualified, as written) and column. */
  readonly droppedColumn: { readonly table: string; readonly column: string } | null;
}

/** Objects whose drop loses rows or state; any object dropped `CASCADE` can take tables and columns with it. */
const dataHolders: Readonly<Record<string, string>> = {
  OBJECT_TABLE: 'table',
  OBJECT_MATVIEW: 'materialized view',
  OBJECT_SEQUENCE: 'sequence',
  OBJECT_FOREIGN_TABLE: 'foreign table',
};

type Fields = Readonly<Record<string, unknown>>;

/**
 * What in a parsed statement loses stored data, judged from the statement alone (not from the
 * catalog):
 *
 * - `DROP TABLE`, `MATERIALIZED VIEW`, `SEQUENCE`, `FOREIGN TABLE`; any `DROP ... CASCADE`;
 *   `DROP DATABASE`, `DROP OWNED`;
 * - `TRUNCATE`; `DELETE`, anywhere in the statement (a `WITH` query included);
 * - `ALTER TABLE ... DROP COLUMN` (also `ALTER TYPE ... DROP ATTRIBUTE`);
 * - `ALTER COLUMN ... TYPE ... USING`: the values become whatever the expression gives;
 * - `DO` and `CALL`: code whose effects cannot be read from the statement.
 *
 * Not judged: `UPDATE` (a backfill is one), a conversion without `USING` (the server's
 * assignment cast, which fails on a value that does not fit but rounds a number or a time to a
 * lower precision), and functions a query calls. `null` when none of these is found.
 */
export function dataLoss(statement: ParsedStatement): DataLoss | null {
  const [type, node] = Object.entries(statement)[0] ?? [];
  const fields = (node ?? {}) as Fields;
  const loss = (reason: string): DataLoss => ({ reason, droppedColumn: null });
  switch (type) {
    case 'DropStmt': {
      const what = dataHolders[String(fields.removeType)];
      if (fields.behavior === 'DROP_CASCADE')
        return loss(`drops ${objectNames(fields.objects)} CASCADE, with everything that depends on it`);
      if (what !== undefined) return loss(`drops ${what} ${objectNames(fields.objects)}`);
      return null;
    }
    case 'DropdbStmt':
      return loss(`drops database ${text(fields.dbname)}`);
    case 'DropOwnedStmt':
      return loss('DROP OWNED drops every object the role owns');
    case 'TruncateStmt':
      return loss(`empties ${relationNames(fields.relations)}`);
    case 'DoStmt':
      return loss('runs a DO block, whose effects cannot be judged from its text');
    case 'CallStmt':
      return loss('calls a procedure, whose effects cannot be judged from the statement');
    case 'AlterTableStmt': {
      const table = relationName(fields.relation);
      for (const cmd of list(fields.cmds)) {
        const alter = ((cmd as Fields).AlterTableCmd ?? {}) as Fields;
        if (alter.subtype === 'AT_DropColumn') {
          const column = text(alter.name);
          return { reason: `drops column ${table}.${column}`, droppedColumn: { table, column } };
        }
        if (alter.subtype === 'AT_AlterColumnType' && columnDef(alter.def).raw_default !== undefined) {
          return loss(`converts ${table}.${text(alter.name)} with a USING expression`);
        }
      }
      break;
    }
  }
  return containsNode(statement, 'DeleteStmt') ? loss('deletes rows') : null;
}

/**
 * The column `ALTER TABLE` adds as a generated column, or renames to: what puts a dropped
 * column back in the same step. Returns `table.column` keys of every column a statement adds
 * (`added`), adds as generated (`generated`) and gives a new name (`renamed`, from -> to).
 */
export function columnChanges(statement: ParsedStatement): {
  readonly added: readonly string[];
  readonly generated: readonly string[];
  readonly renamed: readonly { readonly from: string; readonly to: string }[];
} {
  const added: string[] = [];
  const generated: string[] = [];
  const renamed: { from: string; to: string }[] = [];
  const [type, node] = Object.entries(statement)[0] ?? [];
  const fields = (node ?? {}) as Fields;
  if (type === 'AlterTableStmt') {
    const table = relationName(fields.relation);
    for (const cmd of list(fields.cmds)) {
      const alter = ((cmd as Fields).AlterTableCmd ?? {}) as Fields;
      if (alter.subtype !== 'AT_AddColumn') continue;
      const def = columnDef(alter.def);
      const key = `${table}.${text(def.colname)}`;
      added.push(key);
      const isGenerated = list(def.constraints).some(
        (c) => ((c as Fields).Constraint as Fields | undefined)?.contype === 'CONSTR_GENERATED',
      );
      if (isGenerated) generated.push(key);
    }
  } else if (type === 'RenameStmt' && fields.renameType === 'OBJECT_COLUMN') {
    const table = relationName(fields.relation);
    renamed.push({ from: `${table}.${text(fields.subname)}`, to: `${table}.${text(fields.newname)}` });
  }
  return { added, generated, renamed };
}

/** A name from the parse tree (always a string there); `?` should the tree not hold one. */
function text(value: unknown): string {
  return typeof value === 'string' ? value : '?';
}

function list(value: unknown): readonly unknown[] {
  return Array.isArray(value) ? value : [];
}

function columnDef(value: unknown): Fields {
  return ((value as Fields | undefined)?.ColumnDef ?? {}) as Fields;
}

function relationName(value: unknown): string {
  const relation = (value ?? {}) as Fields;
  return text(relation.relname);
}

function relationNames(value: unknown): string {
  return list(value)
    .map((item) => relationName((item as Fields).RangeVar))
    .join(', ');
}

/** `a`, `s.t`: the names of a DROP's objects, from their `String` parts. */
function objectNames(value: unknown): string {
  return list(value)
    .map((object) => {
      const parts = (object as Fields).List !== undefined ? list(((object as Fields).List as Fields).items) : [object];
      return parts.map((part) => text(((part as Fields).String as Fields | undefined)?.sval)).join('.');
    })
    .join(', ');
}

function containsNode(value: unknown, type: string): boolean {
  if (Array.isArray(value)) return value.some((item) => containsNode(item, type));
  if (value === null || typeof value !== 'object') return false;
  return Object.entries(value).some(([key, child]) => key === type || containsNode(child, type));
}
