import type { Command } from './command.js';
import { driftCommand } from './drift.js';
import { generateCommand } from './generate.js';
import { migrateCommand } from './migrate.js';
import { planCommand } from './plan.js';
import { statusCommand } from './status.js';
import { watchCommand } from './watch.js';

export type { Command } from './command.js';

/** Every `wesley` sub-command, in the order `wesley --help` lists them. */
export const commands: readonly Command[] = [generateCommand, watchCommand, planCommand, migrateCommand, statusCommand, driftCommand];
