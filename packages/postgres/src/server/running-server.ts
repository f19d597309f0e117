import type { BinariesOrigin } from './postgres-binaries.js';

/** A PostgreSQL server listening on 127.0.0.1, with a superuser URL (it holds the password). */
export interface RunningServer {
  /** `postgres://postgres:<password>@127.0.0.1:<port>/postgres`. */
  readonly url: string;
  readonly port: number;
  readonly dataDir: string;
  readonly origin: BinariesOrigin;
  /** `18.4`. */
  readonly version: string;
  readonly major: number;
  /**
   * `true` when a server (left by an earlier process) was already running on `dataDir` and is
   * being used as is; `stop()` then leaves it running, since this process did not start it.
   */
  readonly reused: boolean;
  /** `true` when this call initialised the data directory (initdb): a new, empty cluster. */
  readonly created: boolean;
  /** Fast shutdown (`SIGINT`), escalating if the server does not exit in time; idempotent. */
  stop(): Promise<void>;
}
