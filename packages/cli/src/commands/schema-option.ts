import type { CommandOption } from './command-option.js';

/** `-s, --schema <file|glob>`, repeatable, of the commands that compile the schema; required or not, as `description` says. */
export function schemaOption(description: string) {
  return {
    schema: { type: 'string', short: 's', multiple: true, value: '<file|glob>', description },
  } as const satisfies Record<'schema', CommandOption>;
}
