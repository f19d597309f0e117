import { describeChange, type Change, type ChangeScope, type SchemaIR, type SourcePosition, type TableIR } from '@wesley/core';
import type { SdlPositions } from './sdl-positions.js';

/** A side of the plan and where its SDL declares things (nothing, for an ir.json or a database). */
export interface LocatableSchema {
  readonly ir: SchemaIR;
  readonly positions: SdlPositions;
}

/**
 * The `locate` option of `planMigration`: a diagnostic about a change points at the field
 * (or, for a table-wide change, the type) it comes from; a change of row-level security, a
 * policy or a grant at the directive that declares it. Something added or changed is looked
 * up in the new schema's SDL first, something dropped in the old one's, each falling back on
 * the other; without SDL for either (a database or an ir.json on the other side), `fallback`.
 */
export function changeLocator(from: LocatableSchema, to: LocatableSchema, fallback: SourcePosition): (change: Change) => SourcePosition {
  return (change) => {
    const subject = describeChange(change);
    const table = subject.table;
    const formerName = table === null ? null : (to.ir.tables.find((t) => t.name === table)?.meta.renamedFrom ?? null);
    const directives = securityDirectives(subject.scope, subject.object);
    for (const side of subject.existsIn === 'from' ? [from, to] : [to, from]) {
      const found =
        table === null
          ? enumPosition(side, subject.enum ?? subject.object, subject.scope === 'enumLabel' ? subject.object : null)
          : tablePosition(side, table, formerName, subject.column, directives);
      if (found !== null) return found;
    }
    return fallback;
  };
}

function tablePosition(
  side: LocatableSchema,
  name: string,
  formerName: string | null,
  column: string | null,
  directives: readonly string[],
): SourcePosition | null {
  const table: TableIR | undefined = side.ir.tables.find((t) => t.name === name) ?? side.ir.tables.find((t) => t.name === formerName);
  if (table === undefined) return null;
  const field = column === null ? undefined : table.columns.find((c) => c.name === column)?.graphqlName;
  const member = field === undefined ? null : side.positions.member(table.graphqlName, field);
  const directive = directives.map((d) => side.positions.directive(table.graphqlName, d)).find((p) => p !== null) ?? null;
  return member ?? directive ?? side.positions.type(table.graphqlName);
}

/**
 * The directives a row-level security subject comes from, the likeliest first, by the policy
 * names the compiler gives (docs/rls.md): `<table>_tenant_isolation` from `@wes_tenant`,
 * `<table>_owner_<command>` from `@wes_owner`, any other from `@wes_rls`.
 */
function securityDirectives(scope: ChangeScope, object: string): readonly string[] {
  switch (scope) {
    case 'policy':
      if (object.endsWith('_tenant_isolation')) return ['wes_tenant', 'wes_rls'];
      if (/_owner_(select|insert|update|delete)$/.test(object)) return ['wes_owner', 'wes_rls'];
      return ['wes_rls', 'wes_owner', 'wes_tenant'];
    case 'privileges':
      return ['wes_grant'];
    case 'rowSecurity':
      return ['wes_tenant', 'wes_owner', 'wes_rls'];
    case 'enum':
    case 'enumLabel':
    case 'table':
    case 'column':
    case 'primaryKey':
    case 'unique':
    case 'foreignKey':
    case 'check':
    case 'constraint':
    case 'index':
      return [];
  }
}

function enumPosition(side: LocatableSchema, name: string, value: string | null): SourcePosition | null {
  const found = side.ir.enums.find((e) => e.name === name);
  if (found === undefined) return null;
  return (value === null ? null : side.positions.member(found.graphqlName, value)) ?? side.positions.type(found.graphqlName);
}
