import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

/** File in the data directory holding the superuser's name and password Wesley generated at initdb. */
export const credentialsFileName = 'wesley-credentials.json';

export interface ClusterCredentials {
  readonly user: string;
  readonly password: string;
}

/** Reads the credentials of a data directory Wesley initialised. */
export async function readCredentials(dataDir: string): Promise<ClusterCredentials> {
  let text: string;
  try {
    text = await readFile(join(dataDir, credentialsFileName), 'utf8');
  } catch {
    throw new Error(
      `${dataDir} is a PostgreSQL data directory that Wesley did not create (no ${credentialsFileName}); ` +
        'start that server yourself and set DATABASE_URL, or use another directory',
    );
  }
  const parsed = JSON.parse(text) as Partial<ClusterCredentials>;
  if (typeof parsed.user !== 'string' || typeof parsed.password !== 'string') {
    throw new Error(`${join(dataDir, credentialsFileName)} is damaged; remove the data directory to start afresh`);
  }
  return { user: parsed.user, password: parsed.password };
}
