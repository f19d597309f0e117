/**
 * The plugin in a real `vite` dev server: a schema request is served as the module, a broken
 * schema answers with the error Vite's overlay shows (message, id, loc, frame, plugin), a valid
 * save recovers, writing the sidecar does not reach Vite's file watcher, a schema outside Vite's
 * root is watched all the same, and zod, which the generated module imports, is pre-bundled from
 * the start when the app resolves it.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createServer, resolveConfig, type ViteDevServer } from 'vite';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import vitePlugin from '../src/vite.js';
import { fixtureApp, shopSchema, type FixtureApp } from './support/fixture-app.js';

/** The overlay payload Vite embeds in its 500 page: `prepareError(err)`, as the client's overlay gets it. */
interface OverlayError {
  readonly message: string;
  readonly id?: string;
  readonly frame?: string;
  readonly plugin?: string;
  readonly loc?: { readonly file?: string; readonly line: number; readonly column: number };
}

function overlayError(html: string): OverlayError | null {
  const json = /const error = (\{.*\})\n/.exec(html)?.[1];
  return json === undefined ? null : (JSON.parse(json) as OverlayError);
}

/** A started dev server for the app, rooted at `root` (default: the app's folder). */
async function startServer(app: FixtureApp, root = app.root): Promise<{ server: ViteDevServer; base: string }> {
  const server = await createServer({
    root,
    configFile: false,
    logLevel: 'silent',
    clearScreen: false,
    server: { port: 0, host: '127.0.0.1', fs: { allow: [app.root] } },
    optimizeDeps: { noDiscovery: true, include: [] },
    plugins: [vitePlugin()],
  });
  await server.listen();
  return { server, base: `http://127.0.0.1:${(server.httpServer?.address() as AddressInfo).port}` };
}

describe('vite dev server', () => {
  let app: FixtureApp;
  let server: ViteDevServer;
  let base: string;

  beforeEach(async () => {
    app = fixtureApp();
    ({ server, base } = await startServer(app));
  });

  afterEach(async () => {
    await server.close();
    app.dispose();
  });

  // Vite marks an import of a file it does not know as JavaScript with `?import`.
  const fetchSchema = (): Promise<Response> => fetch(`${base}/schema.graphql?import`);

  it('serves the schema module and writes its sidecar', async () => {
    const response = await fetchSchema();
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/javascript/);
    const code = await response.text();
    expect(code).toContain('export const OrderSchema = ');
    expect(code).not.toMatch(/graphql/i);
    expect(app.read('schema.d.graphql.ts')).toContain('export declare const OrderSchema: z.ZodObject<');
  });

  it('answers a broken schema with the overlay error, and recovers on a valid save', async () => {
    const broken = shopSchema.replace('  note: String\n', '  note: String @wes_foo\n');
    app.write('schema.graphql', broken);
    const failed = await fetchSchema();
    expect(failed.status).toBe(500);
    const error = overlayError(await failed.text());
    const line = broken.split('\n').findIndex((l) => l.includes('@wes_foo')) + 1;
    expect(error).toMatchObject({
      id: app.path('schema.graphql'),
      plugin: 'wesley',
      // Counted from 1: the overlay prints it and opens the editor at it.
      loc: { file: app.path('schema.graphql'), line, column: '  note: String @'.length },
    });
    expect(error?.message).toContain('WES003 unknown directive @wes_foo');
    expect(error?.frame).toContain(`> ${line} |   note: String @wes_foo`);

    app.write('schema.graphql', shopSchema);
    // Vite invalidates the module when its watcher reports the save.
    await vi.waitFor(async () => expect((await fetchSchema()).status).toBe(200), { timeout: 10_000, interval: 50 });
  });

  it('keeps the sidecar out of the file watcher', async () => {
    await fetchSchema();
    const seen: string[] = [];
    server.watcher.on('all', (_event, file) => void seen.push(file));
    app.write('schema.d.graphql.ts', `${app.read('schema.d.graphql.ts')}// touched\n`);
    app.write('main.ts', `${app.read('main.ts')}// touched\n`);
    // The watcher is alive (it reports main.ts) and has said nothing about the sidecar.
    await vi.waitFor(() => expect(seen).toContain(app.path('main.ts')), { timeout: 10_000, interval: 20 });
    expect(seen).not.toContain(app.path('schema.d.graphql.ts'));
  });
});

describe('vite dev server rooted in a subfolder', () => {
  it('watches a schema outside its root once it serves it', { timeout: 15_000 }, async () => {
    const app = fixtureApp();
    mkdirSync(app.path('web'));
    const { server, base } = await startServer(app, app.path('web'));
    try {
      // Vite watches its root by itself; a file outside it only when a plugin says it read it.
      const response = await fetch(`${base}/@fs${app.path('schema.graphql')}?import`);
      expect(response.status).toBe(200);
      await vi.waitFor(() => expect(server.watcher.getWatched()[app.root] ?? []).toContain('schema.graphql'), {
        timeout: 10_000,
        interval: 20,
      });
    } finally {
      await server.close();
      app.dispose();
    }
  });
});

describe('dependency pre-bundling', () => {
  /** The resolved `optimizeDeps.include` of a config with the plugin, rooted at `root`. */
  async function includedDeps(root: string): Promise<readonly string[]> {
    const config = await resolveConfig({ root, configFile: false, logLevel: 'silent', plugins: [vitePlugin()] }, 'serve');
    return config.optimizeDeps.include ?? [];
  }

  it('pre-bundles zod from the start, which the dependency scan cannot find behind the schema import', async () => {
    // Found only when the browser first requests the schema module, zod would be pre-bundled
    // then, and Vite would reload the page during its first load (the browser tests see it).
    const app = fixtureApp();
    try {
      expect(await includedDeps(app.root)).toContain('zod');
    } finally {
      app.dispose();
    }
  });

  it('leaves zod out for an app that cannot resolve it', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'wesley-no-zod-'));
    try {
      expect(await includedDeps(root)).not.toContain('zod');
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
