import { isBuiltinTypeName } from '../../naming/builtin-type-names.js';
import { byteLength, maxIdentifierBytes } from '../../naming/name-allocator.js';
import type { EnumModel } from '../collect-types.js';
import { checkIdentifier } from './check-identifier.js';
import type { LowerContext } from './lower-context.js';

/**
 * Checks an enum that becomes a PostgreSQL type named `name`: not a name that a column
 * declaration would resolve to a built-in type instead (WES037), and a name and labels that fit
 * PostgreSQL's 63 bytes (WES025: a long type name is truncated, a long label refused by
 * `CREATE TYPE`).
 */
export function checkEnumType(model: EnumModel, name: string, ctx: LowerContext): void {
  if (isBuiltinTypeName(name)) {
    ctx.sink.report(
      'WES037',
      model.name,
      `enum ${model.name.value} becomes type ${name}, the name of a PostgreSQL built-in type: its columns would get the built-in type`,
      `rename the enum (e.g. ${model.name.value}Kind)`,
    );
  } else {
    checkIdentifier(name, model.name, ctx);
  }
  for (const value of model.values) {
    const label = value.name.value;
    if (byteLength(label) <= maxIdentifierBytes) continue;
    ctx.sink.report(
      'WES025',
      value.name,
      `enum label ${label} is ${byteLength(label)} bytes; PostgreSQL allows only ${maxIdentifierBytes}`,
      'choose a shorter label',
    );
  }
}
