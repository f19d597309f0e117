import type { CommandOptions } from './command-option.js';

/** What `wesley <name> --help` prints, in its order. */
export interface CommandHelp {
  /** The usage lines, each a whole command line (`wesley generate --config <file>`). */
  readonly usage: readonly string[];
  /** What the command does: the paragraphs between the usage and the options. */
  readonly description: string;
  readonly options: CommandOptions;
  /** The column the flags' descriptions start at. */
  readonly column: number;
  /** The lines after the options: exit codes, how to stop. */
  readonly footer: string;
}

/**
 * The text of `wesley <name> --help`: usage, description, one line per flag (`-s, --schema
 * <file|glob>` then its description at `column`; a flag too long for that column gets its
 * description on the next line), then the footer.
 */
export function formatCommandHelp(help: CommandHelp): string {
  const indent = ' '.repeat(help.column);
  const options = Object.entries(help.options).map(([name, option]) => {
    const label = `  ${option.short === undefined ? '    ' : `-${option.short}, `}--${name}${option.value === undefined ? '' : ` ${option.value}`}`;
    const [first = '', ...rest] = option.description.split('\n');
    const head = label.length + 2 > help.column ? `${label}\n${indent}${first}` : `${label.padEnd(help.column)}${first}`;
    return [head, ...rest.map((line) => `${indent}${line}`)].join('\n');
  });
  return `Usage: ${help.usage.join('\n       ')}\n\n${help.description}\n\nOptions:\n${options.join('\n')}\n\n${help.footer}\n`;
}
