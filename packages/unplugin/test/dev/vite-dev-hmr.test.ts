// A real Vite dev server on a temporary copy of ./fixture, and a client on its HMR socket that
// behaves like the browser's: on an `update` it requests the updated modules again. Saving the
// schema must hot-update the importer (never a full reload), serve the new exports, and rewrite
// the sidecar without the watcher noticing; an invalid save must arrive as an `error` carrying the
// compiler's diagnostic, and the next valid save must update again.
import { cp, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createServer, type ViteDevServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import wesley from '../../src/vite.js';
import { exportedNames } from './exported-names.js';
import { fetchModule, importUrl, type ServedModule } from './fetch-module.js';
import { connectHmr, type HmrClient, type HmrMessage } from './hmr-client.mjs';
import { save, watched } from './save.mjs';

const fixture = fileURLToPath(new URL('./fixture/', import.meta.url));
const repoNodeModules = fileURLToPath(new URL('../../../../node_modules/', import.meta.url));

/** The fixture's schema with one more table, `Tag`. */
const withTag = (schema: string) => `${schema}\ntype Tag @wes_table {\n  label: String! @wes_pk\n}\n`;
/** The fixture's schema with a column of the custom scalar `Code`. */
const withCode = (schema: string) => `scalar Code\n${schema.replace('  text: String!', '  code: Code\n  text: String!')}`;
/** A wesley.config.json mapping `Code` to `type`. */
const config = (type: string) => JSON.stringify({ schema: 'schema.graphql', scalars: { Code: type } });

let root = '';
let schemaFile = '';
let sidecarFile = '';
let server: ViteDevServer | undefined;
let origin = '';
let hmr: HmrClient | undefined;
let original = '';
let configFile = '';
/** Every file event the dev server's watcher reported, in order: `change /tmp/.../schema.graphql`. */
const fileEvents: string[] = [];

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'wesley-vite-dev-'));
  await cp(fixture, root, { recursive: true });
  // The generated module imports `zod`: resolve it from the repository, as an app's own install would.
  await symlink(repoNodeModules, join(root, 'node_modules'), 'dir');
  schemaFile = join(root, 'schema.graphql');
  sidecarFile = join(root, 'schema.d.graphql.ts');
  original = await readFile(schemaFile, 'utf8');
  // The plugin reads custom scalars from the project's config (see the config test).
  configFile = join(root, 'wesley.config.json');
  await writeFile(configFile, config('varchar(3)'));
  server = await createServer({
    configFile: false,
    root,
    cacheDir: join(root, '.vite'),
    logLevel: 'silent',
    plugins: [wesley({ config: 'wesley.config.json' })],
    server: { host: '127.0.0.1', port: 0, fs: { allow: [root, repoNodeModules] } },
  });
  server.watcher.on('all', (event, file) => fileEvents.push(`${event} ${file}`));
  await server.listen();
  origin = `http://127.0.0.1:${(server.httpServer!.address() as AddressInfo).port}`;
  hmr = await connectHmr(origin, server.config.webSocketToken);
}, 30_000);

