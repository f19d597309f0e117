import type { LedgerMigration } from './ledger.js';
import type { MigrationFile } from './migration-files.js';

const list = (names: readonly string[]) => names.join(', ');

/**
 * WES150: migrations the ledger shows applied (or partly applied) whose files are gone from the
 * directory. Refused unless allowed (`allowMissing`, `--allow-missing`): a file deleted by
 * mistake, or a directory of another project, is more likely than a deliberate removal.
 */
export class MissingMigrationError extends Error {
  readonly code = 'WES150';
  override readonly name = 'MissingMigrationError';
  readonly migrations: readonly string[];
  readonly help: string;

  constructor(missing: readonly LedgerMigration[]) {
    const names = missing.map((entry) => entry.name);
    super(
      `${names.length === 1 ? 'migration' : 'migrations'} ${list(names)} ${names.length === 1 ? 'was' : 'were'} applied to this database but ${names.length === 1 ? 'is' : 'are'} not in the migrations directory`,
    );
    this.migrations = names;
    this.help =
      'put the files back (is this the right directory and database?), or run with --allow-missing if they were removed on purpose';
  }
}

/**
 * WES151: pending migrations that sort before one the ledger has already run. Refused unless
 * allowed (`allowOutOfOrder`, `--allow-out-of-order`): a migration written against an older
 * schema may not do what it meant on the newer one (a branch merged late).
 */
export class OutOfOrderMigrationError extends Error {
  readonly code = 'WES151';
  override readonly name = 'OutOfOrderMigrationError';
  readonly migrations: readonly string[];
  readonly help: string;

  constructor(files: readonly MigrationFile[], last: string) {
    const names = files.map((file) => file.name);
    super(
      `${list(names)} ${names.length === 1 ? 'is' : 'are'} pending but sort${names.length === 1 ? 's' : ''} before ${last}, which this database has already run: ${names.length === 1 ? 'it' : 'they'} would run out of order`,
    );
    this.migrations = names;
    this.help = `rename ${names.length === 1 ? 'it' : 'them'} to sort after ${last}, or run with --allow-out-of-order if the order does not matter`;
  }
}

/**
 * WES152: a pending file whose checksum is that of a migration the ledger has run and whose file
 * is gone: the same migration renamed. Running it would apply it a second time, so it is refused
 * whatever is allowed.
 */
export class RenamedMigrationError extends Error {
  readonly code = 'WES152';
  override readonly name = 'RenamedMigrationError';
  readonly migrations: readonly string[];
  readonly help: string;

  constructor(renamed: readonly { readonly file: MigrationFile; readonly from: LedgerMigration }[]) {
    const [first] = renamed;
    super(
      renamed
        .map(
          ({ file, from }) =>
            `${file.name} is ${from.name} renamed (the same ${from.checksum.slice(0, 19)}…), which this database has already run`,
        )
        .join('; ') + `: running ${renamed.length === 1 ? 'it' : 'them'} would apply ${renamed.length === 1 ? 'it' : 'them'} twice`,
    );
    this.migrations = renamed.map(({ file }) => file.name);
    this.help =
      first === undefined
        ? ''
        : `rename ${first.file.name} back to ${first.from.name}${renamed.length > 1 ? ' (and the others likewise)' : ''}; a change that must run again goes in a new migration`;
  }
}
