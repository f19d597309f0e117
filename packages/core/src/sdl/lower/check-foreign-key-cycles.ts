import type { ForeignKeyIR } from '../../ir/types.js';
import { argAnchor, boolArg, one } from '../directive-args.js';
import type { RelatedAnchor } from '../diagnostic-sink.js';
import type { ReadDirective } from '../read-directives.js';
import type { LowerContext } from './lower-context.js';
import type { TableDraft } from './table-draft.js';

/** A foreign key as an edge of the table graph, with the directive it came from. */
interface Edge {
  readonly table: TableDraft;
  readonly target: TableDraft;
  readonly key: ForeignKeyIR;
  readonly directive: ReadDirective;
  readonly field: string;
}

/**
 * Finds the foreign-key cycles that no transaction could fill: tables that reference each other
 * in a ring through NOT NULL columns whose keys are all checked at once (not deferrable). The
 * first row of any of them would need a row of the next already there. Such a ring gets its keys
 * `DEFERRABLE INITIALLY DEFERRED` (checked at commit, so one transaction inserts the whole ring),
 * with a warning naming it (WES420); a key of the ring declared `deferrable: false` is an error
 * instead (WES421), since the user asked for what cannot work.
 *
 * Other cycles need nothing: a nullable key lets the first row in with NULL and an `UPDATE` close
 * the ring, a deferrable key (`SET CONSTRAINTS`) is checked at commit, and a table referencing
 * itself through a NOT NULL key takes a first row that references itself, since PostgreSQL checks
 * a key after the statement has inserted its row.
 */
export function checkForeignKeyCycles(drafts: ReadonlyMap<string, TableDraft>, ctx: LowerContext): void {
  const byName = new Map([...drafts.values()].map((t) => [t.name, t]));
  const edges = new Map<TableDraft, Edge[]>();
  for (const table of drafts.values()) {
    const out: Edge[] = [];
    for (const source of table.columns) {
      const directive = one(source.directives, 'wes_fk');
      const key = table.foreignKeys.find((k) => k.columns.length === 1 && k.columns[0] === source.column.name);
      const target = key === undefined ? undefined : byName.get(key.refTable);
      if (directive === undefined || key === undefined || target === undefined) continue;
      // Only edges that can hold up the first insert: NOT NULL, checked immediately, to another table.
      if (source.column.nullable || key.deferrable || target === table) continue;
      out.push({ table, target, key, directive, field: `${table.model.name.value}.${source.field.name.value}` });
    }
    edges.set(table, out);
  }
  const tables = [...drafts.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const ring of stronglyConnected(tables, edges)) {
    const inRing = new Set(ring);
    const ringEdges = ring.flatMap((t) => (edges.get(t) ?? []).filter((e) => inRing.has(e.target)));
    const names = ring.map((t) => t.name).join(', ');
    const refused = ringEdges.filter((e) => boolArg(e.directive, 'deferrable') === false);
    const others = (except: Edge): RelatedAnchor[] =>
      ringEdges.filter((e) => e !== except).map((e) => ({ anchor: e.directive.node, message: `${e.field} is NOT NULL and in the cycle` }));
    if (refused.length > 0) {
      for (const edge of refused) {
        ctx.sink.report(
          'WES421',
          argAnchor(edge.directive, 'deferrable'),
          `${edge.field} is declared deferrable: false, but its foreign keys form a NOT NULL cycle (${names}) that no transaction could fill`,
          'remove deferrable: false (the cycle then gets DEFERRABLE INITIALLY DEFERRED), or make one field of the cycle nullable',
          others(edge),
        );
      }
      continue;
    }
    const first = ringEdges[0];
    if (first === undefined) continue;
    for (const edge of ringEdges) {
      const keys = edge.table.foreignKeys;
      keys[keys.indexOf(edge.key)] = { ...edge.key, deferrable: true, initiallyDeferred: true };
    }
    ctx.sink.report(
      'WES420',
      first.directive.node,
      `the foreign keys ${ringEdges.map((e) => e.field).join(', ')} form a NOT NULL cycle (${names}); they are made DEFERRABLE INITIALLY DEFERRED so that one transaction can insert the whole cycle`,
      'write deferrable: true, initiallyDeferred: true on each to say so, or make one field of the cycle nullable',
      others(first),
    );
  }
}

/**
 * Tarjan's strongly connected components of more than one table, in the order of `tables`, each
 * listed in the order of `tables`: the same schema gives the same diagnostics.
 */
function stronglyConnected(tables: readonly TableDraft[], edges: ReadonlyMap<TableDraft, readonly Edge[]>): TableDraft[][] {
  const index = new Map<TableDraft, number>();
  const low = new Map<TableDraft, number>();
  const stack: TableDraft[] = [];
  const onStack = new Set<TableDraft>();
  const components: TableDraft[][] = [];
  const order = new Map(tables.map((t, i) => [t, i]));
  const visit = (table: TableDraft): void => {
    index.set(table, index.size);
    low.set(table, index.get(table) ?? 0);
    stack.push(table);
    onStack.add(table);
    for (const { target } of edges.get(table) ?? []) {
      if (!index.has(target)) {
        visit(target);
        low.set(table, Math.min(low.get(table) ?? 0, low.get(target) ?? 0));
      } else if (onStack.has(target)) {
        low.set(table, Math.min(low.get(table) ?? 0, index.get(target) ?? 0));
      }
    }
    if (low.get(table) !== index.get(table)) return;
    const component: TableDraft[] = [];
    let member: TableDraft | undefined;
    do {
      member = stack.pop();
      if (member === undefined) break;
      onStack.delete(member);
      component.push(member);
    } while (member !== table);
    if (component.length > 1) components.push(component.sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0)));
  };
  for (const table of tables) if (!index.has(table)) visit(table);
  return components.sort((a, b) => (order.get(a[0] as TableDraft) ?? 0) - (order.get(b[0] as TableDraft) ?? 0));
}
