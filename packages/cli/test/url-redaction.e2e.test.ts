import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { servers, useTestDatabase } from '@wesley/postgres/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBuiltCliWithEnv, type CliRun } from './run-built-cli.js';

const secret = 'S3cr3t-Pa55';

/** Every character of the run's output, and the JSON lines in it parsed (so a mangled one fails). */
function output(run: CliRun): string {
  // status --json prints one indented document; migrate --json one document per line.
  if (run.stdout.startsWith('{\n')) JSON.parse(run.stdout);
  else for (const line of run.stdout.split('\n')) if (line.startsWith('{')) JSON.parse(line);
  return `${run.stdout}\n${run.stderr}`;
}

/**
 * A password is never printed, whatever shape the connection string has, and a URL that does not
 * parse is refused (exit 2) rather than guessed: the built CLI, each command that takes a URL.
 */
describe('wesley: database URLs, redacted and refused', () => {
  const [server] = servers();
  const db = useTestDatabase(server);
  let cwd: string;
  const wesley = (env: Record<string, string | undefined>, ...args: string[]) =>
    runBuiltCliWithEnv(cwd, { DATABASE_URL: undefined, ...env }, ...args);

  beforeAll(async () => {
    cwd = await mkdtemp(path.join(os.tmpdir(), 'wesley-redaction-'));
    await mkdir(path.join(cwd, 'migrations'));
    await writeFile(path.join(cwd, 'schema.graphql'), 'type A @wes_table { id: Int! @wes_pk }\n');
  });
  afterAll(async () => {
    await rm(cwd, { recursive: true, force: true });
  });

  it.each([
    [`postgres:/user:${secret}@db.example/shop`, /'postgres:' must be followed by two slashes/],
    [`postgres:user:${secret}@db.example/shop`, /'postgres:' must be followed by two slashes/],
    [`postgress://user:${secret}@db.example/shop`, /the scheme 'postgress:' is not postgres: or postgresql:/],
    [`postgres://user:${secret}@db.example:99999/shop`, /its port is not a number from 1 to 65535/],
    [`postgres://user:${secret}@db.example:54x/shop`, /its port is not a number/],
    [`host=db.example user=app password=${secret} dbname=shop`, /key=value connection string/],
    [`postgres://user:${secret}@/shop`, /names no host/],
  ])('refuses %s with exit 2, never printing the password', async (url, reason) => {
    const runs = [
      ['migrate', await wesley({}, 'migrate', '--database-url', url)],
      ['migrate', await wesley({}, 'migrate', '--database-url', url, '--json')],
      ['migrate', await wesley({ DATABASE_URL: url }, 'migrate')],
      ['status', await wesley({}, 'status', '--database-url', url)],
      ['drift', await wesley({ APP_DB: url }, 'drift', '--schema', 'schema.graphql', '--url-env', 'APP_DB')],
      ['plan', await wesley({}, 'plan', '--from', url, '--to', 'schema.graphql')],
    ] as const;
    for (const [command, run] of runs) {
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(reason);
      expect(run.stderr).toMatch(new RegExp(`^wesley ${command}: WES160 (--database-url|DATABASE_URL|APP_DB|--from) `, 'm'));
      expect(run.stderr).not.toMatch(/could not connect|not found/);
      expect(output(run)).not.toContain(secret);
      expect(output(run)).not.toMatch(/^\s+at /m);
    }
    const json = runs[1][1].stdout.trim().split('\n').at(-1) ?? '';
    expect(JSON.parse(json)).toMatchObject({ kind: 'summary', ok: false, exitCode: 2, error: { code: 'WES160' } });
  });

  it('never prints the password of a URL that parses but does not connect, in any spelling', async () => {
    const real = new URL(db.url);
    const wrong = 'Wr0ng/p@ss:w#rd%';
    const shapes = [
      `postgresql://${real.username}:${encodeURIComponent(wrong)}@${real.host}${real.pathname}`,
      `postgres://${real.username}@${real.host}${real.pathname}?password=${encodeURIComponent(wrong)}`,
      `postgres://${real.username}:${encodeURIComponent(wrong)}@127.0.0.1:1/nowhere`,
    ];
    for (const url of shapes) {
      for (const args of [['migrate'], ['migrate', '--json'], ['status', '--json'], ['plan', '--to', 'schema.graphql', '--from', url]]) {
        const run = await wesley({ DATABASE_URL: url }, ...args);
        expect(run.code).toBe(1);
        const all = output(run);
        for (const spelling of [wrong, encodeURIComponent(wrong), 'p@ss:w#rd']) expect(all).not.toContain(spelling);
        expect(all).toMatch(/could not connect to postgres(ql)?:\/\/\S*\*\*\*/);
      }
    }
  });

  it('redacts a connection string inside an error PostgreSQL itself reports', async () => {
    await writeFile(
      path.join(cwd, 'migrations', '0001_echo.sql'),
      `DO $$ BEGIN RAISE EXCEPTION 'cannot reach postgres://app:${secret}@remote/db nor mysql:/root:${secret}@x nor host=y password=${secret}'; END $$;\n`,
    );
    try {
      for (const args of [
        ['migrate', '--database-url', db.url],
        ['migrate', '--database-url', db.url, '--json'],
      ]) {
        const run = await wesley({}, ...args);
        expect(run.code).toBe(1);
        const all = output(run);
        expect(all).not.toContain(secret);
        expect(all).toContain('cannot reach postgres://app:***@remote/db nor mysql:/root:***@x nor host=y password=***');
      }
    } finally {
      await rm(path.join(cwd, 'migrations', '0001_echo.sql'));
    }
  });
});
