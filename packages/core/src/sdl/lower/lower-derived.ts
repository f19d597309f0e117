import type { ColumnIR, DefaultIR, DerivedFunction, DerivedIR } from '../../ir/types.js';
import { argAnchor, one, stringArg } from '../directive-args.js';
import type { ReadDirective } from '../read-directives.js';
import { didYouMean } from '../suggest.js';
import type { LowerContext } from './lower-context.js';
import { findColumn, type ColumnDraft, type TableDraft } from './table-draft.js';

const functions: readonly DerivedFunction[] = ['count', 'sum', 'min', 'max', 'exists'];
const numeric = new Set(['smallint', 'integer', 'bigint', 'numeric', 'real', 'double precision']);
/** Directives that would make the column something the triggers do not keep. */
const conflicting = ['wes_pk', 'wes_fk', 'wes_default', 'wes_computed'] as const;

/**
 * `@wes_derived(fn:, from:, of:)` on each column, resolved once every table's foreign keys are
 * lowered (`from` names the child's foreign-key field). The column gets its `derived` and the
 * default its value has while no row references it (0, false), so adding it to a populated table
 * is instant and a new row is right from its insert.
 */
export function lowerDerived(table: TableDraft, tables: ReadonlyMap<string, TableDraft>, ctx: LowerContext): void {
  table.columns.forEach((draft, i) => {
    const d = one(draft.directives, 'wes_derived');
    if (d === undefined) return;
    const resolved = resolveDerived(table, draft, d, tables, ctx);
    if (resolved === null) return;
    table.columns[i] = { ...draft, column: { ...draft.column, default: resolved.default, derived: resolved.derived } };
  });
}

interface Resolved {
  readonly derived: DerivedIR;
  readonly default: DefaultIR | null;
}

function resolveDerived(
  table: TableDraft,
  draft: ColumnDraft,
  d: ReadDirective,
  tables: ReadonlyMap<string, TableDraft>,
  ctx: LowerContext,
): Resolved | null {
  const here = `${table.model.name.value}.${draft.field.name.value}`;
  for (const name of conflicting) {
    const other = one(draft.directives, name);
    if (other === undefined) continue;
    ctx.sink.report('WES426', other.node, `${here} is derived (@wes_derived) and cannot also have @${name}`, `remove @${name}`);
    return null;
  }
  const fnText = (stringArg(d, 'fn') ?? '').trim().toLowerCase();
  const fn = functions.find((f) => f === fnText);
  if (fn === undefined) {
    ctx.sink.report(
      'WES424',
      argAnchor(d, 'fn'),
      `fn: "${stringArg(d, 'fn')}" is not a derived function`,
      `use one of ${functions.join(', ')}`,
    );
    return null;
  }
  const source = resolveFrom(table, d, tables, ctx);
  if (source === null) return null;
  const [child, key] = source;
  const childType = child.model.name.value;
  const of = stringArg(d, 'of');
  let aggregated: ColumnDraft | null = null;
  if (fn === 'count' || fn === 'exists') {
    if (of !== undefined) {
      ctx.sink.report('WES424', argAnchor(d, 'of'), `fn: ${fn} counts rows and takes no of`, 'remove of');
      return null;
    }
  } else {
    if (of === undefined) {
      ctx.sink.report(
        'WES424',
        d.node,
        `fn: ${fn} needs of: the field of ${childType} it aggregates`,
        `write of: "<a field of ${childType}>"`,
      );
      return null;
    }
    aggregated = findColumn(child, of) ?? null;
    if (aggregated === null) {
      if (child.brokenFields.has(of)) return null;
      const fields = child.columns.map((c) => c.column.graphqlName);
      ctx.sink.report(
        'WES422',
        argAnchor(d, 'of'),
        `of: ${childType} has no field ${of}`,
        didYouMean(of, fields, (f) => `"${f}"`) ?? `see the fields of ${childType}`,
      );
      return null;
    }
  }
  const column = draft.column;
  const agg = aggregated?.column ?? null;
  if (fn === 'sum' && agg !== null && (!numeric.has(agg.type.base) || agg.type.array)) {
    ctx.sink.report(
      'WES425',
      argAnchor(d, 'of'),
      `${childType}.${aggregated?.field.name.value} is ${agg.type.sql}, which cannot be summed`,
      'sum a numeric field (Int, BigInt, Float, Decimal), or use count, min or max',
    );
    return null;
  }
  const wrong = wrongType(fn, column, agg);
  if (wrong !== null) {
    ctx.sink.report(
      'WES426',
      draft.field.type,
      `${here} is ${column.type.sql}${column.nullable ? '' : ' NOT NULL'}, but ${wrong.why}`,
      wrong.help,
    );
    return null;
  }
  return {
    default: emptyValue(fn, column),
    derived: { column: agg?.name ?? null, fn, foreignKey: key, kind: 'derived', table: child.name },
  };
}

