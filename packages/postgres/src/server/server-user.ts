import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** The user the server processes run as, when they cannot run as the current one. */
export interface ServerUser {
  readonly name: string;
  readonly uid: number;
  readonly gid: number;
}

/** The unprivileged system user Wesley creates to run PostgreSQL when it is started by root. */
export const defaultServerUserName = 'wesley-pg';

const pending = new Map<string, Promise<ServerUser>>();

/**
 * PostgreSQL refuses to run as root. When this process is root, returns the unprivileged user
 * `name` (created as a system user with its own group and no home or login shell if missing);
 * otherwise `null`: the server runs as the current user.
 */
export function serverUser(name: string = defaultServerUserName): Promise<ServerUser> | null {
  if (process.getuid?.() !== 0) return null;
  let user = pending.get(name);
  if (user === undefined) {
    user = ensureUser(name);
    pending.set(name, user);
    user.catch(() => pending.delete(name));
  }
  return user;
}

async function ensureUser(name: string): Promise<ServerUser> {
  const existing = await lookup(name);
  if (existing !== null) return existing;
  try {
    await run('useradd', [
      '--system',
      '--user-group',
      '--no-create-home',
      '--home-dir',
      '/nonexistent',
      '--shell',
      '/usr/sbin/nologin',
      name,
    ]);
  } catch (error) {
    // Another process may have created it in the meantime; only then is the failure harmless.
    const raced = await lookup(name);
    if (raced !== null) return raced;
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`PostgreSQL cannot run as root, and creating the user "${name}" failed: ${reason}`, { cause: error });
  }
  const created = await lookup(name);
  if (created === null) throw new Error(`useradd reported success but user "${name}" does not exist`);
  return created;
}

async function lookup(name: string): Promise<ServerUser | null> {
  try {
    const [uid, gid] = await Promise.all([run('id', ['-u', name]), run('id', ['-g', name])]);
    return { name, uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
  } catch {
    return null;
  }
}
