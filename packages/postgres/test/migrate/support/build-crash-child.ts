import { mkdtemp } from 'node:fs/promises';
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
    logLevel: 'error',
  });
  return outfile;
}