/** The child table and its foreign key to `table` that `from: "Child.field"` names, or `null` once reported. */
function resolveFrom(
  table: TableDraft,
  d: ReadDirective,
  tables: ReadonlyMap<string, TableDraft>,
  ctx: LowerContext,
): [TableDraft, string] | null {
  const from = stringArg(d, 'from') ?? '';
  const anchor = argAnchor(d, 'from');
  const match = /^\s*([A-Za-z_][A-Za-z0-9_]*)\s*\.\s*([A-Za-z_][A-Za-z0-9_]*)\s*$/.exec(from);
  const typeName = match?.[1] ?? '';
  const fieldName = match?.[2] ?? '';
  if (!match) {
    ctx.sink.report(
      'WES422',
      anchor,
      `from "${from}" is not of the form "Type.field"`,
      'write from: "OrderLine.orderId", the foreign key of the rows to aggregate',
    );
    return null;
  }
  const child = tables.get(typeName);
  if (child === undefined) {
    ctx.sink.report(
      'WES422',
      anchor,
      `from "${from}" names ${typeName}, which is not a @wes_table type`,
      didYouMean(typeName, [...tables.keys()]) ?? 'name a type marked @wes_table',
    );
    return null;
  }
  const field = findColumn(child, fieldName);
  if (field === undefined) {
    if (child.brokenFields.has(fieldName)) return null;
    ctx.sink.report(
      'WES422',
      anchor,
      `from "${from}": ${typeName} has no field ${fieldName}`,
      didYouMean(
        fieldName,
        child.columns.map((c) => c.column.graphqlName),
        (f) => `"${typeName}.${f}"`,
      ) ?? `see the fields of ${typeName}`,
    );
    return null;
  }
  const key = child.foreignKeys.find((k) => k.columns.length === 1 && k.columns[0] === field.column.name);
  // A @wes_fk that did not lower was reported already.
  if (key === undefined && one(field.directives, 'wes_fk') !== undefined) return null;
  if (key === undefined || key.refTable !== table.name) {
    const what = key === undefined ? `is not a foreign key to ${table.name}` : `is a foreign key to ${key.refTable}, not to ${table.name}`;
    ctx.sink.report(
      'WES423',
      anchor,
      `from "${from}": ${typeName}.${field.field.name.value} ${what}`,
      `name a field of ${typeName} with @wes_fk(ref: "${table.model.name.value}")`,
    );
    return null;
  }
  if (child === table) {
    ctx.sink.report('WES423', anchor, `from "${from}" is this table's own foreign key`, 'derive from the rows of another table');
    return null;
  }
  return [child, key.name];
}

/** Why the column's type cannot hold `fn`'s value, or `null` when it can. */
function wrongType(fn: DerivedFunction, column: ColumnIR, of: ColumnIR | null): { why: string; help: string } | null {
  const type = column.type;
  switch (fn) {
    case 'count':
      return (type.base === 'integer' || type.base === 'bigint') && !type.array && !column.nullable
        ? null
        : { why: 'a count is a NOT NULL integer (0 when no row references it)', help: 'declare it Int! or BigInt!' };
    case 'exists':
      return type.base === 'boolean' && !type.array && !column.nullable
        ? null
        : { why: 'exists is a NOT NULL boolean', help: 'declare it Boolean!' };
    case 'sum':
      return numeric.has(type.base) && !type.array
        ? null
        : { why: 'a sum is numeric', help: `declare it with a numeric type such as ${of?.type.sql ?? 'numeric'}` };
    case 'min':
    case 'max':
      return of !== null && type.sql === of.type.sql && column.nullable
        ? null
        : {
            why: `${fn} is a value of ${of?.name ?? 'the aggregated column'} (${of?.type.sql ?? '?'}), NULL when no row references it`,
            help: `declare it with that type, nullable (no !)`,
          };
  }
}

/** The value while no row references this one: also the column's default, so adding it is instant. */
function emptyValue(fn: DerivedFunction, column: ColumnIR): DefaultIR | null {
  switch (fn) {
    case 'count':
      return { kind: 'literal', value: '0' };
    case 'exists':
      return { kind: 'literal', value: 'false' };
    case 'sum':
      return column.nullable ? null : { kind: 'literal', value: '0' };
    case 'min':
    case 'max':
      return null;
  }
}
