import type { EnumIR, SchemaIR, TableIR } from '../../ir/types.js';
import { NameAllocator } from '../../naming/name-allocator.js';
import { snakeCase } from '../../naming/snake-case.js';
import type { CollectedTypes, ObjectModel } from '../collect-types.js';
import { intArg, one, stringArg } from '../directive-args.js';
import type { Anchor, DiagnosticSink, RelatedAnchor } from '../diagnostic-sink.js';
import { readDirectives, type DirectiveMap } from '../read-directives.js';
import { isUnknownDirective } from '../vocabulary/index.js';
import type { ColumnTypeIR } from '../../ir/types.js';
import { checkEnumType } from './check-enum-type.js';
import { checkDerivedNames } from './check-derived-names.js';
import { checkForeignKeyCycles } from './check-foreign-key-cycles.js';
import { checkIdentifier } from './check-identifier.js';
import type { LowerContext } from './lower-context.js';
import { lowerDerived } from './lower-derived.js';
import { lowerFields } from './lower-fields.js';
import { lowerForeignKeys } from './lower-foreign-keys.js';
import { lowerKeys } from './lower-keys.js';
import { defaultRlsSettings, lowerSecurity, type RlsSettings } from './lower-security.js';
import type { TableDraft } from './table-draft.js';

/**
 * Lowers collected GraphQL types into the IR. Runs every check even after an error, so one
 * compilation reports every mistake; the caller discards the IR when any error was reported.
 */
export function lowerSchema(
  types: CollectedTypes,
  scalars: ReadonlyMap<string, ColumnTypeIR>,
  sink: DiagnosticSink,
  rls: RlsSettings = defaultRlsSettings,
): SchemaIR {
  const tableModels = findTables(types, sink);
  const enumNames = new Map([...types.enums.keys()].map((name) => [name, snakeCase(name)]));
  const ctx: LowerContext = {
    sink,
    types,
    scalars,
    rls,
    enumNames,
    enumLabels: new Map([...types.enums].map(([name, model]) => [snakeCase(name), model.values.map((v) => v.name.value)])),
    tableTypes: new Set(tableModels.keys()),
    relationNames: new NameAllocator<RelatedAnchor>(),
  };
  const drafts = new Map<string, TableDraft>();
  // Table name -> the type that took it, and where its name comes from (type name or `name:`).
  const typeNames = new Map<string, { readonly type: string; readonly anchor: Anchor | undefined }>();
  for (const [name, { model, directives }] of tableModels) {
    const draft = newDraft(model, directives, ctx);
    const anchor = one(directives, 'wes_table')?.argNodes.get('name') ?? model.name;
    const clash = typeNames.get(draft.name);
    if (clash !== undefined) {
      sink.report(
        'WES012',
        anchor,
        `${name} and ${clash.type} both become table ${draft.name}`,
        'rename one type, or give one @wes_table(name: "...")',
        [{ anchor: clash.anchor, message: `${clash.type} also becomes table ${draft.name}` }],
      );
      continue;
    }
    typeNames.set(draft.name, { type: name, anchor });
    ctx.relationNames.claim(draft.name, { anchor, message: `the name of table ${draft.name}` });
    drafts.set(name, draft);
  }
  for (const draft of drafts.values()) {
    lowerFields(draft, ctx);
    checkColumnNames(draft, ctx);
    lowerKeys(draft, ctx);
    draft.security = lowerSecurity(draft, ctx);
  }
  for (const draft of drafts.values()) lowerForeignKeys(draft, drafts, ctx);
  for (const draft of drafts.values()) lowerDerived(draft, drafts, ctx);
  checkDerivedNames(drafts, ctx);
  checkForeignKeyCycles(drafts, ctx);

  const tables = [...drafts.values()].map(finishTable).sort(byName);
  const used = new Set(tables.flatMap((t) => t.columns.map((c) => c.type.enum)).filter((e) => e !== null));
  const enums: EnumIR[] = [];
  for (const [graphqlName, model] of types.enums) {
    const name = enumNames.get(graphqlName) ?? snakeCase(graphqlName);
    if (!used.has(name)) continue;
    checkEnumType(model, name, ctx);
    const clash = typeNames.get(name);
    if (clash !== undefined) {
      sink.report(
        'WES012',
        model.name,
        `enum ${graphqlName} and table type ${clash.type} both become the PostgreSQL type ${name}`,
        'rename one of them',
        [{ anchor: clash.anchor, message: `${clash.type} becomes table ${name}` }],
      );
    }
    enums.push({ graphqlName, kind: 'enum', name, values: model.values.map((v) => v.name.value) });
  }
  return { enums: enums.sort(byName), kind: 'schema', tables, version: 1 };
}

