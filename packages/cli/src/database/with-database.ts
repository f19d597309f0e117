import type { CliContext, OutputStream } from '../cli-context.js';
import { chooseDatabase, type DatabaseFlagValues } from './choose-database.js';
import type { DatabaseTarget } from './database-target.js';
import { openDatabase } from './open-database.js';

/**
 * Opens the command's database (see `chooseDatabase` and `openDatabase`), writes which one to
 * `notes` (`wesley <command>: database <url without password> (<origin>)`), runs `body`, and
 * stops the embedded server afterwards if this command started it, whatever `body` does. A new
 * embedded cluster is announced on stderr in one line.
 */
export async function withDatabase<T>(
  command: string,
  values: DatabaseFlagValues,
  context: CliContext,
  notes: OutputStream,
  body: (target: DatabaseTarget) => Promise<T>,
): Promise<T> {
  const target = await openDatabase({ ...chooseDatabase(command, values, context.cwd), cwd: context.cwd, env: context.env ?? process.env });
  try {
    if (target.newCluster !== null) {
      context.stderr.write(`wesley ${command}: created a new embedded PostgreSQL cluster in ${target.newCluster} (empty)\n`);
    }
    notes.write(`wesley ${command}: database ${target.label} (${target.origin})\n`);
    return await body(target);
  } finally {
    await target.close();
  }
}
