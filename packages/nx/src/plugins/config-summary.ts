import path from 'node:path';
import type { WesleyConfig } from '@wesley/config';

/**
 * What target inference needs of a config, with every path relative to the project root and
 * `/`-separated: no absolute path, no environment value, so that it can be hashed, cached and
 * shown by `nx show project` the same on every machine. It is also the project's
 * `metadata.wesley`, which `createDependencies` reads.
 */
export interface ConfigSummary {
  /** The config file's name (`wesley.config.json`), in the project root. */
  readonly configFile: string;
  readonly schema: readonly string[];
  readonly outDir: string;
  readonly migrations: string;
  /** The `.d.graphql.ts` declaration `generate` writes beside the schema, or `null`. */
  readonly declarationFile: string | null;
  /** The names of the databases, in config order. */
  readonly databases: readonly string[];
}

/** Builds the {@link ConfigSummary} of a loaded config. */
export async function summarizeConfig(config: WesleyConfig): Promise<ConfigSummary> {
  const schema = config.schema.map(normalize);
  return {
    configFile: path.basename(config.file),
    schema,
    outDir: normalize(config.outDir),
    migrations: normalize(config.migrations),
    declarationFile: config.dts ? await declarationFile(schema[0] ?? '') : null,
    databases: config.databases.map((database) => database.name),
  };
}

/** `./a\\b/` -> `a/b`; `.` stays `.`. */
function normalize(value: string): string {
  const normalized = path.posix.normalize(value.replaceAll('\\', '/')).replace(/\/+$/, '');
  return normalized === '' ? '.' : normalized;
}

/** The sidecar's path; `@wesley/core` is loaded only for configs that ask for one. */
async function declarationFile(schema: string): Promise<string> {
  const { declarationFileName } = await import('@wesley/core');
  return path.posix.join(path.posix.dirname(schema), declarationFileName(path.posix.basename(schema)));
}
