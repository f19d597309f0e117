import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { writeFileIfChanged } from '@wesley/config/files';
import { compileSchema, emitModule, emitModuleDeclarations, loadSqlParser, type CompileOptions, type Diagnostic } from '@wesley/core';
import { createUnplugin, type UnpluginBuildContext, type UnpluginContext, type UnpluginContextMeta, type UnpluginOptions } from 'unplugin';
import { makeIdFiltersToMatchWithQuery } from 'unplugin/utils/filter';
import { bundlerMessage, type SchemaText } from './bundler-message.js';
import { configCompileOptions } from './config-compile-options.js';
import { defaultInclude, type Options } from './options.js';
import { schemaFile } from './schema-file.js';
import { sidecarPath } from './sidecar.js';

const name = 'wesley';

/**
 * `@wesley/unplugin`: `import { OrderSchema, type Order } from './schema.graphql'` in Vite,
 * esbuild, Rollup and webpack. Each schema file is a schema of its own: compiled when the
 * bundler loads it into the JavaScript module of `emitModule` (Zod schemas and enum objects,
 * importing only `zod`), its declaration file `schema.d.graphql.ts` written beside it when its
 * content changed, and its diagnostics reported as the bundler's errors and warnings.
 */
export const unplugin = createUnplugin<Options | undefined>((options = {}, meta) => {
  const writeSidecars = options.sidecar ?? true;
  // Diagnostics name the schema relative to the bundler's root; Rollup has none but the cwd.
  let root = process.cwd();
  let unwatch: ((file: string) => void) | undefined;
  const include = makeIdFiltersToMatchWithQuery(options.include ?? defaultInclude);
  const exclude = options.exclude === undefined ? undefined : makeIdFiltersToMatchWithQuery(options.exclude);

  /**
   * The config's compile options (scalars, row-level security settings), its scalars under the
   * option's. The config is watched, so an edit reloads the schema module; a config that cannot
   * be read fails the load with its own message.
   */
  async function compileOptionsFor(context: UnpluginBuildContext): Promise<CompileOptions> {
    if (options.config === undefined) return { scalars: options.scalars ?? {} };
    const configFile = path.resolve(root, options.config);
    context.addWatchFile(configFile);
    const config = await configCompileOptions(configFile);
    return { ...config, scalars: { ...config.scalars, ...options.scalars } };
  }

  const plugin: UnpluginOptions = {
    name,
    enforce: 'pre',
    load: {
      filter: { id: { include, exclude } },
      async handler(id) {
        const file = schemaFile(id);
        if (file === null) return undefined;
        // The bundler did not read the file itself: Vite, for one, watches a file outside its
        // root only when told, and every save of the schema must reach the bundler.
        this.addWatchFile(file);
        const compileOptions = await compileOptionsFor(this);
        const schema: SchemaText = { path: file, body: await readFile(file, 'utf8') };
        const source = path.relative(root, file).split(path.sep).join('/');
        // Here rather than in a build hook: every bundler, and every reload of Vite's dev server,
        // loads the schema through this hook. Once per process; free after the first.
        await loadSqlParser();
        const { ir, diagnostics } = compileSchema({ name: source, body: schema.body }, compileOptions);
        const errors: Diagnostic[] = [];
        for (const diagnostic of diagnostics) {
          if (diagnostic.severity === 'warning') this.warn(bundlerMessage(diagnostic, schema, meta.framework));
          else errors.push(diagnostic);
        }
        if (ir === null) return failedModule(this, errors, schema, meta.framework);
        if (writeSidecars) {
          const sidecar = sidecarPath(file);
          // A sidecar is an output: its write must not reach Vite's watcher as a change to react to.
          unwatch?.(sidecar);
          // Unchanged, it is not rewritten: its mtime stays, so editors and `tsc --watch` see nothing.
          await writeFileIfChanged(sidecar, emitModuleDeclarations(ir));
        }
        return emitModule(ir);
      },
    },
    vite: {
      config(config) {
        // The schema module imports zod, and Vite's dependency scan, which reads the app's code
        // before the first request, does not see through a `.graphql` import. Left to be found
        // when the browser first asks for the module, zod is pre-bundled then, and Vite reloads
        // the page ("optimized dependencies changed. reloading") during its first load, losing
        // anything typed by then. Only when the app resolves zod: in a monorepo whose schema
        // package alone has it, an entry Vite cannot resolve would be an error of its own.
        const appRoot = path.resolve(config.root ?? process.cwd());
        if (!resolvesFrom(appRoot, 'zod/package.json')) return undefined;
        return { optimizeDeps: { include: ['zod'] } };
      },
      configResolved(config) {
        root = config.root;
      },
      configureServer(server) {
        unwatch = (file) => server.watcher.unwatch(file);
      },
    },
    esbuild: {
      config(initialOptions) {
        root = initialOptions.absWorkingDir ?? root;
      },
    },
    webpack(compiler) {
      root = compiler.options.context ?? root;
    },
  };
  return plugin;
});

/** Whether `specifier` resolves from a module in `dir`, as Vite's optimizer would resolve it. */
function resolvesFrom(dir: string, specifier: string): boolean {
  try {
    createRequire(path.join(dir, 'package.json')).resolve(specifier);
    return true;
  } catch {
    return false;
  }
}

/**
 * Reports the schema's errors (the first with its location and frame, the others listed) and
 * returns a module that throws: Rollup and Vite stop at `this.error`, but esbuild and webpack
 * collect the error and go on, and an empty module would add "export not found" noise.
 */
function failedModule(
  context: UnpluginContext,
  errors: readonly Diagnostic[],
  schema: SchemaText,
  framework: UnpluginContextMeta['framework'],
): string {
  const [first, ...others] = errors;
  if (first !== undefined) context.error(bundlerMessage(first, schema, framework, others));
  return `throw new Error(${JSON.stringify(`${path.basename(schema.path)} has errors; see the build output`)});\n`;
}
