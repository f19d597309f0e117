import { formatServerVersion } from '../../plan/format-server-version.js';
import type { CommandOptions } from '../command-option.js';
import { configOption } from '../config-option.js';
import { helpOption } from '../help-option.js';
import { defaultServerVersion } from '../plan/plan-options.js';

/** What `wesley lint` prints: `--format`'s values. */
export const lintFormats = ['text', 'json', 'sarif'] as const;

/** The flags of `wesley lint`. */
export const lintOptions = {
  ...configOption(
    'a wesley.config.json, .mjs or .ts: without a file or directory,\nits migrations directory; its serverVersion; its databases\n(see --database)',
  ),
  'server-version': {
    type: 'string',
    value: '<v>',
    description: `PostgreSQL the SQL will run on: 15, 15.4 or 150004 (default:\nthe config's serverVersion, else the database's, else ${formatServerVersion(defaultServerVersion)})`,
  },
  'database-url': {
    type: 'string',
    value: '<url>',
    description:
      "read the server version and each table's rows and partitions\nfrom this database (an index on an empty table blocks no one);\nnever started or written to",
  },
  'url-env': { type: 'string', value: '<name>', description: 'read that URL from this environment variable instead' },
  database: { type: 'string', value: '<name>', description: 'with --config: read the URL of this database of the config' },
  format: { type: 'string', value: '<text|json|sarif>', description: 'text (default), json, or sarif (SARIF 2.1.0, for code scanning)' },
  json: { type: 'boolean', description: 'print the findings as one JSON document (--format json)' },
  ...helpOption,
} as const satisfies CommandOptions;
