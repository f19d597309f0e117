/**
 * Writes generated modules into a throw-away project directory that resolves `zod` to the
 * repository's copy (a `node_modules` symlink), so they can be compiled by `tsc` and imported
 * by Node exactly as a user's project would.
 */
import { mkdtempSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoNodeModules = fileURLToPath(new URL('../../../../node_modules', import.meta.url));

export interface GeneratedProject {
  readonly root: string;
  /** Writes `text` to `relativePath` under the root (creating folders) and returns the full path. */
  write(relativePath: string, text: string): string;
  /** Removes the directory. */
  dispose(): void;
}

export function generatedProject(): GeneratedProject {
  const root = mkdtempSync(join(tmpdir(), 'wesley-codegen-'));
  symlinkSync(repoNodeModules, join(root, 'node_modules'), 'dir');
  writeFileSync(join(root, 'package.json'), JSON.stringify({ type: 'module', private: true }));
  return {
    root,
    write(relativePath, text) {
      const path = join(root, relativePath);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, text);
      return path;
    },
    dispose() {
      rmSync(root, { recursive: true, force: true });
    },
  };
}
