import type { PartitionStrategy } from '../../ir/types.js';
import { all, argAnchor, boolArg, listArg, one, stringArg } from '../directive-args.js';
import type { ReadDirective } from '../read-directives.js';
import { isUnknownDirective } from '../vocabulary/index.js';
import type { LowerContext } from './lower-context.js';
import { checkIdentifier } from './check-identifier.js';
import { firstNamePlace, namePlace } from './name-place.js';
import { resolveColumns } from './resolve-columns.js';
import type { TableDraft } from './table-draft.js';

/**
 * Primary key, unique constraints, indexes, checks and partitioning of one table, from both its
 * field directives and its object directives. Default names follow PostgreSQL's own scheme.
 */
export function lowerKeys(table: TableDraft, ctx: LowerContext): void {
  lowerPrimaryKey(table, ctx);
  lowerUniques(table, ctx);
  lowerIndexes(table, ctx);
  lowerChecks(table, ctx);
  lowerPartition(table, ctx);
}

/**
 * A relation-namespace name (indexes, PK and unique constraints share it with tables). `what`
 * says what is named, for the note of a later WES031 that names it again.
 */
function relationName(
  table: TableDraft,
  d: ReadDirective | undefined,
  stem: string,
  label: string,
  what: string,
  ctx: LowerContext,
): string {
  const given = stringArg(d, 'name');
  if (given === undefined || d === undefined) {
    const place = namePlace(d?.node ?? table.model.name, what, false);
    const name = ctx.relationNames.allocate(stem, label, place);
    table.constraintNames.claim(name, place);
    return name;
  }
  const anchor = argAnchor(d, 'name');
  checkIdentifier(given, anchor, ctx);
  const place = namePlace(anchor, what, true);
  // Looked up before claiming: the first claim below may succeed, and the name be taken in the other namespace.
  const first = firstNamePlace(given, ctx.relationNames, table.constraintNames);
  if (!ctx.relationNames.claim(given, place) || !table.constraintNames.claim(given, place)) {
    ctx.sink.report(
      'WES031',
      anchor,
      `the name "${given}" is already used by another table, index or constraint`,
      'choose another name',
      first,
    );
  }
  return given;
}

function lowerPrimaryKey(table: TableDraft, ctx: LowerContext): void {
  const fieldKeys = table.columns.filter((c) => one(c.directives, 'wes_pk') !== undefined);
  const objectKey = one(table.directives, 'wes_pk');
  if (objectKey !== undefined && fieldKeys.length > 0) {
    ctx.sink.report(
      'WES021',
      objectKey.node,
      `${table.model.name.value} declares its primary key both with @wes_pk on fields and on the type`,
      'keep one: @wes_pk on each key field, or @wes_pk(columns: [...]) on the type',
      fieldKeys.map((c) => ({ anchor: one(c.directives, 'wes_pk')?.node, message: `@wes_pk on field ${c.field.name.value}` })),
    );
    return;
  }
  const columns =
    objectKey !== undefined
      ? resolveColumns(table, listArg(objectKey, 'columns') ?? [], argAnchor(objectKey, 'columns'), '@wes_pk', ctx)
      : fieldKeys.map((c) => c.column.name);
  if (columns === null) return;
  if (columns.length === 0) {
    if (!keyMayBeElsewhere(table, ctx)) {
      ctx.sink.report(
        'WES011',
        table.model.name,
        `table ${table.model.name.value} has no primary key`,
        'mark the key field with @wes_pk (several fields make a composite key)',
      );
    }
    return;
  }
  const name = relationName(table, objectKey, table.name, 'pkey', 'primary key', ctx);
  table.primaryKey = { columns, kind: 'primaryKey', name };
}

/**
 * `true` when the missing key is explained by a mistake already reported: a key field whose
 * column could not be made, or an unknown directive on a field (likely a misspelt @wes_pk).
 */
function keyMayBeElsewhere(table: TableDraft, ctx: LowerContext): boolean {
  const brokenKey = [...table.brokenFields.values()].some((directives) => one(directives, 'wes_pk') !== undefined);
  const unknown = table.model.fields.some((f) =>
    (f.directives ?? []).some((d) => isUnknownDirective(d.name.value, ctx.types.userDirectives)),
  );
  return brokenKey || unknown;
}

/**
 * A unique constraint on exactly the primary key's columns, in its order, is not created:
 * PostgreSQL's CREATE TABLE leaves it out (the primary key already enforces it; measured on 15
 * and 18), so the IR carrying it would disagree with the catalog, and with every plan and drift
 * check read from it. Reported (WES195) and left out; another order is a constraint of its own.
 */
function sameAsPrimaryKey(table: TableDraft, d: ReadDirective, columns: readonly string[], ctx: LowerContext): boolean {
  const key = table.primaryKey;
  if (key === null || key.columns.join('\0') !== columns.join('\0')) return false;
  ctx.sink.report(
    'WES195',
    d.node,
    `unique constraint on ${columns.join(', ')} of ${table.name} is the primary key ${key.name}: PostgreSQL does not create it`,
    'remove it: the primary key already makes these columns unique',
  );
  return true;
}

