import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import path from 'node:path';
import type { Connection } from '../connect/connect.js';
import { calibrate, type Calibration } from './calibration.js';

/** A calibration older than this is measured again: the server's hardware, load or settings may have changed. */
const maxAgeMs = 7 * 24 * 60 * 60 * 1000;

/** Where calibrations are kept, and whether to measure again regardless. */
export interface CalibrationCacheOptions {
  /** Default: `$WESLEY_CACHE_DIR`, else `$XDG_CACHE_HOME/wesley`, else `~/.cache/wesley`. */
  readonly cacheDirectory?: string;
  /** Measure even when a fresh calibration of this server is cached. */
  readonly recalibrate?: boolean;
}

/** A server's calibration, and whether it came from the cache. */
export interface ServerCalibration {
  readonly calibration: Calibration;
  readonly cached: boolean;
  /** The file it is kept in. */
  readonly file: string;
}

/**
 * The calibration of the server `session` is connected to: read from the cache when one of this
 * server was measured less than a week ago, else measured (`calibrate`) and written there. A
 * server is known by its system identifier (`pg_control_system()`, the same for every database
 * of a cluster and new for each `initdb`), its `server_version_num` and data directory; a role
 * that may not read those gets the host and port instead. The cache is a file on this machine,
 * never anything in the database.
 */
export async function loadCalibration(session: Connection, options: CalibrationCacheOptions = {}): Promise<ServerCalibration> {
  const key = await serverKey(session);
  const directory = options.cacheDirectory ?? defaultCacheDirectory();
  const file = path.join(directory, 'calibration', `${createHash('sha256').update(key).digest('hex').slice(0, 32)}.json`);
  if (options.recalibrate !== true) {
    const cached = await readCached(file, key);
    if (cached !== null) return { calibration: cached, cached: true, file };
  }
  const calibration = await calibrate(session);
  await mkdir(path.dirname(file), { recursive: true });
  // Written whole, then renamed: a command running beside this one never reads half a file.
  const partial = `${file}.${process.pid}.tmp`;
  await writeFile(partial, `${JSON.stringify({ key, calibration }, null, 2)}\n`);
  await rename(partial, file);
  return { calibration, cached: false, file };
}

function defaultCacheDirectory(): string {
  const { WESLEY_CACHE_DIR: wesley, XDG_CACHE_HOME: xdg } = process.env;
  if (wesley !== undefined && wesley !== '') return wesley;
  return path.join(xdg !== undefined && xdg !== '' ? xdg : path.join(homedir(), '.cache'), 'wesley');
}

async function readCached(file: string, key: string): Promise<Calibration | null> {
  try {
    const content = JSON.parse(await readFile(file, 'utf8')) as { key?: unknown; calibration?: Calibration };
    const { calibration } = content;
    if (content.key !== key || calibration?.kind !== 'calibration') return null;
    return Date.now() - Date.parse(calibration.measuredAt) < maxAgeMs ? calibration : null;
  } catch {
    // Absent, unreadable or not ours: measured again and written over.
    return null;
  }
}

async function serverKey(session: Connection): Promise<string> {
  const setting = async (sql: string): Promise<string | null> => {
    try {
      const { rows } = await session.query<{ value: string | null }>(sql);
      return rows[0]?.value ?? null;
    } catch {
      // Not readable by this role (pg_control_system and data_directory are for the privileged).
      return null;
    }
  };
  const version = await setting(`SELECT current_setting('server_version_num') AS value`);
  const system = await setting('SELECT system_identifier::text AS value FROM pg_catalog.pg_control_system()');
  const directory = await setting(`SELECT current_setting('data_directory') AS value`);
  const where = system === null ? `${session.client.host}:${session.client.port}` : `${system} ${directory ?? ''}`;
  // The format of the file is part of the key: a calibration written by another version is measured again.
  return `v3 ${where} ${version ?? ''}`;
}
