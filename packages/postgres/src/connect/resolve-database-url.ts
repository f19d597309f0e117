/** Where a database URL came from, strongest first. */
export type DatabaseUrlSource = 'option' | 'config' | 'env';

export interface DatabaseUrlInputs {
  /** An explicit URL (a `--database-url` flag, an API argument). */
  readonly url?: string | undefined;
  /** The value from the Wesley config file. */
  readonly configUrl?: string | undefined;
  /** The environment to read `DATABASE_URL` from; defaults to `process.env`. */
  readonly env?: Readonly<Record<string, string | undefined>>;
}

export interface ResolvedDatabaseUrl {
  readonly url: string;
  readonly source: DatabaseUrlSource;
}

/**
 * Picks the database URL: explicit `url`, else the config value, else `DATABASE_URL`. Empty or
 * blank values count as unset. `null` means none was given: the caller starts an embedded server.
 */
export function resolveDatabaseUrl(inputs: DatabaseUrlInputs = {}): ResolvedDatabaseUrl | null {
  const env = inputs.env ?? process.env;
  const candidates: ReadonlyArray<readonly [string | undefined, DatabaseUrlSource]> = [
    [inputs.url, 'option'],
    [inputs.configUrl, 'config'],
    [env['DATABASE_URL'], 'env'],
  ];
  for (const [value, source] of candidates) {
    const url = value?.trim();
    if (url) return { url, source };
  }
  return null;
}
