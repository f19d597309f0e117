/**
 * The relations a query's names are resolved against: every table and view of the database
 * (outside the system schemas), with its columns, as `wesley usage` reads them from the catalog.
 */
export interface UsageCatalog {
  readonly kind: 'usage-catalog';
  readonly relations: readonly UsageRelation[];
  /** The schemas an unqualified name is looked up in, in order (the session's `search_path`). */
  readonly searchPath: readonly string[];
}

/** A table or view; `definition` is a view's query (`pg_get_viewdef`), `null` for a table. */
export interface UsageRelation {
  readonly kind: 'usage-relation';
  readonly schema: string;
  readonly name: string;
  readonly columns: readonly string[];
  readonly definition: string | null;
}
