import type { Change } from './change.js';

/**
 * What kind of thing a change is about, as a sentence names it. A redefined key, unique, foreign
 * key or check and a renamed constraint are a `constraint`: the sentence names both definitions.
 */
export type ChangeScope =
  | 'enum'
  | 'enumLabel'
  | 'table'
  | 'column'
  | 'primaryKey'
  | 'unique'
  | 'foreignKey'
  | 'check'
  | 'constraint'
  | 'index'
  | 'rowSecurity'
  | 'policy'
  | 'privileges';

/** What a change is about, by PostgreSQL name: the one description every consumer of a change derives from. */
export interface ChangeSubject {
  readonly kind: 'changeSubject';
  readonly scope: ChangeScope;
  /** The enum type of an `enum` or `enumLabel` subject, `null` otherwise. */
  readonly enum: string | null;
  /** The table (its name in the target schema), `null` for an enum subject. */
  readonly table: string | null;
  /** The subject's own name: the enum, the label, the table, the column, the constraint or index (its new name when renamed). */
  readonly object: string;
  /**
   * The one column the subject is on: the column itself, or the only column of a key or index
   * (a wider one, a check or a table-wide change has none). Where a diagnostic points in the SDL.
   */
  readonly column: string | null;
  /** Which schema has the subject: `to` only (added), `from` only (dropped), or both (changed or renamed). */
  readonly existsIn: 'to' | 'from' | 'both';
  /**
   * Whether the change's statements can reach the partitions of a partitioned table (see
   * `withPartitionLocks`): index statements, `CREATE TABLE`, `RENAME TO` and the rename of a key
   * or foreign key do not; everything else on a table does.
   */
  readonly recursesToPartitions: boolean;
  /** The middle part of the change's step ids (`add-column:account.email`): `enum`, `enum.label`, `table` or `table.object`. */
  readonly target: string;
  /** The subject in a sentence: `column account.token`, `index account_email_idx on account`. */
  readonly noun: string;
}

/**
 * What `change` is about. Written once, as one exhaustive switch over the change kinds: a kind
 * added to `Change` without its entry here does not compile, and the step id, the SDL position
 * of a diagnostic, the drift wording and the partition locks all follow from this entry.
 */
export function describeChange(change: Change): ChangeSubject {
  switch (change.kind) {
    case 'createEnum':
      return enumSubject(change.enum.name, 'to');
    case 'dropEnum':
      return enumSubject(change.enum.name, 'from');
    case 'alterEnumValues':
      return enumSubject(change.to.name, 'both');
    case 'addEnumValue':
      return subject({ scope: 'enumLabel', enum: change.enum, table: null, object: change.value, column: null, existsIn: 'to' });
    case 'createTable':
      return tableSubject(change.table, 'to', false);
    case 'dropTable':
      return tableSubject(change.table, 'from', true);
    case 'renameTable':
      return tableSubject(change.table, 'both', false);
    case 'alterPartition':
      return tableSubject(change.table, 'both', true);
    case 'addColumn':
      return columnSubject(change.table, change.column.name, 'to');
    case 'dropColumn':
      return columnSubject(change.table, change.column.name, 'from');
    case 'renameColumn':
      return columnSubject(change.table, change.to, 'both');
    case 'setNotNull':
    case 'dropNotNull':
      return columnSubject(change.table, change.column, 'both');
    case 'alterColumnType':
    case 'alterDefault':
    case 'alterGenerated':
      return columnSubject(change.table, change.to.name, 'both');
    case 'alterDerived':
      // The subject is the derived column; its triggers are on the child table, which the
      // operation claims by name.
      return columnSubject(change.table, change.column, change.before === null ? 'to' : change.derived ? 'both' : 'from');
    case 'addPrimaryKey':
      return onTable(change.table, 'primaryKey', change.primaryKey.name, single(change.primaryKey.columns), 'to');
    case 'dropPrimaryKey':
      return onTable(change.table, 'primaryKey', change.primaryKey.name, single(change.primaryKey.columns), 'from');
    case 'addUnique':
      return onTable(change.table, 'unique', change.unique.name, single(change.unique.columns), 'to');
    case 'dropUnique':
      return onTable(change.table, 'unique', change.unique.name, single(change.unique.columns), 'from');
    case 'addForeignKey':
      return onTable(change.table, 'foreignKey', change.foreignKey.name, single(change.foreignKey.columns), 'to');
    case 'dropForeignKey':
      return onTable(change.table, 'foreignKey', change.foreignKey.name, single(change.foreignKey.columns), 'from');
    case 'addCheck':
      return onTable(change.table, 'check', change.check.name, null, 'to');
    case 'dropCheck':
      return onTable(change.table, 'check', change.check.name, null, 'from');
    case 'alterPrimaryKey':
    case 'alterUnique':
    case 'alterForeignKey':
      return onTable(change.table, 'constraint', change.to.name, single(change.to.columns), 'both');
    case 'alterCheck':
      return onTable(change.table, 'constraint', change.to.name, null, 'both');
    case 'renameConstraint':
      // Renaming a key or foreign key renames its index or the parent's row alone; a check's rename recurses.
      return onTable(change.table, 'constraint', change.to, null, 'both', change.constraint === 'check');
    case 'addIndex':
      return onTable(change.table, 'index', change.index.name, single(change.index.columns), 'to', false);
    case 'dropIndex':
      return onTable(change.table, 'index', change.index.name, single(change.index.columns), 'from', false);
    case 'replaceIndex':
      return onTable(change.table, 'index', change.to.name, single(change.to.columns), 'both', false);
    case 'renameIndex':
      return onTable(change.table, 'index', change.to, null, 'both', false);
    // Row-level security, policies and privileges are the named table's alone: none of their
    // statements locks or changes a partition (measured on 15 and 18, docs/locks.md).
    case 'setRowSecurity':
    case 'setForceRowSecurity':
      return onTable(change.table, 'rowSecurity', 'row_security', null, 'both', false);
    case 'createPolicy':
      return onTable(change.table, 'policy', change.policy.name, null, 'to', false);
    case 'dropPolicy':
      return onTable(change.table, 'policy', change.policy.name, null, 'from', false);
    case 'alterPolicy':
    case 'replacePolicy':
      return onTable(change.table, 'policy', change.to.name, null, 'both', false);
    case 'grantPrivileges':
      return onTable(change.table, 'privileges', change.role, null, 'to', false);
    case 'revokePrivileges':
      return onTable(change.table, 'privileges', change.role, null, 'from', false);
  }
}

