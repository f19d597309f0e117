import type { Stats } from 'node:fs';
import path from 'node:path';
import { isDynamicPattern } from 'tinyglobby';

/** What to watch for a set of schema paths and globs, and what to leave out. */
export interface WatchScope {
  /** Absolute directories to hand the watcher. */
  readonly roots: readonly string[];
  /**
   * The watcher's `ignored` test. Prunes what cannot hold a schema file: the output directory
   * (unless schema files live in it, then just the generated files), `node_modules` and `.git`,
   * directories outside every glob, files that are neither named nor under a glob. Without
   * `stats` only what is certain is ignored; the watcher asks again with them.
   */
  readonly ignored: (file: string, stats?: Stats) => boolean;
}

const prunedNames = new Set(['node_modules', '.git']);

/**
 * The scope of `patterns` (paths or globs relative to `cwd`, as `--schema` takes them). A glob is
 * watched from its base, the directory before its first dynamic segment (`schema` for
 * `schema/**\/*.graphql`), so files that start to match it are seen; a named file from its
 * directory, so it is seen again after an editor replaces it. `outputs` (absolute paths of the
 * generated files, filled in as they are written) are never reported, even in a schema directory.
 */
export function watchScope(patterns: readonly string[], cwd: string, outDir: string, outputs: ReadonlySet<string>): WatchScope {
  const files = new Set(patterns.filter((p) => !isDynamicPattern(p)).map((p) => path.resolve(cwd, p)));
  const globBases = unique(patterns.filter((p) => isDynamicPattern(p)).map((p) => path.resolve(cwd, globBase(p))));
  const underGlob = (file: string): boolean => globBases.some((base) => within(base, file));
  // Left out whole unless schema files live in it; then only the generated files are.
  const outDirPruned = ![...files].some((file) => within(outDir, file)) && !globBases.some((base) => within(outDir, base));
  const candidates = unique([...globBases, ...[...files].map((file) => path.dirname(file))]);

  const ignored = (file: string, stats?: Stats): boolean => {
    if (outputs.has(file) || (outDirPruned && within(outDir, file))) return true;
    const isRoot = candidates.includes(file);
    if (prunedNames.has(path.basename(file)) && !isRoot) return true;
    if (stats?.isDirectory()) return !isRoot && !underGlob(file);
    if (stats?.isFile()) return !files.has(file) && !underGlob(file);
    return false;
  };
  // The watcher walks everything under a glob base: a root inside another base is watched once.
  const roots = candidates.filter((root) => !globBases.some((base) => base !== root && within(base, root)));
  return { roots, ignored };
}

/**
 * The leading segments of `pattern` that are not dynamic; `.` when the first one is, or when no
 * single segment is (a brace list across a `/`).
 */
function globBase(pattern: string): string {
  const segments = pattern.split('/');
  const end = segments.findIndex((segment) => isDynamicPattern(segment));
  return (end === -1 ? '' : segments.slice(0, end).join('/')) || '.';
}

/** `true` when `file` is `dir` or inside it. */
function within(dir: string, file: string): boolean {
  const relative = path.relative(dir, file);
  return relative === '' || (!relative.startsWith(`..${path.sep}`) && relative !== '..' && !path.isAbsolute(relative));
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values)];
}
