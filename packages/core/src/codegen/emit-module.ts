import type { EnumIR, SchemaIR, TableIR } from '../ir/types.js';
import { quoteIdent } from '../naming/quote-ident.js';
import type { EmitOptions } from './emit-options.js';
import { emitZod } from './emit-zod.js';
import { bracketList } from './list-layout.js';
import { sessionSettings } from './session-settings.js';
import { commentText, propertyKey, stringLiteral, typeName } from './ts-syntax.js';

/**
 * Each `export const name = expression;` statement of {@link emitZod}'s module, and each schema
 * it shares between columns unexported (`const JSONB = z.json()...;`): the statement ends at
 * the first line that ends with `;` (field lines end with `,`, and no string literal spans
 * lines). Shared regular expressions (`const NO_NUL = /.../;`) have no effect to mark.
 */
const schemaConst = /^((?:export )?const [A-Za-z0-9_$]+) = (?!\/)([\s\S]*?);$/gm;

/**
 * The JavaScript ES module a bundler serves for `import ... from './schema.graphql'`: the values
 * of {@link emitTypeScript} and {@link emitZod} in one module, in plain JavaScript. Per table `T`
 * the schemas `TSchema`, `TInsertSchema` and, with sensitive columns, `TPublicSchema`; per enum
 * `<Enum>Schema` and the frozen object of its labels (`OrderStatus.PAID`); per table with
 * row-level security settings, the frozen `TSessionSettings`.
 * {@link emitModuleDeclarations} writes the matching types.
 *
 * The schemas are `emitZod`'s code itself, so the two cannot disagree. It imports only `zod`,
 * never graphql. Every export is a top-level `const` whose initializer is marked `@__PURE__`,
 * so Rollup, Rolldown, esbuild and Terser drop the ones nobody imports. Deterministic: equal IRs
 * give equal text.
 */
export function emitModule(ir: SchemaIR, options: EmitOptions = {}): string {
  // A call's arguments are effects of their own (`z.object({ id: z.guid() })` calls `z.guid`
  // first) and the inner calls of a chain cannot be annotated one by one, so each initializer
  // runs in an arrow function whose single call is marked pure: kept or dropped as a whole.
  const schemas = emitZod(ir, options).replace(
    schemaConst,
    (_, declaration: string, expression: string) => `${declaration} = /* @__PURE__ */ (() => ${expression})();`,
  );
  return `${schemas}${ir.enums.map(enumObject).join('')}${ir.tables.map(sessionSettingsObject).join('')}`;
}

/** The session settings `table`'s row-level security reads, as `emitTypeScript`'s `as const` object, frozen; '' when none. */
function sessionSettingsObject(table: TableIR): string {
  const entries = sessionSettings(table).map(([key, setting]) => `${key}: ${stringLiteral(setting)}`);
  if (entries.length === 0) return '';
  const name = typeName(table.graphqlName);
  return `\n/** The session settings the row-level security of \`${commentText(quoteIdent(table.name))}\` reads. */\nexport const ${name}SessionSettings = /* @__PURE__ */ Object.freeze({ ${entries.join(', ')} });\n`;
}

/** The labels of `enumIR` as a frozen object, the value of `emitTypeScript`'s `as const` object. */
function enumObject(enumIR: EnumIR): string {
  const name = typeName(enumIR.graphqlName);
  const entries = enumIR.values.map((value) => `${propertyKey(value)}: ${stringLiteral(value)}`);
  const head = `export const ${name} = /* @__PURE__ */ Object.freeze({`;
  const object = entries.length === 0 ? `${head}});` : bracketList(`${head} `, entries, ' });');
  return `\n/** The labels of PostgreSQL enum \`${commentText(quoteIdent(enumIR.name))}\`. */\n${object}\n`;
}
