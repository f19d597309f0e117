import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findConfigFile } from '../src/files/find-config-file.js';

let root: string;
beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'wesley-find-config-'));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

async function write(file: string, content = ''): Promise<string> {
  const absolute = path.join(root, file);
  await mkdir(path.dirname(absolute), { recursive: true });
  await writeFile(absolute, content);
  return absolute;
}

describe('findConfigFile', () => {
  it('finds the config of the directory itself', async () => {
    const config = await write('here/wesley.config.json', '{}');
    expect(await findConfigFile(path.join(root, 'here'))).toBe(config);
  });

  it('finds the nearest config above, from any depth', async () => {
    const config = await write('project/wesley.config.mjs');
    await mkdir(path.join(root, 'project/migrations/0001_init'), { recursive: true });
    expect(await findConfigFile(path.join(root, 'project/migrations/0001_init'))).toBe(config);
    // The nearest wins: a nested project has its own.
    const nested = await write('project/libs/db/wesley.config.ts');
    expect(await findConfigFile(path.join(root, 'project/libs/db'))).toBe(nested);
  });

  it('takes json before mjs before ts in one directory', async () => {
    await write('several/wesley.config.ts');
    const json = await write('several/wesley.config.json', '{}');
    expect(await findConfigFile(path.join(root, 'several'))).toBe(json);
  });

  it('stops at the repository root: a config above the .git directory is not the project’s', async () => {
    await write('outer/wesley.config.json', '{}');
    await mkdir(path.join(root, 'outer/repo/.git'), { recursive: true });
    await mkdir(path.join(root, 'outer/repo/src'), { recursive: true });
    expect(await findConfigFile(path.join(root, 'outer/repo/src'))).toBeNull();
    // A .git file (a worktree or submodule) marks the root as well.
    await write('outer/worktree/.git', 'gitdir: elsewhere\n');
    expect(await findConfigFile(path.join(root, 'outer/worktree'))).toBeNull();
    // The repository root's own config is found.
    const own = await write('outer/repo/wesley.config.json', '{}');
    expect(await findConfigFile(path.join(root, 'outer/repo/src'))).toBe(own);
  });

  it('ignores a directory named like a config', async () => {
    await mkdir(path.join(root, 'dir-named/wesley.config.json'), { recursive: true });
    await mkdir(path.join(root, 'dir-named/.git'));
    expect(await findConfigFile(path.join(root, 'dir-named'))).toBeNull();
  });

  it('answers null up to the filesystem root when no directory has one', async () => {
    // os.tmpdir() and its parents hold no wesley.config on a test machine.
    await mkdir(path.join(root, 'none/deep'), { recursive: true });
    expect(await findConfigFile(path.join(root, 'none/deep'))).toBeNull();
  });
});
