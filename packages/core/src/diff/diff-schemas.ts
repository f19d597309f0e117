import { stableStringify } from '../ir/stable-stringify.js';
import type { SchemaIR, TableIR } from '../ir/types.js';
import type { Change } from './change.js';
import { diffColumns } from './diff-columns.js';
import { diffConstraints } from './diff-constraints.js';
import { diffDerived } from './diff-derived.js';
import { diffEnums } from './diff-enums.js';
import { diffSecurity } from './diff-security.js';
import { impact } from './impact.js';
import { shadowingRename } from './match-renames.js';
import { findRenames, translateTable } from './translate-names.js';

/**
 * Every difference between two schemas, as changes in target names. Pure and deterministic:
 * changes come in the order enums, then tables by name (renames, then columns, then
 * constraints and indexes), then dropped tables (each after its keys into other dropped
 * tables), then the triggers of derived columns; the planner orders the steps.
 *
 * Only what PostgreSQL stores is compared (GraphQL names, relations and metadata are not), so
 * an IR introspected from a live database diffs cleanly against a compiled one.
 */
export function diffSchemas(from: SchemaIR, to: SchemaIR): Change[] {
  const renames = findRenames(from, to);
  const changes: Change[] = diffEnums(from, to);
  const survivors = new Map<string, TableIR>();
  for (const table of from.tables) {
    const newName = renames.tables.get(table.name);
    if (newName !== undefined) survivors.set(newName, table);
  }
  for (const table of to.tables) {
    const old = survivors.get(table.name);
    if (old === undefined) {
      changes.push(...createTable(table));
      continue;
    }
    if (old.name !== table.name) {
      changes.push({
        kind: 'renameTable',
        table: table.name,
        from: old.name,
        impact: impact('breaking', 'safe', `table ${old.name} is renamed ${table.name}: code that uses the old name fails`),
      });
    }
    for (const [oldColumn, newColumn] of renames.columns.get(old.name) ?? []) {
      if (oldColumn === newColumn) continue;
      changes.push({
        kind: 'renameColumn',
        table: table.name,
        from: oldColumn,
        to: newColumn,
        impact: impact('breaking', 'safe', `column ${table.name}.${oldColumn} is renamed ${newColumn}: code that uses the old name fails`),
      });
    }
    changes.push(...diffTable(translateTable(old, renames), table));
  }
  for (const table of from.tables) {
    if (renames.tables.has(table.name)) continue;
    // A key between two dropped tables goes first: DROP TABLE (without CASCADE) fails while a key
    // of a table not yet dropped points at it, and for a cycle no order of the drops would do.
    for (const foreignKey of table.foreignKeys) {
      if (foreignKey.refTable === table.name || renames.tables.has(foreignKey.refTable)) continue;
      changes.push({
        kind: 'dropForeignKey',
        table: table.name,
        foreignKey,
        impact: impact('safe', 'dangerous', `foreign key ${foreignKey.name} goes with the tables it joins`),
      });
    }
    const references = table.foreignKeys.map((fk) => renames.tables.get(fk.refTable)).filter((name) => name !== undefined);
    changes.push({
      kind: 'dropTable',
      table: table.name,
      definition: table,
      references: [...new Set(references)].sort(),
      shadowedBy: shadowingRename(table.name, from.tables, to.tables),
      impact: impact('breaking', 'breaking', `table ${table.name} and every row in it are lost`),
    });
  }
  changes.push(...diffDerived(from, to, renames));
  return changes;
}

function diffTable(from: TableIR, to: TableIR): Change[] {
  // By value: the compiled and the introspected IR need not list an object's keys in the same order.
  const partitionChanged = stableStringify(from.partition) !== stableStringify(to.partition);
  const changes: Change[] = [];
  if (partitionChanged) {
    changes.push({
      kind: 'alterPartition',
      table: to.name,
      from: from.partition,
      to: to.partition,
      impact: impact('breaking', 'breaking', `partitioning of ${to.name} changes: the table must be rebuilt`),
    });
  }
  changes.push(...diffColumns(from, to), ...diffConstraints(from, to), ...diffSecurity(from, to));
  return changes;
}

/** A new table, then one change per foreign key so every table exists before a key points at it. */
function createTable(table: TableIR): Change[] {
  const changes: Change[] = [
    { kind: 'createTable', table: table.name, definition: table, impact: impact('safe', 'safe', `new table ${table.name}`) },
  ];
  for (const foreignKey of table.foreignKeys) {
    changes.push({
      kind: 'addForeignKey',
      table: table.name,
      foreignKey,
      impact: impact('safe', 'safe', `foreign key ${foreignKey.name} of new table ${table.name}`),
    });
  }
  return changes;
}
