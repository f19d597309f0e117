import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { compileSchema, emitDdl, partitionIndexName, planMigration, type Plan, type SchemaIR } from '@wesley/core';
import { introspect, type Connection } from '@wesley/postgres';
import { describeEachServer, useTestDatabase } from '@wesley/postgres/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { comparableIR } from '../../postgres/test/fixtures/comparable-ir.js';
import { v1, v2, v3 } from './plan-fixtures.js';
import { psqlFile } from './psql.js';
import { runBuiltCli } from './run-built-cli.js';

const partitionedV1 = `type Event @wes_table @wes_partition(by: "createdAt", strategy: RANGE) {
  id: UUID! @wes_pk
  createdAt: DateTime! @wes_pk
  kind: String!
}
`;
const partitionedV2 = partitionedV1.replace('strategy: RANGE)', 'strategy: RANGE) @wes_index(columns: ["kind"])');
const partitionedV3 = partitionedV2.replace(
  '@wes_index(columns: ["kind"])',
  '@wes_index(columns: ["kind"]) @wes_index(columns: ["createdAt", "kind"], name: "event_created_at_kind_idx")',
);

let cwd: string;
beforeAll(async () => {
  cwd = await mkdtemp(path.join(os.tmpdir(), 'wesley-plan-db-'));
  const files = {
    'v1.graphql': v1,
    'v2.graphql': v2,
    'v3.graphql': v3,
    'events-v2.graphql': partitionedV2,
    'events-v3.graphql': partitionedV3,
  };
  for (const [file, text] of Object.entries(files)) await writeFile(path.join(cwd, file), text);
});
afterAll(async () => {
  await rm(cwd, { recursive: true, force: true });
});

function compile(body: string): SchemaIR {
  const { ir } = compileSchema({ name: 'schema.graphql', body });
  if (ir === null) throw new Error('fixture does not compile');
  return ir;
}

const plan = (...args: string[]) => runBuiltCli(cwd, 'plan', ...args);

async function serverVersion(session: Connection): Promise<number> {
  const { rows } = await session.query<{ v: string }>(`SELECT current_setting('server_version_num') AS v`);
  return Number(rows[0]?.v);
}

describeEachServer('wesley plan --from a database', (server) => {
  const db = useTestDatabase(server);
  let session: Connection;
  let password: string;
  const out = `migration-${server.label}`;
  beforeAll(async () => {
    session = await db.connect();
    await session.query(emitDdl(compile(v1)));
    await session.query(`INSERT INTO account (email) SELECT 'user' || n || '@example.com' FROM generate_series(1, 5) AS n`);
    password = decodeURIComponent(new URL(db.url).password);
  });

  it('plans from the live schema for its server version, never printing the password', async () => {
    expect(password.length).toBeGreaterThan(0);
    const run = await plan('--from', db.url, '--to', 'v2.graphql', '--batch-size', '2', '--out', out);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`from ${db.url.replace(`:${new URL(db.url).password}@`, ':***@')} to v2.graphql`);
    expect(run.stdout).not.toContain(password);

    const version = await serverVersion(session);
    const planned = JSON.parse(await readFile(path.join(cwd, out, 'plan.json'), 'utf8')) as Plan;
    expect(planned.serverVersion).toBe(version);
    expect(planned.steps).toEqual(planMigration(compile(v1), compile(v2), { serverVersion: version, batchSize: 2 }).plan?.steps);
    expect(planned.steps.some((step) => step.backfill !== null)).toBe(true);
  });

  it('up.sql run by psql gives the v2 schema, the new column backfilled', async () => {
    await psqlFile(db.url, path.join(cwd, out, 'up.sql'));
    expect(comparableIR(await introspect(session))).toEqual(comparableIR(compile(v2)));
    const { rows } = await session.query<{ missing: string; distinct: string }>(
      'SELECT count(*) FILTER (WHERE token IS NULL) AS missing, count(DISTINCT token) AS distinct FROM account',
    );
    expect(rows[0]).toEqual({ missing: '0', distinct: '5' });
    expect((await plan('--from', db.url, '--to', 'v2.graphql')).stdout).toMatch(
      /^wesley plan: nothing to do, postgres:\/\/\S+:\*\*\*@\S+ already matches v2\.graphql\n$/,
    );
  });

  it('down.sql run by psql gives the v1 schema back, rows kept', async () => {
    await psqlFile(db.url, path.join(cwd, out, 'down.sql'));
    expect(comparableIR(await introspect(session))).toEqual(comparableIR(compile(v1)));
    const { rows } = await session.query<{ n: string }>('SELECT count(*) AS n FROM account');
    expect(rows[0]?.n).toBe('5');
  });

  it('points a refused drop at the type in the --to file, since the database has no SDL', async () => {
    const run = await plan('--from', db.url, '--to', 'v3.graphql');
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^v3\.graphql:1:6 {2}WES101 {2}error {2}the data in account\.nickname is lost/);
    expect(`${run.stdout}${run.stderr}`).not.toContain(password);
  });

  it('exits 1 when the --schema does not exist', async () => {
    const run = await plan('--from', db.url, '--schema', 'nowhere', '--to', 'v2.graphql');
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^wesley plan: schema "nowhere" does not exist in postgres:\/\/\S+:\*\*\*@\S+\n {2}help: /);
    expect(run.stderr).not.toContain(password);
  });
});

