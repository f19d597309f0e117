/** Facts of one table of the target database, when the linter is given a catalog. */
export interface LintTableFacts {
  /** Estimated rows (`pg_class.reltuples`, partitions summed); 0 means empty: nothing to block. */
  readonly rows: number;
  readonly bytes: number;
  readonly partitioned: boolean;
  /**
   * Each column's type as `format_type` prints it (`character varying(20)`), when known: a type
   * change that is binary-coercible from it (`varchar(20)` to `text`) is catalog-only.
   */
  readonly columns?: ReadonlyMap<string, string>;
}

/** The target database's tables, by `schema.table` as PostgreSQL stores it (unquoted names lower-cased). */
export interface LintCatalog {
  readonly tables: ReadonlyMap<string, LintTableFacts>;
  /** The table of each index, both as `schema.name`: `DROP INDEX` names only the index, and locks its table. */
  readonly indexes?: ReadonlyMap<string, string>;
  /**
   * What each materialized view's query reads, both as `schema.name` (views it reads expanded to
   * what they read): its refresh takes ACCESS SHARE on each.
   */
  readonly views?: ReadonlyMap<string, readonly string[]>;
  /** The schemas of the server's `search_path` for the role that runs the file (`current_schemas(false)`): where unqualified names are looked up. */
  readonly searchPath?: readonly string[];
}

/** One SQL file to lint. */
export interface LintInput {
  /** The file as it is printed (a relative path). */
  readonly file: string;
  /** The whole file: approvals are read from the line above each statement. */
  readonly text: string;
  /** psql's split (`splitSqlText` of @wesley/postgres): each statement's text and 1-based line. */
  readonly statements: readonly { readonly sql: string; readonly line: number }[];
  /** `server_version_num` the file will run on. */
  readonly serverVersion: number;
  /** Facts of the target database, when one is given. */
  readonly catalog?: LintCatalog;
}
