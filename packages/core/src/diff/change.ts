import type {
  CheckIR,
  ColumnIR,
  EnumIR,
  ForeignKeyIR,
  IndexIR,
  PartitionIR,
  PolicyIR,
  PrimaryKeyIR,
  TableIR,
  TablePrivilege,
  UniqueIR,
} from '../ir/types.js';

/**
 * How risky a change is, judged twice: for the application code that is running while the
 * migration runs (`app`), and for the data already stored (`data`).
 *
 * - `safe`: nothing that worked before stops working; nothing stored is lost.
 * - `dangerous`: works, but can fail on existing data (a new NOT NULL, CHECK, UNIQUE or FK may
 *   find rows that break it) or changes behaviour (a dropped default, a looser constraint).
 * - `breaking`: running code that uses the old shape fails (a renamed or dropped column), or
 *   stored data is lost (a dropped table or column, a narrowing type change).
 */
export type Risk = 'safe' | 'dangerous' | 'breaking';

export interface Impact {
  readonly app: Risk;
  readonly data: Risk;
  /** One sentence saying why, for explain output and diagnostics. */
  readonly reason: string;
  /**
   * Set when the change can lock rows out of a running application (row-level security
   * enabled or forced, a restrictive or redefined policy, a dropped permissive one, a revoked
   * privilege): who loses what, for explain and the plan's text.
   */
  readonly lockout?: string;
}

interface ChangeBase {
  readonly impact: Impact;
}

/** A table-scoped change names the table by its name in the target schema. */
interface TableChangeBase extends ChangeBase {
  readonly table: string;
}

export interface CreateEnumChange extends ChangeBase {
  readonly kind: 'createEnum';
  readonly enum: EnumIR;
}
export interface DropEnumChange extends ChangeBase {
  readonly kind: 'dropEnum';
  readonly enum: EnumIR;
}
/**
 * Labels removed or reordered: PostgreSQL has no statement for either, so the planner refuses
 * it with a diagnostic (the way out is a new type and a column type change).
 */
export interface AlterEnumValuesChange extends ChangeBase {
  readonly kind: 'alterEnumValues';
  readonly from: EnumIR;
  readonly to: EnumIR;
}
/** A label added to an existing enum, placed before `before` (or last when `null`). */
export interface AddEnumValueChange extends ChangeBase {
  readonly kind: 'addEnumValue';
  readonly enum: string;
  readonly value: string;
  readonly before: string | null;
}

export interface CreateTableChange extends TableChangeBase {
  readonly kind: 'createTable';
  /** The new table; its foreign keys arrive as separate `addForeignKey` changes. */
  readonly definition: TableIR;
}
export interface DropTableChange extends TableChangeBase {
  readonly kind: 'dropTable';
  readonly definition: TableIR;
  /**
   * Other tables its foreign keys point at that still exist when it is dropped (their triggers
   * go too), by their names in the target schema. Part of the difference, not a planner fact:
   * `definition` has the old names, and which old table continues as which new one (or is
   * dropped too) is the diff's rename matching, which the planner does not repeat; every change
   * names tables as the target schema does.
   */
  readonly references: readonly string[];
  /**
   * A new element declaring `@wes_renamed(from:)` this one while keeping a name the old schema
   * has too: the declaration cannot be honoured, so the drop is refused. Part of the
   * difference: it is the rename matching's verdict on this drop (a drop, although a rename was
   * asked for), which only the diff makes.
   */
  readonly shadowedBy: string | null;
}
export interface RenameTableChange extends TableChangeBase {
  readonly kind: 'renameTable';
  readonly from: string;
}

/** Partitioning added, removed or changed: PostgreSQL cannot do it in place; refused. */
export interface AlterPartitionChange extends TableChangeBase {
  readonly kind: 'alterPartition';
  readonly from: PartitionIR | null;
  readonly to: PartitionIR | null;
}

