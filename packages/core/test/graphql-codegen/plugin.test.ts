/**
 * The Wesley codegen plugin run by `@graphql-codegen/core` on schemas loaded as the codegen CLI
 * loads them: what it writes, where its diagnostics point, and what it refuses.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { GraphQLSchema } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashIR } from '../../src/ir/hash.js';
import { compileSchema } from '../../src/sdl/compile-schema.js';
import type { SchemaSource } from '../../src/sdl/source.js';
import { codegenGraphql, generate, loadCodegenSchema, type CodegenOutputFile } from './run-codegen.js';

const { buildClientSchema, buildSchema, introspectionFromSchema } = codegenGraphql;

const repoFile = (path: string): string => fileURLToPath(new URL(`../../../../${path}`, import.meta.url));
const shopFile = repoFile('examples/shop/schema.graphql');
const scalarsFile = fileURLToPath(new URL('./fixtures/wesley-scalars.graphql', import.meta.url));

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'wesley-codegen-plugin-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Writes SDL files into the temp dir and returns their absolute paths. */
function files(contents: Record<string, string>): string[] {
  return Object.entries(contents).map(([name, body]) => {
    const file = join(dir, name);
    writeFileSync(file, body);
    return file;
  });
}

/** One output file with only the Wesley plugin, `config` its options. */
function wesleyOutput(config: Record<string, unknown> = {}, filename = 'wesley.ts'): CodegenOutputFile {
  return { filename, plugins: [{ '@wesley/core/graphql-codegen': config }] };
}

async function run(schemaFiles: readonly string[], config: Record<string, unknown> = {}): Promise<string> {
  return generate(await loadCodegenSchema(schemaFiles), {}, wesleyOutput(config));
}

/** What `compileSchema` reports for the same files, each as `file:line:col CODE message`. */
function directDiagnostics(paths: readonly string[]): string[] {
  const sources: SchemaSource[] = paths.map((path) => ({ name: path, body: readFileSync(path, 'utf8') }));
  return compileSchema(sources).diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.code} ${d.message}`);
}

describe('the plugin output', () => {
  const generatedFile = (name: string): string => readFileSync(repoFile(`examples/shop/generated/${name}`), 'utf8');

  it("is, for output 'types' and 'zod', the text wesley generate writes to types.ts and zod.ts", async () => {
    expect(await run([shopFile, scalarsFile], { output: 'types' })).toBe(generatedFile('types.ts'));
    expect(await run([shopFile, scalarsFile], { output: 'zod' })).toBe(generatedFile('zod.ts'));
  });

  it('is, by default, both under one header, Zod first so its import opens the module', async () => {
    const both = await run([shopFile, scalarsFile]);
    const [header, ...zod] = generatedFile('zod.ts').split('\n');
    const types = generatedFile('types.ts').split('\n').slice(1);
    expect(both).toBe([header, ...zod, ...types].join('\n'));
    expect(both.split('\n')[1]).toBe("import { z } from 'zod';");
  });

  it('compiles a schema spread over files with extend type to the IR wesley generate gets from them', async () => {
    const paths = files({
      'team.graphql': 'type Team @wes_table {\n  id: UUID! @wes_pk\n  name: String!\n}\nscalar UUID\n',
      'team-more.graphql': 'extend type Team {\n  size: Int @wes_check(expr: "size > 0")\n}\n',
    });
    const sources = paths.map((path) => ({ name: path, body: readFileSync(path, 'utf8') }));
    const direct = compileSchema(sources).ir;
    expect(direct).not.toBeNull();
    expect(await run(paths, { output: 'zod' })).toContain(`from ${hashIR(direct!)}.`);
  });

  it('maps custom scalars with scalarColumnTypes, and ignores the shared scalars map of the typescript plugin', async () => {
    const [file] = files({ 'email.graphql': 'scalar Email\ntype Person @wes_table {\n  id: ID! @wes_pk\n  email: Email!\n}\n' });
    const schema = await loadCodegenSchema([file!]);
    const output = await generate(
      schema,
      { scalars: { Email: 'string' } },
      wesleyOutput({ output: 'zod', scalarColumnTypes: { Email: 'varchar(320)' } }),
    );
    expect(output).toContain('  email: z.string().max(320).regex(NO_NUL),\n');
    await expect(generate(schema, { scalars: { Email: 'string' } }, wesleyOutput())).rejects.toThrow(/email\.graphql:4:10 WES\d+ .*Email/);
  });

  it('lists warnings as comments under the header, and fails on them with strict', async () => {
    const [file] = files({ 'legacy.graphql': 'type User @wes_table {\n  id: ID! @pk\n}\n' });
    const [warning] = directDiagnostics([file!]);
    expect(warning).toMatch(/:2:11 WES009 /);
    const output = await run([file!]);
    expect(output.split('\n').slice(0, 3)).toEqual([
      expect.stringMatching(/^\/\/ Generated by Wesley/),
      `// ${warning}`,
      '//   help: write @wes_pk',
    ]);
    await expect(run([file!], { strict: true })).rejects.toThrow(`Wesley: 1 warning in the schema (strict: warnings fail)\n${warning}\n`);
  });
});

