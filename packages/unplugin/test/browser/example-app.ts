// One example app of examples/ on a real `vite` dev server, run from a temporary copy of the app
// and of the shop schema, so editing the schema never touches the repository.
import { cp, mkdir, mkdtemp, rm, symlink } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { createServer, type ViteDevServer } from 'vite';

const repo = new URL('../../../../', import.meta.url);
const repoNodeModules = fileURLToPath(new URL('node_modules/', repo));

export interface ExampleApp {
  /** The temporary directory holding `<name>/`, `shop/` and a `node_modules` link. */
  readonly dir: string;
  /** The copy of examples/shop/schema.graphql the app imports. */
  readonly schemaFile: string;
  readonly server: ViteDevServer;
  readonly origin: string;
  /**
   * Every `full-reload` the server has sent its pages, from the start: a schema edit no module
   * accepted ("page reload ...") and dependencies pre-bundled late ("optimized dependencies
   * changed. reloading") alike.
   */
  readonly fullReloads: readonly unknown[];
  close(): Promise<void>;
}

/**
 * Starts the dev server of `examples/<name>` with the example's own vite.config.ts, on a copy in
 * the layout of examples/ (the app imports ../shop/schema.graphql). Dependencies (zod, react, the
 * plugins named in vite.config.ts) resolve from the repository's node_modules.
 */
export async function startExampleApp(name: string): Promise<ExampleApp> {
  const dir = await mkdtemp(join(tmpdir(), `wesley-${name}-`));
  try {
    await cp(fileURLToPath(new URL(`examples/${name}/`, repo)), join(dir, name), { recursive: true });
    await mkdir(join(dir, 'shop'));
    const schemaFile = join(dir, 'shop', 'schema.graphql');
    await cp(fileURLToPath(new URL('examples/shop/schema.graphql', repo)), schemaFile);
    await symlink(repoNodeModules, join(dir, 'node_modules'), 'dir');
    const server = await createServer({
      root: join(dir, name),
      configFile: join(dir, name, 'vite.config.ts'),
      cacheDir: join(dir, '.vite'),
      logLevel: 'silent',
      server: { host: '127.0.0.1', port: 0, fs: { allow: [dir, repoNodeModules] } },
    });
    const fullReloads: unknown[] = [];
    const hot = server.environments.client.hot;
    const send = hot.send.bind(hot);
    hot.send = (...args: unknown[]) => {
      if ((args[0] as { type?: string } | undefined)?.type === 'full-reload') fullReloads.push(args[0]);
      Reflect.apply(send, undefined, args);
    };
    await server.listen();
    const origin = `http://127.0.0.1:${(server.httpServer!.address() as AddressInfo).port}`;
    return {
      dir,
      schemaFile,
      server,
      origin,
      fullReloads,
      async close() {
        await server.close();
        await rm(dir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
}

/** The page's document loads (the first one and every reload), counted from `page.on('load')`. */
export function countLoads(page: Page): () => number {
  let loads = 0;
  page.on('load', () => loads++);
  return () => loads;
}

/** The error the page shows under `field` ('' when none). */
export async function errorFor(page: Page, field: string): Promise<string> {
  return (await page.textContent(`output[for="${field}"]`)) ?? '';
}
