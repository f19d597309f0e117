import { supports } from '../plan/server-features.js';
import { isVolatileFunction } from '../plan/default-volatility.js';
import type { StatementShape } from '../locks/statement-locks.js';
import { innerNode as unwrap, nodeList as list } from './node-fields.js';
import type { ParseNode, StatementAction } from './statement-action.js';

/** What a parsed statement does, for the rules: its actions, and the tables it creates. */
export interface ClassifiedStatement {
  readonly actions: readonly StatementAction[];
  /** Tables it creates (empty until filled): no hazard on them later in the same input. */
  readonly creates: readonly { readonly table: string; readonly partitioned: boolean }[];
  /** Tables it renames, from the old name to the new. */
  readonly renames: readonly { readonly from: string; readonly to: string }[];
  /** `begin` opens a transaction block, `end` closes it (COMMIT, ROLLBACK, END, ABORT). */
  readonly transaction: 'begin' | 'end' | null;
}

/**
 * Classifies one statement parsed by libpg-query into shapes of the lock table, by what
 * PostgreSQL `serverVersion` does with it (an ADD COLUMN with a non-volatile default rewrites
 * before 11 only). Statements that lock no existing table in a way the table tracks (SELECT,
 * INSERT, CREATE FUNCTION, ...) have no actions.
 */
export function classifyStatement(statement: ParseNode, serverVersion: number, schemaOf: SchemaOf = inPublic): ClassifiedStatement {
  const relationName = (relation: unknown) => relationNameIn(relation, schemaOf);
  const createdName = (relation: unknown) => relationNameIn(relation, (name) => schemaOf(name, true));
  const [type, value] = Object.entries(statement)[0] ?? ['', {}];
  const node = value as ParseNode;
  const none: ClassifiedStatement = { actions: [], creates: [], renames: [], transaction: null };
  const one = (shape: StatementShape, relation: unknown): ClassifiedStatement => ({
    ...none,
    // The whole statement is the hazard: reported at its start.
    actions: [action(shape, relation, node, schemaOf, 0)],
  });
  switch (type) {
    case 'TransactionStmt': {
      const kind = String(node.kind);
      if (kind === 'TRANS_STMT_BEGIN' || kind === 'TRANS_STMT_START') return { ...none, transaction: 'begin' };
      if (kind === 'TRANS_STMT_COMMIT' || kind === 'TRANS_STMT_ROLLBACK' || kind === 'TRANS_STMT_PREPARE')
        return { ...none, transaction: 'end' };
      return none;
    }
    case 'CreateStmt':
      return { ...none, creates: [{ table: createdName(node.relation), partitioned: node.partspec !== undefined }] };
    case 'CreateTableAsStmt': {
      const into = node.into as ParseNode | undefined;
      return { ...none, creates: into === undefined ? [] : [{ table: createdName(into.rel), partitioned: false }] };
    }
    case 'IndexStmt': {
      // The parser leaves `inh` out for ONLY.
      const only = unwrap(node.relation).inh !== true;
      return one(node.concurrent === true ? 'create-index-concurrently' : only ? 'create-index-only' : 'create-index', node.relation);
    }
    case 'DropStmt':
      return dropActions(node, schemaOf);
    case 'AlterTableStmt':
      return node.objtype === 'OBJECT_TABLE' ? alterTableActions(node, serverVersion, schemaOf) : none;
    case 'RenameStmt': {
      const renameType = String(node.renameType);
      if (renameType === 'OBJECT_TABLE') {
        const from = relationName(node.relation);
        const schema = from.slice(0, from.lastIndexOf('.'));
        return { ...one('rename-table', node.relation), renames: [{ from, to: `${schema}.${String(node.newname)}` }] };
      }
      if (renameType === 'OBJECT_COLUMN' && node.relationType === 'OBJECT_TABLE') return one('rename-column', node.relation);
      if (renameType === 'OBJECT_TABCONSTRAINT') return one('rename-constraint', node.relation);
      if (renameType === 'OBJECT_POLICY') return one('alter-policy', node.relation);
      return none;
    }
    case 'CreateTrigStmt':
      return one('create-trigger', node.relation);
    case 'CreatePolicyStmt':
      return one('create-policy', node.table);
    case 'AlterPolicyStmt':
      return one('alter-policy', node.table);
    case 'TruncateStmt':
      return { ...none, actions: list(node.relations).map((relation) => action('truncate', unwrap(relation), node, schemaOf)) };
    case 'VacuumStmt': {
      const full = list(node.options).some((option) => String(unwrap(option).defname) === 'full');
      if (!full || node.is_vacuumcmd !== true) return none;
      return { ...none, actions: list(node.rels).map((rel) => action('vacuum-full', unwrap(rel).relation, node, schemaOf)) };
    }
    case 'ClusterStmt':
      return node.relation === undefined ? none : one('cluster', node.relation);
    case 'RefreshMatViewStmt':
      return one(node.concurrent === true ? 'refresh-materialized-view-concurrently' : 'refresh-materialized-view', node.relation);
    default:
      return none;
  }
}

