import { copyFile, mkdir, mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBuiltCli } from './run-built-cli.js';

const exampleSchema = fileURLToPath(new URL('../../../examples/shop/schema.graphql', import.meta.url));
const artifactFiles = ['ir.json', 'schema.sql', 'types.ts', 'zod.ts'];

let root: string;
beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'wesley-e2e-'));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

/** A fresh working directory holding `files` (name -> text). */
async function workspace(name: string, files: Record<string, string>): Promise<string> {
  const dir = path.join(root, name);
  await mkdir(dir, { recursive: true });
  for (const [file, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, file)), { recursive: true });
    await writeFile(path.join(dir, file), text);
  }
  return dir;
}

async function mtimes(dir: string): Promise<number[]> {
  return Promise.all(artifactFiles.map(async (file) => (await stat(path.join(dir, file))).mtimeMs));
}

describe('wesley generate on the shop example', () => {
  let cwd: string;
  beforeAll(async () => {
    cwd = await workspace('shop', {});
    await copyFile(exampleSchema, path.join(cwd, 'schema.graphql'));
  });

  it('writes schema.sql, types.ts, zod.ts and ir.json', async () => {
    const run = await runBuiltCli(cwd, 'generate', '--schema', 'schema.graphql', '--out-dir', 'generated');
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).toBe(
      ['schema.sql', 'types.ts', 'zod.ts', 'ir.json'].map((f) => `  wrote generated/${f}\n`).join('') +
        'wesley generate: 4 written, 0 unchanged in generated\n',
    );
    const out = path.join(cwd, 'generated');
    expect((await readdir(out)).sort()).toEqual(artifactFiles);
    const ir = JSON.parse(await readFile(path.join(out, 'ir.json'), 'utf8')) as { tables: { name: string }[]; enums: { name: string }[] };
    expect(ir.tables.map((t) => t.name)).toEqual(['customer', 'order_line', 'orders', 'product']);
    expect(ir.enums.map((e) => e.name)).toEqual(['order_status']);
    const sql = await readFile(path.join(out, 'schema.sql'), 'utf8');
    for (const table of ir.tables) expect(sql).toContain(`CREATE TABLE ${table.name} (`);
    expect(await readFile(path.join(out, 'types.ts'), 'utf8')).toMatch(/export interface Order \{/);
    expect(await readFile(path.join(out, 'zod.ts'), 'utf8')).toMatch(/export const OrderSchema = /);
  });

  it('rewrites nothing on a second run', async () => {
    const out = path.join(cwd, 'generated');
    const before = await mtimes(out);
    const contents = await Promise.all(artifactFiles.map((f) => readFile(path.join(out, f), 'utf8')));
    const run = await runBuiltCli(cwd, 'generate', '-s', 'schema.graphql', '-o', 'generated');
    expect(run).toEqual({ code: 0, stdout: 'wesley generate: 0 written, 4 unchanged in generated\n', stderr: '' });
    expect(await mtimes(out)).toEqual(before);
    expect(await Promise.all(artifactFiles.map((f) => readFile(path.join(out, f), 'utf8')))).toEqual(contents);
  });

  it('--check exits 0 when up to date, 1 listing stale and missing files, and writes nothing', async () => {
    expect(await runBuiltCli(cwd, 'generate', '-s', 'schema.graphql', '-o', 'generated', '--check')).toEqual({
      code: 0,
      stdout: 'wesley generate --check: 4 files up to date\n',
      stderr: '',
    });
    await writeFile(path.join(cwd, 'generated', 'types.ts'), '// edited\n');
    await rm(path.join(cwd, 'generated', 'ir.json'));
    const stale = await runBuiltCli(cwd, 'generate', '-s', 'schema.graphql', '-o', 'generated', '--check');
    expect(stale).toEqual({
      code: 1,
      stdout: '',
      stderr:
        'wesley generate --check: 2 of 4 files out of date\n' +
        '  stale    generated/types.ts\n' +
        '  missing  generated/ir.json\n' +
        'Run the same command without --check to update them.\n',
    });
    expect(await readFile(path.join(cwd, 'generated', 'types.ts'), 'utf8')).toBe('// edited\n');

    const repaired = await runBuiltCli(cwd, 'generate', '-s', 'schema.graphql', '-o', 'generated');
    expect(repaired.stdout).toBe(
      '  wrote generated/types.ts\n  wrote generated/ir.json\nwesley generate: 2 written, 2 unchanged in generated\n',
    );
    expect((await runBuiltCli(cwd, 'generate', '-s', 'schema.graphql', '-o', 'generated', '--check')).code).toBe(0);
  });
});

