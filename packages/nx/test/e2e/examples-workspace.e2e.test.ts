import { cp, mkdtemp, readFile, rm, symlink } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, repoRoot, runNx } from './nx-workspace.js';

/** `examples/` copied as a fresh clone has it: no `.nx`, no `.wesley` (both are git-ignored). */
let clone: string;
let state: string;

beforeAll(async () => {
  await ensureBuilt();
  clone = await mkdtemp(path.join(os.tmpdir(), 'wesley-examples-'));
  state = await mkdtemp(path.join(os.tmpdir(), 'wesley-examples-state-'));
  await cp(path.join(repoRoot, 'examples'), clone, {
    recursive: true,
    filter: (source) => !/[\\/](\.nx|\.wesley|node_modules)([\\/]|$)/.test(path.relative(repoRoot, source)),
  });
  await symlink(path.join(repoRoot, 'node_modules'), path.join(clone, 'node_modules'), 'dir');
}, 120_000);
afterAll(async () => {
  await rm(clone, { recursive: true, force: true });
  await rm(state, { recursive: true, force: true });
});

const nx = (args: string[]) =>
  runNx(clone, args, {
    NX_CACHE_DIRECTORY: path.join(state, 'cache'),
    NX_WORKSPACE_DATA_DIRECTORY: path.join(state, 'data'),
    DATABASE_URL: undefined,
  });

describe('examples/ as an Nx workspace, on a fresh clone', { timeout: 120_000 }, () => {
  it('has the db project and the shop app, which depends on it through its schema import', async () => {
    const graph = await nx(['graph', '--file=graph.json']);
    expect(graph.code, graph.stdout + graph.stderr).toBe(0);
    const { graph: content } = JSON.parse(await readFile(path.join(clone, 'graph.json'), 'utf8')) as {
      graph: { nodes: Record<string, unknown>; dependencies: Record<string, { target: string }[]> };
    };
    expect(Object.keys(content.nodes)).toEqual(expect.arrayContaining(['db', 'shop-app']));
    expect(content.dependencies['shop-app']?.map((edge) => edge.target)).toContain('db');
  });

  it('`nx run db:migrate` applies the first migration to the embedded database; a second run has nothing to do', async () => {
    const first = await nx(['run', 'db:migrate']);
    expect(first.code, first.stdout + first.stderr).toBe(0);
    expect(first.stdout).toContain('0001_init: applied');
    expect(first.stdout).toContain('wesley migrate: 1 migration applied');
    const second = await nx(['run', 'db:migrate']);
    expect(second.code, second.stdout + second.stderr).toBe(0);
    expect(second.stdout).toContain('wesley migrate: nothing to do, the one migration is applied');
  });

  it('`nx run db:generate` writes exactly the committed examples/shop/generated files', async () => {
    const generated = await nx(['run', 'db:generate']);
    expect(generated.code, generated.stdout + generated.stderr).toBe(0);
    expect(generated.stdout).toContain('wesley generate: 0 written, 4 unchanged in generated');
  });
});
