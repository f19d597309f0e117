// End to end: examples/react-app (@vitejs/plugin-react) on a real `vite` dev server and the
// Chromium of @sparticuz/chromium. The component imports the schema and has no `import.meta.hot`
// code: a schema edit must reach it through React Fast Refresh, in place, with its state kept.
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { save, watched } from '../dev/save.mjs';
import { countLoads, errorFor, startExampleApp, type ExampleApp } from './example-app.js';
import { launchChromium } from './launch-chromium.js';

let app: ExampleApp | undefined;
let browser: Browser | undefined;

beforeAll(async () => {
  app = await startExampleApp('react-app');
  browser = await launchChromium();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await app?.close();
});

it(
  're-renders the component that imports the schema by the new schema, with no reload and its state kept',
  { timeout: 120_000 },
  async () => {
    const { server, schemaFile, origin } = app!;
    const page = await browser!.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    const loads = countLoads(page);
    await page.goto(origin);
    await page.waitForSelector('#statuses li', { timeout: 60_000 });
    expect(await page.locator('#statuses li').allTextContents()).toEqual(['PENDING', 'PAID', 'SHIPPED', 'CANCELLED']);

    await page.fill('#email', 'ada@example.com');
    await page.fill('#name', 'Ada Lovelace');
    expect(await errorFor(page, 'name')).toBe('');
    expect(await page.textContent('#result')).toContain('Ready to insert');

    await page.evaluate(() => Object.assign(globalThis, { wesleyMarker: 'still the same page' }));
    const loadsBefore = loads();
    await watched(server, schemaFile);
    const schema = await readFile(schemaFile, 'utf8');
    // The same input becomes invalid: at most 5 characters for the name.
    const edited = schema.replace(/^(\s*name: String!.*)$/m, '$1 @wes_constraint(maxLength: 5)');
    expect(edited).toContain('@wes_constraint(maxLength: 5)');
    save(schemaFile, edited);

    await expect.poll(() => errorFor(page, 'name'), { timeout: 30_000 }).toContain('5');
    expect(await page.textContent('#result')).toBe('');
    expect(await page.inputValue('#name')).toBe('Ada Lovelace');
    expect(await page.inputValue('#email')).toBe('ada@example.com');
    expect(await page.evaluate(() => (globalThis as { wesleyMarker?: string }).wesleyMarker)).toBe('still the same page');
    expect(loads()).toBe(loadsBefore);
    // Nor did the server ask for one, then or at the first visit (zod is pre-bundled at start).
    expect(app!.fullReloads).toEqual([]);

    await page.fill('#name', 'Ada');
    expect(await errorFor(page, 'name')).toBe('');
    expect(pageErrors).toEqual([]);
  },
);

it('type-checks with tsc through the sidecar its dev server writes', { timeout: 60_000 }, async () => {
  const { dir } = app!;
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  const output = await new Promise<string>((resolve) => {
    execFile(process.execPath, [tsc, '--noEmit', '--pretty', 'false', '-p', join(dir, 'react-app')], (error, stdout, stderr) =>
      resolve(error === null ? '' : `${error.message}\n${stdout}${stderr}`),
    );
  });
  expect(output).toBe('');
});
