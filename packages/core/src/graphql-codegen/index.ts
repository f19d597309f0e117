/**
 * `@wesley/core/graphql-codegen`: a GraphQL Code Generator plugin that writes Wesley's row types
 * and Zod schemas from the schema codegen loads, next to `@graphql-codegen/typescript`:
 *
 * ```yaml
 * generates:
 *   src/generated/wesley.ts:
 *     plugins:
 *       - '@wesley/core/graphql-codegen'
 * ```
 *
 * Pure like the rest of the package: codegen passes the schema in and writes the text out.
 */
export { plugin } from './plugin.js';
export { validate } from './validate.js';
export type { CodegenOutput, WesleyCodegenConfig } from './codegen-config.js';
