import type { FieldDefinitionNode } from 'graphql';
import { snakeCase } from '../../naming/snake-case.js';
import type { ColumnIR, RelationIR } from '../../ir/types.js';
import { all, intArg, one, stringArg } from '../directive-args.js';
import { readDirectives, type DirectiveMap } from '../read-directives.js';
import { fieldShape, type FieldShape } from './field-shape.js';
import type { LowerContext } from './lower-context.js';
import { lowerColumnType } from './lower-column-type.js';
import { lowerDefault } from './lower-default.js';
import { lowerRules } from './lower-rules.js';
import { namePlace } from './name-place.js';
import type { TableDraft } from './table-draft.js';

/** Directives that only make sense on a column (not on a relation field). */
const columnOnly = [
  'wes_pk',
  'wes_fk',
  'wes_unique',
  'wes_index',
  'wes_default',
  'wes_column',
  'wes_check',
  'wes_computed',
  'wes_derived',
  'wes_constraint',
  'wes_renamed',
  'wes_uid',
] as const;
const relationMarkers = ['wes_hasMany', 'wes_belongsTo', 'wes_hasOne'] as const;

/** Turns each field of a table type into a column or a relation. */
export function lowerFields(table: TableDraft, ctx: LowerContext): void {
  const seen = new Set<string>();
  for (const field of table.model.fields) {
    // A field defined twice was reported by GraphQL's UniqueFieldDefinitionNames rule.
    if (seen.has(field.name.value)) continue;
    seen.add(field.name.value);
    const directives = readDirectives(field.directives ?? [], 'FIELD_DEFINITION', ctx.types.userDirectives, ctx.sink);
    const shape = fieldShape(field.type);
    const target = shape.named.name.value;
    const broken = (): void => void table.brokenFields.set(field.name.value, directives);
    if (shape.nestedList) {
      ctx.sink.report(
        'WES032',
        field.type,
        `${table.model.name.value}.${field.name.value} is a list of lists`,
        'PostgreSQL columns hold one array level: use [T] or JSON',
      );
      broken();
      continue;
    }
    if (ctx.tableTypes.has(target)) {
      lowerRelation(table, field, shape, directives, ctx);
      continue;
    }
    const otherObject = ctx.types.objects.has(target) ? 'object type without @wes_table' : ctx.types.otherKinds.get(target);
    if (otherObject !== undefined && otherObject !== 'scalar') {
      const help = ctx.types.objects.has(target)
        ? `add @wes_table to ${target}, or use JSON for embedded data`
        : `point at a @wes_table type for a relation, or use JSON for embedded data`;
      ctx.sink.report(
        'WES028',
        shape.named,
        `${table.model.name.value}.${field.name.value} has type ${target}, ${article(otherObject)} ${otherObject}`,
        help,
      );
      broken();
      continue;
    }
    checkMarkersOnColumn(table, field, directives, ctx);
    const column = lowerColumn(table, field, shape, directives, ctx);
    if (column !== null) table.columns.push({ column, field, shape, directives });
    else broken();
  }
}

function lowerColumn(
  table: TableDraft,
  field: FieldDefinitionNode,
  shape: FieldShape,
  directives: DirectiveMap,
  ctx: LowerContext,
): ColumnIR | null {
  const type = lowerColumnType(shape, directives, ctx);
  if (type === null) return null;
  const name = stringArg(one(directives, 'wes_column'), 'name') ?? snakeCase(field.name.value);
  const enumValues = type.enum !== null ? ctx.enumLabels.get(type.enum) : undefined;
  const computed = one(directives, 'wes_computed');
  const rules = lowerRules(directives, name, type, ctx);
  let defaultValue = lowerDefault(`${table.model.name.value}.${field.name.value}`, directives, type, enumValues, rules?.rules ?? null, ctx);
  if (computed !== undefined && one(directives, 'wes_default') !== undefined) {
    ctx.sink.report(
      'WES026',
      one(directives, 'wes_default')?.node,
      `${table.model.name.value}.${field.name.value} is generated and cannot have a default`,
      'remove @wes_default or @wes_computed',
    );
    defaultValue = null;
  }
  if (rules !== null) {
    const place = namePlace(one(directives, 'wes_constraint')?.node ?? field.name, 'check constraint', false);
    const checkName = table.constraintNames.allocate(`${table.name}_${name}`, 'rules_check', place);
    table.checks.push({ expr: rules.checkExpr, kind: 'check', name: checkName });
  }
  return {
    default: defaultValue,
    // Filled in by lowerDerived once every table's foreign keys are known.
    derived: null,
    generated: stringArg(computed, 'expr') ?? null,
    graphqlName: field.name.value,
    kind: 'column',
    meta: {
      critical: one(directives, 'wes_critical') !== undefined,
      pii: one(directives, 'wes_pii') !== undefined,
      renamedFrom: stringArg(one(directives, 'wes_renamed'), 'from') ?? null,
      rules: rules?.rules ?? null,
      sensitive: one(directives, 'wes_sensitive') !== undefined,
      uid: stringArg(one(directives, 'wes_uid'), 'value') ?? null,
      weight: intArg(one(directives, 'wes_weight'), 'value') ?? null,
    },
    name,
    nullable: !shape.nonNull && one(directives, 'wes_pk') === undefined,
    type,
  };
}

function lowerRelation(
  table: TableDraft,
  field: FieldDefinitionNode,
  shape: FieldShape,
  directives: DirectiveMap,
  ctx: LowerContext,
): void {
  const where = `${table.model.name.value}.${field.name.value}`;
  for (const name of columnOnly) {
    for (const d of all(directives, name)) {
      const help =
        name === 'wes_fk'
          ? `put @wes_fk on the key column (e.g. ${field.name.value}Id: UUID! @wes_fk(ref: "${shape.named.name.value}.id")) and keep this relation field plain`
          : 'relation fields have no column: move the directive to a column field';
      ctx.sink.report(name === 'wes_fk' ? 'WES014' : 'WES007', d.node, `@${d.node.name.value} on relation field ${where}`, help);
    }
  }
  for (const marker of relationMarkers) {
    const d = one(directives, marker);
    if (d === undefined) continue;
    const wantsList = marker === 'wes_hasMany';
    if (wantsList !== shape.list) {
      ctx.sink.report(
        'WES024',
        d.node,
        `@${d.node.name.value} on ${where}, whose type is ${shape.list ? 'a list' : 'a single row'}`,
        wantsList
          ? `make the type a list ([${shape.named.name.value}!]!) or use @wes_belongsTo / @wes_hasOne`
          : 'use @wes_hasMany for a list field',
      );
    }
  }
  const relation: RelationIR = {
    cardinality: shape.list ? 'many' : 'one',
    field: field.name.value,
    kind: 'relation',
    nullable: !shape.nonNull,
    target: shape.named.name.value,
  };
  table.relations.push(relation);
}

function checkMarkersOnColumn(table: TableDraft, field: FieldDefinitionNode, directives: DirectiveMap, ctx: LowerContext): void {
  for (const marker of relationMarkers) {
    const d = one(directives, marker);
    if (d !== undefined) {
      ctx.sink.report(
        'WES024',
        d.node,
        `@${d.node.name.value} on ${table.model.name.value}.${field.name.value}, which is a column, not a relation`,
        'relation markers belong on fields whose type is another @wes_table type',
      );
    }
  }
}

const article = (word: string): string => (/^[aeio]/.test(word) ? 'an' : 'a');
