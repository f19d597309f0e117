import type { WesleyConfig } from '@wesley/config';
import { UsageError } from '../usage-error.js';
import { configRelative, configSchemaPatterns } from './command-config.js';

/** The values of the `--schema`, `--out-dir` and `--dts` flags of `generate` and `watch`. */
export interface SchemaOutputFlags {
  readonly schema?: readonly string[] | undefined;
  readonly 'out-dir'?: string | undefined;
  readonly dts?: boolean | undefined;
}

/**
 * The `--schema` patterns, `--out-dir` and `--dts` that `generate` and `watch` both need, each
 * from its flag or else from `config` (its paths made relative to `cwd`, as if typed).
 *
 * @throws UsageError when neither gives the schema or the output directory.
 */
export function requiredSchemaFlags(
  values: SchemaOutputFlags,
  config: WesleyConfig | null,
  cwd: string,
  command: string,
): { readonly patterns: readonly string[]; readonly outDir: string; readonly dts: boolean } {
  const patterns = values.schema ?? configSchemaPatterns(config, cwd) ?? [];
  if (patterns.length === 0) throw new UsageError('missing --schema <file|glob>', command);
  const outDir = values['out-dir'] ?? (config === null ? undefined : configRelative(config, config.outDir, cwd));
  if (outDir === undefined || outDir === '') throw new UsageError('missing --out-dir <dir>', command);
  return { patterns, outDir, dts: values.dts === true || config?.dts === true };
}
