import type { ColumnIR, EnumIR, RelationIR, SchemaIR, TableIR } from '../ir/types.js';
import { quoteIdent } from '../naming/quote-ident.js';
import { columnValue } from './column-value.js';
import type { EmitOptions } from './emit-options.js';
import { enumTypeNames } from './enum-type-names.js';
import { generatedHeader } from './generated-header.js';
import { insertMode } from './insert-mode.js';
import { bracketList, unionList } from './list-layout.js';
import { sessionSettings } from './session-settings.js';
import { commentText, propertyKey, stringLiteral, typeName } from './ts-syntax.js';

const jsonValue = [
  '/** A value of a `json` or `jsonb` column: exactly what `z.json()` accepts. */',
  'export type JsonValue =',
  '  | string',
  '  | number',
  '  | boolean',
  '  | null',
  '  | JsonValue[]',
  '  | { [key: string]: JsonValue };',
];

/**
 * The TypeScript module (`types.ts`) for `ir`. Per enum a union type and a same-named `const`
 * object of its labels. Per table `T` (its GraphQL name):
 *
 * - `T`: a row, every column by its GraphQL name; a nullable column is `X | null`, never optional.
 * - `TInsert`: what an insert takes: generated and derived columns left out, columns with a default or that
 *   accept NULL optional (`?: X | undefined`, plus `| null` when nullable).
 * - `TPublic`: the row without `@wes_sensitive` columns (only for tables that have some).
 * - `TRelations`: the relation fields, all optional (present when loaded); `TWithRelations`
 *   is `T` with them. Relations point at `UWithRelations`, so nested loads type-check.
 * - `TSessionSettings` (a `const` and its type), for a table with `@wes_tenant` or
 *   `@wes_owner(column:)`: the session settings its policies compare the tenant (`tenant`) and
 *   owner (`user`) columns with, so a data-access layer types its `set_config` calls by them
 *   (docs/rls.md).
 *
 * `T`, `TInsert` and `TPublic` are exactly the `z.infer` of the schemas {@link emitZod} emits.
 * Deterministic: equal IRs give equal text.
 */
export function emitTypeScript(ir: SchemaIR, options: EmitOptions = {}): string {
  const enumNames = enumTypeNames(ir);
  const out: string[] = [generatedHeader(options), '', ...jsonValue];
  for (const enumIR of ir.enums) out.push('', enumSection(enumIR));
  for (const table of ir.tables) out.push('', tableSection(table, enumNames));
  out.push('');
  return out.join('\n');
}

function enumSection(enumIR: EnumIR): string {
  const name = typeName(enumIR.graphqlName);
  const labels = enumIR.values.map(stringLiteral);
  const entries = enumIR.values.map((value, i) => `${propertyKey(value)}: ${labels[i]}`);
  return [
    `/** PostgreSQL enum \`${commentText(quoteIdent(enumIR.name))}\`. */`,
    unionList(`export type ${name} =`, labels.length === 0 ? ['never'] : labels),
    entries.length === 0 ? `export const ${name} = {} as const;` : bracketList(`export const ${name} = { `, entries, ' } as const;'),
  ].join('\n');
}

/** One table's types as one string; fields are appended to strings, the hot path of the emitter. */
function tableSection(table: TableIR, enumNames: ReadonlyMap<string, string>): string {
  const name = typeName(table.graphqlName);
  let row = '';
  let insert = '';
  let publicRow = '';
  let sensitive = false;
  for (const column of table.columns) {
    const value = columnValue(column, enumNames);
    const key = propertyKey(column.graphqlName);
    const type = column.nullable ? `${value.ts} | null` : value.ts;
    const field = `  /** ${columnComment(column)} */\n  ${key}: ${type};\n`;
    row += field;
    if (column.meta.sensitive) sensitive = true;
    else publicRow += field;
    const mode = insertMode(column);
    if (mode === 'required') insert += `  ${key}: ${type};\n`;
    else if (mode === 'optional') insert += `  ${key}?: ${type} | undefined;\n`;
  }
  let relations = '';
  for (const relation of table.relations) relations += relationField(relation);
  const tableRef = commentText(quoteIdent(table.name));
  let text =
    `/** A row of \`${tableRef}\`: its columns. With relations: {@link ${name}WithRelations}. */\n` +
    `${shape(name, row)}\n\n` +
    `/** A new row of \`${tableRef}\`: generated columns left out, defaulted and nullable ones optional. */\n` +
    `${shape(`${name}Insert`, insert)}\n\n`;
  if (sensitive) text += `/** {@link ${name}} without its sensitive columns. */\n${shape(`${name}Public`, publicRow)}\n\n`;
  return (
    text +
    `/** The relations of {@link ${name}}: not columns, present when loaded. */\n` +
    `export interface ${name}Relations {${relations === '' ? '' : `\n${relations}`}}\n\n` +
    // An empty row is `Record<string, never>`, which no relation field could extend.
    `export interface ${name}WithRelations extends ${row === '' ? '' : `${name}, `}${name}Relations {}` +
    sessionSettingsSection(table, name, tableRef)
  );
}

function sessionSettingsSection(table: TableIR, name: string, tableRef: string): string {
  const entries = sessionSettings(table).map(([key, setting]) => `${key}: ${stringLiteral(setting)}`);
  if (entries.length === 0) return '';
  return (
    `\n\n/** The session settings the row-level security of \`${tableRef}\` reads: set each with \`set_config(name, value, true)\` in the transaction. */\n` +
    `export const ${name}SessionSettings = { ${entries.join(', ')} } as const;\n` +
    `export type ${name}SessionSettings = typeof ${name}SessionSettings;`
  );
}

/**
 * An object type for a schema's shape (`fields` are complete lines): an interface, or
 * `Record<string, never>` when it has no fields, because that is what `z.infer` gives for
 * `z.object({})`.
 */
function shape(name: string, fields: string): string {
  return fields === '' ? `export type ${name} = Record<string, never>;` : `export interface ${name} {\n${fields}}`;
}

function columnComment(column: ColumnIR): string {
  const text = `\`${quoteIdent(column.name)}\` ${column.type.sql}${column.generated === null ? '' : ', generated'}`;
  return commentText(text);
}

function relationField(relation: RelationIR): string {
  const target = `${typeName(relation.target)}WithRelations`;
  const type = relation.cardinality === 'many' ? `${target}[]` : relation.nullable ? `${target} | null` : target;
  return `  ${propertyKey(relation.field)}?: ${type};\n`;
}
