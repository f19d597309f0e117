import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runInProcess } from '../support/run-in-process.js';

let cwd: string;
beforeAll(async () => {
  cwd = await mkdtemp(path.join(os.tmpdir(), 'wesley-plan-flags-'));
  await writeFile(path.join(cwd, 'v1.graphql'), 'type A @wes_table {\n  id: ID! @wes_pk\n}\n');
  await writeFile(path.join(cwd, 'v2.graphql'), 'type A @wes_table {\n  id: ID! @wes_pk\n  name: String\n}\n');
});
afterAll(async () => {
  await rm(cwd, { recursive: true, force: true });
});

const plan = (...argv: string[]) => runInProcess(cwd, ['plan', ...argv]);

describe('wesley plan: command line', () => {
  it('prints its help, naming every flag', async () => {
    const run = await plan('--help');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Usage: wesley plan --from <schema file\|ir\.json\|database url\|empty> --to <schema file>/);
    for (const flag of [
      '--from',
      '--to',
      '--out',
      '--explain',
      '--json',
      '--allow-destructive',
      '--server-version',
      '--batch-size',
      '--schema',
      '--name',
    ]) {
      expect(run.stdout).toContain(`${flag} `);
    }
  });

  it.each([
    [
      ['--to', 'v2.graphql'],
      'missing --from <schema file|ir.json|database url>, or --from empty for the first migration (in a project with a wesley.config.*, its migrations give it)',
    ],
    [['--from', 'v1.graphql'], 'missing --to <schema file>'],
    [['--from', 'missing.graphql', '--to', 'v2.graphql'], 'schema file not found: missing.graphql'],
    [['--from', 'missing.json', '--to', 'v2.graphql'], 'file not found: missing.json'],
    [
      ['--from', 'v1.graphql', '--to', 'generated/ir.json'],
      '--to takes GraphQL schema files; an ir.json or a database URL is accepted by --from only',
    ],
    [
      ['--from', 'v1.graphql', '--to', 'postgres://localhost/app'],
      '--to takes GraphQL schema files; an ir.json or a database URL is accepted by --from only',
    ],
    [
      ['--from', 'ir.json', '--from', 'v1.graphql', '--to', 'v2.graphql'],
      '--from takes one database URL or one ir.json, or any number of .graphql files, not a mix',
    ],
    [['--from', 'v1.graphql', '--to', 'v2.graphql', '--json', '--explain'], '--json and --explain both print the plan; pick one'],
    [
      ['--from', 'v1.graphql', '--to', 'v2.graphql', '--schema', 'app'],
      '--schema names the database schema to read, so it needs --from <database url>',
    ],
    [
      ['--from', 'v1.graphql', '--to', 'v2.graphql', '--server-version', 'latest'],
      "--server-version takes a PostgreSQL version such as 15, 15.4 or 150004, not 'latest'",
    ],
    [['--from', 'v1.graphql', '--to', 'v2.graphql', '--batch-size', '0'], "--batch-size takes a whole number of rows above 0, not '0'"],
    [['--from', 'v1.graphql', '--to', 'v2.graphql', '--allow-destructive=yes'], "Option '--allow-destructive' does not take an argument"],
    [['v1.graphql', 'v2.graphql'], "Unexpected argument 'v1.graphql'. This command does not take positional arguments"],
  ])('exits 2 for %j', async (args, message) => {
    expect(await plan(...args)).toEqual({ code: 2, stdout: '', stderr: `wesley plan: ${message}\nRun 'wesley plan --help' for usage.\n` });
  });

  it('plans for the --server-version given, PostgreSQL 18 by default', async () => {
    const json = async (...args: string[]) =>
      JSON.parse((await plan('--from', 'v1.graphql', '--to', 'v2.graphql', '--json', ...args)).stdout) as { serverVersion: number };
    expect((await json()).serverVersion).toBe(180000);
    expect((await json('--server-version', '15')).serverVersion).toBe(150000);
    expect((await json('--server-version', '160004')).serverVersion).toBe(160004);
  });
});
