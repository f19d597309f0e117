/**
 * Command-line flags for executor options: `true` -> `--flag`, a string or number ->
 * `--flag value`; `false` and absent options add nothing.
 */
export function optionArgs(flags: Readonly<Record<string, string | number | boolean | undefined>>): string[] {
  return Object.entries(flags).flatMap(([flag, value]) => {
    if (value === undefined || value === false) return [];
    return value === true ? [flag] : [flag, String(value)];
  });
}