describeEachServer('wesley plan --from a database with a partitioned table', (server) => {
  const db = useTestDatabase(server);
  let session: Connection;
  const out = `events-${server.label}`;
  beforeAll(async () => {
    session = await db.connect();
    await session.query(emitDdl(compile(partitionedV1)));
    await session.query(`CREATE TABLE event_2025 PARTITION OF event FOR VALUES FROM ('2025-01-01') TO ('2026-01-01')`);
    await session.query(`CREATE TABLE event_2026 PARTITION OF event FOR VALUES FROM ('2026-01-01') TO ('2027-01-01')`);
  });

  it('builds a new index partition by partition, the partitions read when it runs (psql: \\gexec), and psql runs it', async () => {
    const run = await plan('--from', db.url, '--to', 'events-v2.graphql', '--out', out);
    expect(run.code).toBe(0);
    const planned = JSON.parse(await readFile(path.join(cwd, out, 'plan.json'), 'utf8')) as Plan;
    // The plan names no partition: the same plan holds for however many the table has when it runs.
    expect(planned.steps.map((step) => step.id)).toEqual([
      'add-index:event.event_kind_idx:parent',
      'add-index:event.event_kind_idx:partitions',
    ]);
    expect(JSON.stringify(planned)).not.toContain('event_2025');

    await psqlFile(db.url, path.join(cwd, out, 'up.sql'));
    const { rows } = await session.query<{ valid: boolean }>(
      `SELECT indisvalid AS valid FROM pg_index WHERE indexrelid = 'event_kind_idx'::regclass`,
    );
    expect(rows).toEqual([{ valid: true }]);
    const attached = await session.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM pg_catalog.pg_partition_tree('event_kind_idx') WHERE relid <> 'event_kind_idx'::regclass`,
    );
    expect(attached.rows).toEqual([{ n: 2 }]);
    expect((await plan('--from', db.url, '--to', 'events-v2.graphql')).stdout).toMatch(/^wesley plan: nothing to do, /);
  });

  it('names each partition index as wesley migrate does (partitionIndexName) where <partition>_<index> is over 63 bytes', async () => {
    // Names PostgreSQL would truncate, two alike up to the cut (told apart by the hash alone), multibyte
    // characters across the cut, and a partitioned partition whose partition's index attaches to the one named for it.
    const long = 'event_partition_for_the_first_half_of_the_year_2027_ab_';
    const tables = [`${long}a`, `${long}b`, 'événement_partitionné_pour_l_année_2028_écrit_éà', `${long}sub`, `${long}sub_leaf`];
    await session.query(
      [
        `CREATE TABLE "${tables[0]}" PARTITION OF event FOR VALUES FROM ('2027-01-01') TO ('2027-07-01')`,
        `CREATE TABLE "${tables[1]}" PARTITION OF event FOR VALUES FROM ('2027-07-01') TO ('2028-01-01')`,
        `CREATE TABLE "${tables[2]}" PARTITION OF event FOR VALUES FROM ('2028-01-01') TO ('2029-01-01')`,
        `CREATE TABLE "${tables[3]}" PARTITION OF event FOR VALUES FROM ('2029-01-01') TO ('2030-01-01') PARTITION BY RANGE (created_at)`,
        `CREATE TABLE "${tables[4]}" PARTITION OF "${tables[3]}" FOR VALUES FROM ('2029-01-01') TO ('2030-01-01')`,
        `INSERT INTO event (id, created_at, kind) SELECT gen_random_uuid(), timestamptz '2025-01-01' + g * interval '1 day', 'k' || g % 5 FROM generate_series(0, 1800) AS g`,
      ].join(';\n'),
    );
    const v3 = `events-v3-${server.label}`;
    const run = await plan('--from', db.url, '--to', 'events-v3.graphql', '--out', v3);
    expect(run.code).toBe(0);
    const planned = JSON.parse(await readFile(path.join(cwd, v3, 'plan.json'), 'utf8')) as Plan;
    const index = planned.steps.flatMap((step) => (step.perPartition === undefined ? [] : [step.perPartition.index]));
    expect(index).toEqual(['event_created_at_kind_idx']);

    await psqlFile(db.url, path.join(cwd, v3, 'up.sql'));
    const { rows } = await session.query<{ table: string; index: string; valid: boolean }>(
      `SELECT tc.relname::text AS "table", c.relname::text AS index, i.indisvalid AS valid
         FROM pg_catalog.pg_partition_tree('event_created_at_kind_idx') t
         JOIN pg_catalog.pg_index i ON i.indexrelid = t.relid JOIN pg_catalog.pg_class c ON c.oid = t.relid
         JOIN pg_catalog.pg_class tc ON tc.oid = i.indrelid
        WHERE t.level > 0`,
    );
    // Every partition has its index, valid, under the name the executor gives it.
    expect(rows.map((row) => row.table).sort()).toEqual(['event_2025', 'event_2026', ...tables].sort());
    for (const row of rows)
      expect(row).toEqual({
        ...row,
        index: partitionIndexName(row.table, 'event_created_at_kind_idx'),
        valid: true,
      });
    expect(rows.filter((row) => Buffer.byteLength(`${row.table}_event_created_at_kind_idx`) > 63)).toHaveLength(tables.length);
    const parent = await session.query<{ valid: boolean }>(
      `SELECT indisvalid AS valid FROM pg_index WHERE indexrelid = 'event_created_at_kind_idx'::regclass`,
    );
    expect(parent.rows).toEqual([{ valid: true }]);
  });
});
