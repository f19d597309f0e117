import { defineCommand } from '../define-command.js';
import { lintOptions } from './lint-options.js';

/** `wesley lint`: what each statement of hand-written SQL migrations locks, and what that blocks. */
export const lintCommand = defineCommand({
  name: 'lint',
  summary: 'report the statements of SQL migrations that block reads or writes',
  usage: [
    'wesley lint <file|dir>... [--server-version <v>] [--database-url <url>] [--format <text|json|sarif>]',
    'wesley lint --config <file>',
  ],
  positionals: [{ name: 'file|dir', description: 'SQL files, or directories of migrations', repeated: true }],
  description: `Reads each SQL file (a directory: its .sql migrations in the order migrate runs them,
planned ones left out: their plan.json says what each step locks) as psql would split it,
parses every statement with PostgreSQL's own parser, and reports each that takes a lock
blocking reads or writes on a table that exists before the file runs, with the lock,
what waits, and the safe rewrite. docs/rules.md has a section per rule.
A hazard is approved by a comment on the line above the statement, kept in review:
  -- wesley:allow-blocking <why the wait is acceptable>
An approved hazard is a warning; 'wesley migrate' refuses a file with any other.
Without a database, every table the file does not create is taken to hold rows.`,
  options: lintOptions,
  column: 31,
  footer:
    'Exit codes: 0 no errors (warnings allowed), 1 an unapproved hazard or a statement that does not\nparse, or the database cannot be read, 2 wrong command line (a path that does not exist).',
  load: async () => (await import('./run-lint.js')).runLint,
});
