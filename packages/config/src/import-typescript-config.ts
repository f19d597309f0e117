import { isBuiltin } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Plugin } from 'esbuild';

/**
 * Evaluates a TypeScript config file and returns its module namespace, without writing a file:
 * esbuild bundles it (its relative imports included) into one ES module in memory, which is
 * imported from a `data:` URL. Package imports stay imports, rewritten to the absolute URL
 * esbuild resolves from the config's directory, since a `data:` module has no directory of its
 * own; `import.meta.url`, `dirname` and `filename` are the config file's.
 *
 * esbuild is an optional peer, imported here only: a JSON or `.mjs` config, the common case in
 * the bundler and Nx plugins, installs and loads no bundler (the `wesley` command depends on it).
 *
 * @throws Error with esbuild's message (file, line, column) when the file does not compile, or
 * naming the package to install when esbuild is not installed.
 */
export async function importTypeScriptConfig(file: string): Promise<Record<string, unknown>> {
  let esbuild: typeof import('esbuild');
  try {
    esbuild = await import('esbuild');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ERR_MODULE_NOT_FOUND') throw error;
    throw new Error(
      'a wesley.config.ts is compiled with esbuild, which is not installed: install it (npm i -D esbuild), or use wesley.config.mjs',
      {
        cause: error,
      },
    );
  }
  const result = await esbuild.build({
    entryPoints: [file],
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    logLevel: 'silent',
    define: {
      'import.meta.url': JSON.stringify(pathToFileURL(file).href),
      'import.meta.dirname': JSON.stringify(path.dirname(file)),
      'import.meta.filename': JSON.stringify(file),
    },
    plugins: [packagesByUrl],
  });
  const code = result.outputFiles[0]?.text ?? '';
  const url = `data:text/javascript;base64,${Buffer.from(code).toString('base64')}`;
  try {
    return (await import(url)) as Record<string, unknown>;
  } catch (error) {
    // Name the config file rather than the (long) data: URL it was evaluated from.
    if (error instanceof Error) error.message = error.message.replaceAll(url, file);
    throw error;
  }
}

/** Leaves package imports (and Node built-ins) out of the bundle, as absolute `file:` URLs. */
const packagesByUrl: Plugin = {
  name: 'wesley-config-packages',
  setup(build) {
    build.onResolve({ filter: /^[^./]/ }, async (args) => {
      // The nested `build.resolve` below comes back here: let esbuild's own resolver answer it.
      if (args.pluginData === packagesByUrl) return undefined;
      if (isBuiltin(args.path)) return { path: args.path, external: true };
      const resolved = await build.resolve(args.path, {
        kind: args.kind,
        resolveDir: args.resolveDir,
        importer: args.importer,
        pluginData: packagesByUrl,
      });
      if (resolved.errors.length > 0) return { errors: resolved.errors };
      return { path: pathToFileURL(resolved.path).href, external: true };
    });
  },
};
