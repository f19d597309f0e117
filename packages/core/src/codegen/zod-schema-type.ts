import type { ColumnIR } from '../ir/types.js';
import { scalarType } from './scalar-type.js';
import { propertyKey, stringLiteral } from './ts-syntax.js';
import { applyRules } from './value-rules.js';

/**
 * The Zod class each factory that the Zod emitter calls returns. Checks chained onto them
 * (`.min`, `.max`, `.regex`, `.refine`) return `this`, so the factory alone decides the class.
 */
const factoryTypes: Readonly<Record<string, string>> = {
  'z.guid': 'z.ZodGUID',
  'z.string': 'z.ZodString',
  'z.number': 'z.ZodNumber',
  'z.int': 'z.ZodInt',
  'z.int32': 'z.ZodInt32',
  'z.float32': 'z.ZodFloat32',
  'z.int64': 'z.ZodInt64',
  'z.boolean': 'z.ZodBoolean',
  'z.json': 'z.ZodJSONSchema',
  'z.unknown': 'z.ZodUnknown',
  'z.never': 'z.ZodNever',
  'z.iso.datetime': 'z.ZodISODateTime',
  'z.iso.date': 'z.ZodISODate',
  'z.iso.time': 'z.ZodISOTime',
};

const factory = /^z(?:\.iso)?\.[A-Za-z0-9]+(?=\()/;

/**
 * The TypeScript type of the Zod schema that the Zod emitter writes for `column` in a row
 * schema (`z.ZodNullable<z.ZodString>`, `z.ZodArray<typeof OrderStatusSchema>`), exactly what
 * TypeScript infers for that expression, so a declaration file can state it without the code.
 * It reads the factory the emitter calls from the expression the emitter's own mapping gives;
 * a factory missing from the table above falls back to `z.ZodType<T, T>` with the column's
 * TypeScript type, which still infers exactly.
 */
export function zodSchemaType(column: ColumnIR, enumNames: ReadonlyMap<string, string>): string {
  const enumName = column.type.enum === null ? null : (enumNames.get(column.type.enum) ?? null);
  const element = applyRules(scalarType(column.type, enumName), column.meta.rules);
  // A schema the module shares (`JSONB`) is read as the expression it names.
  const shared = element.pattern !== null && !element.pattern.literal.startsWith('/') && element.zod.startsWith(element.pattern.name);
  const zod = shared && element.pattern !== null ? element.pattern.literal + element.zod.slice(element.pattern.name.length) : element.zod;
  let type = elementType(zod, element.ts, column);
  if (column.type.array) type = `z.ZodArray<${type}>`;
  return column.nullable ? `z.ZodNullable<${type}>` : type;
}

function elementType(zod: string, ts: string, column: ColumnIR): string {
  // An enum of the schema is its `<Enum>Schema` constant.
  if (/^[A-Za-z0-9_$]+$/.test(zod)) return `typeof ${zod}`;
  // Repeated labels are one key, as in Zod's own `ToEnum`.
  const oneOf = [...new Set(column.meta.rules?.oneOf)];
  // `z.enum(['a', 'b'])` is `ZodEnum<{ a: 'a'; b: 'b' }>`; `z.literal([1, 2])` is `ZodLiteral<1 | 2>`.
  if (zod.startsWith('z.enum(')) return `z.ZodEnum<{ ${oneOf.map((v) => `${propertyKey(v)}: ${stringLiteral(v)}`).join('; ')} }>`;
  if (zod.startsWith('z.literal(')) return `z.ZodLiteral<${ts}>`;
  const head = factory.exec(zod)?.[0];
  return (head === undefined ? undefined : factoryTypes[head]) ?? `z.ZodType<${ts}, ${ts}>`;
}