export interface AddColumnChange extends TableChangeBase {
  readonly kind: 'addColumn';
  readonly column: ColumnIR;
}
export interface DropColumnChange extends TableChangeBase {
  readonly kind: 'dropColumn';
  readonly column: ColumnIR;
  /**
   * A new element declaring `@wes_renamed(from:)` this one while keeping a name the old schema
   * has too: the declaration cannot be honoured, so the drop is refused. Part of the
   * difference, as `DropTableChange.shadowedBy` is: the rename matching's verdict on this drop.
   */
  readonly shadowedBy: string | null;
}
export interface RenameColumnChange extends TableChangeBase {
  readonly kind: 'renameColumn';
  readonly from: string;
  readonly to: string;
}
/** Type change of a column (named as in the target), `from` and `to` being the two definitions. */
export interface AlterColumnTypeChange extends TableChangeBase {
  readonly kind: 'alterColumnType';
  readonly from: ColumnIR;
  readonly to: ColumnIR;
}
export interface SetNotNullChange extends TableChangeBase {
  readonly kind: 'setNotNull';
  readonly column: string;
}
export interface DropNotNullChange extends TableChangeBase {
  readonly kind: 'dropNotNull';
  readonly column: string;
}
/** Default added, changed or removed (`to: null`). */
export interface AlterDefaultChange extends TableChangeBase {
  readonly kind: 'alterDefault';
  readonly from: ColumnIR;
  readonly to: ColumnIR;
}
/** Generated expression added, changed or removed. */
export interface AlterGeneratedChange extends TableChangeBase {
  readonly kind: 'alterGenerated';
  readonly from: ColumnIR;
  readonly to: ColumnIR;
}

export interface AddPrimaryKeyChange extends TableChangeBase {
  readonly kind: 'addPrimaryKey';
  readonly primaryKey: PrimaryKeyIR;
}
export interface DropPrimaryKeyChange extends TableChangeBase {
  readonly kind: 'dropPrimaryKey';
  readonly primaryKey: PrimaryKeyIR;
}
/** Same name, new columns: the new key's index is built concurrently, then swapped in. */
export interface AlterPrimaryKeyChange extends TableChangeBase {
  readonly kind: 'alterPrimaryKey';
  readonly from: PrimaryKeyIR;
  readonly to: PrimaryKeyIR;
}
export interface AddUniqueChange extends TableChangeBase {
  readonly kind: 'addUnique';
  readonly unique: UniqueIR;
}
export interface DropUniqueChange extends TableChangeBase {
  readonly kind: 'dropUnique';
  readonly unique: UniqueIR;
}
export interface AlterUniqueChange extends TableChangeBase {
  readonly kind: 'alterUnique';
  readonly from: UniqueIR;
  readonly to: UniqueIR;
}
export interface AddForeignKeyChange extends TableChangeBase {
  readonly kind: 'addForeignKey';
  readonly foreignKey: ForeignKeyIR;
}
export interface DropForeignKeyChange extends TableChangeBase {
  readonly kind: 'dropForeignKey';
  readonly foreignKey: ForeignKeyIR;
}
/** Same name, new definition (columns, target, actions or deferrability). */
export interface AlterForeignKeyChange extends TableChangeBase {
  readonly kind: 'alterForeignKey';
  readonly from: ForeignKeyIR;
  readonly to: ForeignKeyIR;
}
export interface AddCheckChange extends TableChangeBase {
  readonly kind: 'addCheck';
  readonly check: CheckIR;
}
export interface DropCheckChange extends TableChangeBase {
  readonly kind: 'dropCheck';
  readonly check: CheckIR;
}
export interface AlterCheckChange extends TableChangeBase {
  readonly kind: 'alterCheck';
  readonly from: CheckIR;
  readonly to: CheckIR;
}
/** A constraint (PK, unique, FK, check) whose definition is unchanged but whose name is not. */
export interface RenameConstraintChange extends TableChangeBase {
  readonly kind: 'renameConstraint';
  /** What the renamed constraint is. */
  readonly constraint: 'primaryKey' | 'unique' | 'foreignKey' | 'check';
  readonly from: string;
  readonly to: string;
}
export interface AddIndexChange extends TableChangeBase {
  readonly kind: 'addIndex';
  readonly index: IndexIR;
}
export interface DropIndexChange extends TableChangeBase {
  readonly kind: 'dropIndex';
  readonly index: IndexIR;
}
/** Same name, new definition: built beside the old one, then swapped in. */
export interface ReplaceIndexChange extends TableChangeBase {
  readonly kind: 'replaceIndex';
  readonly from: IndexIR;
  readonly to: IndexIR;
}
export interface RenameIndexChange extends TableChangeBase {
  readonly kind: 'renameIndex';
  readonly from: string;
  readonly to: string;
}

