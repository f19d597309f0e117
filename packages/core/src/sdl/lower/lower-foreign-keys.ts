import type { ReferentialAction } from '../../ir/types.js';
import { argAnchor, boolArg, one, stringArg } from '../directive-args.js';
import type { ReadDirective } from '../read-directives.js';
import { didYouMean } from '../suggest.js';
import { checkIdentifier } from './check-identifier.js';
import { firstNamePlace, namePlace } from './name-place.js';
import type { LowerContext } from './lower-context.js';
import { findColumn, type ColumnDraft, type TableDraft } from './table-draft.js';

const actions: readonly ReferentialAction[] = ['NO ACTION', 'RESTRICT', 'CASCADE', 'SET NULL', 'SET DEFAULT'];

/**
 * `@wes_fk(ref: "Type.field")` on each column, resolved once every table is lowered (so
 * references may point forward, backward or at the same table).
 */
export function lowerForeignKeys(table: TableDraft, tables: ReadonlyMap<string, TableDraft>, ctx: LowerContext): void {
  for (const source of table.columns) {
    const d = one(source.directives, 'wes_fk');
    if (d === undefined) continue;
    const target = resolveTarget(d, tables, ctx);
    if (target === null) continue;
    const [targetTable, targetColumn] = target;
    const from = `${table.model.name.value}.${source.field.name.value}`;
    const to = `${targetTable.model.name.value}.${targetColumn.field.name.value}`;
    const a = source.column.type;
    const b = targetColumn.column.type;
    if (a.base !== b.base || a.array !== b.array) {
      ctx.sink.report(
        'WES016',
        argAnchor(d, 'ref'),
        `${from} is ${a.sql} but ${to} is ${b.sql}`,
        `give both columns the same type (${b.sql})`,
        [{ anchor: targetColumn.field.name, message: `${to} is ${b.sql}` }],
      );
      continue;
    }
    const key = [targetColumn.column.name];
    const isKey = sameColumns(targetTable.primaryKey?.columns, key) || targetTable.uniques.some((u) => sameColumns(u.columns, key));
    if (!isKey) {
      ctx.sink.report(
        'WES017',
        argAnchor(d, 'ref'),
        `${to} is neither the primary key nor unique, so it cannot be referenced`,
        `mark ${to} with @wes_unique, or reference the primary key`,
        [{ anchor: targetColumn.field.name, message: `${to} is declared here` }],
      );
      continue;
    }
    const onDelete = action(d, 'onDelete', source, ctx);
    const onUpdate = action(d, 'onUpdate', source, ctx);
    if (onDelete === null || onUpdate === null) continue;
    const given = stringArg(d, 'name');
    let name: string;
    if (given !== undefined) {
      checkIdentifier(given, argAnchor(d, 'name'), ctx);
      if (!table.constraintNames.claim(given, namePlace(argAnchor(d, 'name'), 'foreign key', true))) {
        ctx.sink.report(
          'WES031',
          argAnchor(d, 'name'),
          `table ${table.name} already has a constraint named "${given}"`,
          'choose another name',
          firstNamePlace(given, table.constraintNames),
        );
      }
      name = given;
    } else {
      name = table.constraintNames.allocate(`${table.name}_${source.column.name}`, 'fkey', namePlace(d.node, 'foreign key', false));
    }
    const initiallyDeferred = boolArg(d, 'initiallyDeferred') ?? false;
    table.foreignKeys.push({
      columns: [source.column.name],
      deferrable: (boolArg(d, 'deferrable') ?? false) || initiallyDeferred,
      initiallyDeferred,
      kind: 'foreignKey',
      name,
      onDelete,
      onUpdate,
      refColumns: key,
      refTable: targetTable.name,
    });
  }
}

function resolveTarget(d: ReadDirective, tables: ReadonlyMap<string, TableDraft>, ctx: LowerContext): [TableDraft, ColumnDraft] | null {
  const ref = stringArg(d, 'ref') ?? '';
  const anchor = argAnchor(d, 'ref');
  const match = /^\s*([A-Za-z_][A-Za-z0-9_]*)\s*(?:\.\s*([A-Za-z_][A-Za-z0-9_]*))?\s*$/.exec(ref);
  if (!match) {
    ctx.sink.report('WES014', anchor, `ref "${ref}" is not of the form "Type.field"`, 'write ref: "Customer.id"');
    return null;
  }
  const typeName = match[1] ?? '';
  const table = tables.get(typeName);
  if (table === undefined) {
    ctx.sink.report(
      'WES014',
      anchor,
      `ref "${ref}" names ${typeName}, which is not a @wes_table type`,
      didYouMean(typeName, [...tables.keys()]) ?? 'reference a type marked @wes_table',
    );
    return null;
  }
  const fieldName = match[2];
  if (fieldName === undefined) {
    const pk = table.primaryKey?.columns;
    const column = pk?.length === 1 ? table.columns.find((c) => c.column.name === pk[0]) : undefined;
    if (column === undefined) {
      ctx.sink.report(
        'WES014',
        anchor,
        `ref "${ref}" names no field and ${typeName} has no single-column primary key`,
        `write ref: "${typeName}.<field>"`,
      );
      return null;
    }
    return [table, column];
  }
  const column = findColumn(table, fieldName);
  if (column === undefined) {
    if (table.brokenFields.has(fieldName)) return null;
    if (table.relations.some((r) => r.field === fieldName)) {
      ctx.sink.report(
        'WES015',
        anchor,
        `ref "${ref}": ${typeName}.${fieldName} is a relation field, not a column`,
        `reference a key column, such as the primary key of ${typeName}`,
      );
      return null;
    }
    const columns = table.columns.map((c) => c.column.graphqlName);
    ctx.sink.report(
      'WES015',
      anchor,
      `ref "${ref}": ${typeName} has no field ${fieldName}`,
      didYouMean(fieldName, columns, (f) => `"${typeName}.${f}"`) ?? `see the fields of ${typeName}`,
    );
    return null;
  }
  return [table, column];
}

function action(d: ReadDirective, arg: 'onDelete' | 'onUpdate', source: ColumnDraft, ctx: LowerContext): ReferentialAction | null {
  const raw = stringArg(d, arg);
  if (raw === undefined) return 'NO ACTION';
  const normal = raw
    .trim()
    .toUpperCase()
    .replace(/[_\s]+/g, ' ') as ReferentialAction;
  if (!actions.includes(normal)) {
    ctx.sink.report('WES030', argAnchor(d, arg), `${arg}: "${raw}" is not a referential action`, `use one of ${actions.join(', ')}`);
    return null;
  }
  if (normal === 'SET NULL' && !source.column.nullable) {
    ctx.sink.report(
      'WES030',
      argAnchor(d, arg),
      `${arg}: SET NULL on ${source.field.name.value}, which is NOT NULL`,
      'make the field nullable, or use CASCADE or RESTRICT',
    );
    return null;
  }
  return normal;
}

function sameColumns(a: readonly string[] | undefined, b: readonly string[]): boolean {
  return a !== undefined && a.length === b.length && a.every((c, i) => c === b[i]);
}