interface TableModel {
  readonly model: ObjectModel;
  readonly directives: DirectiveMap;
}

/** Object types with `@wes_table`; Wesley directives anywhere else are reported as misplaced. */
function findTables(types: CollectedTypes, sink: DiagnosticSink): Map<string, TableModel> {
  const tables = new Map<string, TableModel>();
  for (const [name, model] of types.objects) {
    const directives = readDirectives(model.directives, 'OBJECT', types.userDirectives, sink);
    if (one(directives, 'wes_table') !== undefined) {
      tables.set(name, { model, directives });
      continue;
    }
    // An unknown directive on the type is most likely a misspelt @wes_table, reported already.
    if (model.directives.some((d) => isUnknownDirective(d.name.value, types.userDirectives))) continue;
    const misplaced = [...directives.values()].flat();
    for (const field of model.fields) {
      misplaced.push(...[...readDirectives(field.directives ?? [], 'FIELD_DEFINITION', types.userDirectives, sink).values()].flat());
    }
    for (const d of misplaced) {
      sink.report('WES007', d.node, `@${d.node.name.value} on ${name}, which is not a table`, `add @wes_table to type ${name}`);
    }
  }
  return tables;
}

function newDraft(model: ObjectModel, directives: DirectiveMap, ctx: LowerContext): TableDraft {
  const table = one(directives, 'wes_table');
  const given = stringArg(table, 'name');
  if (given !== undefined) checkIdentifier(given, table?.argNodes.get('name'), ctx);
  else checkIdentifier(snakeCase(model.name.value), model.name, ctx);
  return {
    model,
    name: given ?? snakeCase(model.name.value),
    directives,
    columns: [],
    relations: [],
    primaryKey: null,
    uniques: [],
    foreignKeys: [],
    checks: [],
    indexes: [],
    partition: null,
    security: null,
    constraintNames: new NameAllocator<RelatedAnchor>(),
    brokenFields: new Map(),
  };
}

function checkColumnNames(draft: TableDraft, ctx: LowerContext): void {
  const seen = new Map<string, { readonly field: string; readonly anchor: Anchor }>();
  const type = draft.model.name.value;
  for (const { column, field, directives } of draft.columns) {
    const anchor = one(directives, 'wes_column')?.argNodes.get('name') ?? field.name;
    checkIdentifier(column.name, anchor, ctx);
    const clash = seen.get(column.name);
    if (clash !== undefined) {
      ctx.sink.report(
        'WES013',
        anchor,
        `${type}.${field.name.value} and ${type}.${clash.field} both become column ${column.name}`,
        'rename one field, or give one @wes_column(name: "...")',
        [{ anchor: clash.anchor, message: `${type}.${clash.field} also becomes column ${column.name}` }],
      );
    }
    seen.set(column.name, { field: field.name.value, anchor });
  }
}

function finishTable(draft: TableDraft): TableIR {
  const d = draft.directives;
  return {
    checks: [...draft.checks].sort(byName),
    columns: draft.columns.map((c) => c.column),
    foreignKeys: [...draft.foreignKeys].sort(byName),
    graphqlName: draft.model.name.value,
    indexes: [...draft.indexes].sort(byName),
    kind: 'table',
    meta: {
      critical: one(d, 'wes_critical') !== undefined,
      renamedFrom: stringArg(one(d, 'wes_renamed'), 'from') ?? null,
      uid: stringArg(one(d, 'wes_uid'), 'value') ?? null,
      weight: intArg(one(d, 'wes_weight'), 'value') ?? null,
    },
    name: draft.name,
    partition: draft.partition,
    primaryKey: draft.primaryKey,
    relations: [...draft.relations].sort((a, b) => compare(a.field, b.field)),
    security: draft.security,
    uniques: [...draft.uniques].sort(byName),
  };
}

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
const byName = <T extends { readonly name: string }>(a: T, b: T): number => compare(a.name, b.name);
