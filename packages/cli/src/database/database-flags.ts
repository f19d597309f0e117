/** The flags of every command that works on a database (`migrate`, `status`, `drift`). */
export const databaseFlags = {
  'database-url': { type: 'string' },
  'url-env': { type: 'string' },
  database: { type: 'string' },
  'project-root': { type: 'string' },
} as const;

/** Their lines in a command's `--help`. */
export const databaseFlagsHelp = `      --database-url <url>     the database (default: the URL in DATABASE_URL, else the
                               project's embedded PostgreSQL, see --project-root)
      --url-env <name>         read the URL from this environment variable instead of
                               DATABASE_URL (or the config's urlEnv)
      --database <name>        with --config: which of the config's databases
      --project-root <dir>     where the embedded PostgreSQL keeps its data, in
                               .wesley/pg/<major> (default: the config's directory, else
                               the current directory); used without a database URL`;
