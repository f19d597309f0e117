import type { CompileOptions } from '@wesley/core';

/**
 * What the compiler takes from the `wesley.config.*` at `file` (absolute): its custom scalars and
 * its row-level security settings, as the `wesley` commands pass them, so the bundle and the CLI
 * compile the schema alike. Read again on every call, so an edit reaches the next build or hot
 * update (`loadConfig` reads a JSON config each time and re-imports a module config only when it
 * changed). `@wesley/config` reads it, loaded only here: a build without the `config` option
 * never loads zod for it.
 *
 * @throws the config's own `ConfigError` (every bad field with its path) when it is not valid.
 */
export async function configCompileOptions(file: string): Promise<CompileOptions> {
  const { loadConfig } = await import('@wesley/config');
  const { scalars, rls } = await loadConfig(file);
  return { scalars, rls };
}
