/**
 * The custom scalars of the `wesley.config.*` at `file` (absolute), read again on every call, so
 * an edit reaches the next build or hot update (`loadConfig` reads a JSON config each time and
 * re-imports a module config only when it changed). `@wesley/config` reads it, loaded only here:
 * a build without the `config` option never loads zod for it.
 *
 * @throws the config's own `ConfigError` (every bad field with its path) when it is not valid.
 */
export async function configScalars(file: string): Promise<Readonly<Record<string, string>>> {
  const { loadConfig } = await import('@wesley/config');
  return (await loadConfig(file)).scalars;
}
