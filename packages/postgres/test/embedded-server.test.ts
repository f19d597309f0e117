import { mkdir, mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { connect } from '../src/connect/connect.js';
import { startEmbeddedPostgres } from '../src/server/embedded-server.js';
import { serverUser } from '../src/server/server-user.js';

const root = await mkdtemp(join(tmpdir(), 'wesley-embedded-test-'));
afterAll(() => rm(root, { recursive: true, force: true }));

async function scalar(url: string, sql: string): Promise<unknown> {
  const session = await connect(url);
  try {
    const { rows } = await session.query<{ value: unknown }>(sql);
    return rows[0]?.value;
  } finally {
    await session.close();
  }
}

describe('startEmbeddedPostgres', () => {
  it('initialises a data directory owned by the server user, then reuses it after a stop', async () => {
    const dataDir = join(root, 'reuse', 'pg');
    const first = await startEmbeddedPostgres({ dataDir, ephemeral: true });
    try {
      expect(first).toMatchObject({ reused: false, created: true });
      expect(first.major).toBe(18);
      expect(await scalar(first.url, "SELECT current_setting('server_version_num')::int / 10000 AS value")).toBe(18);
      await scalar(first.url, 'CREATE TABLE kept (id integer)');
    } finally {
      await first.stop();
    }
    const owner = await (serverUser() ?? Promise.resolve({ uid: process.getuid?.() }));
    expect((await stat(dataDir)).uid).toBe(owner.uid);

    const second = await startEmbeddedPostgres({ dataDir, ephemeral: true });
    try {
      expect(second).toMatchObject({ reused: false, created: false });
      expect(await scalar(second.url, "SELECT to_regclass('kept') IS NOT NULL AS value")).toBe(true);
    } finally {
      await second.stop();
    }
  });

  it('uses a server already running on the data directory, and leaves it running', async () => {
    const dataDir = join(root, 'live');
    const owner = await startEmbeddedPostgres({ dataDir, ephemeral: true });
    try {
      const again = await startEmbeddedPostgres({ dataDir, ephemeral: true });
      expect(again).toMatchObject({ reused: true, port: owner.port, url: owner.url });
      await again.stop();
      expect(await scalar(owner.url, 'SELECT 1 AS value')).toBe(1);
    } finally {
      await owner.stop();
    }
  });

  it('starts despite a stale postmaster.pid naming a process that is not its server', async () => {
    const dataDir = join(root, 'stale');
    await (await startEmbeddedPostgres({ dataDir, ephemeral: true })).stop();
    // As after a crash and a container restart: the recorded pid now belongs to someone else.
    await writeFile(join(dataDir, 'postmaster.pid'), `${process.pid}\n${dataDir}\n1700000000\n5432\n\n127.0.0.1\n  1  2\nready   \n`);
    const server = await startEmbeddedPostgres({ dataDir, ephemeral: true });
    try {
      expect(server.reused).toBe(false);
      expect(await scalar(server.url, 'SELECT 1 AS value')).toBe(1);
    } finally {
      await server.stop();
    }
  });

  it('shares one cluster between two starts racing on a new directory', async () => {
    const dataDir = join(root, 'race');
    const both = await Promise.all([
      startEmbeddedPostgres({ dataDir, ephemeral: true }),
      startEmbeddedPostgres({ dataDir, ephemeral: true }),
    ]);
    try {
      expect(both.map((s) => s.reused).sort()).toEqual([false, true]);
      // One of the two initialised it; the other found (or lost the race to) that cluster.
      expect(both.filter((s) => s.created)).toHaveLength(1);
      expect(both[0]?.url).toBe(both[1]?.url);
      expect(await scalar(both[1]?.url ?? '', 'SELECT 1 AS value')).toBe(1);
    } finally {
      await Promise.all(both.map((s) => s.stop()));
    }
  });

  it('refuses a data directory of another major version', async () => {
    const dataDir = join(root, 'old');
    await mkdir(dataDir, { recursive: true });
    await writeFile(join(dataDir, 'PG_VERSION'), '15\n');
    await expect(startEmbeddedPostgres({ dataDir })).rejects.toThrow(/holds a PostgreSQL 15 cluster but the server is PostgreSQL 18/);
  });

  it('refuses a non-empty directory that is not a data directory', async () => {
    const dataDir = join(root, 'busy');
    await mkdir(dataDir, { recursive: true });
    await writeFile(join(dataDir, 'notes.txt'), 'mine');
    await expect(startEmbeddedPostgres({ dataDir })).rejects.toThrow(/is not empty and is not a PostgreSQL data directory/);
  });
});
