/**
 * @wesley/cli: the `wesley` command. The programmatic surface is small: run the CLI in-process,
 * or reuse its diagnostic formatter.
 */
export { runCli } from './run-cli.js';
export { colorEnabled, type CliContext, type OutputStream } from './cli-context.js';
export { UsageError } from './usage-error.js';
export { exitCodes } from './exit-codes.js';
export { commands, type Command, type CommandOption, type CommandOptions } from './commands/index.js';
export {
  formatDiagnostic,
  type DiagnosticSource,
  formatDiagnosticSummary,
  writeDiagnostics,
  ansiStyle,
  plainStyle,
  styleFor,
  type Style,
} from './output/index.js';
export {
  renderArtifacts,
  formatIrJson,
  compareArtifacts,
  writeArtifacts,
  type Artifact,
  type ArtifactState,
  type ArtifactStatus,
} from './generate/index.js';
export { loadSchemaSources } from './schema/index.js';
export {
  loadConfig,
  resolveConfig,
  defineConfig,
  configFileNames,
  ConfigError,
  wesleyConfigSchema,
  type WesleyConfig,
  type WesleyConfigInput,
  type DatabaseConfig,
  type ConfigIssue,
  type ConfigFileName,
} from '@wesley/config';
