import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { compileSchema, planMigration, stableStringify, stepSessionDefaults } from '@wesley/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateOptions } from '../../src/commands/migrate/migrate-options.js';
import { runInProcess } from '../support/run-in-process.js';

// Command-line mistakes are refused (exit 2) before any database is contacted: these runs have
// none (the URL points at a closed port, so reaching it would fail with exit 1 instead).
const unreachable = 'postgres://nobody:secret@127.0.0.1:1/none';

let cwd: string;
beforeAll(async () => {
  cwd = await mkdtemp(path.join(os.tmpdir(), 'wesley-migrate-flags-'));
  await mkdir(path.join(cwd, 'migrations', '0002_name'), { recursive: true });
  await writeFile(path.join(cwd, 'migrations', '0001_init.sql'), 'CREATE TABLE a (id integer PRIMARY KEY);\n');
  const compile = (body: string) => compileSchema({ name: 's.graphql', body }).ir;
  const from = compile('type A @wes_table { id: Int! @wes_pk }');
  const to = compile('type A @wes_table { id: Int! @wes_pk name: String }');
  if (from === null || to === null) throw new Error('fixture does not compile');
  const { plan } = planMigration(from, to);
  await writeFile(path.join(cwd, 'migrations', '0002_name', 'plan.json'), stableStringify(plan, 2));
  await writeFile(path.join(cwd, 'schema.graphql'), 'type A @wes_table { id: Int! @wes_pk }\n');
  await writeFile(path.join(cwd, 'a-file'), '');
});
afterAll(async () => {
  await rm(cwd, { recursive: true, force: true });
});

const wesley = (...argv: string[]) => runInProcess(cwd, argv, {});

describe('wesley migrate, status, drift: command line', () => {
  it.each([
    [
      'migrate',
      [
        '--dir',
        '--database-url',
        '--project-root',
        '--dry-run',
        '--to',
        '--allow-destructive',
        '--lock-timeout',
        '--statement-timeout',
        '--lock-wait',
        '--json',
      ],
    ],
    ['status', ['--dir', '--database-url', '--project-root', '--json']],
    ['drift', ['--schema', '--database-url', '--project-root', '--db-schema']],
  ])('wesley %s --help names every flag', async (command, flags) => {
    const run = await wesley(command, '--help');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(new RegExp(`^Usage: wesley ${command} `));
    for (const flag of flags) expect(run.stdout).toContain(`${flag} `);
    expect(run.stdout).toContain('Exit codes:');
  });

  it.each([
    [['migrate', '--dir', 'nowhere'], 'wesley migrate: migrations directory not found: nowhere (pass --dir <dir>)'],
    [['migrate', '--dir', 'a-file'], 'wesley migrate: a-file is not a directory (--dir takes the migrations directory)'],
    [['migrate', '--dry-run', '--json'], 'wesley migrate: --dry-run prints SQL and --json prints events; pick one'],
    [['migrate', '--lock-timeout', 'fast'], "wesley migrate: --lock-timeout takes a duration such as 500, 500ms or 1s, not 'fast'"],
    [['migrate', '--statement-timeout', '5x'], "wesley migrate: --statement-timeout takes a duration such as 500, 500ms or 1s, not '5x'"],
    [['migrate', '--lock-wait', '1h'], "wesley migrate: --lock-wait takes a duration such as 30, 30s or 2min, not '1h'"],
    [
      ['migrate', '--to', 'add-column:a.nmae'],
      "wesley migrate: --to takes a phase (expand, backfill, validate, contract) or the id of a step of a planned migration; 'add-column:a.nmae' is neither",
    ],
    [['migrate', '--bogus'], "wesley migrate: Unknown option '--bogus'"],
    [['status', '--dir', 'nowhere'], 'wesley status: migrations directory not found: nowhere (pass --dir <dir>)'],
    [['drift'], 'wesley drift: missing --schema <file|glob>'],
    [['drift', '--schema', 'missing.graphql'], 'wesley drift: schema file not found: missing.graphql'],
  ])('exits 2 for %j', async (argv, message) => {
    const run = await wesley(...argv, '--database-url', unreachable);
    expect(run.stdout).toBe('');
    expect(run.stderr.startsWith(message)).toBe(true);
    expect(run.stderr).toContain(`Run 'wesley ${argv[0] ?? ''} --help' for usage.`);
    expect(run.code).toBe(2);
  });

  it('accepts --to as a phase or a step id of a plan in the directory (then fails to connect: exit 1)', async () => {
    for (const to of ['expand', 'add-column:a.name']) {
      const run = await wesley('migrate', '--to', to, '--database-url', unreachable);
      expect(run.code).toBe(1);
      expect(run.stderr).toContain('wesley migrate: WESLEY_CONNECTION_FAILED could not connect to postgres://nobody:***@127.0.0.1:1/none');
      expect(run.stderr).not.toContain('secret');
    }
  });
});

describe('wesley migrate --help', () => {
  // The help is read without loading core (`--help` stays light), so it writes the defaults as
  // text; this holds the text to the defaults the executor runs with.
  it("names the executor's default timeouts", () => {
    expect(migrateOptions['lock-timeout'].description).toContain(`(default ${stepSessionDefaults.lockTimeoutMs / 1000}s)`);
    expect(stepSessionDefaults.statementTimeoutMs).toBe(0);
    expect(migrateOptions['statement-timeout'].description).toContain('(default 0: none)');
    expect(migrateOptions['holder-wait'].description).toContain(`(default ${stepSessionDefaults.holderWaitMs / 1000}s;`);
  });
});
