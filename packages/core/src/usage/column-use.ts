/**
 * One use of a table's column by a query: read (anywhere in an expression: a select list, a
 * `WHERE`, a join, an `ORDER BY`, `RETURNING`) or written (an `INSERT`'s or `UPDATE`'s target).
 * `column` is `null` for a use of the table as a whole (`DELETE`, `count(*)`, a `FROM` naming it).
 * `star` marks a column used only because a `*` expanded to it.
 */
export interface ColumnUse {
  readonly kind: 'column-use';
  /** `schema.table`, unquoted. */
  readonly table: string;
  readonly column: string | null;
  readonly access: 'read' | 'write';
  readonly star: boolean;
}

/** What a query's text was found to use, or why it could not be read. */
export type QueryAttribution =
  { readonly kind: 'attributed'; readonly uses: readonly ColumnUse[] } | { readonly kind: 'unattributed'; readonly reason: string };
