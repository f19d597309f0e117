import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** What names the project of a directory besides this plugin. */
export interface ProjectFiles {
  readonly projectJson: boolean;
  /** `null` without a `package.json`; its `name`, or `''` when it has none (or is not JSON). */
  readonly packageName: string | null;
}

/**
 * Looks for `project.json` and `package.json` in `directory` (absolute). Synchronous on
 * purpose: for hundreds of projects on a warm cache, blocking reads of tiny files are several
 * times faster than the same reads through the thread pool.
 */
export function projectFiles(directory: string): ProjectFiles {
  if (existsSync(path.join(directory, 'project.json'))) return { projectJson: true, packageName: null };
  let text: string;
  try {
    text = readFileSync(path.join(directory, 'package.json'), 'utf8');
  } catch {
    return { projectJson: false, packageName: null };
  }
  try {
    const name = (JSON.parse(text) as { name?: unknown }).name;
    return { projectJson: false, packageName: typeof name === 'string' ? name : '' };
  } catch {
    return { projectJson: false, packageName: '' };
  }
}

/**
 * The name this plugin gives the project at `root` (workspace-relative), or `null` when a
 * `project.json` names it. A `package.json` name is repeated (so the project exists even when
 * the package is outside the package manager's workspaces); otherwise the directory's name,
 * which makes a directory holding only a config a project of its own.
 */
export function projectName(root: string, files: ProjectFiles): string | null {
  if (files.projectJson) return null;
  if (files.packageName !== null && files.packageName !== '') return files.packageName;
  return root === '.' || root === '' ? 'wesley' : path.posix.basename(root);
}
