import path from 'node:path';
import type { CliContext, OutputStream } from '../cli-context.js';
import type { DatabaseTarget } from './database-target.js';
import { openDatabase } from './open-database.js';

/** The parsed database flags (see `databaseFlags`). */
export interface DatabaseFlagValues {
  readonly 'database-url'?: string | undefined;
  readonly 'project-root'?: string | undefined;
}

/**
 * Opens the command's database (see `openDatabase`), writes which one to `notes`
 * (`wesley <command>: database <url without password> (<origin>)`), runs `body`, and stops the
 * embedded server afterwards if this command started it, whatever `body` does.
 */
export async function withDatabase<T>(
  command: string,
  values: DatabaseFlagValues,
  context: CliContext,
  notes: OutputStream,
  body: (target: DatabaseTarget) => Promise<T>,
): Promise<T> {
  const target = await openDatabase({
    url: values['database-url'],
    projectRoot: path.resolve(context.cwd, values['project-root'] ?? '.'),
    cwd: context.cwd,
    env: context.env ?? process.env,
  });
  try {
    notes.write(`wesley ${command}: database ${target.label} (${target.origin})\n`);
    return await body(target);
  } finally {
    await target.close();
  }
}
