import path from 'node:path';

/**
 * How a path is shown to users: relative to `cwd` when inside it, absolute otherwise (a chain of
 * `../` is harder to read than the full path), with `/` separators on every platform. `cwd`
 * itself is shown absolute too: `.` reads as nothing in a sentence (`1 applied in .` from
 * `migrations/`), and the full path says which directory it is.
 */
export function displayPath(cwd: string, file: string): string {
  const relative = path.relative(cwd, file);
  const outside = relative === '..' || relative.startsWith(`..${path.sep}`) || path.isAbsolute(relative);
  const shown = relative === '' || outside ? path.resolve(file) : relative;
  return shown.split(path.sep).join('/');
}
