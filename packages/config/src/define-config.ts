import type { WesleyConfigInput } from './config-schema.js';

/**
 * Types a `wesley.config.ts` or `.mjs`: `export default defineConfig({ schema: 'schema.graphql' })`.
 * Returns its argument unchanged.
 */
export function defineConfig(config: WesleyConfigInput): WesleyConfigInput {
  return config;
}
