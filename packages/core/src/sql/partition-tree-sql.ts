import { quoteIdent, quoteLiteral } from '../naming/quote-ident.js';

/**
 * A relation a plan names (a table of the IR: unqualified, found through the `search_path` as the
 * steps' statements find it) as a SQL expression of type regclass, `NULL` when there is none.
 * `to_regclass` reads its text as SQL reads a name, so the name is quoted first (`quoteIdent`):
 * unquoted, `Order` would be looked up as `order`. Takes no lock.
 */
export function planRelationSql(name: string): string {
  return `pg_catalog.to_regclass(${quoteLiteral(quoteIdent(name))})`;
}

/**
 * The partition tree of `root` as a subquery for a `FROM` clause (`FROM ${partitionTreeSql(...)} AS
 * t`), with the columns of `pg_partition_tree`: `relid`, `parentrelid` (`NULL` for the root),
 * `level` (0 for the root) and `isleaf` (not partitioned in turn). `root` is a SQL expression of
 * type regclass or oid: a plan's table (`planRelationSql`), a parameter, or a column of the outer
 * query in a `LATERAL` join. A partition is known by its oid, whatever its schema or name: name it
 * with `relid::regclass` (quoted and qualified as needed), never by re-reading a name.
 *
 * Read from `pg_inherits` and `pg_class` alone, which takes no lock: `pg_partition_tree` takes
 * ACCESS SHARE on every partition, so a lookup made to see who holds a partition would queue
 * behind an ACCESS EXCLUSIVE held or requested there, and every later query on it behind the
 * lookup. A `NULL` root has no tree (no rows). Its aliases (`tree`, `tree_class`) are unlikely
 * names, as it also runs inside PL/pgSQL, where a variable named like an alias would shadow it.
 */
export function partitionTreeSql(root: string): string {
  return `(WITH RECURSIVE tree AS (
      SELECT (${root})::oid AS relid, NULL::oid AS parentrelid, 0 AS level
      UNION ALL
      SELECT i.inhrelid, i.inhparent, tree.level + 1 FROM pg_catalog.pg_inherits i JOIN tree ON i.inhparent = tree.relid
    )
    SELECT tree.relid, tree.parentrelid, tree.level, tree_class.relkind <> 'p' AS isleaf
      FROM tree JOIN pg_catalog.pg_class tree_class ON tree_class.oid = tree.relid)`;
}
