import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError } from '../src/config-error.js';
import { loadConfig } from '../src/load-config.js';

let cwd: string;
beforeAll(async () => {
  cwd = await mkdtemp(path.join(os.tmpdir(), 'wesley-batch-sizing-'));
});
afterAll(async () => {
  await rm(cwd, { recursive: true, force: true });
});

/** Loads `fields` (with a schema) as a config of its own directory, `name`. */
async function load(name: string, fields: Record<string, unknown>) {
  await mkdir(path.join(cwd, name), { recursive: true });
  await writeFile(path.join(cwd, name, 'wesley.config.json'), JSON.stringify({ schema: 's.graphql', ...fields }));
  return loadConfig(`${name}/wesley.config.json`, cwd);
}

describe('backfill batch sizing in the config', () => {
  it('reads the target and the bounds, null where absent', async () => {
    expect(await load('all', { batchTargetMs: 250, batchMinRows: 50, batchMaxRows: 20_000 })).toMatchObject({
      batchTargetMs: 250,
      batchMinRows: 50,
      batchMaxRows: 20_000,
    });
    expect(await load('none', {})).toMatchObject({ batchTargetMs: null, batchMinRows: null, batchMaxRows: null });
  });

  it('points at a target or bound that is no whole number above 0, and at bounds the wrong way round', async () => {
    const error: unknown = await load('bad', { batchTargetMs: 0.5, batchMinRows: 0, batchMaxRows: '1000' }).catch(
      (thrown: unknown) => thrown,
    );
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).issues.map((issue) => issue.path)).toEqual(['batchTargetMs', 'batchMinRows', 'batchMaxRows']);
    const crossed: unknown = await load('crossed', { batchMinRows: 5000, batchMaxRows: 1000 }).catch((thrown: unknown) => thrown);
    expect((crossed as ConfigError).issues).toEqual([{ path: 'batchMinRows', message: 'must not be above batchMaxRows (1000)' }]);
  });
});
