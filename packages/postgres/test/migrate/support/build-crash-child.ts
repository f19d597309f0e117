import { mkdtemp } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

/**
 * Bundles `crash-child.ts` with the migrator's current sources (`@wesley/core` included, by its
 * `source` export condition) into one ESM file in a temporary directory, and returns its path.
 * A process that must die cannot share the test's module graph, node cannot run TypeScript,
 * and the built `dist` may be stale or mid-rebuild; a bundle is none of these, in a fraction of
 * a second. `pg` is in the bundle too, so the child's wrapper and the migrator use one `Client`.
 * libpg-query stays out of it, imported from where it is installed: its WebAssembly loader
 * finds `libpg-query.wasm` beside its own file (`__dirname`), which a bundle elsewhere has not.
 */
export async function buildCrashChild(): Promise<string> {
  const outfile = path.join(await mkdtemp(path.join(tmpdir(), 'wesley-crash-child-')), 'crash-child.mjs');
  await build({
    entryPoints: [fileURLToPath(new URL('./crash-child.ts', import.meta.url))],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    conditions: ['source'],
    // pg's optional native binding, never loaded; CommonJS modules in an ESM bundle need `require`.
    external: ['pg-native'],
    banner: {
      js: "import { createRequire as wesleyCreateRequire } from 'node:module'; const require = wesleyCreateRequire(import.meta.url);",
    },
    plugins: [
      {
        name: 'libpg-query-in-place',
        setup(bundler) {
          const installed = createRequire(import.meta.url).resolve('libpg-query');
          bundler.onResolve({ filter: /^libpg-query$/ }, () => ({ path: installed, external: true }));
        },
      },
    ],
    logLevel: 'error',
  });
  return outfile;
}
