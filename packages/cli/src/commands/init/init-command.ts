import { defineCommand } from '../define-command.js';
import { initOptions } from './init-options.js';

/** `wesley init`: a Wesley project in the current directory. */
export const initCommand = defineCommand({
  name: 'init',
  summary: 'start a Wesley project here: config, schema, migrations/, .gitignore',
  usage: ['wesley init [--schema <file>]'],
  description: `Makes the current directory a Wesley project, its root:
  wesley.config.json   the config every command finds from here or any directory below
  schema.graphql       a starter schema of one table, unless the file exists: then it is adopted
  migrations/          where wesley plan --name writes the numbered migrations
  .gitignore           .wesley ignored (the embedded PostgreSQL's data, plans), once
Refuses, changing nothing, when a file it would write is there (a config, a migrations
file), and prints the commands to run next.`,
  options: initOptions,
  column: 24,
  footer: 'Exit codes: 0 done, 1 a file cannot be written, 2 wrong command line or a file in the way (WES370).',
  load: async () => (await import('./run-init.js')).runInit,
});
