/**
 * GraphQL Code Generator as `graphql-codegen` with a codegen.yml runs it: the schema loaded by
 * `@graphql-tools/load` with the CLI's own defaults (packages/graphql-codegen-cli/src/load.ts:
 * `assumeValidSDL`, `sort`, `convertExtensions`, `includeSources`), then `codegen()` of
 * `@graphql-codegen/core` once per output file with the root `config` merged into the output's,
 * the schema given both as a document and as the loaded `GraphQLSchema`. The Wesley plugin is
 * imported by its package name, as codegen imports a plugin named in codegen.yml.
 */
import { codegen } from '@graphql-codegen/core';
import { getCachedDocumentNodeFromSchema } from '@graphql-codegen/plugin-helpers';
import * as typescriptPlugin from '@graphql-codegen/typescript';
import { GraphQLFileLoader } from '@graphql-tools/graphql-file-loader';
import { loadSchema } from '@graphql-tools/load';
import * as wesleyPlugin from '@wesley/core/graphql-codegen';
import type { GraphQLSchema } from 'graphql';
import { createRequire } from 'node:module';

/**
 * graphql as codegen and the plugin see it. Vitest gives a test file graphql's ES build while
 * Node gives packages its CommonJS build, and graphql refuses types from the other copy: a test
 * that builds a schema for codegen builds it with this one.
 */
export const codegenGraphql = createRequire(import.meta.url)('graphql') as typeof import('graphql');

/** The plugins a test can name, under the names codegen.yml uses. */
export const pluginMap = { typescript: typescriptPlugin, '@wesley/core/graphql-codegen': wesleyPlugin };

export type PluginName = keyof typeof pluginMap;

/** Loads SDL files as the codegen CLI loads `schema:`. */
export function loadCodegenSchema(files: readonly string[]): Promise<GraphQLSchema> {
  return loadSchema([...files], {
    loaders: [new GraphQLFileLoader()],
    assumeValidSDL: true,
    sort: true,
    convertExtensions: true,
    includeSources: true,
  });
}

/** One `generates:` entry: its file name, plugins (with their own config) and the output's config. */
export interface CodegenOutputFile {
  readonly filename: string;
  readonly plugins: readonly Partial<Record<PluginName, Record<string, unknown>>>[];
  readonly config?: Record<string, unknown>;
}

/** Generates one output file's text, as the CLI does for one `generates:` entry. */
export function generate(schemaAst: GraphQLSchema, rootConfig: Record<string, unknown>, output: CodegenOutputFile): Promise<string> {
  return codegen({
    filename: output.filename,
    schema: getCachedDocumentNodeFromSchema(schemaAst),
    schemaAst,
    documents: [],
    config: { ...rootConfig, ...output.config },
    plugins: output.plugins.map((plugin) => ({ ...plugin })),
    pluginMap,
  });
}
