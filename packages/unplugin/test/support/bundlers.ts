/**
 * Builds a fixture app's `main.ts` with each real bundler and the plugin, into one ES module
 * `dist-<bundler>/main.js`, unminified except webpack's (Terser is what drops unused code there). `zod` stays an import (the app's `node_modules` resolves it when
 * Node runs the output); everything else, graphql included if anything imported it, is bundled.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build as esbuild } from 'esbuild';
import { rollup } from 'rollup';
import { build as viteBuild } from 'vite';
import webpack from 'webpack';
import type { Options } from '../../src/core/index.js';
import esbuildPlugin from '../../src/esbuild.js';
import rollupPlugin from '../../src/rollup.js';
import vitePlugin from '../../src/vite.js';
import webpackPlugin from '../../src/webpack.js';
import type { FixtureApp } from './fixture-app.js';
import { transpileTypeScript } from './transpile-typescript.js';

export type Bundler = 'vite' | 'esbuild' | 'rollup' | 'webpack';

export interface Built {
  /** Absolute path of the output module. */
  readonly file: string;
  readonly code: string;
  /** The warnings the bundler reported, as it words them. */
  readonly warnings: readonly string[];
}

const typescriptLoader = fileURLToPath(new URL('./typescript-loader.cjs', import.meta.url));

/** Each bundler's build of `app/main.ts`; a failed build rejects with the bundler's own error. */
export const bundlers: Readonly<Record<Bundler, (app: FixtureApp, options?: Options) => Promise<Built>>> = {
  async vite(app, options) {
    const warnings: string[] = [];
    await viteBuild({
      root: app.root,
      configFile: false,
      logLevel: 'silent',
      plugins: [vitePlugin(options)],
      build: {
        outDir: 'dist-vite',
        minify: false,
        lib: { entry: 'main.ts', formats: ['es'], fileName: 'main' },
        rolldownOptions: { external: ['zod'], onwarn: (warning) => void warnings.push(warning.message) },
      },
    });
    return output(app, 'vite', warnings);
  },

  async esbuild(app, options) {
    const result = await esbuild({
      absWorkingDir: app.root,
      entryPoints: ['main.ts'],
      bundle: true,
      format: 'esm',
      platform: 'neutral',
      external: ['zod'],
      outfile: 'dist-esbuild/main.js',
      logLevel: 'silent',
      plugins: [esbuildPlugin(options)],
    });
    return output(
      app,
      'esbuild',
      result.warnings.map((w) => w.text),
    );
  },

  async rollup(app, options) {
    const warnings: string[] = [];
    const bundle = await rollup({
      input: app.path('main.ts'),
      external: ['zod'],
      plugins: [rollupPlugin(options), transpileTypeScript()],
      onwarn: (warning) => void warnings.push(warning.message),
    });
    try {
      await bundle.write({ file: app.path('dist-rollup/main.js'), format: 'es' });
    } finally {
      await bundle.close();
    }
    return output(app, 'rollup', warnings);
  },

  async webpack(app, options) {
    const compiler = webpack({
      context: app.root,
      mode: 'production',
      entry: './main.ts',
      target: 'node',
      devtool: false,
      // Terser is what drops webpack's unused exports.
      optimization: { minimize: true },
      experiments: { outputModule: true },
      externalsType: 'module',
      externals: { zod: 'zod' },
      output: { path: app.path('dist-webpack'), filename: 'main.js', library: { type: 'module' } },
      module: { rules: [{ test: /\.ts$/, loader: typescriptLoader }] },
      plugins: [webpackPlugin(options)],
      infrastructureLogging: { level: 'none' },
    });
    const stats = await new Promise<webpack.Stats>((resolve, reject) =>
      compiler.run((error, result) => (error ? reject(error) : result ? resolve(result) : reject(new Error('webpack: no stats')))),
    );
    await new Promise<void>((resolve, reject) => compiler.close((error) => (error ? reject(error) : resolve())));
    const { errors = [], warnings = [] } = stats.toJson({ all: false, errors: true, warnings: true });
    if (errors.length > 0) throw new WebpackErrors(errors);
    return output(
      app,
      'webpack',
      warnings.map((w) => w.message),
    );
  },
};

/** A failed webpack build: webpack reports errors in its stats, not by throwing. */
export class WebpackErrors extends Error {
  constructor(readonly errors: readonly webpack.StatsError[]) {
    super(errors.map((e) => e.message).join('\n\n'));
  }
}

function output(app: FixtureApp, bundler: Bundler, warnings: readonly string[]): Built {
  const file = app.path(path.join(`dist-${bundler}`, 'main.js'));
  return { file, code: readFileSync(file, 'utf8'), warnings };
}
