import type { SchemaIR } from '@wesley/core';
import { connect, ConnectionError, introspect, matchSchemaSpelling, redactPassword, type Connection } from '@wesley/postgres';
import { PlanInputError } from './plan-input-error.js';
import type { SchemaInput } from './schema-input.js';

/**
 * Reads the current schema of a live database: its `server_version_num` and the tables and
 * enums of `schema` (introspected into the IR; never its partitions, which a plan's steps read
 * when they run). With `comparedWith`, the schema it is about to be diffed against, its
 * expressions take that schema's spelling wherever the server stores both alike
 * (`matchSchemaSpelling`), so that `a < b + 1` is not reported or planned as a change from
 * `(a < (b + 1))`. Every message names the URL without its password.
 *
 * @throws PlanInputError when the database cannot be reached, the schema does not exist, or a
 * catalog query fails.
 */
export async function readDatabaseSchema(url: string, schema: string, comparedWith: SchemaIR | null = null): Promise<SchemaInput> {
  let session: Connection;
  try {
    session = await connect(url);
  } catch (error) {
    if (error instanceof ConnectionError) throw new PlanInputError(error.message, error.help);
    throw error;
  }
  const label = session.displayUrl;
  try {
    const { rows } = await session.query<{ version: string; found: boolean }>(
      `SELECT current_setting('server_version_num') AS version,
              EXISTS (SELECT 1 FROM pg_catalog.pg_namespace WHERE nspname = $1) AS found`,
      [schema],
    );
    const row = rows[0];
    if (row?.found !== true) {
      throw new PlanInputError(
        `schema "${schema}" does not exist in ${label}`,
        'pass the schema to read with --schema <name> (default public)',
      );
    }
    const live = await introspect(session, { schema });
    const { ir, notice } =
      comparedWith === null ? { ir: live, notice: null } : await matchSchemaSpelling(session, live, comparedWith, schema);
    const notices = notice === null ? [] : [redactPassword(notice, url)];
    return { label, ir, sources: [], diagnostics: [], serverVersion: Number(row.version), notices };
  } catch (error) {
    if (error instanceof PlanInputError) throw error;
    const reason = redactPassword(error instanceof Error ? error.message : String(error), url);
    throw new PlanInputError(
      `reading the schema of ${label} failed: ${reason}`,
      'check that the user may read the catalog of that database',
    );
  } finally {
    await session.close();
  }
}
