/**
 * A field path as users write it: `databases[1].urlEnv` for `['databases', 1, 'urlEnv']`, or
 * `null` for the top level.
 */
export function configPath(segments: readonly PropertyKey[]): string | null {
  let text = '';
  for (const segment of segments) {
    if (typeof segment === 'number') text += `[${segment}]`;
    else text += text === '' ? String(segment) : `.${String(segment)}`;
  }
  return text === '' ? null : text;
}
