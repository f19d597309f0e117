// End to end: the Chromium of the npm package @sparticuz/chromium, driven by playwright-core, on the dev server of
// examples/shop-app with the example's own vite.config.ts; and `tsc` on the example through the
// sidecar that server writes. Everything runs on a temporary copy of the example and of the shop
// schema, so editing the schema never touches the repository.
import { execFile } from 'node:child_process';
import { access, readFile } from 'node:fs/promises';
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
  app = await startExampleApp('shop-app');
  browser = await launchChromium();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await app?.close();
});

it('validates the form with the generated Zod schema and follows a schema edit without a reload', { timeout: 60_000 }, async () => {
  const { server, schemaFile, origin } = app!;
  const page = await browser!.newPage();
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  const loads = countLoads(page);
  await page.goto(origin);
  expect(await page.locator('#statuses li').allTextContents()).toEqual(['PENDING', 'PAID', 'SHIPPED', 'CANCELLED']);

  // The shop schema bounds the email by its column, varchar(320), and nothing else.
  await page.fill('#email', `${'a'.repeat(320)}@example.com`);
  expect(await errorFor(page, 'email')).toContain('320');
  await page.fill('#email', 'not-an-email');
  await page.fill('#name', 'Ada');
  expect(await errorFor(page, 'email')).toBe('');
  expect(await page.textContent('#result')).toContain('Ready to insert');

  await page.evaluate(() => Object.assign(globalThis, { wesleyMarker: 'still the same page' }));
  const loadsBefore = loads();
  expect(loadsBefore).toBe(1);
  await watched(server, schemaFile);
  const schema = await readFile(schemaFile, 'utf8');
  const edited = schema
    .replace(/^(\s*email: String!.*)$/m, '$1 @wes_constraint(pattern: "^[^@\\\\s]+@[^@\\\\s]+$")')
    .replace(/^(\s*)CANCELLED$/m, '$1CANCELLED\n$1REFUNDED');
  expect(edited).toContain('@wes_constraint(pattern');
  expect(edited).toContain('REFUNDED');
  save(schemaFile, edited);

  await expect.poll(() => errorFor(page, 'email'), { timeout: 30_000 }).toContain('pattern');
  expect(await page.textContent('#result')).toBe('');
  expect(await page.locator('#statuses li').allTextContents()).toEqual(['PENDING', 'PAID', 'SHIPPED', 'CANCELLED', 'REFUNDED']);
  expect(await page.inputValue('#email')).toBe('not-an-email');
  expect(await page.evaluate(() => (globalThis as { wesleyMarker?: string }).wesleyMarker)).toBe('still the same page');
  expect(loads()).toBe(loadsBefore);
  // Nor did the server ask for one, then or at the first visit (zod is pre-bundled at start).
  expect(app!.fullReloads).toEqual([]);

  await page.fill('#email', 'ada@example.com');
  expect(await errorFor(page, 'email')).toBe('');
  expect(pageErrors).toEqual([]);
});

it('type-checks with tsc through the sidecar its dev server writes', { timeout: 60_000 }, async () => {
  const { dir, schemaFile, origin } = app!;
  // Requesting the schema module is what writes the sidecar.
  expect((await fetch(new URL(`/@fs${schemaFile}?import`, origin))).status).toBe(200);
  await access(join(dir, 'shop', 'schema.d.graphql.ts'));
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  const output = await new Promise<string>((resolve) => {
    execFile(process.execPath, [tsc, '--noEmit', '--pretty', 'false', '-p', join(dir, 'shop-app')], (error, stdout, stderr) =>
      resolve(error === null ? '' : `${error.message}\n${stdout}${stderr}`),
    );
  });
  expect(output).toBe('');
});
