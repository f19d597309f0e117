/** One PostgreSQL server the tests of this run use (a JSON value: it crosses from globalSetup to workers). */
export interface TestServer {
  /** `pg18-embedded`, `pg15-system`, `pg16-DATABASE_URL`: for test titles. */
  readonly label: string;
  readonly major: number;
  /** Superuser URL of the server's maintenance database. */
  readonly url: string;
}

/** The key under which globalSetup provides the servers to test files. */
export const testServersKey = 'wesleyPostgresServers';

declare module 'vitest' {
  export interface ProvidedContext {
    wesleyPostgresServers: readonly TestServer[];
  }
}
