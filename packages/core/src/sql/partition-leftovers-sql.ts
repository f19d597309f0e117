import { partitionIndexNameSql } from '../naming/partition-index-name.js';
import { partitionTreeSql, planRelationSql } from './partition-tree-sql.js';

/**
 * What a per-partition pattern on `table` (whose parent object is `index`, which names the
 * partitions' own: `partitionIndexName`) left on the partitions that the drop of the parent's
 * object does not take with it: each partition's index of the pattern that is not attached to its
 * parent's. A run stopped between a partition's build and its attach leaves one, valid or
 * INVALID; one stopped before a partitioned partition's `ON ONLY` index or key (`shell`) was
 * attached leaves that, and with it its own partitions' attached to it.
 *
 * A query (for the executor's rollback and, through psql's `\gexec`, for `down.sql`: one text for
 * both), one row per leftover, parents first, columns:
 * - `partition`: its table, as `oid::regclass` prints it (quoted, qualified when off the search_path);
 * - `level`: its depth under `table` (1 for a partition of it): parents first, order by it;
 * - `partitioned`: that table is partitioned in turn;
 * - `concurrent`: the undo runs outside a transaction;
 * - `undo`: the statement that drops it, `IF EXISTS` so that it can run again:
 *   `ALTER TABLE ... DROP CONSTRAINT` for the index of a key (PostgreSQL drops no such index
 *   alone; on a partitioned partition it takes the key's attached copies on its partitions
 *   too), `DROP INDEX` for a partitioned partition's index (PostgreSQL cannot drop it
 *   concurrently; catalog only, its attached indexes go with it), `DROP INDEX CONCURRENTLY` for
 *   the index of a partition holding rows (writes go on).
 *
 * The partitions are followed by oid without a lock (`partitionTreeSql`).
 */
export function partitionLeftoversSql(table: string, index: string): string {
  return `SELECT part.relid::regclass::text AS partition, part.level, NOT part.isleaf AS partitioned,
       part.isleaf AND k.oid IS NULL AS concurrent,
       CASE WHEN k.oid IS NOT NULL THEN format('ALTER TABLE %s DROP CONSTRAINT IF EXISTS %I;', part.relid::regclass, k.conname)
            WHEN part.isleaf THEN format('DROP INDEX CONCURRENTLY IF EXISTS %s;', i.oid::regclass)
            ELSE format('DROP INDEX IF EXISTS %s;', i.oid::regclass) END AS undo
  FROM ${partitionTreeSql(planRelationSql(table))} part
  JOIN pg_catalog.pg_class c ON c.oid = part.relid
  JOIN pg_catalog.pg_index x ON x.indrelid = part.relid
  JOIN pg_catalog.pg_class i ON i.oid = x.indexrelid AND i.relname = ${partitionIndexNameSql('c.relname', index)}
  LEFT JOIN pg_catalog.pg_constraint k ON k.conindid = i.oid AND k.conrelid = part.relid AND k.contype IN ('p', 'u')
 WHERE part.level > 0 AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_inherits h WHERE h.inhrelid = i.oid)
 ORDER BY part.level, c.relnamespace::regnamespace::text, c.relname`;
}
