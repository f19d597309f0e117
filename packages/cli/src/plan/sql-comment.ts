/**
 * SQL line comments, one per line of `lines` (`--` alone for an empty one). Names inside may
 * hold any character, a line break included: it is flattened so that nothing after it could be
 * read as SQL.
 */
export function sqlComment(lines: readonly string[]): string {
  return lines.map((line) => (line === '' ? '--' : `-- ${line.replace(/[\r\n]+/g, ' ')}`)).join('\n');
}
