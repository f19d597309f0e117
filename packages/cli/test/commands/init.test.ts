import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runInProcess } from '../support/run-in-process.js';

let root: string;
beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'wesley-init-'));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

/** A fresh directory under the test's root holding `files` (content `null`: a directory). */
async function project(name: string, files: Record<string, string | null> = {}): Promise<string> {
  const dir = path.join(root, name);
  await mkdir(dir, { recursive: true });
  for (const [file, content] of Object.entries(files)) {
    if (content === null) await mkdir(path.join(dir, file), { recursive: true });
    else {
      await mkdir(path.dirname(path.join(dir, file)), { recursive: true });
      await writeFile(path.join(dir, file), content);
    }
  }
  return dir;
}

/** Every entry under `dir` with its content (`null` for a directory). */
async function contents(dir: string): Promise<Record<string, string | null>> {
  const found: Record<string, string | null> = {};
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    const file = path.join(entry.parentPath, entry.name);
    found[path.relative(dir, file)] = entry.isDirectory() ? null : await readFile(file, 'utf8');
  }
  return found;
}

const init = (cwd: string, ...args: string[]) => runInProcess(cwd, ['init', ...args]);
const config = async (dir: string) => JSON.parse(await readFile(path.join(dir, 'wesley.config.json'), 'utf8')) as unknown;

describe('wesley init', () => {
  it('adopts an existing schema file as it is', async () => {
    const schema = 'type Note @wes_table {\n  id: ID! @wes_pk\n}\n';
    const dir = await project('adopt', { 'schema.graphql': schema });
    const run = await init(dir);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('  adopted schema.graphql\n');
    expect(await readFile(path.join(dir, 'schema.graphql'), 'utf8')).toBe(schema);
    expect(await config(dir)).toEqual({ schema: 'schema.graphql', outDir: 'generated', migrations: 'migrations' });
  });

  it('--schema names another file: written where it says (directories made), or adopted', async () => {
    const fresh = await project('nested');
    expect((await init(fresh, '--schema', 'db/schema.graphql')).code).toBe(0);
    expect(await readFile(path.join(fresh, 'db/schema.graphql'), 'utf8')).toContain('type Account @wes_table');
    expect(await config(fresh)).toMatchObject({ schema: 'db/schema.graphql' });
    const existing = await project('existing', { 'src/app.graphql': 'type A @wes_table {\n  id: ID! @wes_pk\n}\n' });
    const run = await init(existing, '--schema', './src/app.graphql');
    expect(run.stdout).toContain('  adopted src/app.graphql\n');
    expect(await config(existing)).toMatchObject({ schema: 'src/app.graphql' });
  });

  it('refuses a --schema outside the directory (exit 2), writing nothing', async () => {
    const dir = await project('outside');
    for (const schema of ['../schema.graphql', '/tmp/schema.graphql', '.']) {
      const run = await init(dir, '--schema', schema);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain('is not a file inside this directory, the project root');
    }
    const glob = await init(dir, '--schema', 'schema/*.graphql');
    expect(glob.code).toBe(2);
    expect(glob.stderr).toContain('--schema schema/*.graphql is a glob; name one file');
    expect(await readdir(dir)).toEqual([]);
  });

  it.each([
    [{ 'wesley.config.ts': 'export default { schema: "s.graphql" };\n' }, 'wesley.config.ts already exists'],
    [{ migrations: 'not a directory\n' }, 'migrations (a file, where the migrations directory goes) already exists'],
    [{ 'schema.graphql': null }, 'schema.graphql (a directory, where the schema file goes) already exists'],
    [{ '.gitignore': null }, '.gitignore (a directory) already exists'],
    [{ 'wesley.config.json': '{}', 'wesley.config.mjs': 'export default {};\n' }, 'wesley.config.json, wesley.config.mjs already exist'],
  ])('refuses when %j is in the way (WES370, exit 2), changing nothing', async (files, message) => {
    const dir = await project(`refuse-${Object.keys(files).join('-')}`, files);
    const before = await contents(dir);
    const run = await init(dir);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(`wesley init: WES370 ${message}: nothing was written\n  help: `);
    expect(await contents(dir)).toEqual(before);
  });

  it.each([
    ['no .gitignore', null, '# Wesley: embedded PostgreSQL data and plans\n.wesley\n'],
    ['no newline at its end', 'node_modules', 'node_modules\n\n# Wesley: embedded PostgreSQL data and plans\n.wesley\n'],
    ['.wesley/ already ignored', 'dist\n.wesley/\n', 'dist\n.wesley/\n'],
    ['/.wesley already ignored', '/.wesley\n', '/.wesley\n'],
    ['**/.wesley already ignored, CRLF', 'dist\r\n**/.wesley\r\n', 'dist\r\n**/.wesley\r\n'],
  ])('.gitignore with %s: .wesley ignored once', async (label, before, after) => {
    const dir = await project(`gitignore-${label}`, before === null ? {} : { '.gitignore': before });
    expect((await init(dir)).code).toBe(0);
    expect(await readFile(path.join(dir, '.gitignore'), 'utf8')).toBe(after);
  });

  it('finishes an init that was killed before it wrote the config: what it wrote is kept, the config comes last', async () => {
    // What a killed first run leaves: the starter schema, migrations/, .gitignore, and no config.
    const first = await project('killed');
    expect((await init(first)).code).toBe(0);
    const schema = await readFile(path.join(first, 'schema.graphql'), 'utf8');
    await rm(path.join(first, 'wesley.config.json'));
    const before = await contents(first);
    const again = await init(first);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toMatch(/^ {2}adopted schema\.graphql\n {2}wrote wesley\.config\.json\n/);
    expect(await contents(first)).toEqual({ ...before, 'wesley.config.json': `${JSON.stringify(await config(first), null, 2)}\n` });
    expect(await readFile(path.join(first, 'schema.graphql'), 'utf8')).toBe(schema);
  });
});
