/**
 * The intermediate representation: what a Wesley schema means for PostgreSQL, as plain,
 * immutable, JSON-serialisable data. Every array has a stable order (documented per field),
 * every optional fact is `null` rather than absent, so two equal schemas serialise to the same
 * bytes and hash to the same value. The compiler writes every object's keys in sorted order, so
 * `stableStringify` (the hash, `ir.json`) has nothing to copy (test/ir/ir-key-order.test.ts).
 *
 * Names here are PostgreSQL names (already snake_cased or taken from `@wes_table(name:)` /
 * `@wes_column(name:)`); the GraphQL spelling is kept beside them for code generation.
 */

/** The whole schema. */
export interface SchemaIR {
  readonly kind: 'schema';
  /** Format version of this IR; bump when the shape changes. */
  readonly version: 1;
  /** Enum types, sorted by `name`. */
  readonly enums: readonly EnumIR[];
  /** Tables, sorted by `name`. */
  readonly tables: readonly TableIR[];
}

/** A PostgreSQL enum type made from a GraphQL `enum` that some table uses. */
export interface EnumIR {
  readonly kind: 'enum';
  /** PostgreSQL type name (snake_case of the GraphQL name). */
  readonly name: string;
  /** GraphQL type name, used for generated TypeScript and Zod names. */
  readonly graphqlName: string;
  /** Labels in declaration order (PostgreSQL enum order is significant). */
  readonly values: readonly string[];
}

export type PartitionStrategy = 'RANGE' | 'LIST' | 'HASH';

export interface PartitionIR {
  readonly kind: 'partition';
  readonly strategy: PartitionStrategy;
  /** Partition key columns, in key order. */
  readonly columns: readonly string[];
}

export interface TableIR {
  readonly kind: 'table';
  readonly name: string;
  readonly graphqlName: string;
  /** Columns in declaration order (the physical column order of the DDL). */
  readonly columns: readonly ColumnIR[];
  readonly primaryKey: PrimaryKeyIR | null;
  /** Unique constraints, sorted by `name`. */
  readonly uniques: readonly UniqueIR[];
  /** Foreign keys, sorted by `name`. */
  readonly foreignKeys: readonly ForeignKeyIR[];
  /** Table-level and column-level CHECK constraints, sorted by `name`. */
  readonly checks: readonly CheckIR[];
  /** Indexes that are not the backing index of a PK or unique constraint, sorted by `name`. */
  readonly indexes: readonly IndexIR[];
  readonly partition: PartitionIR | null;
  /** Relation fields (no column): for generated TypeScript only. Sorted by `field`. */
  readonly relations: readonly RelationIR[];
  /** Row-level security and grants (`@wes_tenant`, `@wes_owner`, `@wes_rls`, `@wes_grant`); `null` when the type has none. */
  readonly security: TableSecurityIR | null;
  /** Application metadata that PostgreSQL does not store. */
  readonly meta: TableMetaIR;
}

/** A table's row-level security: whether it is on, its policies, its grants. */
export interface TableSecurityIR {
  readonly kind: 'security';
  /** `ENABLE ROW LEVEL SECURITY`. */
  readonly enabled: boolean;
  /** `FORCE ROW LEVEL SECURITY`: the table owner is subject to the policies too. */
  readonly forced: boolean;
  /** Policies, sorted by `name`. */
  readonly policies: readonly PolicyIR[];
  /** Table privileges, sorted by `role`. */
  readonly grants: readonly GrantIR[];
  /** `@wes_owner(column:)`: the owner column and the session setting compared with it (for codegen). */
  readonly owner: OwnerIR | null;
  /** `@wes_tenant(by:)`: the tenant column and the session setting compared with it (for codegen). */
  readonly tenant: TenantIR | null;
}

/** The command a policy applies to (`CREATE POLICY ... FOR <command>`). */
export type PolicyCommand = 'ALL' | 'SELECT' | 'INSERT' | 'UPDATE' | 'DELETE';

/** One `CREATE POLICY`. */
export interface PolicyIR {
  readonly kind: 'policy';
  readonly name: string;
  readonly command: PolicyCommand;
  /** `AS PERMISSIVE` (true) or `AS RESTRICTIVE`. */
  readonly permissive: boolean;
  /** Role names, sorted; `['public']` when the directive names none. */
  readonly roles: readonly string[];
  /** Trusted SQL boolean expression of `USING (...)`, or `null`. */
  readonly using: string | null;
  /** Trusted SQL boolean expression of `WITH CHECK (...)`, or `null`. */
  readonly check: string | null;
}

/** A table privilege `@wes_grant` gives. */
export type TablePrivilege = 'SELECT' | 'INSERT' | 'UPDATE' | 'DELETE';

/** One `GRANT <privileges> ON <table> TO <role>`. */
export interface GrantIR {
  readonly kind: 'grant';
  readonly role: string;
  /** In the order SELECT, INSERT, UPDATE, DELETE. */
  readonly privileges: readonly TablePrivilege[];
}

/** The user a table's rows belong to, as `@wes_owner(column:)` declares it. */
export interface OwnerIR {
  readonly kind: 'owner';
  readonly column: string;
  /** The session setting compared with the column, e.g. `app.user_id` (config `rls.userSetting`). */
  readonly setting: string;
}

