/**
 * `from '...'`, `import '...'`, `import('...')`, `require('...')` and `export ... from '...'`:
 * the places a module names another. A scan, not a parse — a specifier inside a comment or a
 * string counts too, which can only add an edge, never lose one.
 */
const specifierPattern = /\bfrom\s*(['"])([^'"\n]+)\1|\bimport\s*(['"])([^'"\n]+)\3|\b(?:import|require)\s*\(\s*(['"])([^'"\n]+)\5\s*\)/g;

/** The module specifiers in `source`, in order, each once. */
export function importSpecifiers(source: string): string[] {
  const found = new Set<string>();
  for (const match of source.matchAll(specifierPattern)) {
    const specifier = match[2] ?? match[4] ?? match[6];
    if (specifier !== undefined) found.add(specifier);
  }
  return [...found];
}
