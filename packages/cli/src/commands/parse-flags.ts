import { parseArgs } from 'node:util';
import { UsageError } from '../usage-error.js';
import type { CommandOptions } from './command-option.js';

/** The parsed flag values for `options`, typed from their declarations. */
export type FlagValues<T extends CommandOptions> = ReturnType<
  typeof parseArgs<{ options: T; strict: true; allowPositionals: false }>
>['values'];

/**
 * `util.parseArgs` in strict mode without positionals, its errors (unknown flag, missing value)
 * turned into a {@link UsageError} for `command`.
 */
export function parseFlags<const T extends CommandOptions>(command: string, args: readonly string[], options: T): FlagValues<T> {
  try {
    return parseArgs({ args: [...args], options, strict: true, allowPositionals: false }).values;
  } catch (error) {
    if (error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS')) {
      throw new UsageError(error.message, command);
    }
    throw error;
  }
}
