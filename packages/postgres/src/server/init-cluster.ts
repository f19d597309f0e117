import { randomBytes } from 'node:crypto';
import { chown, mkdtemp, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { credentialsFileName } from './cluster-credentials.js';
import type { PostgresBinaries } from './postgres-binaries.js';
import { programOptions, runProgram } from './run-program.js';
import type { ServerUser } from './server-user.js';

/** The major version of the cluster in `dataDir`, or `null` when it holds none yet. */
export async function clusterMajor(dataDir: string): Promise<number | null> {
  try {
    return Number.parseInt(await readFile(join(dataDir, 'PG_VERSION'), 'utf8'), 10);
  } catch {
    return null;
  }
}

/**
 * Creates a cluster in `dataDir` (absent or empty; one that another process initialises
 * meanwhile is accepted as it is) owned by `user`, with superuser `postgres`
 * and a generated password (password auth over TCP), UTF8 and the C locale so that sorting and
 * messages are the same on every machine. initdb runs in a sibling staging directory that is
 * moved into place at the end, so an interrupted initdb never leaves a half-made data directory.
 *
 * @returns `true` when this call's cluster was put in place, `false` when another process's was.
 */
export async function initCluster(
  binaries: PostgresBinaries,
  dataDir: string,
  user: ServerUser | null,
  ephemeral: boolean,
): Promise<boolean> {
  if ((await readdir(dataDir).catch(() => [])).length > 0) {
    // Initialised by another process since the caller looked (rename makes it appear whole).
    if ((await clusterMajor(dataDir)) !== null) return false;
    throw new Error(`${dataDir} is not empty and is not a PostgreSQL data directory; use an empty or new directory`);
  }
  const password = randomBytes(18).toString('base64url');
  const staging = await mkdtemp(`${dataDir}.initdb-`);
  try {
    const passwordFile = join(staging, 'password');
    await writeFile(passwordFile, `${password}\n`, { mode: 0o600 });
    if (user !== null) {
      await chown(staging, user.uid, user.gid);
      await chown(passwordFile, user.uid, user.gid);
    }
    const pgdata = join(staging, 'data');
    await runProgram(
      binaries.initdb,
      [
        `--pgdata=${pgdata}`,
        '--username=postgres',
        `--pwfile=${passwordFile}`,
        '--auth=scram-sha-256',
        '--encoding=UTF8',
        '--no-locale',
        ...(ephemeral ? ['--no-sync'] : []),
      ],
      programOptions(user, dirname(dataDir)),
    );
    const credentials = join(pgdata, credentialsFileName);
    await writeFile(credentials, JSON.stringify({ user: 'postgres', password }), { mode: 0o600 });
    if (user !== null) await chown(credentials, user.uid, user.gid);
    // rename() replaces an empty directory atomically, and fails on a non-empty one: then
    // another process initialised the directory first, and its cluster is as good as ours.
    return await rename(pgdata, dataDir).then(
      () => true,
      async (error: unknown) => {
        if ((await clusterMajor(dataDir)) === null) throw error;
        return false;
      },
    );
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}
