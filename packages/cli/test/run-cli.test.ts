import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runInProcess } from './support/run-in-process.js';

let cwd: string;
beforeAll(async () => {
  cwd = await mkdtemp(path.join(os.tmpdir(), 'wesley-cli-'));
});
afterAll(async () => {
  await rm(cwd, { recursive: true, force: true });
});

const run = (...argv: string[]) => runInProcess(cwd, argv);

describe('runCli', () => {
  it('prints the command list on --help (exit 0) and without arguments (exit 2)', async () => {
    const help = await run('--help');
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^ {2}generate {2}compile the schema/m);
    expect(help.stdout).toMatch(/^ {2}plan {6}plan a lock-aware migration/m);
    expect(help.stdout).toMatch(/^ {2}migrate {3}apply the pending migrations/m);
    expect(help.stdout).toMatch(/^ {2}status {4}show which migrations a database has applied/m);
    expect(help.stdout).toMatch(/^ {2}drift {5}compare a live database with the schema/m);
    expect(help.stdout).not.toContain('Planned');
    const bare = await run();
    expect(bare.code).toBe(2);
    expect(bare.stdout).toBe(help.stdout);
  });

  // The bin (bin/wesley.cjs) answers the same two words before any ES module loads (start-up.e2e.test.ts).
  it.each(['--version', '-v'])('prints the version for %s', async (flag) => {
    expect(await run(flag)).toEqual({ code: 0, stdout: '9.9.9\n', stderr: '' });
  });

  it('refuses unknown commands with exit 2', async () => {
    expect(await run('frobnicate')).toEqual({
      code: 2,
      stdout: '',
      stderr: "wesley: unknown command 'frobnicate'\nRun 'wesley --help' for usage.\n",
    });
  });
});

describe('wesley generate: command line', () => {
  it('prints its help', async () => {
    const result = await run('generate', '--help');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Usage: wesley generate --schema <file\|glob>\.\.\. --out-dir <dir>/);
    expect(result.stdout).toContain('--check');
  });

  it.each([
    [['--bogus'], "wesley generate: Unknown option '--bogus'"],
    [['--check=yes', '-s', 'a.graphql', '-o', 'out'], "wesley generate: Option '--check' does not take an argument"],
    [['stray'], "wesley generate: Unexpected argument 'stray'"],
    [['-o', 'out'], 'wesley generate: missing --schema <file|glob>'],
    [['-s', 'a.graphql'], 'wesley generate: missing --out-dir <dir>'],
    [['-s', 'missing.graphql', '-o', 'out'], 'wesley generate: schema file not found: missing.graphql'],
    [['-s', 'schema/**/*.graphql', '-o', 'out'], "wesley generate: no schema file matches 'schema/**/*.graphql'"],
    // The current directory is shown by its full path (`.` reads as nothing in a sentence).
    [['-s', '.', '-o', 'out'], "wesley generate: <cwd> is a directory; pass a glob such as './**/*.graphql'"],
  ])('exits 2 for %j', async (args, message) => {
    const result = await run('generate', ...args);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr.startsWith(message.replace('<cwd>', cwd))).toBe(true);
    expect(result.stderr).toContain("Run 'wesley generate --help' for usage.");
  });
});
