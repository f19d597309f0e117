import os from 'node:os';
import { readdir } from 'node:fs/promises';
import type { Connection } from '../connect/connect.js';
import { releaseAll } from '../errors/release-all.js';
import { ensureLedger, readMigrations, recordStep, setMigrationStatus, type LedgerStatus } from './ledger.js';
import { inLockedTransaction } from './locked-transaction.js';
import { listMigrationFiles } from './migration-files.js';
import { acquireMigrationLock, type MigrationLockOptions } from './migration-lock.js';
import { readPlanFile } from './read-plan-file.js';
import { MigrationStateError } from './rollback-errors.js';
import { CatalogContradictsError } from './catalog-contradicts-error.js';

export interface ResolveOptions {
  readonly url: string;
  readonly directory: string;
  readonly migration: string;
  /** The state fixed by hand: the migration is applied, or undone. */
  readonly as: 'applied' | 'rolled-back';
  /**
   * Compares the database with the schema the migration leaves (`applied`) or starts from
   * (`rolled-back`) and returns the differences (none when it agrees), or `null` when that schema
   * is not known (a SQL migration records none). Runs on the session holding the migration lock,
   * outside a transaction. The caller supplies it: the comparison loads the compiler.
   */
  readonly check: (session: Connection, as: 'applied' | 'rolled-back') => Promise<readonly string[] | null>;
  readonly lock?: MigrationLockOptions;
  /** Who is recorded (default `<os user>@<host>`). */
  readonly resolvedBy?: string;
}

export interface ResolveResult {
  /** The ledger's status before, `null` for a migration it did not know. */
  readonly previous: LedgerStatus | null;
  /** `false` when the catalog could not be checked (`check` returned `null`). */
  readonly checked: boolean;
}

/**
 * Records the state of a migration fixed by hand (`wesley migrate resolve`, as Prisma's `migrate
 * resolve`): `applied` (every step of a plan recorded applied, so a later rollback undoes them
 * all) or `rolled-back` (every step recorded rolled back; the file may then be replaced, and
 * `migrate` runs it afresh). Under the migration lock; refused when the catalog contradicts the
 * state (WES183, the differences named), when the migration is not in the directory (`applied`)
 * or the ledger does not know it (`rolled-back`) (WES182). The ledger row names who resolved it.
 */
export async function resolveMigration(options: ResolveOptions): Promise<ResolveResult> {
  const name = options.migration;
  const file = (await listMigrationFiles(options.directory)).find((candidate) => candidate.name === name);
  const lock = await acquireMigrationLock(options.url, options.lock ?? {});
  let failed: { error: unknown } | null = null;
  try {
    const session = lock.session;
    await ensureLedger(session);
    const entry = (await readMigrations(session)).get(name);
    if (file === undefined && (options.as === 'applied' || entry === undefined)) {
      const known = (await readdir(options.directory).catch(() => [])).length > 0;
      throw new MigrationStateError(
        name,
        `migration ${name} is not in the migrations directory${entry === undefined ? ' nor in the ledger' : ''}`,
        known ? 'give the name of a migration (wesley status lists them)' : 'is this the right migrations directory?',
      );
    }
    if (options.as === 'rolled-back' && entry === undefined) {
      throw new MigrationStateError(
        name,
        `migration ${name} has not run on this database: there is nothing to record as rolled back`,
        'wesley status shows what has run',
      );
    }
    const differences = await options.check(session, options.as);
    if (differences !== null && differences.length > 0) throw new CatalogContradictsError(name, options.as, differences);
    const plan = file?.kind === 'plan' ? await readPlanFile(file.path) : null;
    const resolvedBy = options.resolvedBy ?? `${os.userInfo().username}@${os.hostname()}`;
    const record = {
      name,
      checksum: file?.checksum ?? entry?.checksum ?? '',
      kind: file?.kind ?? entry?.kind ?? 'sql',
      appliedBy: resolvedBy,
    };
    await inLockedTransaction(lock, name, null, async () => {
      if (options.as === 'applied') for (const step of plan?.steps ?? []) await recordStep(session, name, step.id, 'applied');
      else
        await session.query(`UPDATE wesley.steps SET status = 'rolled-back', finished_at = clock_timestamp() WHERE migration = $1`, [name]);
      if (options.as === 'applied' && entry !== undefined) {
        // The file as it is now is what was applied: later runs compare with this checksum.
        await session.query('UPDATE wesley.migrations SET checksum = $2 WHERE name = $1', [name, record.checksum]);
      }
      await setMigrationStatus(session, record, options.as, resolvedBy);
    });
    return { previous: entry?.status ?? null, checked: differences !== null };
  } catch (error) {
    failed = { error };
    throw error;
  } finally {
    await releaseAll([{ during: 'releasing the migration lock', run: () => lock.release() }], failed, () => undefined);
  }
}
