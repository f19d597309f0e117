/**
 * @wesley/config: Wesley's config file (`wesley.config.json`, `.mjs` or `.ts`), its shape, loader
 * and `defineConfig`; `@wesley/config/files` has the one write-if-changed every generated file
 * goes through. Light on purpose (zod and write-file-atomic; esbuild only for a `.ts` config):
 * the bundler and Nx plugins import it without pulling in the `wesley` command or PostgreSQL.
 */
export { configFileNames, type ConfigFileName } from './config-file-names.js';
export { ConfigError, type ConfigIssue } from './config-error.js';
export { wesleyConfigSchema, type WesleyConfigInput } from './config-schema.js';
export type { DatabaseConfig, WesleyConfig } from './wesley-config.js';
export { loadConfig } from './load-config.js';
export { resolveConfig } from './resolve-config.js';
export { defineConfig } from './define-config.js';
export { parseUsageWindow } from './usage-window.js';
export { parseMigrationWindow, type MigrationWindow } from './migration-window.js';
export { describeWindowTime, windowState, type WindowState } from './window-schedule.js';
