import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from '../usage-error.js';

type Options = NonNullable<ParseArgsConfig['options']>;

/** The parsed flag values for `options`, typed from their declarations. */
export type FlagValues<T extends Options> = ReturnType<typeof parseArgs<{ options: T; strict: true; allowPositionals: false }>>['values'];

/**
 * `util.parseArgs` in strict mode without positionals, its errors (unknown flag, missing value)
 * turned into a {@link UsageError} for `command`.
 */
export function parseFlags<const T extends Options>(command: string, args: readonly string[], options: T): FlagValues<T> {
  try {
    return parseArgs({ args: [...args], options, strict: true, allowPositionals: false }).values;
  } catch (error) {
    if (error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS')) {
      throw new UsageError(error.message, command);
    }
    throw error;
  }
}

/**
 * {@link parseFlags} for a command whose flags include `--help`: `null` once the command's help
 * has been printed (the command then exits 0), else the flag values.
 */
export function parseCommandFlags<const T extends Options>(
  command: string,
  help: string,
  args: readonly string[],
  options: T,
  stdout: { write(text: string): unknown },
): FlagValues<T> | null {
  const values = parseFlags(command, args, options);
  if ((values as { help?: unknown }).help !== true) return values;
  stdout.write(help);
  return null;
}
