/** The flags of every command that works on a database (`migrate`, `status`, `drift`). */
export const databaseFlags = {
  'database-url': { type: 'string' },
  'project-root': { type: 'string' },
} as const;

/** Their lines in a command's `--help`. */
export const databaseFlagsHelp = `      --database-url <url>   the database (default: DATABASE_URL, else the project's
                             embedded PostgreSQL, see --project-root)
      --project-root <dir>   where the embedded PostgreSQL keeps its data, in .wesley/pg/<major>
                             (default: the current directory); used without a database URL`;
