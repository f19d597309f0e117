import { defaultSql } from '@wesley/core';
import { generateDrizzleJson, generateMigration } from 'drizzle-kit/api';
import { sql } from 'drizzle-orm';
import { check, customType, foreignKey, index, pgEnum, pgTable, primaryKey, unique, uniqueIndex } from 'drizzle-orm/pg-core';

/**
 * drizzle-kit's snapshot (its IR) of a Wesley schema: each table rebuilt with drizzle-orm's
 * pg-core builders from the compiled IR, so the peer diffs exactly the tables, columns, types,
 * defaults, keys, checks, indexes and foreign keys Wesley diffs. Column types are passed through
 * as PostgreSQL spells them (`customType`); enum columns use `pgEnum` so the enum types are part
 * of the snapshot. `prevId` chains a snapshot to the one before, as drizzle-kit expects.
 */
export function drizzleSnapshot(ir, prevId) {
  const enums = new Map(ir.enums.map((e) => [e.name, pgEnum(e.name, e.values)]));
  const tables = {};
  for (const table of ir.tables) {
    const columns = Object.fromEntries(table.columns.map((column) => [column.name, columnBuilder(column, enums)]));
    tables[table.name] = pgTable(table.name, columns, (t) => [
      ...(table.primaryKey === null
        ? []
        : [primaryKey({ name: table.primaryKey.name, columns: table.primaryKey.columns.map((c) => t[c]) })]),
      ...table.uniques.map((u) => unique(u.name).on(...u.columns.map((c) => t[c]))),
      ...table.checks.map((c) => check(c.name, sql.raw(c.expr))),
      ...table.indexes.map((i) => indexBuilder(i, t)),
      ...table.foreignKeys.map((fk) =>
        foreignKey({
          name: fk.name,
          columns: fk.columns.map((c) => t[c]),
          foreignColumns: fk.refColumns.map((c) => tables[fk.refTable][c]),
        })
          .onDelete(fk.onDelete.toLowerCase())
          .onUpdate(fk.onUpdate.toLowerCase()),
      ),
    ]);
  }
  return generateDrizzleJson({ ...Object.fromEntries(enums), ...tables }, prevId);
}

/** The peer's diff + plan: drizzle-kit's `generateMigration` from one snapshot to the next, returning its SQL statements. */
export function runMigrationPeer(prev, cur) {
  return generateMigration(prev, cur);
}

function columnBuilder(column, enums) {
  const enumType = column.type.enum === null ? undefined : enums.get(column.type.enum);
  let builder = enumType === undefined ? customType({ dataType: () => column.type.sql })(column.name) : enumType(column.name);
  if (enumType !== undefined && column.type.array) builder = builder.array();
  if (!column.nullable) builder = builder.notNull();
  const fallback = defaultSql(column);
  if (fallback !== null) builder = builder.default(sql.raw(fallback));
  return builder;
}

function indexBuilder(definition, t) {
  const columns = definition.columns.map((c) => t[c]);
  const named = definition.unique ? uniqueIndex(definition.name) : index(definition.name);
  const built = named.using(definition.using, ...columns);
  return definition.where === null ? built : built.where(sql.raw(definition.where));
}
