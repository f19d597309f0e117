import { spawn, type ChildProcess } from 'node:child_process';
import { dirname } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { PostgresBinaries } from './postgres-binaries.js';
import { readPostmasterPid } from './postmaster-pid.js';
import { programOptions } from './run-program.js';
import type { ServerUser } from './server-user.js';

export interface PostmasterOptions {
  readonly binaries: PostgresBinaries;
  readonly dataDir: string;
  readonly port: number;
  readonly user: ServerUser | null;
  readonly ephemeral: boolean;
  /** More `-c name=value` settings (`shared_preload_libraries=pg_stat_statements`). */
  readonly settings?: readonly string[];
}

/** A postmaster this process started and owns. */
export interface Postmaster {
  readonly pid: number;
  stop(): Promise<void>;
}

/** Raised when the server exits before it is ready; `output` is the end of its log. */
export class PostmasterStartError extends Error {
  constructor(
    message: string,
    readonly output: string,
  ) {
    super(`${message}:\n${output}`);
  }

  /** The port was taken between choosing it and binding it. */
  get portInUse(): boolean {
    return /could not bind|could not create any TCP\/IP sockets|Address already in use/i.test(this.output);
  }
}

const readyTimeoutMs = 60_000;

/**
 * Starts `postgres` on 127.0.0.1 only, with no Unix socket (the build's default socket
 * directory, `/var/run/postgresql` on Debian, may not exist or not be writable by the server
 * user), and waits until `postmaster.pid` says `ready` — the signal `pg_ctl` uses too, so no
 * log text is parsed. The log is drained (a full pipe would stall the server) and its tail kept
 * for error messages.
 */
export async function startPostmaster(options: PostmasterOptions): Promise<Postmaster> {
  const { binaries, dataDir, port, user, ephemeral } = options;
  const settings = [
    'listen_addresses=127.0.0.1',
    'unix_socket_directories=',
    ...(ephemeral ? ['fsync=off', 'synchronous_commit=off', 'full_page_writes=off'] : []),
    ...(options.settings ?? []),
  ];
  const child = spawn(
    binaries.postgres,
    ['-D', dataDir, '-p', String(port), ...settings.flatMap((s) => ['-c', s])],
    programOptions(user, dirname(dataDir)),
  );
  let log = '';
  const keep = (chunk: Buffer): void => {
    log = (log + chunk.toString('utf8')).slice(-4000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  // Set by the callback: typed by assertion so that TypeScript does not narrow it to `null` for good.
  let spawnError = null as Error | null;
  child.once('error', (error) => {
    spawnError = error;
  });

  const deadline = Date.now() + readyTimeoutMs;
  for (;;) {
    if (spawnError !== null) throw spawnError;
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new PostmasterStartError(`PostgreSQL ${binaries.version} in ${dataDir} exited during startup`, log.trim());
    }
    const entry = await readPostmasterPid(dataDir);
    if (entry !== null && entry.pid === child.pid && entry.status === 'ready') break;
    if (Date.now() > deadline) {
      await shutdown(child, exited);
      throw new PostmasterStartError(
        `PostgreSQL ${binaries.version} in ${dataDir} was not ready after ${readyTimeoutMs / 1000} s`,
        log.trim(),
      );
    }
    await sleep(20);
  }

  // If this process exits without stopping the server, ask it to shut down rather than orphan it.
  const onExit = (): void => {
    child.kill('SIGINT');
  };
  process.once('exit', onExit);
  let stopped: Promise<void> | null = null;
  return {
    pid: child.pid ?? 0,
    stop: () =>
      (stopped ??= (async () => {
        process.off('exit', onExit);
        await shutdown(child, exited);
      })()),
  };
}

/** Fast shutdown; then immediate shutdown, then kill, for a server that does not exit in time. */
async function shutdown(child: ChildProcess, exited: Promise<void>): Promise<void> {
  for (const [signal, waitMs] of [
    ['SIGINT', 30_000],
    ['SIGQUIT', 5_000],
    ['SIGKILL', 5_000],
  ] as const) {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill(signal);
    const timer = new AbortController();
    const gone = await Promise.race([exited.then(() => true), sleep(waitMs, false, { signal: timer.signal }).catch(() => false)]);
    timer.abort();
    if (gone) return;
  }
}
