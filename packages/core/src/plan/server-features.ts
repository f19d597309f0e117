/**
 * What each PostgreSQL version lets the planner do without a long lock, by
 * `server_version_num`. The planner asks here instead of comparing numbers inline, so the
 * version facts live in one place.
 */
export const serverFeatures = {
  /** Oldest server Wesley plans for: PostgreSQL 11 (fast defaults, index partitioning). */
  minimum: 110000,
  /** `ADD COLUMN ... DEFAULT <non-volatile>` stores the default in the catalog: no rewrite. */
  instantDefault: 110000,
  /** `SET NOT NULL` skips its scan when a valid `CHECK (col IS NOT NULL)` proves it. */
  notNullFromCheck: 120000,
  /** `ALTER TYPE ... ADD VALUE` may run inside a transaction block. */
  enumValueInTransaction: 120000,
  /** `ALTER COLUMN ... DROP EXPRESSION` turns a generated column into a plain one. */
  dropExpression: 130000,
  /** A BEFORE ... FOR EACH ROW trigger on a partitioned table (cloned to its partitions). */
  partitionedRowTriggers: 130000,
  /** `CREATE OR REPLACE TRIGGER`: SHARE ROW EXCLUSIVE only, where dropping the trigger first takes ACCESS EXCLUSIVE (measured on 15 and 18). */
  createOrReplaceTrigger: 140000,
  /** `ALTER COLUMN ... SET EXPRESSION` changes a generated column's expression (rewrites). */
  setExpression: 170000,
  /** `ADD CONSTRAINT n NOT NULL col NOT VALID` + `VALIDATE`: NOT NULL without the CHECK dance. */
  notNullNotValid: 180000,
  /**
   * `ADD PRIMARY KEY` / `UNIQUE` on a partitioned table takes ACCESS EXCLUSIVE on every partition
   * too, not only SHARE for the index build (measured: 15, 16, 17 SHARE only; 18 both).
   */
  keyLocksPartitions: 180000,
  /** `ADD FOREIGN KEY ... NOT VALID` on a partitioned table (15-17 refuse it; measured). */
  partitionedNotValidForeignKey: 180000,
} as const;

export type ServerFeature = Exclude<keyof typeof serverFeatures, 'minimum'>;

export function supports(serverVersion: number, feature: ServerFeature): boolean {
  return serverVersion >= serverFeatures[feature];
}

/**
 * The `server_version_num` values a plan made for one version is right for: `[minimum, below)`,
 * `below` `null` when no newer version is known to differ.
 */
export interface ServerVersionRange {
  readonly minimum: number;
  readonly below: number | null;
}

/**
 * The interval of `server_version_num` around `serverVersion` on which every feature of
 * `serverFeatures` answers as it does on `serverVersion`: the planner picks its patterns and lock
 * claims by these answers alone, so its plan holds on that interval and on no version outside it
 * (planned for 15: from 14, which brought the last feature 15 has, to 17, which brings the next).
 */
export function serverVersionRange(serverVersion: number): ServerVersionRange {
  const thresholds = Object.values(serverFeatures);
  const minimum = Math.max(serverFeatures.minimum, ...thresholds.filter((version) => version <= serverVersion));
  const newer = thresholds.filter((version) => version > serverVersion);
  return { minimum, below: newer.length === 0 ? null : Math.min(...newer) };
}
