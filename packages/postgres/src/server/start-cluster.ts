import { mkdir, realpath } from 'node:fs/promises';
import { basename, dirname, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { readCredentials } from './cluster-credentials.js';
import { freePort } from './free-port.js';
import { grantExecute, grantTraverse } from './grant-access.js';
import { clusterMajor, initCluster } from './init-cluster.js';
import type { PostgresBinaries } from './postgres-binaries.js';
import { startPostmaster, PostmasterStartError, type Postmaster } from './postmaster.js';
import { livePostmaster } from './postmaster-pid.js';
import type { RunningServer } from './running-server.js';
import { serverUser, type ServerUser } from './server-user.js';

export interface ClusterOptions {
  readonly binaries: PostgresBinaries;
  /** Data directory; created (and initialised) when missing, reused when it holds a cluster. */
  readonly dataDir: string;
  /** TCP port; by default a free one is chosen. */
  readonly port?: number;
  /**
   * Trade crash safety for speed (no fsync at initdb or at run time): for throwaway test
   * clusters, never for data anyone keeps.
   */
  readonly ephemeral?: boolean;
  /** Unprivileged user to run as when this process is root (default `wesley-pg`). */
  readonly user?: string;
  /** More server settings, each `name=value`, given to `postgres -c` when this call starts it. */
  readonly settings?: readonly string[];
}

const portAttempts = 3;

/**
 * Starts a PostgreSQL server from `binaries` on `dataDir`, initialising the directory first if
 * needed. When this process is root the server runs as an unprivileged user that owns the data
 * directory; the directories above it and the programs are made reachable by that user. A
 * server already running on `dataDir` is reused; a stale `postmaster.pid` is cleared.
 */
export async function startCluster(options: ClusterOptions): Promise<RunningServer> {
  const { binaries } = options;
  const ephemeral = options.ephemeral ?? false;
  const user = await (serverUser(options.user) ?? null);
  await mkdir(dirname(resolve(options.dataDir)), { recursive: true });
  // Symlinks resolved once, so the checks below compare like with like.
  const dataDir = resolve(await realpath(dirname(resolve(options.dataDir))), basename(options.dataDir));
  if (user !== null) await grantAccess(binaries, dataDir);

  const major = await clusterMajor(dataDir);
  const created = major === null && (await initCluster(binaries, dataDir, user, ephemeral));
  if (major !== null && major !== binaries.major) {
    throw new Error(
      `${dataDir} holds a PostgreSQL ${major} cluster but the server is PostgreSQL ${binaries.major}; ` +
        'use a directory per major version (the default is .wesley/pg/<major>)',
    );
  }
  const { user: role, password } = await readCredentials(dataDir);
  const serverAt = (port: number, reused: boolean, stop: () => Promise<void>): RunningServer => ({
    url: `postgres://${encodeURIComponent(role)}:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`,
    port,
    dataDir,
    origin: binaries.origin,
    version: binaries.version,
    major: binaries.major,
    reused,
    created,
    stop,
  });

  const reuse = async (): Promise<RunningServer | null> => {
    const live = await livePostmaster(dataDir);
    if (live === null) return null;
    await waitUntilReady(dataDir, live.pid);
    return serverAt(live.port, true, () => Promise.resolve());
  };
  const running = await reuse();
  if (running !== null) return running;
  try {
    const { postmaster, port } = await startOnFreePort(options, dataDir, user, ephemeral);
    return serverAt(port, false, () => postmaster.stop());
  } catch (error) {
    // Another process may have started a server on this directory meanwhile (its lock file won).
    const raced = error instanceof PostmasterStartError ? await reuse() : null;
    if (raced === null) throw error;
    return raced;
  }
}

async function startOnFreePort(
  options: ClusterOptions,
  dataDir: string,
  user: ServerUser | null,
  ephemeral: boolean,
): Promise<{ postmaster: Postmaster; port: number }> {
  for (let attempt = 1; ; attempt++) {
    const port = options.port ?? (await freePort());
    try {
      const postmaster = await startPostmaster({
        binaries: options.binaries,
        dataDir,
        port,
        user,
        ephemeral,
        ...(options.settings === undefined ? {} : { settings: options.settings }),
      });
      return { postmaster, port };
    } catch (error) {
      // Another process can take a chosen port before the server binds it: choose again.
      const retry = error instanceof PostmasterStartError && error.portInUse && options.port === undefined;
      if (!retry || attempt >= portAttempts) throw error;
    }
  }
}

async function grantAccess(binaries: PostgresBinaries, dataDir: string): Promise<void> {
  await grantTraverse(dataDir);
  for (const program of [binaries.initdb, binaries.postgres]) {
    await grantTraverse(program);
    await grantExecute(program);
  }
}

/** A server found running may still be starting up (or recovering): wait for it, as pg_ctl would. */
async function waitUntilReady(dataDir: string, pid: number): Promise<void> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const entry = await livePostmaster(dataDir);
    if (entry === null || entry.pid !== pid) throw new Error(`the PostgreSQL server already running on ${dataDir} went away`);
    if (entry.status === 'ready') return;
    if (Date.now() > deadline) throw new Error(`the PostgreSQL server already running on ${dataDir} is not ready (${entry.status})`);
    await sleep(50);
  }
}
