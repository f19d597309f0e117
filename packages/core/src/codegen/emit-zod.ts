import type { EnumIR, SchemaIR, TableIR } from '../ir/types.js';
import { quoteIdent } from '../naming/quote-ident.js';
import { columnValue } from './column-value.js';
import type { EmitOptions } from './emit-options.js';
import { enumTypeNames } from './enum-type-names.js';
import { generatedHeader } from './generated-header.js';
import { insertMode } from './insert-mode.js';
import { bracketList } from './list-layout.js';
import { commentText, propertyKey, stringLiteral, typeName } from './ts-syntax.js';

/**
 * The Zod 4 module (`zod.ts`) for `ir`: `<Enum>Schema` per enum, and per table `T` a row schema
 * `TSchema`, an insert schema `TInsertSchema` and, for tables with `@wes_sensitive` columns,
 * `TPublicSchema` (the row without them). Relations are not columns and not in the schemas.
 * `z.infer` of each schema is exactly the type of the same name that {@link emitTypeScript}
 * emits (`T`, `TInsert`, `TPublic`, the enum type).
 *
 * The module imports only `zod` and holds no TypeScript-only syntax, so it is also valid
 * JavaScript and can be bundled on its own. Patterns used by several columns (`numeric(p, s)`,
 * `bytea`, `timetz`) are module constants built once. Deterministic: equal IRs give equal text.
 */
export function emitZod(ir: SchemaIR, options: EmitOptions = {}): string {
  const enumNames = enumTypeNames(ir);
  const patterns = new Map<string, string>();
  const body: string[] = [];
  for (const enumIR of ir.enums) body.push('', enumLine(enumIR));
  for (const table of ir.tables) body.push('', tableSection(table, enumNames, patterns));
  // With nothing to declare, an unused `z` would fail `noUnusedLocals`; `export {}` keeps it a module.
  if (body.length === 0) return `${generatedHeader(options)}\nexport {};\n`;
  const out = [generatedHeader(options), "import { z } from 'zod';"];
  if (patterns.size > 0) out.push('');
  for (const name of [...patterns.keys()].sort()) out.push(`const ${name} = ${patterns.get(name)};`);
  out.push(...body, '');
  return out.join('\n');
}

function enumLine(enumIR: EnumIR): string {
  const head = `export const ${typeName(enumIR.graphqlName)}Schema = `;
  if (enumIR.values.length === 0) return `${head}z.never();`;
  return bracketList(`${head}z.enum([`, enumIR.values.map(stringLiteral), ']);');
}

/** One table's schemas as one string; fields are appended to strings, the hot path of the emitter. */
function tableSection(table: TableIR, enumNames: ReadonlyMap<string, string>, patterns: Map<string, string>): string {
  const name = typeName(table.graphqlName);
  let row = '';
  let insert = '';
  const sensitive: string[] = [];
  for (const column of table.columns) {
    const value = columnValue(column, enumNames);
    if (value.pattern !== null) patterns.set(value.pattern.name, value.pattern.literal);
    const key = propertyKey(column.graphqlName);
    const field = `  ${key}: ${column.nullable ? `${value.zod}.nullable()` : value.zod}`;
    row += `${field},\n`;
    if (column.meta.sensitive) sensitive.push(`${key}: true`);
    const mode = insertMode(column);
    if (mode === 'required') insert += `${field},\n`;
    else if (mode === 'optional') insert += `${field}.optional(),\n`;
  }
  const tableRef = commentText(quoteIdent(table.name));
  let text =
    `/** A row of \`${tableRef}\`. */\n` +
    `export const ${name}Schema = ${object(row)}\n\n` +
    `/** A new row of \`${tableRef}\`: generated columns left out, defaulted and nullable ones optional. */\n` +
    `export const ${name}InsertSchema = ${object(insert)}`;
  if (sensitive.length > 0) {
    text +=
      `\n\n/** A row of \`${tableRef}\` without its sensitive columns. */\n` +
      bracketList(`export const ${name}PublicSchema = ${name}Schema.omit({ `, sensitive, ' });');
  }
  return text;
}

/** `z.object({...});` of complete field lines. */
function object(fields: string): string {
  return fields === '' ? 'z.object({});' : `z.object({\n${fields}});`;
}
