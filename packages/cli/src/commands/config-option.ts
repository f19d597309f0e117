import type { CommandOption } from './command-option.js';

/**
 * The `--config` flag that every command has; what it stands in for differs by command, so
 * each says so in `description`. Every command finds a config without the flag (`commandConfig`),
 * which the help says once, here.
 */
export function configOption(description: string) {
  return {
    config: {
      type: 'string',
      short: 'c',
      value: '<file>',
      description: `${description}\n(default: the nearest wesley.config.* here or above)`,
    },
  } as const satisfies Record<'config', CommandOption>;
}
