/** One thing wrong with a config file: where (a field path such as `databases[1].urlEnv`) and what. */
export interface ConfigIssue {
  /** The field, as `outDir` or `databases[1].urlEnv`; `null` for the file as a whole. */
  readonly path: string | null;
  readonly message: string;
}

/**
 * A Wesley config file that cannot be used: unreadable, not valid JSON or JavaScript, no default
 * export, or fields of the wrong shape. The message names the file and, for each issue, the
 * path of the bad field: `libs/db/wesley.config.json: databases[1].urlEnv: ...`.
 */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';

  constructor(
    /** The config file as shown to the user (relative to the working directory when inside it). */
    readonly file: string,
    readonly issues: readonly ConfigIssue[],
    /** What to do about it. */
    readonly help: string,
  ) {
    super(issues.map((issue) => `${file}: ${issue.path === null ? '' : `${issue.path}: `}${issue.message}`).join('\n'));
  }
}
