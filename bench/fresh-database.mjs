import { quoteIdent } from '@wesley/core';
import { connect } from '@wesley/postgres';

/**
 * A new database `name` on the server at `serverUrl`, filled by `fill` (a session on it), then
 * vacuumed and analysed (`tables`) and checkpointed, so that every run of a bench starts alike:
 * no dead rows, fresh statistics, and no checkpoint of the fill's writes during the run.
 * @returns the new database's URL
 */
export async function freshDatabase(serverUrl, name, tables, fill) {
  const admin = await connect(serverUrl);
  try {
    await admin.query(`CREATE DATABASE ${quoteIdent(name)}`);
  } finally {
    await admin.close();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const session = await connect(url.href);
  try {
    await fill(session);
    await session.query(`VACUUM (FREEZE, ANALYZE) ${tables.join(', ')}`);
    await session.query('CHECKPOINT');
  } finally {
    await session.close();
  }
  return url.href;
}