describe('wesley generate on a broken schema', () => {
  const broken = [
    'type User @wes_table {',
    '  id: ID! @wes_pk',
    '  name: String! @wes_foo',
    '  teamId: UUID @wes_fk(ref: "Team.id")',
    '}',
    '',
  ].join('\n');

  it('prints each diagnostic with location, code, severity, source line, caret and help, exits 1 and writes nothing', async () => {
    const cwd = await workspace('broken', { 'schema/user.graphql': broken });
    const run = await runBuiltCli(cwd, 'generate', '-s', 'schema/*.graphql', '-o', 'out');
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).not.toContain('\u001b[');
    const blocks = run.stderr.split('\n\n');

    const unknownColumn = broken.split('\n')[2]!.indexOf('@wes_foo') + 1;
    const unknown = blocks.find((b) => b.includes('WES003'))?.split('\n') ?? [];
    expect(unknown[0]).toMatch(new RegExp(`^schema/user\\.graphql:3:${unknownColumn}  WES003  error  \\S.*$`));
    expect(unknown[1]).toBe('  3 |   name: String! @wes_foo');
    expect(unknown[2]).toBe(`    | ${' '.repeat(unknownColumn - 1)}^`);
    expect(unknown[3]).toMatch(/^ {2}help: \S/);

    const fk = blocks.find((b) => b.includes('WES014'))?.split('\n') ?? [];
    expect(fk[0]).toMatch(/^schema\/user\.graphql:4:\d+ {2}WES014 {2}error {2}\S/);
    expect(fk[1]).toBe('  4 |   teamId: UUID @wes_fk(ref: "Team.id")');
    expect(fk[2]).toMatch(/^ {4}\| +\^$/);

    expect(run.stderr).toMatch(/\n\n2 errors\nwesley generate: nothing written because of errors\n$/);
    await expect(stat(path.join(cwd, 'out'))).rejects.toThrow(/ENOENT/);
  });

  it('prints warnings without failing, and fails on them with --strict', async () => {
    const cwd = await workspace('legacy', { 'legacy.graphql': 'type User @wes_table {\n  id: ID! @pk\n}\n' });
    const lenient = await runBuiltCli(cwd, 'generate', '-s', 'legacy.graphql', '-o', 'out');
    expect(lenient.code).toBe(0);
    expect(lenient.stderr).toMatch(
      /^legacy\.graphql:2:11 {2}WES009 {2}warning {2}\S.*\n {2}2 \| {3}id: ID! @pk\n {4}\| {11}\^\n {2}help: \S.*\n\n1 warning\n$/,
    );
    expect(lenient.stdout).toContain('4 written');

    const strictDir = await workspace('legacy-strict', { 'legacy.graphql': 'type User @wes_table {\n  id: ID! @pk\n}\n' });
    const strict = await runBuiltCli(strictDir, 'generate', '-s', 'legacy.graphql', '-o', 'out', '--strict');
    expect(strict.code).toBe(1);
    expect(strict.stderr).toContain('WES009  warning');
    expect(strict.stderr).toMatch(/nothing written because of errors or warnings \(--strict\)\n$/);
    await expect(stat(path.join(strictDir, 'out'))).rejects.toThrow(/ENOENT/);
  });

  it('exits 2 on an unknown flag', async () => {
    const run = await runBuiltCli(root, 'generate', '--schemas', 'x.graphql');
    expect(run).toEqual({
      code: 2,
      stdout: '',
      stderr: "wesley generate: Unknown option '--schemas'\nRun 'wesley generate --help' for usage.\n",
    });
  });
});

describe('wesley generate with several files', () => {
  it('merges every file a glob matches (extend type across files) and names the right file in diagnostics', async () => {
    const cwd = await workspace('multi', {
      'schema/a.graphql': 'type Team @wes_table {\n  id: UUID! @wes_pk\n}\n',
      'schema/b.graphql': 'extend type Team {\n  name: String!\n  size: Nope\n}\n',
    });
    const run = await runBuiltCli(cwd, 'generate', '-s', 'schema/*.graphql', '-o', 'out');
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^schema\/b\.graphql:3:9 {2}WES010 {2}error {2}/);
    expect(run.stderr).toContain('  3 |   size: Nope\n    |         ^\n');

    await writeFile(path.join(cwd, 'schema/b.graphql'), 'extend type Team {\n  name: String!\n}\n');
    const fixed = await runBuiltCli(cwd, 'generate', '-s', 'schema/a.graphql', '-s', 'schema/b.graphql', '-o', 'out');
    expect(fixed.code).toBe(0);
    const ir = JSON.parse(await readFile(path.join(cwd, 'out', 'ir.json'), 'utf8')) as { tables: { columns: { name: string }[] }[] };
    expect(ir.tables[0]?.columns.map((c) => c.name)).toEqual(['id', 'name']);
  });
});

describe('wesley generate and plan with custom scalars from the config', () => {
  it('maps the scalars the config names, and reports an unmapped one at its use', async () => {
    const schema = 'scalar Email\nscalar Money\n\ntype Customer @wes_table {\n  id: ID! @wes_pk\n  email: Email!\n  balance: Money\n}\n';
    const cwd = await workspace('scalars', {
      'db/schema.graphql': schema,
      'db/wesley.config.json': JSON.stringify({ schema: 'schema.graphql', scalars: { Email: 'varchar(320)', Money: 'numeric(12,2)' } }),
    });
    const run = await runBuiltCli(cwd, 'generate', '--config', 'db/wesley.config.json');
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const sql = await readFile(path.join(cwd, 'db/generated/schema.sql'), 'utf8');
    expect(sql).toContain('email character varying(320) NOT NULL');
    expect(sql).toContain('balance numeric(12,2)');

    // plan --config compiles the target with the same scalars (from an empty baseline).
    const planned = await runBuiltCli(cwd, 'plan', '--config', 'db/wesley.config.json', '--explain');
    expect(planned.stderr).toBe('');
    expect(planned.code).toBe(0);

    // Without the config the scalars are unknown: each is reported where the schema uses it.
    const bare = await runBuiltCli(cwd, 'generate', '--schema', 'db/schema.graphql', '--out-dir', 'out');
    expect(bare.code).toBe(1);
    expect(bare.stderr).toMatch(/^db\/schema\.graphql:6:\d+ {2}WES\d{3} {2}error {2}.*Email/m);
  });
});
