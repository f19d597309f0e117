import { columnType, parseColumnType } from '../../ir/column-type.js';
import type { ColumnTypeIR } from '../../ir/types.js';
import { one, stringArg, argAnchor } from '../directive-args.js';
import type { DirectiveMap } from '../read-directives.js';
import type { FieldShape } from './field-shape.js';
import type { LowerContext } from './lower-context.js';

/**
 * The column type of a scalar or enum field: `@wes_column(type:)` when given, else the scalar
 * table; a list field becomes an array. Returns `null` after reporting when there is none.
 */
export function lowerColumnType(shape: FieldShape, directives: DirectiveMap, ctx: LowerContext): ColumnTypeIR | null {
  const explicit = one(directives, 'wes_column');
  const typeText = stringArg(explicit, 'type');
  if (typeText !== undefined && explicit !== undefined) {
    const parsed = parseColumnType(typeText, ctx.enumLabels);
    if (parsed === null) {
      ctx.sink.report(
        'WES029',
        argAnchor(explicit, 'type'),
        `"${typeText}" is not a PostgreSQL type name`,
        'write a type as PostgreSQL spells it, e.g. "varchar(255)" or "numeric(12,2)"',
      );
      return null;
    }
    return shape.list && !parsed.array ? columnType(parsed.base, parsed.modifiers, true, parsed.enum) : parsed;
  }
  const name = shape.named.name.value;
  const enumName = ctx.enumNames.get(name);
  if (enumName !== undefined) return columnType(enumName, [], shape.list, enumName);
  const scalar = ctx.scalars.get(name);
  if (scalar !== undefined) return shape.list ? columnType(scalar.base, scalar.modifiers, true, null) : scalar;
  if (ctx.types.declaredScalars.has(name)) {
    ctx.sink.report(
      'WES010',
      shape.named,
      `scalar ${name} has no PostgreSQL type`,
      `map it in the config (scalars: { ${name}: "text" }) or give the field @wes_column(type: "...")`,
    );
  }
  // Any other unknown name was already reported by GraphQL's KnownTypeNames rule.
  return null;
}
