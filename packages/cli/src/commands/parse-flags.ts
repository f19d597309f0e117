import { parseArgs } from 'node:util';
import { UsageError } from '../usage-error.js';
import type { CommandOptions } from './command-option.js';

/** The parsed flag values for `options`, typed from their declarations. */
export type FlagValues<T extends CommandOptions> = ReturnType<
  typeof parseArgs<{ options: T; strict: true; allowPositionals: false }>
>['values'];

/**
 * A command's positional arguments by name (`name` for `wesley migrate rollback <name>`), in order;
 * each is required, except a last one that is `repeated`: any number of values, none included
 * (`wesley lint <file|dir>...`).
 */
export type CommandPositionals = readonly { readonly name: string; readonly description: string; readonly repeated?: boolean }[];

/**
 * `util.parseArgs` in strict mode, its errors (unknown flag, missing value) turned into a
 * {@link UsageError} for `command`. Positional arguments only where `positionals` declares them,
 * exactly as many (or more for a `repeated` last one): the values come in that order.
 */
export function parseFlags<const T extends CommandOptions>(
  command: string,
  args: readonly string[],
  options: T,
  positionals: CommandPositionals = [],
): { values: FlagValues<T>; positionals: readonly string[] } {
  let parsed;
  try {
    parsed = parseArgs({ args: [...args], options, strict: true, allowPositionals: positionals.length > 0 });
  } catch (error) {
    if (error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS')) {
      throw new UsageError(error.message, command);
    }
    throw error;
  }
  const values = parsed.values;
  const repeated = positionals.at(-1)?.repeated === true;
  const fits = repeated ? parsed.positionals.length >= positionals.length - 1 : parsed.positionals.length === positionals.length;
  // --help needs no argument.
  if ((values as { help?: unknown }).help !== true && !fits) {
    const expected = positionals.map((p) => `<${p.name}>`).join(' ');
    throw new UsageError(
      parsed.positionals.length < positionals.length
        ? `missing ${expected}`
        : `unexpected argument '${parsed.positionals[positionals.length] ?? ''}'${expected === '' ? '' : ` after ${expected}`}`,
      command,
    );
  }
  return { values, positionals: parsed.positionals };
}
