import type { CommandOptions } from './command-option.js';

/** The flags of every command that works on a database (`migrate`, `status`, `drift`). */
export const databaseOptions = {
  'database-url': {
    type: 'string',
    value: '<url>',
    description: "the database (default: the URL in DATABASE_URL, else the\nproject's embedded PostgreSQL, see --project-root)",
  },
  'url-env': {
    type: 'string',
    value: '<name>',
    description: "read the URL from this environment variable instead of\nDATABASE_URL (or the config's urlEnv)",
  },
  database: { type: 'string', value: '<name>', description: "with --config: which of the config's databases" },
  'project-root': {
    type: 'string',
    value: '<dir>',
    description:
      "where the embedded PostgreSQL keeps its data, in\n.wesley/pg/<major> (default: the config's directory, else\nthe current directory); used without a database URL",
  },
} as const satisfies CommandOptions;
