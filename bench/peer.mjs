import { codegen } from '@graphql-codegen/core';
import * as typescriptPlugin from '@graphql-codegen/typescript';
import * as validationSchemaPlugin from 'graphql-codegen-typescript-validation-schema';
import { buildASTSchema, parse } from 'graphql';

/**
 * Declarations of the Wesley directives the synthetic schema uses. graphql-codegen validates the
 * SDL with GraphQL's rules, which reject undeclared directives; Wesley knows its own vocabulary.
 * The peer parses and validates these few lines on every run too: a constant, small cost.
 */
export const peerDirectiveDeclarations = `
directive @wes_table(name: String) on OBJECT
directive @wes_index(columns: [String!], name: String, unique: Boolean, using: String, where: String) repeatable on OBJECT | FIELD_DEFINITION
directive @wes_pk on FIELD_DEFINITION
directive @wes_unique(columns: [String!], name: String) on OBJECT | FIELD_DEFINITION
directive @wes_check(expr: String!, name: String) repeatable on OBJECT | FIELD_DEFINITION
directive @wes_default(value: String, expr: String) on FIELD_DEFINITION
directive @wes_column(name: String, type: String) on FIELD_DEFINITION
directive @wes_fk(ref: String!, onDelete: String, onUpdate: String, deferrable: Boolean) on FIELD_DEFINITION
directive @wes_belongsTo on FIELD_DEFINITION
`;

/** TypeScript types for every scalar, so `strictScalars` proves none falls back to `any`. */
const scalarTypes = {
  ID: { input: 'string', output: 'string' },
  UUID: { input: 'string', output: 'string' },
  BigInt: { input: 'string', output: 'string' },
  Decimal: { input: 'string', output: 'string' },
  DateTime: { input: 'string', output: 'string' },
  Date: { input: 'string', output: 'string' },
  Time: { input: 'string', output: 'string' },
  JSON: { input: 'unknown', output: 'unknown' },
};

/** Zod schemas for the custom scalars (the plugin maps the built-in ones itself). */
const scalarSchemas = {
  UUID: 'z.uuid()',
  BigInt: 'z.string().regex(/^-?\\d+$/)',
  Decimal: 'z.string().regex(/^-?\\d+(\\.\\d+)?$/)',
  DateTime: 'z.iso.datetime({ offset: true })',
  Date: 'z.iso.date()',
  Time: 'z.iso.time()',
  JSON: 'z.json()',
};

/**
 * The peer's version of Wesley's TS + Zod job on the same SDL text: parse, build and validate the
 * schema, then `@graphql-codegen/typescript` + `graphql-codegen-typescript-validation-schema`
 * (zodv4, `withObjectType` so object types, which are Wesley's tables, get schemas too).
 * Returns the generated module text.
 */
export async function runPeer(sdl) {
  const document = parse(peerDirectiveDeclarations + sdl);
  const schemaAst = buildASTSchema(document);
  return codegen({
    filename: 'generated.ts',
    schema: document,
    schemaAst,
    documents: [],
    config: { strictScalars: true, scalars: scalarTypes },
    plugins: [{ typescript: {} }, { 'typescript-validation-schema': { schema: 'zodv4', withObjectType: true, scalarSchemas } }],
    pluginMap: { typescript: typescriptPlugin, 'typescript-validation-schema': validationSchemaPlugin },
  });
}
