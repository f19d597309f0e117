import type { Connection } from '../../../src/connect/connect.js';

/**
 * The partitions of `event` (partitioned by `at`) a test creates, holding rows: each its `CREATE
 * TABLE` and its `INSERT`. `name` is as written in SQL (quoted, schema-qualified as needed);
 * a partition with `subpartitions` is partitioned in turn and its rows go to those.
 */
export interface EventPartition {
  readonly name: string;
  readonly from: string;
  readonly to: string;
  readonly rows: number;
  readonly subpartitions?: readonly EventPartition[];
}

/**
 * Partitions found only by their identity: names that need quoting (`"Event 2024"`, `"event_Q1"`),
 * partitions in another schema than `event` (`archive`, which the test creates), and a partitioned
 * partition with one of each of its own. `rows` in each partition holding rows.
 */
export function oddEventTree(rows: number): readonly EventPartition[] {
  return [
    { name: 'archive.event_2023', from: '2023-01-01', to: '2024-01-01', rows },
    { name: '"Event 2024"', from: '2024-01-01', to: '2025-01-01', rows },
    {
      name: '"event_Q1"',
      from: '2025-01-01',
      to: '2025-04-01',
      rows: 0,
      subpartitions: [
        { name: '"event_Q1 jan"', from: '2025-01-01', to: '2025-02-01', rows },
        { name: 'archive."Event_Q1_rest"', from: '2025-02-01', to: '2025-04-01', rows },
      ],
    },
  ];
}

/**
 * The statements creating `partitions` of `parent` and filling each leaf with its rows through
 * `root`, the partitioned table (`device_id` set when `devices` is given). Names as written in SQL.
 */
export function eventPartitionsSql(partitions: readonly EventPartition[], parent = 'event', devices = 0, root = parent): string[] {
  return partitions.flatMap((partition) => {
    const bounds = `FOR VALUES FROM ('${partition.from}') TO ('${partition.to}')`;
    const sub = partition.subpartitions;
    if (sub !== undefined)
      return [
        `CREATE TABLE ${partition.name} PARTITION OF ${parent} ${bounds} PARTITION BY RANGE (at);`,
        ...eventPartitionsSql(sub, partition.name, devices, root),
      ];
    const device = devices > 0 ? ', device_id' : '';
    const deviceValue = devices > 0 ? `, g % ${devices} + 1` : '';
    const span = `(timestamptz '${partition.to}' - timestamptz '${partition.from}') / ${partition.rows + 1}`;
    return [
      `CREATE TABLE ${partition.name} PARTITION OF ${parent} ${bounds};`,
      `INSERT INTO ${root} (id, at, reading${device}) SELECT g, timestamptz '${partition.from}' + g * ${span}, g${deviceValue} FROM generate_series(1, ${partition.rows}) g;`,
    ];
  });
}

/**
 * Every unique or foreign key constraint and every index but the primary keys' on the partition
 * tree of `table` (its name unquoted; read from pg_inherits, so a partition in any schema, by any
 * name, is found), as `relation: name`, relations as PostgreSQL prints them (`archive.event_2023`,
 * `"Event 2024"`).
 */
export async function keysOnEventTree(session: Connection, table = 'event'): Promise<string[]> {
  const { rows } = await session.query<{ line: string }>(
    `WITH RECURSIVE tree AS (SELECT to_regclass(quote_ident($1))::oid AS relid UNION ALL SELECT i.inhrelid FROM pg_inherits i JOIN tree ON i.inhparent = tree.relid)
     SELECT c.conrelid::regclass::text || ': ' || c.conname AS line FROM pg_constraint c JOIN tree ON tree.relid = c.conrelid WHERE c.contype IN ('u', 'f')
     UNION ALL
     SELECT x.indrelid::regclass::text || ': ' || x.indexrelid::regclass::text FROM pg_index x JOIN tree ON tree.relid = x.indrelid WHERE NOT x.indisprimary
     ORDER BY 1`,
    [table],
  );
  return rows.map((row) => row.line);
}