afterAll(async () => {
  await hmr?.close();
  await server?.close();
  // Vite's dependency optimizer may still be clearing its .vite/deps_temp_* after close(): a
  // removal that meets a directory it just wrote into again (ENOTEMPTY) is retried.
  if (root) await rm(root, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
});

describe('vite dev', { timeout: 30_000 }, () => {
  it('serves the schema as a module of Zod schemas and enums, and writes the sidecar when it is first served', async () => {
    const { schema } = await loadPage();
    expect(schema.status).toBe(200);
    expect(exportedNames(schema.code)).toEqual(expect.arrayContaining(['NoteKind', 'NoteKindSchema', 'NoteSchema', 'NoteInsertSchema']));
    expect(await readFile(sidecarFile, 'utf8')).toMatch(/\bNoteInsertSchema\b/);
  });

  it('hot-updates the importer on a save, serves the new exports, and rewrites the sidecar unseen by the watcher', async () => {
    await loadPage();
    await watched(server!, schemaFile);
    const mark = hmr!.messages.length;
    const eventMark = fileEvents.length;

    save(schemaFile, withTag(original));
    const update = await nextOutcome(mark);

    expect(update.type).toBe('update');
    expect(update.updates).toEqual([expect.objectContaining({ type: 'js-update', path: '/main.ts', acceptedPath: '/main.ts' })]);
    const { schema } = await loadPage(update);
    expect(schema.status).toBe(200);
    expect(exportedNames(schema.code)).toEqual(expect.arrayContaining(['TagSchema', 'TagInsertSchema', 'NoteInsertSchema']));

    await until(async () => /\bTagInsertSchema\b/.test(await readFile(sidecarFile, 'utf8')), 'the sidecar to declare TagInsertSchema');
    // A watcher reports a write within milliseconds; give it ample time to turn the sidecar's
    // into an event, an update or a reload, which it must not. (Should chokidar report one save of
    // the schema twice, Vite sends two updates: one per report of the schema is right.)
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(fileEvents.filter((event) => event.endsWith(sidecarFile))).toEqual([]);
    const schemaChanges = fileEvents.slice(eventMark).filter((event) => event === `change ${schemaFile}`);
    const outcomes = hmr!.messages.slice(mark).filter((message) => message.type !== 'connected');
    expect(outcomes.map((message) => message.type)).toEqual(schemaChanges.map(() => 'update'));
  });

  it('reports an invalid save as an error with the diagnostic, and the next valid save updates again', async () => {
    await loadPage();
    await watched(server!, schemaFile);
    const invalid = withTag(original).replace('  text: String!', '  nope: String @wes_nope\n  text: String!');
    const lines = invalid.split('\n');
    const line = lines.findIndex((text) => text.includes('@wes_nope')) + 1;
    const column = lines[line - 1]!.indexOf('@wes_nope') + 1;
    const mark = hmr!.messages.length;

    save(schemaFile, invalid);
    const outcome = await nextOutcome(mark);
    expect(outcome.type).not.toBe('full-reload');
    // The browser re-requests what an update names; the failing request is what surfaces the error.
    if (outcome.type === 'update') expect((await loadPage(outcome)).schema.status).toBe(500);
    const error = await hmr!.waitFor((message) => message.type === 'error', mark);
    const err = error.err as { message: string; loc?: { file?: string; line: number; column: number } };
    expect(err.message).toContain('WES003');
    expect(err.message).toContain('@wes_nope');
    // Vite's `loc` counts columns from 1, as the diagnostic: the overlay prints it and opens the editor at it.
    expect(err.loc).toEqual({ file: schemaFile, line, column });

    const recovered = withTag(original).replace('  TODO\n', '  TODO\n  DONE\n');
    await watched(server!, schemaFile);
    const markRecovered = hmr!.messages.length;
    save(schemaFile, recovered);
    const update = await nextOutcome(markRecovered);

    expect(update.type).toBe('update');
    const { schema } = await loadPage(update);
    expect(schema.status).toBe(200);
    expect(schema.code).toContain("'DONE'");
  });

  it("hot-updates the importer when the config's scalars change", async () => {
    await watched(server!, schemaFile);
    let mark = hmr!.messages.length;
    save(schemaFile, withCode(original));
    let update = await nextOutcome(mark);
    expect(update.type).toBe('update');
    expect((await loadPage(update)).schema.code).toMatch(/code: z\.string\(\)\.max\(3\)/);

    await watched(server!, configFile);
    mark = hmr!.messages.length;
    save(configFile, config('varchar(8)'));
    update = await nextOutcome(mark);
    expect(update.type).toBe('update');
    expect((await loadPage(update)).schema.code).toMatch(/code: z\.string\(\)\.max\(8\)/);
  });
});

/** The server's answer to a save: the first update, full reload or error after message `mark`. */
function nextOutcome(mark: number): Promise<HmrMessage & { updates?: unknown }> {
  return hmr!.waitFor((message) => ['update', 'full-reload', 'error'].includes(message.type), mark);
}

/**
 * Requests `/main.ts` and the schema module it imports, as the browser does on first load, or,
 * given an update, as its HMR client does: the accepted module with the update's timestamp.
 */
async function loadPage(update?: HmrMessage): Promise<{ main: ServedModule; schema: ServedModule }> {
  const accepted = (update?.updates as { acceptedPath: string; timestamp: number }[] | undefined)?.[0];
  const main = await fetchModule(origin, accepted ? `${accepted.acceptedPath}?t=${accepted.timestamp}` : '/main.ts');
  expect(main.status).toBe(200);
  return { main, schema: await fetchModule(origin, importUrl(main, 'schema.graphql')) };
}

async function until(condition: () => Promise<boolean>, what: string, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
