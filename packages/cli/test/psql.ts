import { execFile } from 'node:child_process';
import { access, constants, readdir } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/**
 * The `psql` on PATH, else the newest in Debian's `/usr/lib/postgresql/<major>/bin`. The tests
 * that use it check that generated SQL files run with the real client; without one they fail
 * with this message rather than pass untested.
 */
async function findPsql(): Promise<string> {
  const dirs = (process.env['PATH'] ?? '').split(path.delimiter).filter((dir) => dir !== '');
  const debian = await readdir('/usr/lib/postgresql').catch(() => [] as string[]);
  dirs.push(...debian.sort((a, b) => Number(b) - Number(a)).map((major) => `/usr/lib/postgresql/${major}/bin`));
  for (const dir of dirs) {
    const candidate = path.join(dir, 'psql');
    if (
      await access(candidate, constants.X_OK).then(
        () => true,
        () => false,
      )
    )
      return candidate;
  }
  throw new Error('psql not found on PATH or in /usr/lib/postgresql/*/bin: install the PostgreSQL client to run these tests');
}

/** Runs `psql -X -v ON_ERROR_STOP=1 -f file` against `url`, as the migration headers tell users to; rejects when psql fails. */
export async function psqlFile(url: string, file: string): Promise<{ stdout: string; stderr: string }> {
  return run(await findPsql(), ['-X', '-q', '-v', 'ON_ERROR_STOP=1', '-d', url, '-f', file], {
    env: { ...process.env, PGCONNECT_TIMEOUT: '10' },
  });
}
