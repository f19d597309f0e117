/**
 * `.gitignore`'s text with `.wesley` ignored, or `null` when a line already ignores it: a project's
 * `.wesley/` holds its embedded PostgreSQL data and its `plan` output, neither of which belongs in
 * git (nor in Nx's file hashes, which skip what git ignores). `current` is the file's text, `''`
 * when there is none. Adding it to its own output changes nothing, so running it twice adds one line.
 */
export function ignoreWesleyDirectories(current: string): string | null {
  const ignored = current.split(/\r?\n/).some((line) => /^\/?(?:\*\*\/)?\.wesley\/?$/.test(line.trim()));
  if (ignored) return null;
  const separator = current === '' || current.endsWith('\n') ? '' : '\n';
  return `${current}${separator}${current === '' ? '' : '\n'}# Wesley: embedded PostgreSQL data and plans\n.wesley\n`;
}
