/**
 * What a user reads when a schema does not compile, as each tool prints it in a terminal: the
 * `vite build` and `rollup -c` commands, esbuild's own log of a build script, webpack's stats
 * (what webpack-cli prints) and `wesley generate`, each a child process on the same broken
 * schema, with the built plugin (`npm run build` first). Every one prints the diagnostic's
 * 1-based `line:column`, the same, and no other position for it; none prints a stack trace of
 * the plugin's.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { stripVTControlCharacters } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureApp, shopSchema, type FixtureApp } from './support/fixture-app.js';

/** `Order.note` with an unknown directive; ASCII before it, so a 0-based or byte column would differ by exactly one. */
const broken = shopSchema.replace('  note: String\n', '  note: String @wes_foo\n');
const brokenLine = broken.split('\n').findIndex((l) => l.includes('@wes_foo'));
const position = `${brokenLine + 1}:${(broken.split('\n')[brokenLine] ?? '').indexOf('@wes_foo') + 1}`;

const cli = fileURLToPath(new URL('../../cli/bin/wesley.cjs', import.meta.url));

/** Each tool's build of `main.js`, which imports the schema: the files it needs and its command line. */
const tools: Readonly<Record<string, { readonly files: Readonly<Record<string, string>>; readonly argv: readonly string[] }>> = {
  vite: {
    files: {
      'vite.config.js': [
        "import wesley from '@wesley/unplugin/vite';",
        "export default { plugins: [wesley()], build: { lib: { entry: 'main.js', formats: ['es'] }, rolldownOptions: { external: ['zod'] } } };",
      ].join('\n'),
    },
    argv: ['node_modules/vite/bin/vite.js', 'build'],
  },
  rollup: {
    files: {
      'rollup.config.mjs': [
        "import wesley from '@wesley/unplugin/rollup';",
        "export default { input: 'main.js', external: ['zod'], plugins: [wesley()], output: { file: 'dist-rollup/main.js', format: 'es' } };",
      ].join('\n'),
    },
    argv: ['node_modules/rollup/dist/bin/rollup', '-c'],
  },
  esbuild: {
    files: {
      // esbuild's default log level prints the errors, as its own command does.
      'build-esbuild.mjs': [
        "import { build } from 'esbuild';",
        "import wesley from '@wesley/unplugin/esbuild';",
        'await build({',
        "  entryPoints: ['main.js'], bundle: true, format: 'esm', external: ['zod'], outfile: 'dist-esbuild/main.js', plugins: [wesley()],",
        '}).catch(() => process.exit(1));',
      ].join('\n'),
    },
    argv: ['build-esbuild.mjs'],
  },
  webpack: {
    files: {
      'build-webpack.mjs': [
        "import webpack from 'webpack';",
        "import wesley from '@wesley/unplugin/webpack';",
        "const config = { context: process.cwd(), mode: 'production', entry: './main.js', externals: { zod: 'zod' }, plugins: [wesley()] };",
        'webpack(config, (error, stats) => {',
        '  if (error) throw error;',
        '  console.log(stats.toString());',
        '  process.exitCode = stats.hasErrors() ? 1 : 0;',
        '});',
      ].join('\n'),
    },
    argv: ['build-webpack.mjs'],
  },
  wesley: { files: {}, argv: [cli, 'generate', '--schema', 'schema.graphql', '--out-dir', 'generated'] },
};

describe('a schema diagnostic as each tool prints it', () => {
  let app: FixtureApp;

  beforeAll(() => {
    app = fixtureApp();
    app.write('schema.graphql', broken);
    app.write('main.js', "import { OrderSchema } from './schema.graphql';\nexport const order = OrderSchema;\n");
    for (const { files } of Object.values(tools)) for (const [name, text] of Object.entries(files)) app.write(name, `${text}\n`);
  });

  afterAll(() => app.dispose());

  it.each(Object.keys(tools))('%s prints the 1-based line:column of the CLI and no other', (name) => {
    const tool = tools[name];
    if (tool === undefined) throw new Error(`no tool ${name}`);
    const run = spawnSync(process.execPath, tool.argv, { cwd: app.root, encoding: 'utf8', timeout: 60_000 });
    const printed = stripVTControlCharacters(`${run.stdout}\n${run.stderr}`);
    expect(run.status, printed).toBe(1);
    expect(printed).toContain('WES003');
    expect(printed).toContain('unknown directive @wes_foo');
    // Every place printed for the schema: `schema.graphql:L:C` (Vite, esbuild, webpack, wesley) or `schema.graphql (L:C)` (Rollup).
    const places = [...printed.matchAll(/schema\.graphql(?::| \()(\d+:\d+)/g)].map((m) => m[1]);
    expect(places.length, printed).toBeGreaterThan(0);
    expect(new Set(places), printed).toEqual(new Set([position]));
    // Nor the line with another column anywhere else (a bare `L:C` of a bundler's own).
    const sameLine = [...printed.matchAll(new RegExp(`(?<![\\d.])${brokenLine + 1}:(\\d+)`, 'g'))].map((m) => `${brokenLine + 1}:${m[1]}`);
    expect(new Set(sameLine), printed).toEqual(new Set([position]));
    const frames = printed.split('\n').filter((line) => /^\s+at /.test(line));
    // None of the plugin's. Vite prints the stack of the error Rolldown wraps every build
    // error in (rolldown's aggregateBindingErrorsIntoJsError, printed by vite's `build`
    // command with util.inspect): Rolldown's and Vite's frames, which no plugin can remove.
    expect(
      frames.filter((frame) => !/node_modules\/(rolldown|vite)\//.test(frame)),
      printed,
    ).toEqual([]);
    if (name !== 'vite') expect(frames, printed).toEqual([]);
  });
});
