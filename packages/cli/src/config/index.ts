export { configFileNames, type ConfigFileName } from './config-file-names.js';
export { ConfigError, type ConfigIssue } from './config-error.js';
export { wesleyConfigSchema, type WesleyConfigInput } from './config-schema.js';
export type { DatabaseConfig, WesleyConfig } from './wesley-config.js';
export { loadConfig } from './load-config.js';
export { resolveConfig } from './resolve-config.js';
export { defineConfig } from './define-config.js';
