import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

/** A directory of files for one test file, removed by `remove`. */
export interface TempWorkspace {
  readonly root: string;
  /** Writes `content` to `file` (relative to the root), creating directories. */
  write(file: string, content: string): Promise<void>;
  remove(): Promise<void>;
}

/** A fresh temporary directory standing in for an Nx workspace. */
export async function tempWorkspace(prefix = 'wesley-nx-'): Promise<TempWorkspace> {
  const root = await mkdtemp(path.join(os.tmpdir(), prefix));
  return {
    root,
    async write(file, content) {
      await mkdir(path.dirname(path.join(root, file)), { recursive: true });
      await writeFile(path.join(root, file), content);
    },
    remove: () => rm(root, { recursive: true, force: true }),
  };
}
