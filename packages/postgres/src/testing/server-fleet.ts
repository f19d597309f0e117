import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect } from '../connect/connect.js';
import { redactUrl } from '../connect/redact-url.js';
import { embeddedBinaries } from '../server/embedded-server.js';
import type { RunningServer } from '../server/running-server.js';
import { startCluster } from '../server/start-cluster.js';
import { findSystemPostgres } from '../server/system-server.js';
import type { TestServer } from './test-server.js';

/**
 * `pg_stat_statements` preloaded, as production servers that `wesley usage` reads have it (its
 * shared memory is sized at start-up, so only a preload enables it); a test database that reads
 * it runs `CREATE EXTENSION pg_stat_statements`. Both the embedded 18 and Debian's 15 ship it.
 */
const testServerSettings = ['shared_preload_libraries=pg_stat_statements'];

/** The servers of one test run, and how to stop what was started. */
export interface ServerFleet {
  readonly servers: readonly TestServer[];
  stop(): Promise<void>;
}

/**
 * With `DATABASE_URL` set: that server alone. Otherwise the embedded PostgreSQL, plus the
 * system's PostgreSQL when it is installed and of another major version, each on a throwaway
 * data directory (no fsync) in one temp directory that `stop()` removes.
 */
export async function startFleet(log: (line: string) => void): Promise<ServerFleet> {
  const external = process.env['DATABASE_URL']?.trim();
  if (external) {
    const major = await serverMajor(external);
    log(`wesley: tests use DATABASE_URL (${redactUrl(external)}), PostgreSQL ${major}; no embedded server`);
    return { servers: [{ label: `pg${major}-DATABASE_URL`, major, url: external }], stop: () => Promise.resolve() };
  }
  const started = performance.now();
  const [embedded, system] = await Promise.all([embeddedBinaries(), findSystemPostgres()]);
  const root = await mkdtemp(join(tmpdir(), 'wesley-test-pg-'));
  const wanted = [embedded];
  if (system === null) log('wesley: no system PostgreSQL (initdb) on PATH; tests run on the embedded server only');
  else if (system.major === embedded.major)
    log(`wesley: system PostgreSQL is ${system.major} like the embedded one; tests run on the embedded server only`);
  else wanted.push(system);
  const results = await Promise.allSettled(
    wanted.map((binaries) =>
      startCluster({
        binaries,
        dataDir: join(root, `${binaries.origin}-${binaries.major}`),
        ephemeral: true,
        settings: testServerSettings,
      }),
    ),
  );
  const running = results.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
  const stop = async (): Promise<void> => {
    await Promise.all(running.map((server) => server.stop()));
    await rm(root, { recursive: true, force: true });
  };
  const failed = results.find((r) => r.status === 'rejected');
  if (failed !== undefined) {
    await stop();
    throw failed.reason;
  }
  const seconds = ((performance.now() - started) / 1000).toFixed(2);
  log(`wesley: started ${running.map(summary).join(' and ')} in ${seconds} s`);
  return { servers: running.map(toTestServer), stop };
}

function toTestServer(server: RunningServer): TestServer {
  return { label: `pg${server.major}-${server.origin}`, major: server.major, url: server.url };
}

function summary(server: RunningServer): string {
  return `PostgreSQL ${server.version} (${server.origin}, port ${server.port})`;
}

async function serverMajor(url: string): Promise<number> {
  const connection = await connect(url);
  try {
    const { rows } = await connection.query<{ version: string }>(`SELECT current_setting('server_version_num') AS version`);
    return Math.floor(Number(rows[0]?.version) / 10_000);
  } finally {
    await connection.close();
  }
}
