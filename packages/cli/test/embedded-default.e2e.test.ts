import { access, mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { runBuiltCliWithEnv } from './run-built-cli.js';

let root: string;
beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'wesley-embedded-default-'));
  await mkdir(path.join(root, 'migrations'));
  await writeFile(path.join(root, 'migrations', '0001_init.sql'), 'CREATE TABLE note (id integer PRIMARY KEY, body text);\n');
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

// One real embedded server for the whole file: initdb takes seconds.
it(
  'without a database URL, uses the embedded PostgreSQL of --project-root (database wesley) and stops it after',
  { timeout: 120_000 },
  async () => {
    const env = { DATABASE_URL: undefined };
    const migrate = await runBuiltCliWithEnv(root, env, 'migrate', '--project-root', root);
    // Said once, by the command that made the cluster: a new cluster where one was expected shows applied migrations as pending.
    expect(migrate.stderr).toMatch(/^wesley migrate: created a new embedded PostgreSQL cluster in \.wesley\/pg\/\d+ \(empty\)\n$/);
    expect(migrate.code).toBe(0);
    expect(migrate.stdout).toMatch(
      /^wesley migrate: database postgres:\/\/postgres:\*\*\*@127\.0\.0\.1:\d+\/wesley \(embedded PostgreSQL \d+\.\d+, started, data in \.wesley\/pg\/\d+\)\n/,
    );
    expect(migrate.stdout).toMatch(/^wesley migrate: 1 migration applied in /m);

    // A second command starts the server again on the same data directory: the ledger is there.
    const status = await runBuiltCliWithEnv(root, env, 'status', '--project-root', '.');
    expect(status.code, status.stderr).toBe(0);
    expect(status.stderr).toBe('');
    expect(status.stdout).toMatch(/\(embedded PostgreSQL \d+\.\d+, started, data in \.wesley\/pg\/\d+\)\n/);
    expect(status.stdout).toMatch(/^ {2}0001_init\.sql +applied /m);
    // Stopped again: no postmaster.pid left in the data directory.
    const [major] = await readdir(path.join(root, '.wesley', 'pg'));
    const pidFile = path.join(root, '.wesley', 'pg', major ?? '', 'postmaster.pid');
    expect(
      await access(pidFile).then(
        () => 'running',
        () => 'stopped',
      ),
    ).toBe('stopped');
  },
);
