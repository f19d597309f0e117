import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { servers, useTestDatabase } from '@wesley/postgres/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCutProxy } from './cut-proxy.js';
import { wesleyBin, type CliRun } from './run-built-cli.js';

/** A statement that runs long enough for the test to end its session while it runs. */
const slowMigration = `CREATE TABLE slow_done (id int);
SELECT pg_sleep(5);
INSERT INTO slow_done VALUES (1);
`;

/** The built CLI, started; `done` resolves with its output once it exits. */
function startCli(cwd: string, args: readonly string[]): { done: Promise<CliRun> } {
  const child = spawn(process.execPath, [wesleyBin, ...args], {
    cwd,
    env: { ...process.env, NO_COLOR: undefined },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => void (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => void (stderr += chunk));
  return { done: new Promise((resolve, reject) => child.on('error', reject).on('close', (code) => resolve({ code, stdout, stderr }))) };
}

/** The last line of `--json` output, parsed: the summary. */
function summary(run: CliRun): Record<string, unknown> {
  return JSON.parse(run.stdout.trim().split('\n').at(-1) ?? '') as Record<string, unknown>;
}

/** No Node stack trace: no `    at fn (file:line:col)` lines, no `node:internal`. */
function expectNoStack(run: CliRun): void {
  expect(run.stderr).not.toMatch(/^\s+at .*[(:]\d+:\d+\)?$/m);
  expect(run.stderr).not.toContain('node:internal');
}

/**
 * A run that ends in an error reports it as every failure is reported: a message with its code
 * and help, exit code 1, the --json summary; never Node's raw stack trace (built CLI, one server).
 */
describe('wesley migrate: a lost connection or a broken file ends in a message, not a stack trace', () => {
  const [server] = servers();
  const db = useTestDatabase(server);
  let cwd: string;

  beforeAll(async () => {
    cwd = await mkdtemp(path.join(os.tmpdir(), 'wesley-failures-'));
  });
  afterAll(async () => {
    await rm(cwd, { recursive: true, force: true });
  });

  async function query<T>(sql: string, values: unknown[] = []): Promise<T[]> {
    const session = await db.connect();
    try {
      return (await session.query(sql, values)).rows as T[];
    } finally {
      await session.close();
    }
  }

  /** Waits until the migrator's backend sleeps in the migration; its pid. */
  async function sleepingMigrator(): Promise<number> {
    for (let i = 0; i < 400; i++) {
      const [row] = await query<{ pid: number }>(
        `SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND query LIKE '%pg_sleep(5)%' AND state = 'active'`,
      );
      if (row !== undefined) return row.pid;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    throw new Error('the migrator never reached its pg_sleep');
  }

  /** Rows the slow migration's last statement inserted (0 when its table was rolled back with the stretch). */
  async function insertedRows(): Promise<number> {
    const [found] = await query<{ t: string | null }>(`SELECT to_regclass('public.slow_done')::text AS t`);
    if (found?.t == null) return 0;
    return (await query('SELECT id FROM slow_done')).length;
  }

  async function directory(name: string, files: Record<string, string | Uint8Array>): Promise<string> {
    const dir = path.join(cwd, name);
    await mkdir(dir, { recursive: true });
    for (const [file, content] of Object.entries(files)) await writeFile(path.join(dir, file), content);
    return dir;
  }

  it('the migrator backend terminated mid-statement (pg_terminate_backend)', async () => {
    await query('DROP TABLE IF EXISTS slow_done; DROP SCHEMA IF EXISTS wesley CASCADE');
    const dir = await directory('terminated', { '0001_slow.sql': slowMigration });
    for (const json of [true, false]) {
      const run = startCli(cwd, ['migrate', '--dir', dir, '--database-url', db.url, ...(json ? ['--json'] : [])]);
      await query('SELECT pg_terminate_backend($1)', [await sleepingMigrator()]);
      const result = await run.done;
      expect(result.code).toBe(1);
      expectNoStack(result);
      // The statement's own error (WES161), or the migration lock's loss with it (WES140) when the lock lives on that session.
      expect(result.stderr).toMatch(/^wesley migrate: .*terminating connection due to administrator command/m);
      expect(result.stderr).toMatch(/^ {2}help: \S/m);
      if (json) {
        const last = summary(result);
        expect(last).toMatchObject({ kind: 'summary', ok: false, exitCode: 1 });
        expect(['WES140', 'WES161']).toContain((last['error'] as { code: string }).code);
      }
      // Nothing after the cut ran.
      expect(await insertedRows()).toBe(0);
    }
  });

  it('the network cut under both sessions (a loopback proxy closed)', async () => {
    await query('DROP TABLE IF EXISTS slow_done; DROP SCHEMA IF EXISTS wesley CASCADE');
    const dir = await directory('cut', { '0001_slow.sql': slowMigration });
    for (const json of [true, false]) {
      const proxy = await startCutProxy(db.url);
      try {
        const run = startCli(cwd, ['migrate', '--dir', dir, '--database-url', proxy.url, ...(json ? ['--json'] : [])]);
        await sleepingMigrator();
        expect(proxy.cutAll()).toBeGreaterThanOrEqual(1);
        const result = await run.done;
        expect(result.code).toBe(1);
        expectNoStack(result);
        // Either the migrator's statement saw the cut first (WES161), or its lock watch did (WES140, the lock's session ended).
        expect(result.stderr).toMatch(
          /^wesley migrate: (WES161 the connection to the database was lost: Connection terminated unexpectedly|WES140 lost the "wesley" migration lock .*Connection terminated unexpectedly.*)$/m,
        );
        expect(result.stderr).toMatch(/^ {2}help: \S/m);
        // Whatever failed while letting go of the dead sessions is at most a note, never the error.
        for (const line of result.stderr.split('\n').filter((text) => /not queryable|releasing/.test(text))) {
          expect(line).toMatch(/^ {2}note: (releasing the migration lock|closing the migration session) failed too: /);
        }
        if (json) {
          const last = summary(result);
          expect(last).toMatchObject({ kind: 'summary', ok: false, exitCode: 1 });
          expect(['WES140', 'WES161']).toContain((last['error'] as { code: string }).code);
        }
      } finally {
        await proxy.close();
        // The server notices a cut client only when it next writes to it: the backend sleeps on,
        // holding the migration lock, until it is ended as an operator would end it.
        await query(
          `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()`,
        );
      }
    }
    const rerun = startCli(cwd, ['migrate', '--dir', dir, '--database-url', db.url]);
    expect((await rerun.done).code).toBe(0);
    expect(await query('SELECT id FROM slow_done')).toEqual([{ id: 1 }]);
  });

  it('invalid UTF-8 in a SQL file: the file, line and byte offset, before anything of it runs', async () => {
    await query('DROP TABLE IF EXISTS latin1_first; DROP SCHEMA IF EXISTS wesley CASCADE');
    const text = new TextEncoder().encode("CREATE TABLE latin1_first (id int);\nINSERT INTO latin1_first VALUES (1);\nSELECT 'caf");
    const bytes = Uint8Array.from([...text, 0xe9, ...new TextEncoder().encode("';\n")]);
    const dir = await directory('latin1', { '0001_latin1.sql': bytes });
    for (const json of [true, false]) {
      const result = await new Promise<CliRun>((resolve) => {
        void startCli(cwd, ['migrate', '--dir', dir, '--database-url', db.url, ...(json ? ['--json'] : [])]).done.then(resolve);
      });
      expect(result.code).toBe(1);
      expectNoStack(result);
      expect(result.stderr).toMatch(
        new RegExp(`^wesley migrate: .*0001_latin1\\.sql:3: not valid UTF-8 \\(byte offset ${text.length}\\)$`, 'm'),
      );
      expect(result.stderr).toMatch(/^ {2}help: Wesley reads SQL as UTF-8/m);
      if (json) expect(summary(result)).toMatchObject({ kind: 'summary', ok: false, exitCode: 1, error: { code: 'WES162' } });
      expect(await query(`SELECT to_regclass('public.latin1_first') AS t`)).toEqual([{ t: null }]);
    }
  });
});
