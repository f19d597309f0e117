import type { TableConstraint } from '../ddl/constraint-sql.js';
import type { TableIR } from '../ir/types.js';
import type { Change } from './change.js';
import { impact } from './impact.js';
import { matchNamed } from './match-named.js';
import { sameCheck, sameColumns, sameForeignKey, sameIndex } from './same-definition.js';

/**
 * Primary key, unique, foreign key, check and index changes between two versions of a table
 * (`from` translated to new names).
 */
export function diffConstraints(from: TableIR, to: TableIR): Change[] {
  const table = to.name;
  const changes: Change[] = [];
  const rename = (a: TableConstraint, b: TableConstraint): Change => ({
    kind: 'renameConstraint',
    table,
    constraint: b.kind,
    from: a.name,
    to: b.name,
    impact: impact('safe', 'safe', `constraint ${a.name} is renamed ${b.name}`),
  });
  const tightens = (what: string) =>
    impact('dangerous', 'dangerous', `${what}: fails if existing rows break it, and writes that break it fail`);
  const loosens = (what: string) => impact('safe', 'dangerous', `${what}: no longer enforced`);

  const [oldKey, newKey] = [from.primaryKey, to.primaryKey];
  if (oldKey === null && newKey !== null) {
    changes.push({ kind: 'addPrimaryKey', table, primaryKey: newKey, impact: tightens(`primary key ${newKey.name}`) });
  } else if (oldKey !== null && newKey === null) {
    changes.push({ kind: 'dropPrimaryKey', table, primaryKey: oldKey, impact: loosens(`primary key ${oldKey.name}`) });
  } else if (oldKey !== null && newKey !== null) {
    if (!sameColumns(oldKey.columns, newKey.columns)) {
      changes.push({
        kind: 'alterPrimaryKey',
        table,
        from: oldKey,
        to: newKey,
        impact: tightens(`primary key ${newKey.name} on new columns`),
      });
    } else if (oldKey.name !== newKey.name) {
      changes.push(rename(oldKey, newKey));
    }
  }

  const uniques = matchNamed(from.uniques, to.uniques, (a, b) => sameColumns(a.columns, b.columns));
  for (const [a, b] of uniques.altered)
    changes.push({ kind: 'alterUnique', table, from: a, to: b, impact: tightens(`unique ${b.name} on new columns`) });
  for (const [a, b] of uniques.renamed) changes.push(rename(a, b));
  for (const unique of uniques.added) changes.push({ kind: 'addUnique', table, unique, impact: tightens(`unique ${unique.name}`) });
  for (const unique of uniques.dropped) changes.push({ kind: 'dropUnique', table, unique, impact: loosens(`unique ${unique.name}`) });

  const keys = matchNamed(from.foreignKeys, to.foreignKeys, sameForeignKey);
  for (const [a, b] of keys.altered) {
    changes.push({ kind: 'alterForeignKey', table, from: a, to: b, impact: tightens(`foreign key ${b.name} redefined`) });
  }
  for (const [a, b] of keys.renamed) changes.push(rename(a, b));
  for (const foreignKey of keys.added) {
    changes.push({ kind: 'addForeignKey', table, foreignKey, impact: tightens(`foreign key ${foreignKey.name}`) });
  }
  for (const foreignKey of keys.dropped)
    changes.push({ kind: 'dropForeignKey', table, foreignKey, impact: loosens(`foreign key ${foreignKey.name}`) });

  const checks = matchNamed(from.checks, to.checks, sameCheck);
  for (const [a, b] of checks.altered)
    changes.push({ kind: 'alterCheck', table, from: a, to: b, impact: tightens(`check ${b.name} redefined`) });
  for (const [a, b] of checks.renamed) changes.push(rename(a, b));
  for (const check of checks.added) changes.push({ kind: 'addCheck', table, check, impact: tightens(`check ${check.name}`) });
  for (const check of checks.dropped) changes.push({ kind: 'dropCheck', table, check, impact: loosens(`check ${check.name}`) });

  const indexes = matchNamed(from.indexes, to.indexes, sameIndex);
  const indexImpact = (unique: boolean, what: string) =>
    unique ? tightens(what) : impact('safe', 'safe', `${what} (reads may get faster or slower)`);
  for (const [a, b] of indexes.altered) {
    changes.push({ kind: 'replaceIndex', table, from: a, to: b, impact: indexImpact(b.unique, `index ${b.name} redefined`) });
  }
  for (const [a, b] of indexes.renamed) {
    changes.push({
      kind: 'renameIndex',
      table,
      from: a.name,
      to: b.name,
      impact: impact('safe', 'safe', `index ${a.name} is renamed ${b.name}`),
    });
  }
  for (const index of indexes.added)
    changes.push({ kind: 'addIndex', table, index, impact: indexImpact(index.unique, `index ${index.name}`) });
  for (const index of indexes.dropped) {
    const value = index.unique
      ? loosens(`unique index ${index.name}`)
      : impact('safe', 'safe', `index ${index.name} (reads may get slower)`);
    changes.push({ kind: 'dropIndex', table, index, impact: value });
  }
  return changes;
}
