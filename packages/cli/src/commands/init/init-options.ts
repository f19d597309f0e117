import type { CommandOptions } from '../command-option.js';
import { helpOption } from '../help-option.js';

/** The flags of `wesley init`. */
export const initOptions = {
  schema: {
    type: 'string',
    short: 's',
    value: '<file>',
    description: 'the schema file: adopted when it exists, else a starter\nschema is written there (default schema.graphql)',
  },
  ...helpOption,
} as const satisfies CommandOptions;
