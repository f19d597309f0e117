import type { EnumIR, SchemaIR, TableIR } from '../ir/types.js';
import type { EmitOptions } from './emit-options.js';
import { emitTypeScript } from './emit-typescript.js';
import { enumTypeNames } from './enum-type-names.js';
import { insertMode } from './insert-mode.js';
import { bracketList } from './list-layout.js';
import { sessionSettings } from './session-settings.js';
import { propertyKey, stringLiteral, typeName } from './ts-syntax.js';
import { zodSchemaType } from './zod-schema-type.js';

/**
 * The declaration file TypeScript reads for a schema module (`schema.d.graphql.ts` beside
 * `schema.graphql`, under `allowArbitraryExtensions`): every type of {@link emitTypeScript}
 * (rows, inserts, relations, enums, `JsonValue`) and a `declare const` for every value of
 * {@link emitModule}, typed as precisely as TypeScript would infer them from the code:
 * `OrderSchema` is a `z.ZodObject` of the exact field schemas, so `z.infer<typeof OrderSchema>`
 * is identical to `Order`, and `.shape`, `.pick`, `.extend`, `.parse`, `.safeParse` work as on
 * the schema itself. Imports only types from `zod`. Deterministic: equal IRs give equal text.
 */
export function emitModuleDeclarations(ir: SchemaIR, options: EmitOptions = {}): string {
  let types = emitTypeScript(ir, options);
  // A declaration file holds no initializers: each enum's `as const` object becomes a
  // `declare const` of the same readonly type.
  for (const enumIR of ir.enums) {
    const { object, declaration } = enumObject(enumIR);
    const at = types.indexOf(object);
    if (at === -1) throw new Error(`emitModuleDeclarations: emitTypeScript no longer declares ${typeName(enumIR.graphqlName)} as expected`);
    types = types.slice(0, at) + declaration + types.slice(at + object.length);
  }
  // So does each table's `as const` object of session settings.
  for (const table of ir.tables) {
    const settings = sessionSettings(table);
    if (settings.length === 0) continue;
    const name = typeName(table.graphqlName);
    const object = `export const ${name}SessionSettings = { ${settings.map(([key, setting]) => `${key}: ${stringLiteral(setting)}`).join(', ')} } as const;`;
    const at = types.indexOf(object);
    if (at === -1) throw new Error(`emitModuleDeclarations: emitTypeScript no longer declares ${name}SessionSettings as expected`);
    const declaration = typeLiteral(
      `export declare const ${name}SessionSettings: `,
      settings.map(([key, setting]) => `readonly ${key}: ${stringLiteral(setting)}`),
      ';',
    );
    types = types.slice(0, at) + declaration + types.slice(at + object.length);
  }
  if (ir.enums.length === 0 && ir.tables.length === 0) return types;
  const enumNames = enumTypeNames(ir);
  const schemas = [...ir.enums.map(enumSchema), ...ir.tables.map((table) => tableSchemas(table, enumNames))];
  const newline = types.indexOf('\n');
  return `${types.slice(0, newline)}\nimport type { z } from 'zod';${types.slice(newline)}\n${schemas.join('\n\n')}\n`;
}

/** `emitTypeScript`'s object of `enumIR`'s labels, and its declaration. */
function enumObject(enumIR: EnumIR): { object: string; declaration: string } {
  const name = typeName(enumIR.graphqlName);
  const labels = enumIR.values.map(stringLiteral);
  const keys = enumIR.values.map(propertyKey);
  if (labels.length === 0) return { object: `export const ${name} = {} as const;`, declaration: `export declare const ${name}: {};` };
  return {
    object: bracketList(
      `export const ${name} = { `,
      keys.map((key, i) => `${key}: ${labels[i]}`),
      ' } as const;',
    ),
    declaration: typeLiteral(
      `export declare const ${name}: `,
      keys.map((key, i) => `readonly ${key}: ${labels[i]}`),
      ';',
    ),
  };
}

function enumSchema(enumIR: EnumIR): string {
  const name = typeName(enumIR.graphqlName);
  const comment = `/** The Zod schema of {@link ${name}}. */\n`;
  if (enumIR.values.length === 0) return `${comment}export declare const ${name}Schema: z.ZodNever;`;
  const entries = enumIR.values.map((value) => `${propertyKey(value)}: ${stringLiteral(value)}`);
  return comment + typeLiteral(`export declare const ${name}Schema: z.ZodEnum<`, entries, '>;');
}

/** A table's schema declarations: row, insert and (with sensitive columns) public. */
function tableSchemas(table: TableIR, enumNames: ReadonlyMap<string, string>): string {
  const name = typeName(table.graphqlName);
  let row = '';
  let insert = '';
  let publicRow = '';
  let sensitive = false;
  for (const column of table.columns) {
    const type = zodSchemaType(column, enumNames);
    const field = `  ${propertyKey(column.graphqlName)}: ${type};\n`;
    row += field;
    if (column.meta.sensitive) sensitive = true;
    else publicRow += field;
    const mode = insertMode(column);
    if (mode === 'required') insert += field;
    else if (mode === 'optional') insert += `  ${propertyKey(column.graphqlName)}: z.ZodOptional<${type}>;\n`;
  }
  let text =
    `/** The Zod schema of {@link ${name}}. */\n${objectSchema(`${name}Schema`, row)}\n\n` +
    `/** The Zod schema of {@link ${name}Insert}. */\n${objectSchema(`${name}InsertSchema`, insert)}`;
  if (sensitive) text += `\n\n/** The Zod schema of {@link ${name}Public}. */\n${objectSchema(`${name}PublicSchema`, publicRow)}`;
  return text;
}

/**
 * An object type literal as Prettier prints it: `head{ a; b }tail` when it fits in 80 columns,
 * else one member per line.
 */
function typeLiteral(head: string, members: readonly string[], tail: string): string {
  const inline = `${head}{ ${members.join('; ')} }${tail}`;
  if (inline.length <= 80) return inline;
  return `${head}{\n${members.map((member) => `  ${member};`).join('\n')}\n}${tail}`;
}

/** A `z.object({...})` declaration of complete field lines. */
function objectSchema(name: string, fields: string): string {
  return `export declare const ${name}: z.ZodObject<{${fields === '' ? '' : `\n${fields}`}}, z.core.$strip>;`;
}
