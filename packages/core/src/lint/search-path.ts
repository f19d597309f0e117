import { innerNode, nodeList } from './node-fields.js';
import type { SchemaOf } from './classify-statement.js';
import type { LintCatalog } from './lint-input.js';
import type { ParseNode } from './statement-action.js';

/**
 * The `search_path` a file's statements run under, as PostgreSQL resolves their unqualified
 * names: the server's (the catalog's `searchPath`) or `public` without a database, changed by
 * `SET [SESSION] search_path`, `RESET search_path`, `SET ... TO DEFAULT` and
 * `set_config('search_path', ..., false)` for the statements after it, and by `SET LOCAL` /
 * `set_config(..., true)` until the transaction block ends (pg_dump files set it to `''`).
 */
export class SearchPath {
  private session: readonly string[];
  private local: readonly string[] | null = null;
  private readonly createdTables = new Set<string>();

  constructor(private readonly catalog: LintCatalog | undefined) {
    this.session = this.initial();
  }

  /**
   * The schema of an unqualified name: the first on the path that holds it (in the catalog, or
   * created earlier in the file), else the first on the path, which is where `CREATE` puts one.
   */
  readonly schemaOf: SchemaOf = (name, creating = false) => {
    const path = this.local ?? this.session;
    const found = creating ? undefined : path.find((schema) => this.holds(`${schema}.${name}`));
    return found ?? path[0] ?? 'public';
  };

  /** Records tables the file created (`schema.table`): later statements find them on the path. */
  created(tables: readonly string[]): void {
    for (const table of tables) this.createdTables.add(table);
  }

  /** Follows one parsed statement: a change of the path, or the end of the transaction block that a `SET LOCAL` lasts for. */
  follow(statement: ParseNode, transaction: 'begin' | 'end' | null, inTransaction: boolean): void {
    if (transaction !== null) {
      this.local = null;
      return;
    }
    const [type, value] = Object.entries(statement)[0] ?? ['', {}];
    const node = value as ParseNode;
    if (type === 'VariableSetStmt' && String(node.name).toLowerCase() === 'search_path') {
      const kind = String(node.kind);
      const path =
        kind === 'VAR_SET_VALUE'
          ? nodeList(node.args).map((arg) => constantText(innerNode(arg)) ?? '')
          : kind === 'VAR_SET_DEFAULT' || kind === 'VAR_RESET'
            ? this.initial()
            : null;
      if (path !== null)
        this.set(
          path.map(resolveUser).filter((schema) => schema !== ''),
          node.is_local === true,
          inTransaction,
        );
      return;
    }
    if (type === 'SelectStmt') {
      for (const call of setConfigCalls(node)) this.set(parsePath(call.value), call.local, inTransaction);
    }
  }

  private set(path: readonly string[], local: boolean, inTransaction: boolean): void {
    // SET LOCAL outside a transaction block changes nothing (PostgreSQL warns).
    if (local) {
      if (inTransaction) this.local = path;
      return;
    }
    this.session = path;
    this.local = null;
  }

  private initial(): readonly string[] {
    return this.catalog?.searchPath ?? ['public'];
  }

  private holds(name: string): boolean {
    if (this.createdTables.has(name)) return true;
    return (
      this.catalog !== undefined &&
      (this.catalog.tables.has(name) || this.catalog.indexes?.has(name) === true || this.catalog.views?.has(name) === true)
    );
  }
}

/** `"$user"` is a schema named after the role, which the linter does not know: it holds nothing here. */
function resolveUser(schema: string): string {
  return schema === '$user' ? '' : schema;
}

/** The schemas of a `search_path` value as `set_config` takes it: `'a, "B", public'`. */
function parsePath(value: string): string[] {
  return value
    .split(',')
    .map((part) => part.trim())
    .map((part) =>
      part.startsWith('"') && part.endsWith('"') && part.length >= 2 ? part.slice(1, -1).replaceAll('""', '"') : part.toLowerCase(),
    )
    .map(resolveUser)
    .filter((schema) => schema !== '');
}

/** The `set_config('search_path', '<value>', <is_local>)` calls of a SELECT's target list with constant arguments. */
function setConfigCalls(select: ParseNode): { value: string; local: boolean }[] {
  return nodeList(select.targetList).flatMap((target) => {
    const call = innerNode((innerNode(target).val as ParseNode | undefined)?.FuncCall);
    const name = nodeList(call.funcname)
      .map((part) => String(innerNode(part).sval))
      .at(-1);
    const [setting, value, local] = nodeList(call.args).map((arg) => innerNode(arg));
    if (name !== 'set_config' || setting === undefined || value === undefined) return [];
    const path = constantText(value);
    if (constantText(setting)?.toLowerCase() !== 'search_path' || path === null) return [];
    return [{ value: path, local: innerNode(local?.boolval).boolval === true }];
  });
}

/** The text of a string constant (`A_Const`), `null` for anything else. */
function constantText(constant: ParseNode): string | null {
  const text = innerNode(constant.sval).sval;
  return typeof text === 'string' ? text : null;
}
