/**
 * WES183: `wesley migrate resolve` refused: the database's catalog is not the schema the
 * migration leaves (`--applied`) or starts from (`--rolled-back`). Each difference is named.
 */
export class CatalogContradictsError extends Error {
  readonly code = 'WES183';
  override readonly name = 'CatalogContradictsError';
  readonly migration: string;
  readonly differences: readonly string[];
  readonly help: string;

  constructor(migration: string, as: 'applied' | 'rolled-back', differences: readonly string[]) {
    const shown = differences.slice(0, 20).map((difference) => `\n  ${difference}`);
    const more = differences.length > shown.length ? `\n  ... and ${differences.length - shown.length} more` : '';
    super(
      `migration ${migration} cannot be recorded as ${as}: the database is not the schema it ${as === 'applied' ? 'leads to' : 'starts from'} (${differences.length} ${differences.length === 1 ? 'difference' : 'differences'}):${shown.join('')}${more}`,
    );
    this.migration = migration;
    this.differences = differences;
    this.help =
      as === 'applied'
        ? `finish the change by hand, or continue it with 'wesley migrate' or undo it with 'wesley migrate rollback ${migration}'`
        : `undo the rest by hand, or with 'wesley migrate rollback ${migration}'`;
  }
}
