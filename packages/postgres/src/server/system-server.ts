import { access, constants, realpath } from 'node:fs/promises';
import { delimiter, dirname, join } from 'node:path';
import { describeBinaries, type PostgresBinaries } from './postgres-binaries.js';
import type { RunningServer } from './running-server.js';
import { startCluster } from './start-cluster.js';

export interface SystemPostgresOptions {
  readonly binaries: PostgresBinaries;
  readonly dataDir: string;
  readonly port?: number;
  readonly ephemeral?: boolean;
  readonly user?: string;
}

/**
 * The PostgreSQL installed on this machine: `initdb` found on `PATH`, and the `postgres` beside
 * its real location (Debian puts symlinks on PATH and the programs in
 * `/usr/lib/postgresql/<major>/bin`), else `postgres` from `PATH`. `null` when there is none.
 */
export async function findSystemPostgres(path: string = process.env['PATH'] ?? ''): Promise<PostgresBinaries | null> {
  const initdb = await onPath('initdb', path);
  if (initdb === null) return null;
  const beside = join(dirname(await realpath(initdb)), 'postgres');
  const postgres = (await isExecutable(beside)) ? beside : await onPath('postgres', path);
  if (postgres === null) return null;
  return describeBinaries('system', initdb, postgres);
}

/** Starts a cluster of the system's PostgreSQL, the same way as the embedded one. */
export function startSystemPostgres(options: SystemPostgresOptions): Promise<RunningServer> {
  return startCluster(options);
}

async function onPath(program: string, path: string): Promise<string | null> {
  for (const dir of path.split(delimiter)) {
    if (dir === '') continue;
    const candidate = join(dir, program);
    if (await isExecutable(candidate)) return candidate;
  }
  return null;
}

function isExecutable(file: string): Promise<boolean> {
  return access(file, constants.X_OK).then(
    () => true,
    () => false,
  );
}