function lowerUniques(table: TableDraft, ctx: LowerContext): void {
  for (const c of table.columns) {
    const d = one(c.directives, 'wes_unique');
    if (d === undefined || sameAsPrimaryKey(table, d, [c.column.name], ctx)) continue;
    const name = relationName(table, d, `${table.name}_${c.column.name}`, 'key', 'unique constraint', ctx);
    table.uniques.push({ columns: [c.column.name], kind: 'unique', name });
  }
  for (const d of all(table.directives, 'wes_unique')) {
    const columns = resolveColumns(table, listArg(d, 'columns') ?? [], argAnchor(d, 'columns'), '@wes_unique', ctx);
    if (columns === null || sameAsPrimaryKey(table, d, columns, ctx)) continue;
    const name = relationName(table, d, `${table.name}_${columns.join('_')}`, 'key', 'unique constraint', ctx);
    table.uniques.push({ columns, kind: 'unique', name });
  }
}

function lowerIndexes(table: TableDraft, ctx: LowerContext): void {
  const uses = [
    ...table.columns.flatMap((c) => all(c.directives, 'wes_index').map((d) => ({ d, columns: [c.column.name] as string[] | null }))),
    ...all(table.directives, 'wes_index').map((d) => ({
      d,
      columns: resolveColumns(table, listArg(d, 'columns') ?? [], argAnchor(d, 'columns'), '@wes_index', ctx),
    })),
  ];
  for (const { d, columns } of uses) {
    if (columns === null) continue;
    const using = (stringArg(d, 'using') ?? 'btree').toLowerCase();
    if (!/^[a-z_][a-z0-9_]*$/.test(using)) {
      ctx.sink.report(
        'WES006',
        argAnchor(d, 'using'),
        `"${using}" is not an index access method name`,
        'use btree, hash, gin, gist, spgist or brin',
      );
      continue;
    }
    const name = relationName(table, d, `${table.name}_${columns.join('_')}`, 'idx', 'index', ctx);
    const unique = boolArg(d, 'unique') ?? false;
    table.indexes.push({ columns, kind: 'index', name, unique, using, where: stringArg(d, 'where') ?? null });
  }
}

function lowerChecks(table: TableDraft, ctx: LowerContext): void {
  const uses = [
    ...table.columns.flatMap((c) => all(c.directives, 'wes_check').map((d) => ({ d, stem: `${table.name}_${c.column.name}` }))),
    ...all(table.directives, 'wes_check').map((d) => ({ d, stem: table.name })),
  ];
  for (const { d, stem } of uses) {
    const given = stringArg(d, 'name');
    let name: string;
    if (given === undefined) {
      name = table.constraintNames.allocate(stem, 'check', namePlace(d.node, 'check constraint', false));
    } else {
      checkIdentifier(given, argAnchor(d, 'name'), ctx);
      if (!table.constraintNames.claim(given, namePlace(argAnchor(d, 'name'), 'check constraint', true))) {
        ctx.sink.report(
          'WES031',
          argAnchor(d, 'name'),
          `table ${table.name} already has a constraint named "${given}"`,
          'choose another name',
          firstNamePlace(given, table.constraintNames),
        );
      }
      name = given;
    }
    table.checks.push({ expr: stringArg(d, 'expr') ?? '', kind: 'check', name });
  }
}

const strategies: readonly PartitionStrategy[] = ['RANGE', 'LIST', 'HASH'];

function lowerPartition(table: TableDraft, ctx: LowerContext): void {
  const d = one(table.directives, 'wes_partition');
  if (d === undefined) return;
  const strategy = (stringArg(d, 'strategy') ?? '').toUpperCase() as PartitionStrategy;
  if (!strategies.includes(strategy)) {
    ctx.sink.report(
      'WES022',
      argAnchor(d, 'strategy'),
      `unknown partition strategy "${stringArg(d, 'strategy')}"`,
      'use RANGE, LIST or HASH',
    );
    return;
  }
  const by = (stringArg(d, 'by') ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const columns = resolveColumns(table, by, argAnchor(d, 'by'), '@wes_partition(by:)', ctx);
  if (columns === null) return;
  if (strategy === 'LIST' && columns.length > 1) {
    ctx.sink.report(
      'WES022',
      argAnchor(d, 'by'),
      `LIST partitioning of ${table.name} takes one column, not ${columns.join(', ')}`,
      'partition by one column, or use RANGE',
    );
    return;
  }
  // PostgreSQL enforces uniqueness per partition, so every unique key must contain the partition key.
  const keys = [...(table.primaryKey ? [table.primaryKey] : []), ...table.uniques];
  for (const key of keys) {
    const missing = columns.filter((c) => !key.columns.includes(c));
    if (missing.length > 0) {
      ctx.sink.report(
        'WES022',
        d.node,
        `${key.name} on partitioned table ${table.name} does not include partition column ${missing.join(', ')}`,
        `add ${missing.join(', ')} to the ${key.kind === 'primaryKey' ? 'primary key' : 'unique constraint'}`,
      );
    }
  }
  table.partition = { columns, kind: 'partition', strategy };
}
