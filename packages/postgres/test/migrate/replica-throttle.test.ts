import { execFile } from 'node:child_process';
import { appendFile, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { planMigration, stableStringify } from '@wesley/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, type Connection } from '../../src/connect/connect.js';
import type { MigrateEvent } from '../../src/migrate/migrate-events.js';
import { migrate } from '../../src/migrate/migrate.js';
import { embeddedBinaries } from '../../src/server/embedded-server.js';
import type { PostgresBinaries } from '../../src/server/postgres-binaries.js';
import type { RunningServer } from '../../src/server/running-server.js';
import { startCluster } from '../../src/server/start-cluster.js';
import { findSystemPostgres } from '../../src/server/system-server.js';
import { compile, migrationsDirectory } from './support/migrations-directory.js';

const run = promisify(execFile);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Throttling on a real replica (issue 17, item 4): a second server streaming from the first,
 * its replay paused (`pg_wal_replay_pause()`) so that `pg_stat_replication.replay_lag` on the
 * primary grows past `maxReplicaLagMs`. The backfill pauses before its batch, says so, and goes
 * on once replay resumes and the lag drops.
 *
 * The replica is a cold copy of the primary's data directory (stopped cleanly, copied with
 * `cp -a`, which keeps the server user's ownership) with `standby.signal` and a
 * `primary_conninfo`: the embedded package ships no `pg_basebackup`, and the system's is of
 * another major version than the embedded server, which pg_basebackup refuses. A clean
 * shutdown's checkpoint is where the copy starts streaming from.
 */
const candidates: [string, () => Promise<PostgresBinaries | null>][] = [
  ['embedded', () => embeddedBinaries()],
  ['system', () => findSystemPostgres()],
];

describe.each(candidates)('throttle on a real replica [%s]', (_label, binaries) => {
  let root: string;
  let primary: RunningServer;
  let replica: RunningServer;
  let sessions: Connection[] = [];
  let found: PostgresBinaries | null = null;

  beforeAll(async () => {
    found = await binaries();
    if (found === null) return;
    root = await mkdtemp(path.join(tmpdir(), 'wesley-replica-'));
    const primaryDir = path.join(root, 'primary');
    const replicaDir = path.join(root, 'replica');
    const first = await startCluster({ binaries: found, dataDir: primaryDir, ephemeral: true });
    await first.stop();
    await run('cp', ['-a', primaryDir, replicaDir]);
    primary = await startCluster({ binaries: found, dataDir: primaryDir, port: first.port, ephemeral: true });
    const url = new URL(primary.url);
    await writeFile(path.join(replicaDir, 'standby.signal'), '');
    await appendFile(
      path.join(replicaDir, 'postgresql.auto.conf'),
      `primary_conninfo = 'host=127.0.0.1 port=${primary.port} user=${decodeURIComponent(url.username)} password=${decodeURIComponent(url.password)}'\n`,
    );
    replica = await startCluster({ binaries: found, dataDir: replicaDir, ephemeral: true, settings: ['wal_receiver_status_interval=1s'] });
  }, 120_000);

  afterAll(async () => {
    for (const session of sessions) await session.close().catch(() => undefined);
    sessions = [];
    await replica?.stop();
    await primary?.stop();
    if (root !== undefined) await rm(root, { recursive: true, force: true });
  }, 60_000);

  const open = async (url: string) => {
    const session = await connect(url);
    sessions.push(session);
    return session;
  };

  /** The largest replay lag the primary shows, in ms (`null` with no replica or none measured). */
  const lagOf = async (session: Connection) =>
    (
      await session.query<{ lag: number | null }>(
        'SELECT (extract(epoch FROM max(replay_lag)) * 1000)::float8 AS lag FROM pg_stat_replication',
      )
    ).rows[0]?.lag ?? null;

  it('pauses the backfill while replay lags past maxReplicaLagMs and goes on when it catches up', { timeout: 120_000 }, async () => {
    if (found === null) return expect.unreachable('no PostgreSQL binaries of this kind on this machine');
    const onPrimary = await open(primary.url);
    const onReplica = await open(replica.url);
    for (let tries = 0; ; tries++) {
      const { rows } = await onPrimary.query(`SELECT 1 FROM pg_stat_replication WHERE state = 'streaming'`);
      if (rows.length > 0) break;
      if (tries > 600) throw new Error('the replica never started streaming');
      await sleep(100);
    }
    await onPrimary.query('CREATE TABLE tally (id integer PRIMARY KEY); INSERT INTO tally SELECT generate_series(1, 300)');
    const version = Number((await onPrimary.query<{ v: string }>(`SELECT current_setting('server_version_num') AS v`)).rows[0]?.v);
    const v0 = compile('type Tally @wes_table { id: Int! @wes_pk }');
    const v1 = compile('type Tally @wes_table { id: Int! @wes_pk token: UUID! @wes_default(expr: "gen_random_uuid()") }');
    const { plan } = planMigration(v0, v1, { serverVersion: version, batchSize: 100 });
    if (plan === null) throw new Error('no plan');
    const directory = await migrationsDirectory({ '0001_token/plan.json': stableStringify(plan, 2) });

    // Replay stands still, WAL goes on: the lag grows past the limit.
    await onReplica.query('SELECT pg_wal_replay_pause()');
    await onPrimary.query('CREATE TABLE wal_maker (n integer); INSERT INTO wal_maker SELECT generate_series(1, 1000)');
    for (let tries = 0; ((await lagOf(onPrimary)) ?? 0) < 1500; tries++) {
      if (tries > 300) throw new Error(`replay_lag never grew past 1.5 s (it is ${await lagOf(onPrimary)})`);
      await onPrimary.query('INSERT INTO wal_maker VALUES (1)');
      await sleep(100);
    }

    const events: MigrateEvent[] = [];
    let resumed = 0;
    const result = await migrate({
      url: primary.url,
      directory,
      throttle: { maxReplicaLagMs: 1000 },
      onEvent: (event) => {
        events.push(event);
        // The pause is seen: let replay go on, and remember when.
        if (event.kind === 'throttle') {
          resumed = Date.now();
          void onReplica.query('SELECT pg_wal_replay_resume()');
        }
      },
    });
    expect(result.applied).toEqual(['0001_token']);
    const kinds = events.map((event) => event.kind).filter((kind) => kind === 'batch' || kind.startsWith('throttle'));
    // Paused before the first batch, and every batch after the pause.
    expect(kinds[0]).toBe('throttle');
    expect(kinds[1]).toBe('throttle-end');
    expect(kinds.slice(2).every((kind) => kind === 'batch')).toBe(true);
    const throttle = events.find((event) => event.kind === 'throttle');
    expect(throttle).toMatchObject({ limit: { kind: 'replica-lag', max: 1000 } });
    expect((throttle as Extract<MigrateEvent, { kind: 'throttle' }>).limit.value).toBeGreaterThan(1000);
    const end = events.find((event) => event.kind === 'throttle-end') as Extract<MigrateEvent, { kind: 'throttle-end' }>;
    expect(end.pausedMs).toBeGreaterThan(0);
    expect(resumed).toBeGreaterThan(0);
    // The replica catches up with the backfill.
    const { rows: head } = await onPrimary.query<{ lsn: string }>('SELECT pg_current_wal_insert_lsn()::text AS lsn');
    for (let tries = 0; ; tries++) {
      const { rows } = await onReplica.query<{ behind: boolean }>('SELECT pg_last_wal_replay_lsn() < $1::pg_lsn AS behind', [head[0]?.lsn]);
      if (rows[0]?.behind === false) break;
      if (tries > 300) throw new Error('the replica never replayed the backfill');
      await sleep(100);
    }
    expect((await onReplica.query('SELECT count(*)::int AS n FROM tally WHERE token IS NOT NULL')).rows).toEqual([{ n: 300 }]);
  });

  it("reads the lag as a heartbeat table's age on the replica instead, when given one", { timeout: 120_000 }, async () => {
    if (found === null) return expect.unreachable('no PostgreSQL binaries of this kind on this machine');
    const onPrimary = await open(primary.url);
    const onReplica = await open(replica.url);
    const writer = await open(primary.url);
    await onPrimary.query('DROP SCHEMA IF EXISTS wesley CASCADE');
    await onPrimary.query('CREATE SCHEMA ops; CREATE TABLE ops.heartbeat (id integer PRIMARY KEY, beat timestamptz NOT NULL)');
    await onPrimary.query('INSERT INTO ops.heartbeat VALUES (1, now())');
    await onPrimary.query('CREATE TABLE beaten (id integer PRIMARY KEY); INSERT INTO beaten SELECT generate_series(1, 300)');
    const version = Number((await onPrimary.query<{ v: string }>(`SELECT current_setting('server_version_num') AS v`)).rows[0]?.v);
    const v0 = compile('type Beaten @wes_table { id: Int! @wes_pk }');
    const v1 = compile('type Beaten @wes_table { id: Int! @wes_pk token: UUID! @wes_default(expr: "gen_random_uuid()") }');
    const { plan } = planMigration(v0, v1, { serverVersion: version, batchSize: 100 });
    if (plan === null) throw new Error('no plan');
    const directory = await migrationsDirectory({ '0001_beaten/plan.json': stableStringify(plan, 2) });
    // The writer a heartbeat needs: the primary's beat, every 100 ms, as pt-heartbeat does.
    let beating = true;
    const beats = (async () => {
      while (beating) {
        await writer.query('UPDATE ops.heartbeat SET beat = now() WHERE id = 1');
        await sleep(100);
      }
    })();
    const heartbeat = { url: replica.url, table: 'ops.heartbeat', column: 'beat' };
    const age = async () =>
      (
        await onReplica.query<{ ms: number }>(
          `SELECT (extract(epoch FROM clock_timestamp() - max(beat)) * 1000)::float8 AS ms FROM ops.heartbeat`,
        )
      ).rows[0]?.ms ?? 0;
    try {
      for (
        let tries = 0;
        (await onReplica.query(`SELECT to_regclass('ops.heartbeat') IS NULL AS missing`)).rows[0]?.missing === true;
        tries++
      ) {
        if (tries > 300) throw new Error('the replica never got the heartbeat table');
        await sleep(100);
      }
      await onReplica.query('SELECT pg_wal_replay_pause()');
      for (let tries = 0; (await age()) < 1500; tries++) {
        if (tries > 300) throw new Error('the heartbeat never aged past 1.5 s on the replica');
        await sleep(100);
      }
      const events: MigrateEvent[] = [];
      const result = await migrate({
        url: primary.url,
        directory,
        throttle: { maxReplicaLagMs: 1000, heartbeat },
        onEvent: (event) => {
          events.push(event);
          if (event.kind === 'throttle') void onReplica.query('SELECT pg_wal_replay_resume()');
        },
      });
      expect(result.applied).toEqual(['0001_beaten']);
      const kinds = events.map((event) => event.kind).filter((kind) => kind === 'batch' || kind.startsWith('throttle'));
      expect(kinds.slice(0, 2)).toEqual(['throttle', 'throttle-end']);
      expect(kinds.slice(2).every((kind) => kind === 'batch')).toBe(true);
      expect(events.find((event) => event.kind === 'throttle')).toMatchObject({ limit: { kind: 'replica-lag', max: 1000 } });
    } finally {
      beating = false;
      await beats;
      await onReplica.query('SELECT pg_wal_replay_resume()').catch(() => undefined);
    }
  });
});
