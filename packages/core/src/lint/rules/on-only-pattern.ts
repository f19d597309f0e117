import { withoutSemicolon } from '../node-fields.js';

/**
 * The index of a partitioned table built without blocking, as the planner does: `ON ONLY` the
 * parent (no rows there: brief), then on each partition concurrently and attached, after which
 * the parent's index is valid.
 */
export function onOnlyPattern(sql: string): string {
  const plain = withoutSemicolon(sql).replace(/\s+CONCURRENTLY\b/i, '');
  const parent = plain.replace(/\bON\s+(?!ONLY\b)/i, 'ON ONLY ');
  return [
    `${parent};`,
    '-- then for each partition: CREATE INDEX CONCURRENTLY <partition_index> ON <partition> (...);',
    '--                          ALTER INDEX <parent_index> ATTACH PARTITION <partition_index>;',
  ].join('\n');
}