function dropActions(node: ParseNode, schemaOf: SchemaOf): ClassifiedStatement {
  const names = list(node.objects).map((object) =>
    qualified(
      list(unwrap(object).items).map((item) => String(unwrap(item).sval)),
      schemaOf,
    ),
  );
  const base = { creates: [], renames: [], transaction: null } as const;
  // The whole statement is the hazard: reported at its start.
  const on = (shape: StatementShape, table: string, index: string | null = null): StatementAction => ({
    shape,
    table,
    index,
    referenced: null,
    offset: 0,
    node,
    only: false,
    subcommands: 1,
  });
  switch (String(node.removeType)) {
    case 'OBJECT_INDEX': {
      const shape = node.concurrent === true ? 'drop-index-concurrently' : 'drop-index';
      return { ...base, actions: names.map((index) => on(shape, index, index)) };
    }
    case 'OBJECT_TABLE':
      // A table a foreign key of the dropped one references is locked too: the catalog knows it, the statement does not.
      return { ...base, actions: names.map((table) => on('drop-table', table)) };
    case 'OBJECT_TRIGGER':
    case 'OBJECT_POLICY': {
      // DROP TRIGGER name ON table, DROP POLICY name ON table: the last item is the trigger or policy, the ones before it the table.
      const items = list(node.objects).map((object) => list(unwrap(object).items).map((item) => String(unwrap(item).sval)));
      const shape = String(node.removeType) === 'OBJECT_POLICY' ? 'drop-policy' : 'drop-trigger';
      return { ...base, actions: items.map((parts) => on(shape, qualified(parts.slice(0, -1), schemaOf))) };
    }
    default:
      return { ...base, actions: [] };
  }
}

function alterTableActions(node: ParseNode, serverVersion: number, schemaOf: SchemaOf): ClassifiedStatement {
  const relationName = (relation: unknown) => relationNameIn(relation, schemaOf);
  const commands = list(node.cmds).map((command) => unwrap(command));
  const actions = commands.flatMap((command): StatementAction[] => {
    const shape = subcommandShape(command, serverVersion);
    if (shape === null) return [];
    const def = unwrap(command.def);
    const referenced =
      shape === 'add-foreign-key' || shape === 'add-foreign-key-not-valid'
        ? relationName(def.pktable)
        : shape === 'attach-partition' || shape === 'detach-partition' || shape === 'detach-partition-concurrently'
          ? relationName(def.name)
          : null;
    const offset = typeof def.location === 'number' ? def.location : relationOffset(node.relation);
    // The parser leaves `inh` out for ONLY.
    const only = unwrap(node.relation).inh !== true;
    return [
      { shape, table: relationName(node.relation), index: null, referenced, offset, node: command, only, subcommands: commands.length },
    ];
  });
  return { actions, creates: [], renames: [], transaction: null };
}

/** The shape of one ALTER TABLE subcommand. */
function subcommandShape(command: ParseNode, serverVersion: number): StatementShape | null {
  const def = unwrap(command.def);
  switch (String(command.subtype)) {
    case 'AT_AddColumn':
      return rewritesWhenAdded(def, serverVersion) ? 'add-column-rewrite' : 'add-column';
    case 'AT_DropColumn':
      return 'drop-column';
    case 'AT_ColumnDefault':
      return 'alter-column-default';
    case 'AT_AlterColumnType':
      return 'alter-column-type';
    case 'AT_SetNotNull':
      return 'set-not-null';
    case 'AT_DropNotNull':
      return 'drop-not-null';
    case 'AT_AddConstraint':
      return constraintShape(def);
    case 'AT_ValidateConstraint':
      // Which kind of constraint is validated is in the catalog, not the statement: a check's claims are the weaker.
      return 'validate-check';
    case 'AT_DropConstraint':
      return 'drop-constraint';
    case 'AT_SetStatistics':
    case 'AT_SetOptions':
    case 'AT_ResetOptions':
      return 'set-statistics';
    case 'AT_ClusterOn':
    case 'AT_DropCluster':
      return 'cluster-on';
    case 'AT_AttachPartition':
      return 'attach-partition';
    case 'AT_DetachPartition':
      return def.concurrent === true ? 'detach-partition-concurrently' : 'detach-partition';
    case 'AT_SetRelOptions':
    case 'AT_ResetRelOptions':
      return 'set-options';
    case 'AT_EnableTrig':
    case 'AT_EnableAlwaysTrig':
    case 'AT_EnableReplicaTrig':
    case 'AT_DisableTrig':
    case 'AT_EnableTrigAll':
    case 'AT_DisableTrigAll':
    case 'AT_EnableTrigUser':
    case 'AT_DisableTrigUser':
      return 'enable-trigger';
    case 'AT_EnableRowSecurity':
    case 'AT_DisableRowSecurity':
    case 'AT_ForceRowSecurity':
    case 'AT_NoForceRowSecurity':
      return 'row-security';
    case 'AT_SetTableSpace':
      return 'set-tablespace';
    case 'AT_SetLogged':
    case 'AT_SetUnLogged':
      return 'set-logged';
    default:
      return 'alter-table';
  }
}

