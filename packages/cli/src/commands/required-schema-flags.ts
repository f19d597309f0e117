import { UsageError } from '../usage-error.js';

/** The `--schema` patterns and `--out-dir` that `generate` and `watch` both require. */
export function requiredSchemaFlags(
  values: { readonly schema?: readonly string[] | undefined; readonly 'out-dir'?: string | undefined },
  command: string,
): { readonly patterns: readonly string[]; readonly outDir: string } {
  const patterns = values.schema ?? [];
  if (patterns.length === 0) throw new UsageError('missing --schema <file|glob>', command);
  const outDir = values['out-dir'];
  if (outDir === undefined || outDir === '') throw new UsageError('missing --out-dir <dir>', command);
  return { patterns, outDir };
}