/** The tenant a table's rows belong to, as `@wes_tenant(by:)` declares it. */
export interface TenantIR {
  readonly kind: 'tenant';
  readonly column: string;
  /** The session setting compared with the column, e.g. `app.tenant_id` (config `rls.tenantSetting`). */
  readonly setting: string;
}

export interface TableMetaIR {
  /** `@wes_renamed(from:)`: the previous table name. */
  readonly renamedFrom: string | null;
  /** `@wes_uid(value:)`: a stable identity across renames. */
  readonly uid: string | null;
  readonly weight: number | null;
  readonly critical: boolean;
}

/**
 * A column type. `sql` is the canonical spelling PostgreSQL's `format_type()` prints
 * (`character varying(255)`, `timestamp with time zone`, `integer[]`, `order_status`), so the
 * IR introspected from a live database compares equal to the compiled one.
 */
export interface ColumnTypeIR {
  readonly sql: string;
  /** Element type without modifiers or array brackets: `character varying`, `integer`, an enum name. */
  readonly base: string;
  /** Type modifiers: `[255]` for varchar(255), `[12, 2]` for numeric(12,2). */
  readonly modifiers: readonly number[];
  /** `true` for `T[]` (GraphQL list fields). */
  readonly array: boolean;
  /** The enum's PostgreSQL name when `base` is an enum type of this schema, else `null`. */
  readonly enum: string | null;
}

export type DefaultIR =
  /** `@wes_default(value:)`: a literal, in its text form (`pending`, `42`, `true`, `12.50`). */
  | { readonly kind: 'literal'; readonly value: string }
  /** `@wes_default(expr:)`: trusted SQL, emitted verbatim (`now()`, `gen_random_uuid()`). */
  | { readonly kind: 'expression'; readonly sql: string };

/** Value rules from `@wes_constraint`: Zod refinements and matching CHECKs. */
export interface ValueRulesIR {
  readonly min: number | null;
  readonly max: number | null;
  readonly minLength: number | null;
  readonly maxLength: number | null;
  readonly pattern: string | null;
  readonly oneOf: readonly string[] | null;
}

export interface ColumnIR {
  readonly kind: 'column';
  readonly name: string;
  readonly graphqlName: string;
  readonly type: ColumnTypeIR;
  /** `false` for `T!` fields and primary-key columns. */
  readonly nullable: boolean;
  readonly default: DefaultIR | null;
  /** `@wes_derived`: an aggregate over the rows of a table that references this one, kept by triggers. */
  readonly derived: DerivedIR | null;
  /** `@wes_computed(expr:)`: `GENERATED ALWAYS AS (expr) STORED`. */
  readonly generated: string | null;
  readonly meta: ColumnMetaIR;
}

/** What a derived column computes over the rows that reference its row. */
export type DerivedFunction = 'count' | 'sum' | 'min' | 'max' | 'exists';

/**
 * `@wes_derived(fn:, from:, of:)`: the column holds `fn` over the rows of `table` whose foreign
 * key `foreignKey` references this column's row; triggers on `table` keep it (ddl/derived-column-sql.ts).
 */
export interface DerivedIR {
  /** The child's column aggregated (`sum`, `min`, `max`); `null` for `count` and `exists`. */
  readonly column: string | null;
  readonly fn: DerivedFunction;
  /** The child's foreign key to this table, by constraint name. */
  readonly foreignKey: string;
  readonly kind: 'derived';
  /** The child table. */
  readonly table: string;
}

export interface ColumnMetaIR {
  readonly renamedFrom: string | null;
  readonly uid: string | null;
  readonly pii: boolean;
  readonly sensitive: boolean;
  readonly weight: number | null;
  readonly critical: boolean;
  readonly rules: ValueRulesIR | null;
}

export interface PrimaryKeyIR {
  readonly kind: 'primaryKey';
  readonly name: string;
  readonly columns: readonly string[];
}

export interface UniqueIR {
  readonly kind: 'unique';
  readonly name: string;
  readonly columns: readonly string[];
}

export type ReferentialAction = 'NO ACTION' | 'RESTRICT' | 'CASCADE' | 'SET NULL' | 'SET DEFAULT';

export interface ForeignKeyIR {
  readonly kind: 'foreignKey';
  readonly name: string;
  readonly columns: readonly string[];
  readonly refTable: string;
  readonly refColumns: readonly string[];
  readonly onDelete: ReferentialAction;
  readonly onUpdate: ReferentialAction;
  readonly deferrable: boolean;
  readonly initiallyDeferred: boolean;
}

export interface CheckIR {
  readonly kind: 'check';
  readonly name: string;
  /** Trusted SQL boolean expression, without the surrounding `CHECK (...)`. */
  readonly expr: string;
}

export interface IndexIR {
  readonly kind: 'index';
  readonly name: string;
  readonly columns: readonly string[];
  readonly unique: boolean;
  /** Access method: `btree` unless `using:` says otherwise. */
  readonly using: string;
  /** Partial-index predicate (trusted SQL) or `null`. */
  readonly where: string | null;
}

export type RelationCardinality = 'one' | 'many';

export interface RelationIR {
  readonly kind: 'relation';
  /** GraphQL field name. */
  readonly field: string;
  /** Target table's GraphQL type name. */
  readonly target: string;
  readonly cardinality: RelationCardinality;
  readonly nullable: boolean;
}
