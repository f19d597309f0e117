import { readFile, readlink, realpath, unlink } from 'node:fs/promises';
import { join } from 'node:path';

/** What a running postmaster writes to `postmaster.pid`. */
export interface PostmasterPid {
  readonly pid: number;
  readonly port: number;
  /** `starting`, `ready`, `stopping` (PostgreSQL 10+). */
  readonly status: string;
}

/** Reads `postmaster.pid` of `dataDir`; `null` when there is none (or it is being written). */
export async function readPostmasterPid(dataDir: string): Promise<PostmasterPid | null> {
  let text: string;
  try {
    text = await readFile(join(dataDir, 'postmaster.pid'), 'utf8');
  } catch {
    return null;
  }
  const lines = text.split('\n');
  const pid = Number.parseInt(lines[0] ?? '', 10);
  const port = Number.parseInt(lines[3] ?? '', 10);
  if (!Number.isInteger(pid) || !Number.isInteger(port)) return null;
  return { pid, port, status: (lines[7] ?? '').trim() };
}

/**
 * The postmaster still serving `dataDir`, or `null`. A `postmaster.pid` whose process is gone,
 * or whose pid now belongs to another process (common after a container restart), is stale:
 * it is removed, since PostgreSQL refuses to start while it names a live process.
 */
export async function livePostmaster(dataDir: string): Promise<PostmasterPid | null> {
  const entry = await readPostmasterPid(dataDir);
  if (entry === null) return null;
  if (await servesDataDir(entry.pid, dataDir)) return entry;
  await unlink(join(dataDir, 'postmaster.pid')).catch(() => undefined);
  return null;
}

async function servesDataDir(pid: number, dataDir: string): Promise<boolean> {
  try {
    process.kill(pid, 0);
  } catch {
    // ESRCH: gone. EPERM: alive but another user's, so not a server this user could run.
    return false;
  }
  try {
    // A postmaster's working directory is its data directory.
    return (await readlink(`/proc/${pid}/cwd`)) === (await realpath(dataDir));
  } catch (error) {
    // No /proc (macOS): a live process with that pid is the best evidence there is.
    return (error as NodeJS.ErrnoException).code === 'ENOENT' && !(await pathExists('/proc/self'));
  }
}

async function pathExists(path: string): Promise<boolean> {
  return realpath(path).then(
    () => true,
    () => false,
  );
}
