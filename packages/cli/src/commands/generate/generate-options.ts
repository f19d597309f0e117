import type { CommandOptions } from '../command-option.js';
import { configOption } from '../config-option.js';
import { helpOption } from '../help-option.js';
import { schemaOption } from '../schema-option.js';

/** The flags of `wesley generate`. */
export const generateOptions = {
  ...schemaOption('schema file or glob; repeat for several (required)'),
  'out-dir': { type: 'string', short: 'o', value: '<dir>', description: 'output directory, created if needed (required)' },
  ...configOption('a wesley.config.json, .mjs or .ts: its schema, outDir and dts\nstand in for the flags not given'),
  dts: {
    type: 'boolean',
    description:
      'also write <name>.d.graphql.ts beside the (single) schema file: the\n' +
      "types of `import ... from './schema.graphql'` for tsc and editors\n" +
      '(allowArbitraryExtensions), as @wesley/unplugin writes them',
  },
  check: { type: 'boolean', description: 'write nothing; exit 1 and list the files that are stale or missing' },
  strict: { type: 'boolean', description: 'treat warnings as errors' },
  ...helpOption,
} as const satisfies CommandOptions;
