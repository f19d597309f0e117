import type { Change } from '../diff/change.js';
import { findRenames } from '../diff/translate-names.js';
import type { ColumnIR, SchemaIR, TableIR } from '../ir/types.js';
import type { PlanIssue } from './operation.js';

/**
 * `@wes_renamed(from:)` declarations the diff cannot honour: `notes @wes_renamed(from: "title")`
 * when the old schema has a `notes` as well. The new element continues the old one of its own
 * name, so `title` would be dropped with its data, the opposite of what the schema declares.
 * Renaming onto a name still held would fail anyway (the old holder goes only in `contract`),
 * so each is refused (WES102), pointing at the drop it would cause.
 */
export function ignoredRenames(from: SchemaIR, to: SchemaIR, changes: readonly Change[]): { readonly change: Change; readonly issue: PlanIssue }[] {
  const found: { change: Change; issue: PlanIssue }[] = [];
  for (const [item, renamedFrom] of shadowed(from.tables, to.tables)) {
    const drop = changes.find((c) => c.kind === 'dropTable' && c.table === renamedFrom);
    if (drop !== undefined) found.push({ change: drop, issue: refusal(`table ${item.name}`, `table ${renamedFrom}`) });
  }
  const renames = findRenames(from, to);
  for (const [oldName, newName] of renames.tables) {
    const old = from.tables.find((t) => t.name === oldName);
    const next = to.tables.find((t) => t.name === newName);
    if (old === undefined || next === undefined) continue;
    for (const [item, renamedFrom] of shadowed(old.columns, next.columns)) {
      const drop = changes.find((c) => c.kind === 'dropColumn' && c.table === newName && c.column.name === renamedFrom);
      if (drop !== undefined) found.push({ change: drop, issue: refusal(`column ${newName}.${item.name}`, `column ${newName}.${renamedFrom}`) });
    }
  }
  return found;
}

/** New elements declared renamed from an old name that is gone, while their own name was taken in the old schema. */
function shadowed<T extends TableIR | ColumnIR>(olds: readonly T[], news: readonly T[]): [T, string][] {
  const oldNames = new Set(olds.map((o) => o.name));
  const newNames = new Set(news.map((n) => n.name));
  return news.flatMap((item): [T, string][] => {
    const renamedFrom = item.meta.renamedFrom;
    return renamedFrom !== null && oldNames.has(renamedFrom) && !newNames.has(renamedFrom) && oldNames.has(item.name) ? [[item, renamedFrom]] : [];
  });
}

function refusal(renamed: string, source: string): PlanIssue {
  return {
    code: 'WES102',
    message: `${renamed} is declared @wes_renamed from ${source}, but the old schema has ${renamed} too: ${source} would be dropped with its data and the old one kept`,
    help: `drop the old ${renamed} in one migration, then rename ${source} in the next (or remove @wes_renamed if the old ${renamed} is meant to stay)`,
  };
}
