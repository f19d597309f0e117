import { execFile, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { servers, useTestDatabase } from '@wesley/postgres/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { initSql } from './migrate-fixtures.js';
import { wesleyBin } from './run-built-cli.js';

const run = promisify(execFile);

/** Where `wesley migrate` writes its progress: a terminal, or a pipe that may close. */
describe('wesley migrate output', () => {
  const [server] = servers();
  const db = useTestDatabase(server);
  let cwd: string;
  beforeAll(async () => {
    cwd = await mkdtemp(path.join(os.tmpdir(), 'wesley-migrate-tty-'));
    await mkdir(path.join(cwd, 'migrations'));
    await writeFile(path.join(cwd, 'migrations', '0001_init.sql'), initSql());
  });
  afterAll(async () => {
    await rm(cwd, { recursive: true, force: true });
  });

  // util-linux `script` gives the command a pseudo-terminal (with a width, which `script` alone
  // leaves at 0) and records what it draws.
  it('on a terminal, draws a spinner per migration that ends as a ✔ line, then the summary', async () => {
    const shell = 'stty cols 100 rows 30; exec "$NODE" "$WESLEY" migrate --database-url "$URL"';
    const { stdout } = await run('script', ['-qec', shell, '/dev/null'], {
      cwd,
      env: { ...process.env, NODE: process.execPath, WESLEY: wesleyBin, URL: db.url, NO_COLOR: '1', CI: undefined },
    });
    // The spinner hides the cursor while it runs and shows it again at the end.
    expect(stdout).toContain('\u001b[?25l');
    expect(stdout).toMatch(/\u001b\[\?25h[^\n]*✔ 0001_init\.sql {2}applied in \d/);
    expect(stdout).toMatch(/wesley migrate: 1 migration applied in .+\r?\n/);
    expect(stdout).not.toContain(decodeURIComponent(new URL(db.url).password));
  });

  it('goes on to the end when the reader of its output goes away (wesley migrate --json | head -1)', async () => {
    // The next migration of the same directory: a directory of its own would be another history,
    // refused because the first test's 0001_init.sql is then missing from it (WES150).
    const slow = 'CREATE TABLE first_half (id integer);\nSELECT pg_sleep(0.5);\nCREATE TABLE second_half (id integer);\n';
    await writeFile(path.join(cwd, 'migrations', '0002_slow.sql'), slow);
    const child = spawn(process.execPath, [wesleyBin, 'migrate', '--database-url', db.url, '--json'], {
      cwd,
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    // Close the pipe after the first event, before the migration is done.
    child.stdout.once('data', () => child.stdout.destroy());
    const [code] = (await once(child, 'close')) as [number | null];
    expect(code).toBe(0);
    const session = await db.connect();
    const { rows } = await session.query(
      `SELECT to_regclass('public.second_half') IS NOT NULL AS done, (SELECT status FROM wesley.migrations WHERE name = '0002_slow.sql') AS status`,
    );
    expect(rows).toEqual([{ done: true, status: 'applied' }]);
  });
});