/** `ENABLE` (`enabled: true`) or `DISABLE ROW LEVEL SECURITY` on an existing table. */
export interface SetRowSecurityChange extends TableChangeBase {
  readonly kind: 'setRowSecurity';
  readonly enabled: boolean;
}
/** `FORCE` (`forced: true`) or `NO FORCE ROW LEVEL SECURITY`: whether the table's owner is subject to its policies. */
export interface SetForceRowSecurityChange extends TableChangeBase {
  readonly kind: 'setForceRowSecurity';
  readonly forced: boolean;
}
export interface CreatePolicyChange extends TableChangeBase {
  readonly kind: 'createPolicy';
  readonly policy: PolicyIR;
}
export interface DropPolicyChange extends TableChangeBase {
  readonly kind: 'dropPolicy';
  readonly policy: PolicyIR;
}
/** Same name, same command and `AS`, new roles or expressions that `ALTER POLICY` can set. */
export interface AlterPolicyChange extends TableChangeBase {
  readonly kind: 'alterPolicy';
  readonly from: PolicyIR;
  readonly to: PolicyIR;
}
/**
 * Same name, and a change `ALTER POLICY` cannot make (the command, `AS PERMISSIVE`/`RESTRICTIVE`,
 * or an expression removed): dropped and created again in one transaction.
 */
export interface ReplacePolicyChange extends TableChangeBase {
  readonly kind: 'replacePolicy';
  readonly from: PolicyIR;
  readonly to: PolicyIR;
}
/**
 * The triggers and functions that keep a derived column (`@wes_derived`) differ: created (a
 * column derived now, in a new table or an existing one), dropped (a column no longer derived,
 * or dropped with its table), or replaced. Their SQL names the parent, the child and the
 * columns between them, so a rename of any of those, a new `fn` or `of`, or a new column type
 * gives new functions. The column is named as in the target schema (as in the old one when it
 * is dropped).
 */
export interface AlterDerivedChange extends TableChangeBase {
  readonly kind: 'alterDerived';
  readonly column: string;
  /**
   * The column as the old schema derived it, `null` when it did not: its functions and triggers
   * are named after the old table and column names, and its triggers are on `child` (the child
   * table's name in the target schema, or its old name when the child is dropped).
   */
  readonly before: { readonly table: string; readonly column: string; readonly child: string } | null;
  /** Whether the new schema derives the column (`false`: the triggers go; the column stays or is dropped). */
  readonly derived: boolean;
  /**
   * Whether the old triggers must go before the other steps of `expand`: the diff renames a
   * table or column their functions name (resolved when they run, so every write of the child
   * would fail after the rename), or changes the type of a column they watch (`UPDATE OF`:
   * PostgreSQL refuses `ALTER COLUMN ... TYPE` of a column a trigger names). Part of the
   * difference: it is the diff's rename matching and column comparison.
   */
  readonly dropFirst: boolean;
}

/** Table privileges `role` gains (`GRANT`). */
export interface GrantPrivilegesChange extends TableChangeBase {
  readonly kind: 'grantPrivileges';
  readonly role: string;
  readonly privileges: readonly TablePrivilege[];
}
/** Table privileges `role` loses (`REVOKE`). */
export interface RevokePrivilegesChange extends TableChangeBase {
  readonly kind: 'revokePrivileges';
  readonly role: string;
  readonly privileges: readonly TablePrivilege[];
}

/**
 * One difference between two schemas, as data: what differs and nothing else. What the planner
 * needs to know about the tables around it (a key, indexes, partitioning, what uses a column) it
 * reads from the two schemas (`plan/schema-facts.ts`).
 */
export type Change =
  | CreateEnumChange
  | DropEnumChange
  | AddEnumValueChange
  | AlterEnumValuesChange
  | CreateTableChange
  | DropTableChange
  | RenameTableChange
  | AlterPartitionChange
  | AddColumnChange
  | DropColumnChange
  | RenameColumnChange
  | AlterColumnTypeChange
  | SetNotNullChange
  | DropNotNullChange
  | AlterDefaultChange
  | AlterGeneratedChange
  | AlterDerivedChange
  | AddPrimaryKeyChange
  | DropPrimaryKeyChange
  | AlterPrimaryKeyChange
  | AddUniqueChange
  | DropUniqueChange
  | AlterUniqueChange
  | AddForeignKeyChange
  | DropForeignKeyChange
  | AlterForeignKeyChange
  | AddCheckChange
  | DropCheckChange
  | AlterCheckChange
  | RenameConstraintChange
  | AddIndexChange
  | DropIndexChange
  | ReplaceIndexChange
  | RenameIndexChange
  | SetRowSecurityChange
  | SetForceRowSecurityChange
  | CreatePolicyChange
  | DropPolicyChange
  | AlterPolicyChange
  | ReplacePolicyChange
  | GrantPrivilegesChange
  | RevokePrivilegesChange;

export type ChangeKind = Change['kind'];

/** The change of kind `K`. */
export type ChangeOf<K extends ChangeKind> = Extract<Change, { readonly kind: K }>;
