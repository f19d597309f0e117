/**
 * The custom scalars of the `wesley.config.*` at `file` (absolute), read again on every call, so
 * an edit reaches the next build or hot update (`loadConfig` reads a JSON config each time and
 * re-imports a module config only when it changed). `@wesley/cli` reads it, loaded only here:
 * a build without the `config` option never needs it.
 *
 * @throws an Error naming `file` when `@wesley/cli` is not installed, or the config's own
 * `ConfigError` (every bad field with its path) when it is not valid.
 */
export async function configScalars(file: string): Promise<Readonly<Record<string, string>>> {
  let cli: typeof import('@wesley/cli/config');
  try {
    cli = await import('@wesley/cli/config');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ERR_MODULE_NOT_FOUND') throw error;
    throw new Error(`the config option (${file}) needs @wesley/cli, which reads Wesley's config files: install it (npm i -D @wesley/cli)`, {
      cause: error,
    });
  }
  return (await cli.loadConfig(file)).scalars;
}