function constraintShape(constraint: ParseNode): StatementShape {
  const notValid = constraint.skip_validation === true;
  switch (String(constraint.contype)) {
    case 'CONSTR_FOREIGN':
      return notValid ? 'add-foreign-key-not-valid' : 'add-foreign-key';
    case 'CONSTR_CHECK':
      return notValid ? 'add-check-not-valid' : 'add-check';
    case 'CONSTR_NOTNULL':
      return notValid ? 'add-not-null-not-valid' : 'set-not-null';
    case 'CONSTR_PRIMARY':
    case 'CONSTR_UNIQUE':
      return constraint.indexname === undefined ? 'add-key' : 'add-key-using-index';
    default:
      return 'alter-table';
  }
}

/**
 * Whether `ADD COLUMN` with this definition writes every row: a stored generated or identity
 * column, a serial (its default calls nextval), a default calling a volatile function, or any
 * default before PostgreSQL 11 (the planner's own volatility judgement, `isVolatileFunction`).
 */
function rewritesWhenAdded(column: ParseNode, serverVersion: number): boolean {
  const typeName = unwrap(column.typeName);
  const type = list(typeName.names)
    .map((name) => String(unwrap(name).sval))
    .at(-1);
  if (type !== undefined && /^(small|big)?serial[248]?$/.test(type)) return true;
  return list(column.constraints).some((item) => {
    const constraint = unwrap(item);
    switch (String(constraint.contype)) {
      case 'CONSTR_GENERATED':
      case 'CONSTR_IDENTITY':
        return true;
      case 'CONSTR_DEFAULT':
        return !supports(serverVersion, 'instantDefault') || callsVolatileFunction(constraint.raw_expr);
      default:
        return false;
    }
  });
}

/** Whether an expression tree calls a function not known to be STABLE or IMMUTABLE. */
function callsVolatileFunction(tree: unknown): boolean {
  if (Array.isArray(tree)) return tree.some(callsVolatileFunction);
  if (tree === null || typeof tree !== 'object') return false;
  const node = tree as ParseNode;
  const call = node.FuncCall as ParseNode | undefined;
  if (call !== undefined) {
    const name = list(call.funcname)
      .map((part) => String(unwrap(part).sval))
      .at(-1);
    if (name !== undefined && isVolatileFunction(name)) return true;
  }
  return Object.values(node).some(callsVolatileFunction);
}

/** An action on `relation` (a RangeVar), reported at `offset` (its name, unless the whole statement is the hazard). */
function action(
  shape: StatementShape,
  relation: unknown,
  node: ParseNode,
  schemaOf: SchemaOf,
  offset = relationOffset(relation),
): StatementAction {
  // The parser leaves `inh` out for ONLY.
  const only = unwrap(relation).inh !== true;
  return { shape, table: relationNameIn(relation, schemaOf), index: null, referenced: null, offset, node, only, subcommands: 1 };
}

/**
 * The schema an unqualified name is found in (or, for a name the statement creates, created in):
 * the linter follows the `search_path` the file sets and the catalog holds (`SearchPath`).
 */
export type SchemaOf = (name: string, creating?: boolean) => string;

const inPublic: SchemaOf = () => 'public';

/** `schema.table` of a RangeVar: the parser has already folded unquoted names to lower case. */
function relationNameIn(relation: unknown, schemaOf: SchemaOf): string {
  const range = unwrap(relation);
  return qualified([range.schemaname, range.relname].filter((part) => part !== undefined).map(String), schemaOf);
}

function qualified(parts: readonly string[], schemaOf: SchemaOf): string {
  return parts.length === 1 ? `${schemaOf(parts[0] ?? '')}.${parts[0]}` : parts.slice(-2).join('.');
}

function relationOffset(relation: unknown): number {
  const location = unwrap(relation).location;
  return typeof location === 'number' && location >= 0 ? location : 0;
}
