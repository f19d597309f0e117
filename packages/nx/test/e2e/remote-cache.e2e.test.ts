import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleSchema } from '../sample-configs.js';
import { ensureBuilt, nxWorkspace, type NxWorkspace } from './nx-workspace.js';
import { remoteCacheServer, type RemoteCacheServer } from './remote-cache-server.js';

const files = {
  'libs/db/project.json': JSON.stringify({ name: 'db' }),
  'libs/db/wesley.config.json': JSON.stringify({ schema: 'schema.graphql' }),
  'libs/db/schema.graphql': sampleSchema,
};
const token = 'remote-cache-test-token';
let server: RemoteCacheServer;
let cloneA: NxWorkspace;
let cloneB: NxWorkspace;

beforeAll(async () => {
  await ensureBuilt();
  server = await remoteCacheServer(token);
  // Two clones of the same repository, each with its own (empty) local cache and workspace data.
  cloneA = await nxWorkspace(files, 'wesley-nx-clone-a-');
  cloneB = await nxWorkspace(files, 'wesley-nx-clone-b-');
}, 120_000);
afterAll(async () => {
  await cloneA?.remove();
  await cloneB?.remove();
  await server?.close();
});

const remote = () => ({ NX_SELF_HOSTED_REMOTE_CACHE_SERVER: server.url, NX_SELF_HOSTED_REMOTE_CACHE_ACCESS_TOKEN: token });

/** Every file under `directory` (relative paths) with its content. */
async function tree(root: string, directory: string): Promise<Record<string, string>> {
  const entries = await readdir(path.join(root, directory), { recursive: true, withFileTypes: true });
  const files = entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)))
    .sort();
  return Object.fromEntries(await Promise.all(files.map(async (file) => [file, await readFile(path.join(root, file), 'utf8')] as const)));
}

describe("Nx's self-hosted remote cache shared by two clones", { timeout: 60_000 }, () => {
  it('clone B gets generate and plan from the cache clone A filled, with identical outputs', async () => {
    const filled = await cloneA.nx(['run-many', '-t', 'generate', 'plan', '--parallel=1'], remote());
    expect(filled.code, filled.stdout + filled.stderr).toBe(0);
    expect(filled.stdout).toContain('Cache:             0/2 hit');
    expect(server.entries.size).toBe(2);
    expect(server.requests.filter((request) => request.startsWith('PUT')).map((request) => request.split(' ')[2])).toEqual(['200', '200']);

    const served = await cloneB.nx(['run-many', '-t', 'generate', 'plan', '--parallel=1'], remote());
    expect(served.code, served.stdout + served.stderr).toBe(0);
    expect(served.stdout).toMatch(/nx run db:generate\s+\[remote cache\]/);
    expect(served.stdout).toMatch(/nx run db:plan\s+\[remote cache\]/);
    expect(served.stdout).toContain('Cache:             2/2 hit');
    expect(server.requests.filter((request) => request.startsWith('GET') && request.endsWith(' 200'))).toHaveLength(2);

    for (const directory of ['libs/db/generated', 'libs/db/.wesley/plan']) {
      const [a, b] = [await tree(cloneA.root, directory), await tree(cloneB.root, directory)];
      expect(Object.keys(b).length).toBeGreaterThan(0);
      expect(b).toEqual(a);
    }
  });

  it('a wrong token: the server refuses it and Nx stops with its reason, storing nothing', async () => {
    const before = server.requests.length;
    await cloneB.write('libs/db/schema.graphql', `${sampleSchema}\ntype Team @wes_table {\n  id: UUID! @wes_pk\n}\n`);
    const result = await cloneB.nx(['run', 'db:generate'], { ...remote(), NX_SELF_HOSTED_REMOTE_CACHE_ACCESS_TOKEN: 'wrong' });
    expect(result.code).not.toBe(0);
    expect(result.stdout + result.stderr).toContain('Unauthorized: invalid access token');
    const refused = server.requests.slice(before);
    expect(refused.length).toBeGreaterThan(0);
    expect(refused.every((request) => request.endsWith(' 401'))).toBe(true);
    expect(server.entries.size).toBe(2);
  });
});
