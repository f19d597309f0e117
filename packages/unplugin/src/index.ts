/**
 * `@wesley/unplugin`: import a Wesley schema (`./schema.graphql`) as Zod validators and enum
 * objects, with types through a generated `schema.d.graphql.ts`. Use the bundler's entry:
 * `@wesley/unplugin/vite`, `/esbuild`, `/rollup` or `/webpack`.
 */
export { unplugin, unplugin as default, type Options } from './core/index.js';
