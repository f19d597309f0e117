import { quoteIdent } from '@wesley/core/run';
import { connect } from '@wesley/postgres/run';

/** SQLSTATE duplicate_database: another process created it between the check and the CREATE. */
const duplicateDatabase = '42P04';

/** Creates database `name` on the server of `adminUrl` unless it exists. */
export async function ensureDatabase(adminUrl: string, name: string): Promise<void> {
  const session = await connect(adminUrl);
  try {
    const { rows } = await session.query('SELECT 1 FROM pg_catalog.pg_database WHERE datname = $1', [name]);
    if (rows.length > 0) return;
    await session.query(`CREATE DATABASE ${quoteIdent(name)}`).catch((error: unknown) => {
      if ((error as { code?: unknown }).code !== duplicateDatabase) throw error;
    });
  } finally {
    await session.close();
  }
}
