/**
 * The order of steps inside a phase (lower runs first). The order is what makes a plan apply
 * at all, so each rank says what it must come after:
 *
 * - the triggers of derived columns whose functions use a name the plan renames go first of
 *   all, before the renames would make every write of the child fail;
 * - renames first: every later statement uses the new names;
 * - enum types and labels before the tables and columns that use them;
 * - NOT NULL, checks (and keys a fill would break) that v2 drops go early in `expand`, before
 *   any fill writes a row, foreign keys before the keys they reference;
 * - tables before columns, columns before the indexes and constraints on them; privileges on
 *   a table right after it exists; policies after every column and table their expressions may
 *   use;
 * - row-level security is enabled or forced in `contract`, after every policy exists (never a
 *   moment with it on and the policies missing); policies and privileges that go are dropped
 *   after that and before the columns and tables their expressions use; so are the triggers of
 *   derived columns, before the column, its table or the child table goes;
 * - unique indexes are built, then attached as constraints, before the foreign keys that
 *   reference them; a primary key attaches after NOT NULL is proven on its columns (`validate`);
 *   a partitioned table's foreign key is added to the parent after each partition's is validated;
 * - a derived column's triggers after its column, its child table and the renames (their
 *   functions use the new names);
 * - in `contract`, foreign keys are dropped before the keys they reference; tables before the
 *   keys and columns their own foreign keys reference (dropping a table drops those keys); the
 *   constraints, indexes and (generated) columns v2 no longer has before a shadow-column swap,
 *   whose DROP COLUMN of the old column fails while they still use it; enum types last.
 */
export const stepRank = {
  dropTriggersBeforeRenames: 5,
  renameTable: 10,
  renameColumn: 11,
  renameConstraint: 12,
  createEnum: 20,
  addEnumValue: 21,
  relaxColumn: 25,
  relaxForeignKey: 26,
  relaxConstraint: 27,
  createTable: 30,
  grantPrivileges: 31,
  addColumn: 40,
  alterColumn: 45,
  createTriggers: 46,
  buildIndex: 50,
  attachIndex: 55,
  addForeignKey: 60,
  addCheck: 65,
  addPolicy: 67,
  backfill: 70,
  validate: 80,
  attachForeignKey: 82,
  setNotNull: 85,
  attachPrimaryKey: 87,
  enableRowSecurity: 88,
  dropPolicy: 89,
  dropTriggers: 89,
  dropForeignKey: 90,
  dropTable: 91,
  dropConstraint: 92,
  dropIndex: 93,
  dropColumn: 95,
  swapColumn: 96,
  dropEnum: 99,
} as const;

export type StepRank = (typeof stepRank)[keyof typeof stepRank];
