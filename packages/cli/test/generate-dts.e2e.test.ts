/**
 * `wesley generate --dts`: the schema's sidecar declaration (`schema.d.graphql.ts`, what
 * `@wesley/unplugin` writes) beside the schema file, compared by `--check` like every output.
 */
import { copyFile, mkdir, mkdtemp, readFile, rm, stat, utimes, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { compileSchema, emitModuleDeclarations } from '@wesley/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBuiltCli } from './run-built-cli.js';

const exampleSchema = fileURLToPath(new URL('../../../examples/shop/schema.graphql', import.meta.url));

describe('wesley generate --dts', () => {
  let cwd: string;
  let sidecar: string;
  let expected: string;

  beforeAll(async () => {
    cwd = await mkdtemp(path.join(os.tmpdir(), 'wesley-dts-'));
    await mkdir(path.join(cwd, 'db'));
    await copyFile(exampleSchema, path.join(cwd, 'db', 'schema.graphql'));
    sidecar = path.join(cwd, 'db', 'schema.d.graphql.ts');
    const { ir } = compileSchema({ name: 'db/schema.graphql', body: await readFile(exampleSchema, 'utf8') });
    if (ir === null) throw new Error('the shop example does not compile');
    expected = emitModuleDeclarations(ir);
  });

  afterAll(async () => {
    await rm(cwd, { recursive: true, force: true });
  });

  it('writes the declaration file beside the schema, next to the usual outputs', async () => {
    const run = await runBuiltCli(cwd, 'generate', '-s', 'db/schema.graphql', '-o', 'generated', '--dts');
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).toContain('  wrote db/schema.d.graphql.ts\n');
    expect(run.stdout).toContain('wesley generate: 5 written, 0 unchanged');
    expect(await readFile(sidecar, 'utf8')).toBe(expected);
  });

  it('leaves an unchanged declaration file alone', async () => {
    const past = new Date('2001-01-01T00:00:00Z');
    await utimes(sidecar, past, past);
    const run = await runBuiltCli(cwd, 'generate', '-s', 'db/schema.graphql', '-o', 'generated', '--dts');
    expect(run.stdout).toContain('0 written, 5 unchanged');
    expect((await stat(sidecar)).mtime.getTime()).toBe(past.getTime());
  });

  it('--check includes the declaration file', async () => {
    const fresh = await runBuiltCli(cwd, 'generate', '-s', 'db/schema.graphql', '-o', 'generated', '--dts', '--check');
    expect(fresh).toEqual({ code: 0, stdout: 'wesley generate --check: 5 files up to date\n', stderr: '' });
    await writeFile(sidecar, '// edited\n');
    const stale = await runBuiltCli(cwd, 'generate', '-s', 'db/schema.graphql', '-o', 'generated', '--dts', '--check');
    expect(stale.code).toBe(1);
    expect(stale.stderr).toContain('wesley generate --check: 1 of 5 files out of date\n  stale    db/schema.d.graphql.ts\n');
    expect(await readFile(sidecar, 'utf8')).toBe('// edited\n');
  });

  it('refuses several schema files', async () => {
    await copyFile(exampleSchema, path.join(cwd, 'db', 'other.graphql'));
    const run = await runBuiltCli(cwd, 'generate', '-s', 'db/*.graphql', '-o', 'generated', '--dts');
    expect(run).toMatchObject({ code: 2, stdout: '' });
    expect(run.stderr).toContain('--dts needs exactly one schema file, got 2');
  });
});
