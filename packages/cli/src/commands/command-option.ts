/**
 * One flag of a `wesley` command, declared once: `util.parseArgs` reads `type`, `short` and
 * `multiple`; `--help` prints `value` and `description`; the Nx executors' `schema.json` are
 * checked against it (packages/nx/test/executor-schemas.test.ts).
 */
export interface CommandOption {
  readonly type: 'string' | 'boolean';
  /** The one-letter alias: `s` for `-s`. */
  readonly short?: string;
  /** Repeatable; the values come as a list. */
  readonly multiple?: boolean;
  /** The value's placeholder in `--help` (`<file|glob>`), for a string flag. */
  readonly value?: string;
  /**
   * The flag's text in `--help`, its lines broken where they are to be broken (each further
   * line is indented to the command's description column).
   */
  readonly description: string;
}

/** A command's flags by long name (`'out-dir'`), in the order `--help` lists them. */
export type CommandOptions = Readonly<Record<string, CommandOption>>;
