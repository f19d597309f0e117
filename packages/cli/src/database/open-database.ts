import path from 'node:path';
import {
  checkDatabaseUrl,
  ConnectionError,
  defaultEmbeddedDataDir,
  embeddedBinaries,
  redactPassword,
  redactUrl,
  resolveDatabaseUrl,
  startEmbeddedPostgres,
  type RunningServer,
} from '@wesley/postgres/run';
import { displayPath } from '@wesley/config/files';
import { PlanInputError } from '../plan/plan-input-error.js';
import type { DatabaseTarget } from './database-target.js';
import { ensureDatabase } from './ensure-database.js';

/** The database the embedded server holds the project's schema in. */
export const embeddedDatabase = 'wesley';

export interface OpenDatabaseOptions {
  /** `--database-url`, if given. */
  readonly url: string | undefined;
  /** The environment variable holding the URL when `url` is not given (default `DATABASE_URL`). */
  readonly urlEnv?: string | undefined;
  /** Where `.wesley/pg/<major>` lives for the embedded server. */
  readonly projectRoot: string;
  /**
   * With a name, the embedded server keeps its data in `.wesley/pg/<name>/<major>` instead: one
   * cluster per database of a config that lists several, so that each run starts and stops its own.
   */
  readonly embeddedCluster?: string | null | undefined;
  readonly cwd: string;
  readonly env: Readonly<Record<string, string | undefined>>;
}

/** An open target, and how to let go of it once the command is done. */
export interface OpenDatabase extends DatabaseTarget {
  /**
   * The data directory (as shown to the user) of the embedded cluster this command initialised,
   * empty; `null` for a URL or a cluster that was there. A new cluster in the wrong place is how
   * applied migrations would silently show as pending.
   */
  readonly newCluster: string | null;
  /** Stops the embedded server if this command started it; nothing for a URL. */
  close(): Promise<void>;
}

/**
 * The database of a command: `--database-url`, else the URL in the environment variable
 * `urlEnv` (`DATABASE_URL` by default; no other variable is consulted), else the project's embedded
 * PostgreSQL (`<project root>/.wesley/pg/<major>`, started now unless it already runs, with a
 * database `wesley` created if missing). Only the embedded path connects here; a URL is
 * connected to by the command itself.
 *
 * @throws InvalidDatabaseUrlError when the URL given does not parse as plainly meant (exit 2).
 * @throws PlanInputError when the embedded server cannot be started or its database created;
 * the message never holds the password.
 */
export async function openDatabase(options: OpenDatabaseOptions): Promise<OpenDatabase> {
  const urlEnv = options.urlEnv ?? 'DATABASE_URL';
  const resolved = resolveDatabaseUrl({ url: options.url, configUrl: options.env[urlEnv], env: {} });
  if (resolved !== null) {
    const origin = resolved.source === 'option' ? '--database-url' : urlEnv;
    // Refused before anything starts: a URL node-postgres would misread reaches another server.
    checkDatabaseUrl(resolved.url, origin);
    return { url: resolved.url, label: redactUrl(resolved.url), origin, newCluster: null, close: () => Promise.resolve() };
  }
  let server: RunningServer | null = null;
  let dataDir = path.join(options.projectRoot, '.wesley', 'pg');
  try {
    const binaries = await embeddedBinaries();
    const cluster = options.embeddedCluster ?? null;
    dataDir =
      cluster === null
        ? defaultEmbeddedDataDir(options.projectRoot, binaries.major)
        : path.join(options.projectRoot, '.wesley', 'pg', cluster, String(binaries.major));
    server = await startEmbeddedPostgres({ dataDir });
    await ensureDatabase(server.url, embeddedDatabase);
  } catch (error) {
    await server?.stop();
    const shown = displayPath(options.cwd, dataDir);
    if (error instanceof ConnectionError) throw new PlanInputError(error.message, error.help);
    const reason = error instanceof Error ? error.message : String(error);
    throw new PlanInputError(
      `could not start the embedded PostgreSQL in ${shown}: ${server === null ? reason : redactPassword(reason, server.url)}`,
      `pass --database-url or set ${urlEnv} to use another PostgreSQL`,
    );
  }
  const url = new URL(server.url);
  url.pathname = `/${embeddedDatabase}`;
  const running = server;
  const state = running.reused ? 'already running' : 'started';
  const shownDataDir = displayPath(options.cwd, running.dataDir);
  return {
    url: url.href,
    label: redactUrl(url.href),
    origin: `embedded PostgreSQL ${running.version}, ${state}, data in ${shownDataDir}`,
    newCluster: running.created ? shownDataDir : null,
    close: () => running.stop(),
  };
}