describe('a broken schema', () => {
  const broken = [
    'type User @wes_table {',
    '  id: ID! @wes_pk',
    '  name: String! @wes_foo',
    '  teamId: UUID @wes_fk(ref: "Team.id")',
    '}',
    'scalar UUID',
    '',
  ].join('\n');

  it('fails codegen with every diagnostic at the file, line and column where it was written', async () => {
    const paths = files({ 'broken.graphql': broken });
    const expected = directDiagnostics(paths);
    expect(expected).toHaveLength(2);
    expect(expected[0]).toBe(`${paths[0]}:3:${broken.split('\n')[2]!.indexOf('@wes_foo') + 1} WES003 unknown directive @wes_foo`);
    const error = await run(paths).then(
      () => null,
      (e: unknown) => e as Error,
    );
    expect(error?.message).toMatch(/^Wesley: 2 errors in the schema\n/);
    for (const line of expected) expect(error?.message).toContain(`\n${line}\n  help: `);
  });

  it('points into the file that has the mistake when extend type merged two files', async () => {
    const paths = files({
      'a.graphql': 'type Team @wes_table {\n  id: UUID! @wes_pk\n}\nscalar UUID\n',
      'b.graphql': '# more columns\nextend type Team {\n  name: String! @wes_column(type: "varchar(-1)")\n}\n',
    });
    const expected = directDiagnostics(paths);
    expect(expected).toEqual([expect.stringMatching(/b\.graphql:3:\d+ WES029 /)]);
    await expect(run(paths)).rejects.toThrow(`\n${expected[0]}\n`);
  });

  it('keeps the position in the printed SDL when the schema carries no source locations', async () => {
    const schema = buildSchema(broken, { assumeValidSDL: true, noLocation: true });
    await expect(generate(schema, {}, wesleyOutput())).rejects.toThrow(/\n<codegen schema>:\d+:\d+ WES003 unknown directive @wes_foo\n/);
  });
});

describe('what the plugin refuses', () => {
  let shop: GraphQLSchema;
  beforeAll(async () => {
    shop = await loadCodegenSchema([shopFile, scalarsFile]);
  });

  it('a schema from introspection, which has lost its directives', async () => {
    const [query] = files({ 'query.graphql': 'type Query {\n  orders: [Order!]!\n}\n' });
    const served = await loadCodegenSchema([shopFile, scalarsFile, query!]);
    const introspected = buildClientSchema(introspectionFromSchema(served));
    await expect(generate(introspected, {}, wesleyOutput())).rejects.toThrow(
      /^Wesley: the schema has no SDL for Customer, DateTime, Decimal, JSON, Order and 5 more, so its @wes_\* directives are lost\. .*point codegen's `schema` at the \.graphql files/,
    );
  });

  it('sharing an output file with @graphql-codegen/typescript, whose types have the same names', async () => {
    const shared: CodegenOutputFile = { filename: 'types.ts', plugins: [{ typescript: {} }, { '@wesley/core/graphql-codegen': {} }] };
    await expect(generate(shop, {}, shared)).rejects.toThrow(/types\.ts also runs @graphql-codegen\/typescript.*an output file of its own/);
    const zodOnly: CodegenOutputFile = {
      filename: 'types.ts',
      plugins: [{ typescript: {} }, { '@wesley/core/graphql-codegen': { output: 'zod' } }],
    };
    expect(await generate(shop, { enumsAsTypes: true }, zodOnly)).toMatch(
      /export type Order = \{[\s\S]*export const OrderSchema = z\.object/,
    );
  });

  it.each([
    [{ output: 'all' }, 'wesley.ts', "config.output must be one of 'types', 'zod', 'both', got \"all\""],
    [{ scalarColumnTypes: ['citext'] }, 'wesley.ts', 'config.scalarColumnTypes must map scalar names to PostgreSQL types'],
    [{ scalarColumnTypes: { Email: 1 } }, 'wesley.ts', 'config.scalarColumnTypes.Email must be a PostgreSQL type name'],
    [{ strict: 'yes' }, 'wesley.ts', 'config.strict must be true or false'],
    [{}, 'wesley.js', "output 'both' needs a TypeScript module (.ts), not wesley.js"],
    [{}, 'wesley.d.ts', "output 'both' needs a TypeScript module (.ts), not wesley.d.ts"],
  ])('the config %j for %s', async (config, filename, message) => {
    await expect(generate(shop, {}, wesleyOutput(config, filename))).rejects.toThrow(message);
  });

  it('accepts a JavaScript file for the Zod schemas alone', async () => {
    expect(await generate(shop, {}, wesleyOutput({ output: 'zod' }, 'schemas.js'))).toContain('export const OrderSchema = z.object({');
  });
});
