/**
 * The tsconfig.json that docs/plugin.md shows (and docs/getting-started.md repeats) compiles a
 * small app importing its schema through the sidecar `schema.d.graphql.ts`, with each TypeScript
 * users have: 5.9 (`typescript`) and the current 7.x (`typescript7`, an npm alias of
 * typescript@7.0.2, the native compiler). The app is a new project as a user has it: its
 * node_modules holds only zod, so no other package's types take part. A wrong field fails the
 * same way with both, so a compiler that checked nothing would not pass.
 */
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { compileSchema, emitModuleDeclarations } from '@wesley/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const repo = new URL('../../../', import.meta.url);
const require = createRequire(import.meta.url);

/** The jsonc block of docs/plugin.md that sets `moduleResolution`, without its `// tsconfig.json` line. */
async function documentedTsconfig(): Promise<string> {
  const doc = await readFile(new URL('docs/plugin.md', repo), 'utf8');
  const block = [...doc.matchAll(/^```jsonc\n([\s\S]*?)^```$/gm)].map((m) => m[1]!).find((text) => text.includes('"moduleResolution"'));
  if (block === undefined) throw new Error('docs/plugin.md shows no tsconfig.json');
  return block.replace(/^\/\/.*\n/, '');
}

/** The `tsc` of the installed package `name`, from its manifest's `bin` (typescript 7 exports no `./bin/tsc`). */
function tscOf(name: string): string {
  const manifest = require.resolve(`${name}/package.json`);
  const { bin } = require(manifest) as { bin: { tsc: string } };
  return join(dirname(manifest), bin.tsc);
}

const compilers = [
  { name: 'TypeScript 5.9', tsc: tscOf('typescript'), version: /^Version 5\.9\./ },
  { name: 'TypeScript 7', tsc: tscOf('typescript7'), version: /^Version 7\./ },
] as const;

function run(tsc: string, args: readonly string[], cwd: string): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [tsc, ...args], { cwd }, (error, stdout, stderr) =>
      resolve({ code: error === null ? 0 : typeof error.code === 'number' ? error.code : 1, output: `${stdout}${stderr}` }),
    );
  });
}

let dir = '';

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'wesley-documented-tsconfig-'));
  const schema = await readFile(new URL('examples/shop/schema.graphql', repo), 'utf8');
  const { ir, diagnostics } = compileSchema({ name: 'schema.graphql', body: schema });
  if (ir === null) throw new Error(`the shop schema does not compile: ${JSON.stringify(diagnostics)}`);
  await writeFile(join(dir, 'schema.graphql'), schema);
  await writeFile(join(dir, 'schema.d.graphql.ts'), emitModuleDeclarations(ir));
  await writeFile(join(dir, 'tsconfig.json'), await documentedTsconfig());
  await mkdir(join(dir, 'src'));
  await writeFile(
    join(dir, 'src', 'main.ts'),
    `import { CustomerInsertSchema, OrderStatus, type CustomerInsert, type Order } from '../schema.graphql';

export const customer: CustomerInsert = CustomerInsertSchema.parse({ email: 'ada@example.com', name: 'Ada' });
export const paid = (order: Order): boolean => order.status === OrderStatus.PAID;
export const email: string = CustomerInsertSchema.shape.email.parse('ada@example.com');
`,
  );
  // A user's project has zod installed (the generated module imports it), and nothing else.
  await mkdir(join(dir, 'node_modules'));
  await symlink(dirname(require.resolve('zod/package.json')), join(dir, 'node_modules', 'zod'), 'dir');
}, 30_000);

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe.each(compilers)('the tsconfig of docs/plugin.md with $name', ({ tsc, version }) => {
  it('is the TypeScript it says', { timeout: 30_000 }, async () => {
    expect((await run(tsc, ['--version'], dir)).output.trim()).toMatch(version);
  });

  it('type-checks the app through the sidecar', { timeout: 60_000 }, async () => {
    expect(await run(tsc, ['--noEmit', '--pretty', 'false', '-p', '.'], dir)).toEqual({ code: 0, output: '' });
  });

  it('fails on a wrong field', { timeout: 60_000 }, async () => {
    const wrong = join(dir, 'wrong');
    await mkdir(join(wrong, 'src'), { recursive: true });
    await writeFile(join(wrong, 'tsconfig.json'), await documentedTsconfig());
    await writeFile(
      join(wrong, 'src', 'main.ts'),
      `import type { Order } from '../../schema.graphql';\nexport const total = (order: Order) => order.totl;\n`,
    );
    const result = await run(tsc, ['--noEmit', '--pretty', 'false', '-p', '.'], wrong);
    expect(result.code).not.toBe(0);
    expect(result.output).toMatch(/src\/main\.ts\(2,\d+\): error TS2339: Property 'totl' does not exist on type/);
  });
});
