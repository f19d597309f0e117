/** The options every database executor (`migrate`, `drift`, `status`) has. */
export interface DatabaseExecutorOptions {
  /** The config file, relative to the workspace root (default: the project's `wesley.config.*`). */
  readonly configFile?: string;
  /** Which of the config's databases; without it, every database of the config. */
  readonly database?: string;
  /**
   * The environment variable holding the database URL, instead of the config's `urlEnv`
   * (`DATABASE_URL` by default): how an Nx configuration picks an environment, e.g.
   * `configurations.production.urlEnv = "PROD_DATABASE_URL"`. The URL itself never appears in
   * the project configuration.
   */
  readonly urlEnv?: string;
  /**
   * Fail when the variable is not set, instead of using the project's embedded PostgreSQL: for
   * configurations that must never fall back to a local database (production).
   */
  readonly requireUrl?: boolean;
}
