import { mkdtemp, readdir, readFile, rm, stat, utimes, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Artifact } from '../../src/generate/artifact.js';
import { compareArtifacts } from '../../src/generate/compare-artifacts.js';
import { writeArtifacts } from '../../src/generate/write-artifacts.js';

let root: string;
beforeEach(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'wesley-artifacts-'));
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

const artifacts: Artifact[] = [
  { file: 'schema.sql', content: 'CREATE TABLE a ();\n' },
  { file: 'types.ts', content: 'export interface A {}\n' },
];

describe('writeArtifacts / compareArtifacts', () => {
  it('creates the output directory and reports every file missing the first time', async () => {
    const out = path.join(root, 'deep', 'out');
    expect((await compareArtifacts(out, artifacts)).map((s) => s.state)).toEqual(['missing', 'missing']);
    expect((await writeArtifacts(out, artifacts)).map((s) => s.state)).toEqual(['missing', 'missing']);
    expect(await readFile(path.join(out, 'schema.sql'), 'utf8')).toBe('CREATE TABLE a ();\n');
    expect((await compareArtifacts(out, artifacts)).map((s) => s.state)).toEqual(['fresh', 'fresh']);
  });

  it('rewrites only the files whose content changed', async () => {
    await writeArtifacts(root, artifacts);
    const sqlPath = path.join(root, 'schema.sql');
    const typesPath = path.join(root, 'types.ts');
    await writeFile(typesPath, 'edited by hand\n');
    const old = new Date('2001-01-01T00:00:00Z');
    await utimes(sqlPath, old, old);

    const statuses = await writeArtifacts(root, artifacts);
    expect(statuses.map((s) => [s.artifact.file, s.state])).toEqual([
      ['schema.sql', 'fresh'],
      ['types.ts', 'stale'],
    ]);
    expect((await stat(sqlPath)).mtime.getTime()).toBe(old.getTime());
    expect(await readFile(typesPath, 'utf8')).toBe('export interface A {}\n');
  });

  it('compares without writing', async () => {
    await writeFile(path.join(root, 'schema.sql'), 'old\n');
    const statuses = await compareArtifacts(root, artifacts);
    expect(statuses.map((s) => s.state)).toEqual(['stale', 'missing']);
    expect(await readFile(path.join(root, 'schema.sql'), 'utf8')).toBe('old\n');
    await expect(stat(path.join(root, 'types.ts'))).rejects.toThrow(/ENOENT/);
  });

  it('replaces a changed file by a rename, so a reader never sees half of it, and leaves no temporary file', async () => {
    await writeArtifacts(root, artifacts);
    const typesPath = path.join(root, 'types.ts');
    const before = await stat(typesPath);
    const changed: Artifact[] = [artifacts[0]!, { file: 'types.ts', content: 'export interface B {}\n' }];
    await writeArtifacts(root, changed);
    // A new file took the old one's name: the old inode was never written in place.
    expect((await stat(typesPath)).ino).not.toBe(before.ino);
    expect(await readFile(typesPath, 'utf8')).toBe('export interface B {}\n');
    expect((await readdir(root)).sort()).toEqual(['schema.sql', 'types.ts']);
  });
});
