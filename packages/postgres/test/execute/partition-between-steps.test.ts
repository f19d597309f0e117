import { emitDdl, type Plan } from '@wesley/core';
import { describeEachServer, type TestServer } from '@wesley/postgres/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { connect, type Connection } from '../../src/connect/connect.js';
import { applyStep } from '../../src/execute/apply-step.js';
import { eventKeysV1 as v1, eventKeysV2 as v2 } from '../migrate/support/event-keys.js';
import { planFile } from '../migrate/support/migrations-directory.js';
import { scratchDatabase, type ScratchDatabase } from '../migrate/support/scratch-database.js';

/**
 * A partition created, attached with rows or detached between the steps of a per-partition
 * pattern (an index, a unique constraint and a foreign key on a partitioned table, planned from
 * files): the plan is run step by step through `applyStep`, the partition changed before each
 * step in turn, and every pattern must end whole: each index valid and attached on every
 * partition the table has at the end, the unique constraint and foreign key on each of them,
 * valid and attached, and nothing left on a partition detached on the way.
 */
const month = (n: number) => `2020-${String(n + 1).padStart(2, '0')}-01`;
const rows = (n: number, table = 'event') =>
  `INSERT INTO ${table} (id, at, reading, device_id) SELECT g, '${month(n)}'::timestamptz + g * interval '1 second', g, g % 10 + 1 FROM generate_series(1, 200) g;`;
const setup = [
  emitDdl(v1),
  'INSERT INTO device (id) SELECT generate_series(1, 10);',
  ...[0, 1].flatMap((n) => [
    `CREATE TABLE event_p${n} PARTITION OF event FOR VALUES FROM ('${month(n)}') TO ('${month(n + 1)}');`,
    rows(n),
  ]),
];

/** What the partitions change between two steps. */
const changes = {
  created: [`CREATE TABLE event_p5 PARTITION OF event FOR VALUES FROM ('${month(5)}') TO ('${month(6)}');`, rows(5)],
  attached: [
    'CREATE TABLE event_new (LIKE event INCLUDING DEFAULTS)',
    rows(6, 'event_new'),
    `ALTER TABLE event ATTACH PARTITION event_new FOR VALUES FROM ('${month(6)}') TO ('${month(7)}')`,
  ],
  'created, partitioned in turn,': [
    `CREATE TABLE event_p7 PARTITION OF event FOR VALUES FROM ('${month(7)}') TO ('${month(8)}') PARTITION BY RANGE (at);`,
    `CREATE TABLE event_p7a PARTITION OF event_p7 FOR VALUES FROM ('${month(7)}') TO ('${month(8)}');`,
    rows(7),
  ],
  detached: ['ALTER TABLE event DETACH PARTITION event_p1'],
} as const;

