import type { Command } from './command.js';
import { driftCommand } from './drift/drift-command.js';
import { explainCommand } from './explain/explain-command.js';
import { generateCommand } from './generate/generate-command.js';
import { initCommand } from './init/init-command.js';
import { lintCommand } from './lint/lint-command.js';
import { migrateCommand } from './migrate/migrate-command.js';
import { planCommand } from './plan/plan-command.js';
import { statusCommand } from './status/status-command.js';
import { usageCommand } from './usage/usage-command.js';
import { watchCommand } from './watch/watch-command.js';

export type { Command } from './command.js';
export type { CommandOption, CommandOptions } from './command-option.js';

/**
 * Every `wesley` sub-command, in the order `wesley --help` lists them. Each is its definition
 * alone (name, summary, flags, help): its implementation is imported when it runs.
 */
export const commands: readonly Command[] = [
  initCommand,
  generateCommand,
  watchCommand,
  planCommand,
  explainCommand,
  lintCommand,
  migrateCommand,
  statusCommand,
  driftCommand,
  usageCommand,
];
