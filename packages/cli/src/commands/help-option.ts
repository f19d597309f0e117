import type { CommandOption } from './command-option.js';

/** `-h, --help`, the last flag of every command. */
export const helpOption = {
  help: { type: 'boolean', short: 'h', description: 'show this help' },
} as const satisfies Record<'help', CommandOption>;
