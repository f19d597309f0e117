import type { MigrationWindow } from './migration-window.js';

/** One database a schema is migrated into. */
export interface DatabaseConfig {
  /** Its name in target names (`migrate-<name>`) and messages. */
  readonly name: string;
  /** The environment variable that holds its URL; the URL itself is never in the config. */
  readonly urlEnv: string;
  /** The PostgreSQL major version it runs (its own `serverVersion`, else the config's), or `null` when the config names none. */
  readonly serverVersion: number | null;
}

/** A loaded `wesley.config.*`, defaults applied. Paths are as written: relative to `directory`. */
export interface WesleyConfig {
  /** The config file, absolute. */
  readonly file: string;
  /** Its directory, absolute: what every path of the config is relative to. */
  readonly directory: string;
  /** Schema files and globs (at least one). */
  readonly schema: readonly string[];
  /** Where `generate` writes (default `generated`). */
  readonly outDir: string;
  /** The migrations directory (default `migrations`). */
  readonly migrations: string;
  /** Whether `generate` also writes the `.d.graphql.ts` declaration beside the one schema file. */
  readonly dts: boolean;
  /**
   * The databases, at least one. Without `databases` in the file: one named `default` read from
   * `DATABASE_URL`. A listed database without `urlEnv` reads `DATABASE_URL` when it is the only
   * one, else `<NAME>_DATABASE_URL` (`eu-west` -> `EU_WEST_DATABASE_URL`).
   */
  readonly databases: readonly DatabaseConfig[];
  /** The migration advisory lock's name, or `null` for the migrator's default. */
  readonly lockName: string | null;
  /** `usageWindow` in milliseconds: `migrate`'s usage gate, and `usage`'s default window; `null` when absent. */
  readonly usageWindowMs: number | null;
  /** `windows`: when `migrate` may run backfill, validate and contract steps; empty (any time) when absent. */
  readonly windows: readonly MigrationWindow[];
  /** `maxReplicaLagMs`: the replay lag past which backfill batches pause, or `null` for no limit. */
  readonly maxReplicaLagMs: number | null;
  /** `heartbeat`: where to read replica lag as a heartbeat's age (the replica's URL variable, the table and column), or `null`. */
  readonly heartbeat: { readonly urlEnv: string; readonly table: string; readonly column: string } | null;
  /** `maxActiveSessions`: the running queries past which backfill batches pause, or `null` for no limit. */
  readonly maxActiveSessions: number | null;
  /** `batchTargetMs`, `batchMinRows`, `batchMaxRows`: how backfill batches are sized; `null` for the migrator's default. */
  readonly batchTargetMs: number | null;
  readonly batchMinRows: number | null;
  readonly batchMaxRows: number | null;
  /** Custom scalars and their PostgreSQL types, as the compiler takes them (empty by default). */
  readonly scalars: Readonly<Record<string, string>>;
  /** `rls`: the session settings row-level security policies compare with, as written (the compiler's defaults for what is absent). */
  readonly rls: { readonly tenantSetting?: string | undefined; readonly userSetting?: string | undefined };
}