describeEachServer('a partition created, attached or detached between the steps of a per-partition pattern', (server: TestServer) => {
  let db: ScratchDatabase;
  let plan: Plan;

  beforeAll(async () => {
    db = await scratchDatabase(server);
    const session = await connect(db.url);
    try {
      plan = (await planFile(session, v1, v2)).plan;
    } finally {
      await session.close();
    }
  }, 60_000);
  afterAll(() => db.drop());

  /** What is not as the patterns promise once every step ran: each a line naming the relation. */
  async function problems(session: Connection): Promise<string[]> {
    const found: string[] = [];
    for (const index of ['event_reading_idx', 'event_reading_at_key']) {
      const { rows } = await session.query<{ relation: string; problem: string | null }>(
        `SELECT p.relid::regclass::text AS relation,
                CASE WHEN i.indexrelid IS NULL THEN 'no attached index' WHEN NOT i.indisvalid THEN 'invalid index' END AS problem
           FROM pg_partition_tree('event') p
           LEFT JOIN LATERAL (
             SELECT x.indexrelid, x.indisvalid FROM pg_index x
              WHERE x.indrelid = p.relid AND x.indexrelid IN (SELECT relid FROM pg_partition_tree($1::regclass))
           ) i ON true`,
        [index],
      );
      found.push(...rows.filter((row) => row.problem !== null).map((row) => `${index} on ${row.relation}: ${row.problem}`));
    }
    // Each relation of the tree has the unique constraint and the foreign key, valid, the partitions' attached to the parent's.
    const { rows: constraints } = await session.query<{ relation: string; type: string; valid: boolean; attached: boolean }>(
      `SELECT c.conrelid::regclass::text AS relation, c.contype::text AS type, c.convalidated AS valid,
              (c.conparentid <> 0) = (c.conrelid <> 'event'::regclass) AS attached
         FROM pg_constraint c WHERE c.contype IN ('u', 'f') AND c.connamespace = 'public'::regnamespace AND c.conrelid <> 'device'::regclass ORDER BY 1, 2`,
    );
    const tree = await session.query<{ relation: string }>(`SELECT relid::regclass::text AS relation FROM pg_partition_tree('event')`);
    for (const { relation } of tree.rows)
      for (const type of ['f', 'u']) {
        const found1 = constraints.find((row) => row.relation === relation && row.type === type);
        if (found1 === undefined) found.push(`${type} on ${relation}: missing`);
        else if (!found1.valid || !found1.attached) found.push(`${type} on ${relation}: ${JSON.stringify(found1)}`);
      }
    // A detached partition keeps nothing of the patterns' but what PostgreSQL itself leaves on it (its own copies, detached).
    found.push(
      ...constraints
        .filter((row) => !tree.rows.some((t) => t.relation === row.relation) && row.relation !== 'event_p1')
        .map((row) => `${row.type} on ${row.relation}: outside the tree`),
    );
    return found;
  }

  /** `session`, but `statements` run on `other` just before the first query `at` picks (given its text and its values). */
  function before(
    session: Connection,
    other: Connection,
    at: (parts: readonly unknown[]) => boolean,
    statements: readonly string[],
  ): Connection {
    let done = false;
    const query: Connection['query'] = async (text, values) => {
      if (!done && at([text, ...(values ?? [])])) {
        done = true;
        for (const sql of statements) await other.query(sql);
      }
      return session.query(text, values);
    };
    return { ...session, query, close: () => session.close() };
  }

  const naming = (relation: string) => (parts: readonly unknown[]) =>
    parts.some((part) => typeof part === 'string' && part.includes(relation));
  /** The attach's transaction of `relation`: its lock on the parent, after the step looked at `relation`. */
  const attachOf = (relation: string) => {
    let reached = false;
    return (parts: readonly unknown[]) => {
      reached ||= naming(relation)(parts);
      return reached && String(parts[0]).startsWith('LOCK TABLE ONLY');
    };
  };
  const moments = {
    'as the step reaches it': { at: () => naming('event_p1'), attaches: false },
    'just before its attach': { at: () => attachOf('event_p1'), attaches: true },
  };

  for (const [moment, { at, attaches }] of Object.entries(moments))
    it(`skips a partition detached while a step runs, ${moment}`, { timeout: 300_000 }, async () => {
      const failures: string[] = [];
      for (const [during, step] of plan.steps.entries()) {
        if (step.perPartition === undefined || (attaches && step.perPartition.attach === null)) continue;
        await db.reset();
        const session = await connect(db.url);
        const other = await connect(db.url);
        try {
          for (const sql of setup) await session.query(sql);
          for (const [n, each] of plan.steps.entries()) {
            try {
              await applyStep(n === during ? before(session, other, at(), changes.detached) : session, each);
            } catch (error) {
              failures.push(`detached during ${step.id}: ${each.id} failed: ${String((error as Error).cause ?? error)}`);
              break;
            }
          }
          const { rows } = await session.query(`SELECT 1 FROM pg_inherits WHERE inhrelid = 'event_p1'::regclass`);
          if (rows.length > 0) failures.push(`detached during ${step.id}: event_p1 was not detached`);
          failures.push(...(await problems(session)).map((problem) => `detached during ${step.id}: ${problem}`));
        } finally {
          await other.close();
          await session.close();
        }
      }
      expect(failures).toEqual([]);
    });

  for (const [change, statements] of Object.entries(changes))
    it(`ends whole with a partition ${change} before each step in turn`, { timeout: 300_000 }, async () => {
      const failures: string[] = [];
      for (let before = 1; before < plan.steps.length; before++) {
        await db.reset();
        const session = await connect(db.url);
        const other = await connect(db.url);
        try {
          for (const sql of setup) await session.query(sql);
          for (const [n, step] of plan.steps.entries()) {
            if (n === before) for (const sql of statements) await other.query(sql);
            try {
              await applyStep(session, step);
            } catch (error) {
              failures.push(`${change} before ${plan.steps[before]?.id}: ${step.id} failed: ${String((error as Error).cause ?? error)}`);
              break;
            }
          }
          failures.push(...(await problems(session)).map((problem) => `${change} before ${plan.steps[before]?.id}: ${problem}`));
        } finally {
          await other.close();
          await session.close();
        }
      }
      expect(failures).toEqual([]);
    });
});
