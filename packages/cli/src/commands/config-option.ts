import type { CommandOption } from './command-option.js';

/**
 * The `--config` flag that every command has; what it stands in for differs by command, so
 * each says so in `description`.
 */
export function configOption(description: string) {
  return { config: { type: 'string', short: 'c', value: '<file>', description } } as const satisfies Record<'config', CommandOption>;
}