type SubjectFields = Omit<ChangeSubject, 'kind' | 'target' | 'noun' | 'recursesToPartitions'> & {
  readonly recursesToPartitions?: boolean;
};

/** How a sentence names each scope; the name follows. */
const scopeWords: { readonly [S in ChangeScope]: string } = {
  enum: 'enum',
  enumLabel: 'enum label',
  table: 'table',
  column: 'column',
  primaryKey: 'primary key',
  unique: 'unique constraint',
  foreignKey: 'foreign key',
  check: 'check',
  constraint: 'constraint',
  index: 'index',
  rowSecurity: 'row-level security',
  policy: 'policy',
  privileges: 'privileges of',
};

function subject(fields: SubjectFields): ChangeSubject {
  const { scope, table, object } = fields;
  const owner = fields.enum ?? table ?? '';
  // An enum and a table are their own target; a label, a column, a constraint or an index is `owner.object`.
  const target = scope === 'enum' || scope === 'table' ? object : `${owner}.${object}`;
  const noun =
    scope === 'enum' || scope === 'table' || scope === 'enumLabel' || scope === 'column'
      ? target
      : scope === 'rowSecurity'
        ? `on ${owner}`
        : `${object} on ${owner}`;
  return {
    kind: 'changeSubject',
    recursesToPartitions: table !== null,
    ...fields,
    target,
    noun: `${scopeWords[scope]} ${noun}`,
  };
}

const enumSubject = (name: string, existsIn: ChangeSubject['existsIn']): ChangeSubject =>
  subject({ scope: 'enum', enum: name, table: null, object: name, column: null, existsIn });

const tableSubject = (table: string, existsIn: ChangeSubject['existsIn'], recursesToPartitions: boolean): ChangeSubject =>
  subject({ scope: 'table', enum: null, table, object: table, column: null, existsIn, recursesToPartitions });

const columnSubject = (table: string, column: string, existsIn: ChangeSubject['existsIn']): ChangeSubject =>
  subject({ scope: 'column', enum: null, table, object: column, column, existsIn });

const onTable = (
  table: string,
  scope: ChangeScope,
  object: string,
  column: string | null,
  existsIn: ChangeSubject['existsIn'],
  recursesToPartitions = true,
): ChangeSubject => subject({ scope, enum: null, table, object, column, existsIn, recursesToPartitions });

/** The one column of a constraint or index on a single column; a wider one has none. */
const single = (columns: readonly string[]): string | null => (columns.length === 1 ? (columns[0] ?? null) : null);
